/// Where a control point carried over from an earlier plan comes from: last year's plan, its
/// result there, and the actions written at the year end, the starting point for this year.
public struct PreviousYear: Sendable, Hashable, Codable {
    /// The earlier plan's folder name, e.g. "socialnamnden-2023".
    public var plan: String
    /// The year it was last followed up.
    public var year: Int
    /// The first year it was followed up (the appendix says "följs upp sedan 2023").
    public var since: Int
    /// Its id in that plan.
    public var id: ControlID
    /// Its signal at that year's end (the level's id), or nil when it was not assessed.
    public var signal: String?
    /// The actions text of that year's end assessment.
    public var actions: String

    /// Creates a reference.
    public init(plan: String, year: Int, since: Int, id: ControlID, signal: String?, actions: String) {
        self.plan = plan
        self.year = year
        self.since = since
        self.id = id
        self.signal = signal
        self.actions = actions
    }
}
