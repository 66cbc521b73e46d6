/// The committee's adoption of the plan, pinned in the journal: the meeting, the minute
/// paragraph, and the SHA-256 of plan.json as adopted (see ``PlanHash``).
public struct AdoptionRecord: Sendable, Hashable, Codable {
    /// The meeting date.
    public var date: Day
    /// The minute paragraph, e.g. "§ 123".
    public var paragraph: String?
    /// Lowercase hex SHA-256 of plan.json's bytes as adopted.
    public var sha256: String

    /// Creates a record.
    public init(date: Day, paragraph: String?, sha256: String) {
        self.date = date
        self.paragraph = paragraph
        self.sha256 = sha256
    }
}

/// A change to an adopted plan, recorded in the journal: what changed, the plan's new hash,
/// and the decision it rests on, if given.
public struct AmendmentRecord: Sendable, Hashable, Codable {
    /// What changed, in the words of the command that changed it ("Changed control point K3.")
    /// or of whoever recorded a change made by hand.
    public var summary: String
    /// The places in plan.json that differ, e.g. `risks[0].controls[2].responsible`.
    public var changes: [String]
    /// SHA-256 of plan.json before the change.
    public var previousSHA256: String
    /// SHA-256 of plan.json after the change.
    public var sha256: String
    /// The decision the change rests on, e.g. "SN 2023-06-14 § 77".
    public var decision: String?
    /// The date of that decision, or of the change when no decision is given.
    public var date: Day

    /// Creates a record.
    public init(
        summary: String, changes: [String], previousSHA256: String, sha256: String, decision: String?, date: Day
    ) {
        self.summary = summary
        self.changes = changes
        self.previousSHA256 = previousSHA256
        self.sha256 = sha256
        self.decision = decision
        self.date = date
    }
}
