/// Checks a plan's signal scale against the year's assessments: a level removed or renamed by a
/// hand edit of plan.json would make an assessment show as not assessed.
extension SignalScale {
    /// The assessments in `state` whose level the scale no longer has, in a stable order.
    public func orphans(in state: YearState) -> [(target: AssessmentTarget, point: ReportPoint, signal: String)] {
        state.assessments.flatMap { target, byPoint in
            byPoint.values.filter { level($0.signal) == nil }.map { (target, $0.point, $0.signal) }
        }.sorted { "\($0.target)\($0.point)" < "\($1.target)\($1.point)" }
    }

    /// One line per orphaned assessment, for `plan validate`: what was assessed, when, and the level's id.
    public func orphanMessages(in state: YearState) -> [String] {
        orphans(in: state).map { orphan in
            let what: String
            switch orphan.target {
            case .control(let id): what = "control point \(id)"
            case .risk(let id): what = "risk \(id)"
            }
            return "the journal assesses \(what) at \(orphan.point.swedish) as '\(orphan.signal)', "
                + "which is not in the plan's signals any more; give the level that id back (its label may change)"
        }
    }
}
