/// What the journal records about private providers (*privata utförare*) for Bilaga 2:
/// a contract's follow-up, or the committee's comment on the follow-up as a whole.
/// A later record of the same contract (or a later comment) replaces the earlier one; both stay in the journal.
public enum ProviderRecord: Sendable, Hashable, Codable {
    /// One contract's follow-up.
    case followUp(ContractFollowUp)
    /// The comment on the year's follow-up of private providers as a whole.
    case comment(String)

    private enum CodingKeys: String, CodingKey { case followUp, comment }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let followUp = try container.decodeIfPresent(ContractFollowUp.self, forKey: .followUp) {
            self = .followUp(followUp)
        } else {
            self = .comment(try container.decode(String.self, forKey: .comment))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .followUp(let followUp): try container.encode(followUp, forKey: .followUp)
        case .comment(let text): try container.encode(text, forKey: .comment)
        }
    }

    /// The record with its follow-up dated `day` (a comment is not dated).
    public func dated(_ day: Day?) -> ProviderRecord {
        guard case .followUp(var followUp) = self, let day else { return self }
        followUp.date = day
        return .followUp(followUp)
    }

    /// The day a provider follow-up is dated: `given`, which must lie in the plan's window (``PlanWindow``)
    /// and not after today; none when not given (a follow-up is never dated by the machine's clock).
    /// - Throws: ``RecordError/dateOutsideWindow(_:window:)`` or ``RecordError/dateAfterToday(_:today:)``.
    public static func day(given: Day?, today: Day, planYear: Int) throws(RecordError) -> Day? {
        guard let given else { return nil }
        return try Recording.eventDay(
            given: given, today: today, planYear: planYear, window: PlanWindow.days(year: planYear),
            what: "the day of the follow-up")
    }

    /// A checked comment record.
    /// - Throws: ``ProviderError/personalData(field:masked:)`` or ``ProviderError/emptyField(_:)``.
    public static func comment(checking text: String) throws(ProviderError) -> ProviderRecord {
        let text = text.trimmingASCIIWhitespace()
        guard !text.isEmpty else { throw .emptyField("Kommentar") }
        if let match = PersonalIdentityNumber.find(in: text).first {
            throw .personalData(field: "Kommentar", masked: match.masked)
        }
        return .comment(text)
    }
}
