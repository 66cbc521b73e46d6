/// The journal names control points and risks by their ids (a draw's points, a result's point, a
/// measurement, an assessment) and never changes a line, so a plan change may not take such an id
/// away: renamed, its results would be read as nobody's, or, with the old id given to another
/// point, as that point's; removed, they would drop out of the appendix unseen.
enum JournalNamedIDs {
    /// What the events of `state` record under `id` (a control point's or a risk's), in words:
    /// "draw K1+K2-1", "2 results", "1 measurement", "1 assessment"; empty when nothing.
    static func uses(of id: String, in state: YearState) -> [String] {
        let control = ControlID(rawValue: id)
        var uses = state.draws.filter { $0.controls.contains(control) }.map { "draw \($0.id)" }
        let results = state.outcomes.filter { $0.key.control == control }.reduce(0) { $0 + $1.value.count }
        let measurements = state.measurements[control]?.count ?? 0
        let assessments =
            (state.assessments[.control(control)]?.count ?? 0)
            + (state.assessments[.risk(RiskID(rawValue: id))]?.count ?? 0)
            + state.superseded.filter {
                $0.assessment.target == .control(control) || $0.assessment.target == .risk(RiskID(rawValue: id))
            }.count
        for (count, noun) in [(results, "result"), (measurements, "measurement"), (assessments, "assessment")]
        where count > 0 {
            uses.append("\(count) \(noun)\(count == 1 ? "" : "s")")
        }
        return uses
    }

    /// Refuses a change from `old` to `new` that takes away an id the journal names, or gives one
    /// the journal names (of a point or risk removed or renamed by hand) to a new point or risk.
    /// `events` reads the journal's events mentioning some ids (only called when ids changed).
    /// - Throws: ``PlanError/namedInJournal(_:uses:added:)`` for the first such id.
    static func check(old: ControlPlan, new: ControlPlan, events: ([String]) throws -> [JournalEvent]) throws {
        func ids(_ plan: ControlPlan) -> Set<String> {
            Set(plan.controlIDs.map(\.rawValue) + plan.riskIDs.map(\.rawValue))
        }
        let gone = ids(old).subtracting(ids(new)).sorted()
        let added = ids(new).subtracting(ids(old)).sorted()
        guard !gone.isEmpty || !added.isEmpty else { return }
        let state = YearState(events: try events(gone + added))
        for id in gone {
            let uses = uses(of: id, in: state)
            if !uses.isEmpty { throw PlanError.namedInJournal(describe(id, in: old), uses: uses, added: false) }
        }
        for id in added {
            let uses = uses(of: id, in: state)
            if !uses.isEmpty { throw PlanError.namedInJournal(describe(id, in: new), uses: uses, added: true) }
        }
    }

    /// "control point 'K1'" or "risk 'R1'".
    static func describe(_ id: String, in plan: ControlPlan) -> String {
        plan.riskIDs.contains(RiskID(rawValue: id)) ? "risk '\(id)'" : "control point '\(id)'"
    }
}
