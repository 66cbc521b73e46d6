/// Which assessment the appendix shows for a target at a report point, shared by `report`,
/// the summary and `status` so they agree on every signal.
///
/// The year-end appendix lists every control point and area of the year: one followed up only
/// at the interim shows its interim assessment there, as concluded at the interim
/// (*slutredovisades vid delårsbokslutet*). An area is followed up when any of its control
/// points is.
public struct ReportedAssessment: Sendable, Equatable {
    /// The assessment that holds.
    public let record: AssessmentRecord
    /// Whether it was made at the interim and is shown at the year end as concluded then.
    public let isConcludedAtInterim: Bool

    /// The assessment of `target` the appendix at `point` shows, or `nil` when none holds.
    public static func of(
        _ target: AssessmentTarget, at point: ReportPoint, plan: ControlPlan, state: YearState
    ) -> ReportedAssessment? {
        let concluded = point == .yearEnd && plan.followUp(of: target) == .interim
        let asked: ReportPoint = concluded ? .interim : point
        return state.assessment(target, at: asked).map {
            ReportedAssessment(record: $0, isConcludedAtInterim: concluded)
        }
    }
}

extension ControlPlan {
    /// When a target is followed up: a control point's own follow-up; an area's is the union of
    /// its control points' (an area without control points is followed up at both).
    public func followUp(of target: AssessmentTarget) -> FollowUp {
        switch target {
        case .control(let id): return control(id)?.followUp ?? .both
        case .risk(let id):
            let points = risk(id)?.controls.map(\.followUp) ?? []
            let interim = points.contains { $0 != .yearEnd }
            let yearEnd = points.contains { $0 != .interim }
            switch (interim, yearEnd) {
            case (true, false): return .interim
            case (false, true): return .yearEnd
            default: return .both
            }
        }
    }

    /// Whether the appendix at `point` lists the target: the year end lists all; the interim
    /// those followed up then.
    public func lists(_ target: AssessmentTarget, at point: ReportPoint) -> Bool {
        point == .yearEnd || point.covers(followUp(of: target))
    }

    /// The level the plan assesses at, as a target of that level for `risk` and `control`.
    public func assessedTarget(risk: RiskID, control: ControlID) -> AssessmentTarget {
        assessmentLevel == .risk ? .risk(risk) : .control(control)
    }
}

extension AssessmentTarget {
    /// How a message names it: "risk area R1", "control point K3".
    public var noun: String {
        switch self {
        case .risk(let id): "risk area \(id)"
        case .control(let id): "control point \(id)"
        }
    }
}
