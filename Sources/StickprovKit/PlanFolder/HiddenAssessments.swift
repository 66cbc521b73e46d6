/// A recorded assessment a plan would show in no report, and why.
public struct HiddenAssessment: Sendable, Equatable {
    /// Why no appendix would show it.
    public enum Reason: Sendable, Equatable {
        /// The target is not followed up at the assessment's report point any more.
        case notFollowedUp(FollowUp)
        /// The plan assesses at the other level (areas instead of control points, or the reverse).
        case level(AssessmentLevel)
        /// The plan's scale no longer has the assessment's level.
        case signalRemoved
        /// A risk area assessed as a whole has no control points left (the appendix lists none of it).
        case noControlPoints
        /// The plan has no such control point or risk.
        case targetMissing
    }

    /// What was assessed.
    public let target: AssessmentTarget
    /// At which report.
    public let point: ReportPoint
    /// The level's id.
    public let signal: String
    /// The level's short name, as the plan that showed it names it ("Gul").
    public let signalName: String
    /// The day the assessment was made.
    public let date: Day
    /// Its journal line.
    public let line: Int
    /// Why it would not be shown.
    public let reason: Reason

    /// "control point K3 at delårsbokslut (2023-08-31, Gul; journal line 57)".
    public var name: String {
        "\(target.noun) at \(point.swedish) (\(date), \(signalName); journal line \(line))"
    }

    /// Why, in words, of a change ("it would be followed up at årsbokslut only") or, with `isChange`
    /// false, of the plan as it is ("it is followed up at årsbokslut only").
    public func because(isChange: Bool = true) -> String {
        let (be, have) = isChange ? ("would be", "would have") : ("is", "has")
        switch reason {
        case .notFollowedUp(let followUp): return "it \(be) followed up at \(followUp.swedishLabel.lowercased()) only"
        case .level(.risk): return "the plan \(isChange ? "would assess" : "assesses") risk areas, not control points"
        case .level(.controlPoint):
            return "the plan \(isChange ? "would assess" : "assesses") control points, not risk areas"
        case .signalRemoved:
            return "its signal '\(signal)' \(isChange ? "would no longer be" : "is no longer") in the plan's scale"
        case .noControlPoints: return "the area \(have) no control points left"
        case .targetMissing: return "the plan has no \(target.noun)"
        }
    }

    /// What the journal records when a change supersedes it.
    public var superseded: SupersededAssessment {
        SupersededAssessment(
            target: target, point: point, signal: signal, signalName: signalName, date: date, line: line)
    }
}

/// Which recorded assessments a plan shows in some report: the rule that keeps a plan change from
/// making an assessment vanish from the appendix unseen. An assessment is shown when its target is
/// in the plan at the level the plan assesses, is followed up at its report point, and its level
/// is in the plan's scale (``Appendix`` and ``ReportedAssessment`` read exactly those).
public enum AssessmentVisibility {
    /// Why no report of `plan` would show `record`, or nil when one does.
    public static func reason(_ record: AssessmentRecord, in plan: ControlPlan) -> HiddenAssessment.Reason? {
        switch record.target {
        case .control(let id):
            guard plan.control(id) != nil else { return .targetMissing }
            if plan.assessmentLevel == .risk { return .level(.risk) }
        case .risk(let id):
            guard let risk = plan.risk(id) else { return .targetMissing }
            if plan.assessmentLevel == .controlPoint { return .level(.controlPoint) }
            if risk.controls.isEmpty { return .noControlPoints }
        }
        let followUp = plan.followUp(of: record.target)
        if !record.point.covers(followUp) { return .notFollowedUp(followUp) }
        if plan.signals.level(record.signal) == nil { return .signalRemoved }
        return nil
    }

    /// The current assessments of `state` that `plan` shows in no report, in journal order;
    /// `names` is the plan whose scale names their levels (default `plan`).
    public static func hidden(in plan: ControlPlan, state: YearState, names: ControlPlan? = nil) -> [HiddenAssessment] {
        let scale = (names ?? plan).signals
        var hidden: [HiddenAssessment] = []
        for (target, byPoint) in state.assessments {
            for (point, record) in byPoint {
                guard let reason = reason(record, in: plan) else { continue }
                hidden.append(
                    HiddenAssessment(
                        target: target, point: point, signal: record.signal,
                        signalName: scale.level(record.signal)?.displayName ?? record.signal,
                        date: record.date ?? Day(daysSinceEpoch: 0),
                        line: state.assessmentLines[target]?[point] ?? 0, reason: reason))
            }
        }
        return hidden.sorted { $0.line < $1.line }
    }

    /// The assessments of `state` that `old` shows and `new` would show in no report.
    public static func hiddenByChange(from old: ControlPlan, to new: ControlPlan, state: YearState)
        -> [HiddenAssessment]
    {
        let before = Set(hidden(in: old, state: state).map(\.line))
        return hidden(in: new, state: state, names: old).filter { !before.contains($0.line) }
    }

    /// Whether a change from `old` to `new` touches anything an assessment's visibility rests on
    /// (the level, the scale's ids, each control point's area and follow-up); when not, the journal
    /// need not be read.
    public static func mayHide(from old: ControlPlan, to new: ControlPlan) -> Bool {
        func shape(_ plan: ControlPlan) -> [String] {
            [plan.assessmentLevel.rawValue] + plan.signals.levels.map(\.id).sorted()
                + plan.risks.flatMap { risk in
                    ["risk \(risk.id)"] + risk.controls.map { "\(risk.id) \($0.id) \($0.followUp.rawValue)" }
                }.sorted()
        }
        return shape(old) != shape(new)
    }
}
