/// The two moments a committee follows up its plan.
public enum ReportPoint: String, Sendable, Hashable, Codable, CaseIterable, PlanToken {
    /// The interim report (*delårsbokslut*).
    case interim
    /// The year-end report (*årsbokslut*).
    case yearEnd = "year-end"

    /// Other words a user may type.
    public var aliases: [String] {
        switch self {
        case .interim: ["delår", "delårsbokslut", "delårsrapport"]
        case .yearEnd: ["år", "årsbokslut", "bokslut"]
        }
    }

    /// What the choice is called in messages.
    public static var noun: String { "a report point" }

    /// The Swedish noun for titles: "delårsbokslut", "årsbokslut".
    public var swedish: String { self == .interim ? "delårsbokslut" : "årsbokslut" }

    /// Whether a control followed up as `followUp` is reported at this point.
    public func covers(_ followUp: FollowUp) -> Bool {
        followUp == .both || (self == .interim ? followUp == .interim : followUp == .yearEnd)
    }
}

/// What an assessment is about: one control point, or a whole risk area.
public enum AssessmentTarget: Sendable, Hashable, Codable {
    /// A control point.
    case control(ControlID)
    /// A risk area with all its control points.
    case risk(RiskID)

    private enum CodingKeys: String, CodingKey { case control, risk }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let control = try container.decodeIfPresent(ControlID.self, forKey: .control) {
            self = .control(control)
        } else {
            self = .risk(try container.decode(RiskID.self, forKey: .risk))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .control(let id): try container.encode(id, forKey: .control)
        case .risk(let id): try container.encode(id, forKey: .risk)
        }
    }
}

/// A control owner's assessment at a report point: the signal and the texts that go into
/// *Resultat och åtgärder*. A later assessment of the same target and point replaces it.
public struct AssessmentRecord: Sendable, Hashable, Codable {
    /// What is assessed.
    public var target: AssessmentTarget
    /// At which report.
    public var point: ReportPoint
    /// The signal level's id in the plan's scale, e.g. `green`.
    public var signal: String
    /// The officer's result text (follows the generated sentences).
    public var result: String
    /// The actions taken or planned.
    public var actions: String
    /// The day it was made (`assess --date`). Lines written before assessments carried a date have
    /// none; the year's fold gives them the day of their journal time.
    public var date: Day?

    /// Creates an assessment.
    public init(
        target: AssessmentTarget, point: ReportPoint, signal: String, result: String, actions: String,
        date: Day? = nil
    ) {
        self.target = target
        self.point = point
        self.signal = signal
        self.result = result
        self.actions = actions
        self.date = date
    }
}
