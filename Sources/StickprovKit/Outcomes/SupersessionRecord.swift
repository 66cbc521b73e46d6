/// One recorded assessment a plan change took out of every report, as the journal keeps it.
public struct SupersededAssessment: Sendable, Hashable, Codable {
    /// What was assessed.
    public var target: AssessmentTarget
    /// At which report.
    public var point: ReportPoint
    /// The signal level's id.
    public var signal: String
    /// The level's short name in the plan as it was ("Gul"), which the appendix prints even when the
    /// change removed the level.
    public var signalName: String
    /// The day the assessment was made.
    public var date: Day
    /// The journal line of the assessment.
    public var line: Int

    /// Creates an entry.
    public init(target: AssessmentTarget, point: ReportPoint, signal: String, signalName: String, date: Day, line: Int)
    {
        self.target = target
        self.point = point
        self.signal = signal
        self.signalName = signalName
        self.date = date
        self.line = line
    }
}

/// What `--force` records when a plan change takes recorded assessments out of every report (a
/// follow-up, the assessment level, a removed signal level): those assessments no longer hold, and
/// the appendix says so in their place instead of dropping them unseen.
public struct SupersessionRecord: Sendable, Hashable, Codable {
    /// The assessments that no longer hold.
    public var assessments: [SupersededAssessment]
    /// The change, in the words of the command that made it ("Changed control point K3.").
    public var summary: String
    /// The day of the change.
    public var date: Day
    /// The decision the change rests on, if given.
    public var decision: String?

    /// Creates a record.
    public init(assessments: [SupersededAssessment], summary: String, date: Day, decision: String?) {
        self.assessments = assessments
        self.summary = summary
        self.date = date
        self.decision = decision
    }
}

/// An assessment that no longer holds, with the change that took it out, for the appendix.
public struct SupersededNote: Sendable, Equatable {
    /// The assessment.
    public let assessment: SupersededAssessment
    /// The day of the change.
    public let changed: Day
    /// The change's decision, if given.
    public let decision: String?

    /// The appendix's sentence: "Bedömningen vid delårsbokslutet (2023-08-31, Gul) gjordes enligt
    /// planen i dess tidigare lydelse; den gäller inte längre sedan planen ändrades 2023-10-12
    /// (SN 2023-10-11 § 88)." With `naming`, the assessed point or area is named ("Bedömningen av K3 …"),
    /// for a note in another target's cell.
    public func sentence(naming: Bool) -> String {
        let what: String
        switch assessment.target {
        case .control(let id): what = naming ? " av \(id)" : ""
        case .risk(let id): what = naming ? " av kontrollområde \(id)" : ""
        }
        let point = assessment.point == .interim ? "delårsbokslutet" : "årsbokslutet"
        return "Bedömningen\(what) vid \(point) (\(assessment.date), \(assessment.signalName)) gjordes enligt "
            + "planen i dess tidigare lydelse; den gäller inte längre sedan planen ändrades \(changed)"
            + (decision.map { " (\($0))" } ?? "") + "."
    }
}
