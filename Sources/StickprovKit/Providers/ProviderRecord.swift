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
