/// One row of *Bilaga 2. Uppföljning av privata utförare*: what the committee followed up
/// in one contract with a private provider during the year, and what came of it.
public struct ContractFollowUp: Sendable, Hashable, Codable {
    /// *Berört avtal*: the contract, e.g. "Hemtjänst, Omsorgshuset AB (LOV)".
    public var contract: String
    /// *Vad har följts upp?*
    public var followedUp: String
    /// *Har leverantören i huvudsak uppfyllt väsentliga mål och krav?* (Ja/Nej).
    public var isFulfilled: Bool
    /// *Om Nej, vilka brister har iakttagits?* Required when ``isFulfilled`` is false.
    public var shortcomings: String
    /// *Hur påverkar bristerna nämndens verksamhet?*
    public var impact: String
    /// *Vilka åtgärder har vidtagits?*
    public var actions: String
    /// The day of the follow-up (`--date`), when given; never the machine's clock. Not part of what
    /// the follow-up says: the same row recorded again with another day changes nothing.
    public var date: Day?

    /// The appendix's column headings, in order; the worksheet uses the same words.
    public static let columns = [
        "Berört avtal", "Vad har följts upp?", "Har leverantören i huvudsak uppfyllt väsentliga mål och krav?",
        "Om Nej, vilka brister har iakttagits?", "Hur påverkar bristerna nämndens verksamhet?",
        "Vilka åtgärder har vidtagits?",
    ]

    /// Checks and creates a follow-up; texts are trimmed.
    /// - Throws: ``ProviderError`` for an empty contract or follow-up text, a "Nej" without the
    ///   shortcomings described, or a text that holds something shaped like a personnummer.
    public init(
        contract: String, followedUp: String, isFulfilled: Bool, shortcomings: String = "", impact: String = "",
        actions: String = "", date: Day? = nil
    ) throws(ProviderError) {
        self.date = date
        self.contract = contract.trimmingASCIIWhitespace()
        self.followedUp = followedUp.trimmingASCIIWhitespace()
        self.isFulfilled = isFulfilled
        self.shortcomings = shortcomings.trimmingASCIIWhitespace()
        self.impact = impact.trimmingASCIIWhitespace()
        self.actions = actions.trimmingASCIIWhitespace()
        try check()
    }

    private enum CodingKeys: String, CodingKey {
        case contract, followedUp, isFulfilled, shortcomings, impact, actions, date
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        contract = try container.decode(String.self, forKey: .contract)
        followedUp = try container.decode(String.self, forKey: .followedUp)
        isFulfilled = try container.decode(Bool.self, forKey: .isFulfilled)
        shortcomings = try container.decodeIfPresent(String.self, forKey: .shortcomings) ?? ""
        impact = try container.decodeIfPresent(String.self, forKey: .impact) ?? ""
        actions = try container.decodeIfPresent(String.self, forKey: .actions) ?? ""
        date = try container.decodeIfPresent(Day.self, forKey: .date)
    }

    /// The texts with their column headings, in the appendix's order.
    var texts: [(column: String, text: String)] {
        [
            (Self.columns[0], contract), (Self.columns[1], followedUp), (Self.columns[3], shortcomings),
            (Self.columns[4], impact), (Self.columns[5], actions),
        ]
    }

    /// The rules every recorded follow-up keeps.
    func check() throws(ProviderError) {
        guard !contract.isEmpty else { throw .emptyField(Self.columns[0]) }
        guard !followedUp.isEmpty else { throw .emptyField(Self.columns[1]) }
        guard isFulfilled || !shortcomings.isEmpty else { throw .shortcomingsRequired(contract: contract) }
        for (column, text) in texts {
            if let match = PersonalIdentityNumber.find(in: text).first {
                throw .personalData(field: column, masked: match.masked)
            }
        }
    }

    /// "Ja" or "Nej".
    public var answer: String { isFulfilled ? "Ja" : "Nej" }

    /// Reads the answer to *Har leverantören i huvudsak uppfyllt…*: ja/nej, yes/no (any case).
    public static func fulfilment(_ word: String) -> Bool? {
        switch word.trimmingASCIIWhitespace().lowercased() {
        case "ja", "j", "yes", "y": true
        case "nej", "n", "no": false
        default: nil
        }
    }
}
