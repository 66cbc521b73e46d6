@testable import StickprovKit

/// Small appendices built from a plan and assessments, for the renderers' tests.
enum AppendixFixture {
    /// One risk with one control point, its texts as given, assessed with `signal` at year end.
    static func single(
        committee: String = "Socialnämnden", risk: String = "Rättssäkerhet", what: String = "Loggkontroll",
        method: String? = nil, result: String = "Kontrollen är genomförd.", actions: String = "",
        signal: String = "green",
        layout: ReportLayout = .reference
    ) throws -> Appendix {
        var plan = ControlPlan(committee: committee, year: 2023)
        plan.reportLayout = layout
        plan.addRisk(Risk(id: "R1", text: risk))
        try plan.addControl(ControlPoint(id: "K1", text: what, method: .documentCheck, methodLabel: method), to: "R1")
        var state = YearState(events: [])
        state.apply(
            JournalEvent(
                sequence: 1, time: "t", actor: "a",
                payload: .assessment(
                    AssessmentRecord(
                        target: .control("K1"), point: .yearEnd, signal: signal, result: result, actions: actions))))
        return try Appendix.build(plan: plan, state: state, point: .yearEnd)
    }
}

extension AppendixFixture {
    /// One risk whose control points each carry one of `texts` as their *Vad kontrolleras?*,
    /// *Metod* and result text; the committee and the risk are `committee` and `risk`.
    static func many(committee: String, risk: String, texts: [String]) throws -> Appendix {
        var plan = ControlPlan(committee: committee, year: 2023)
        plan.addRisk(Risk(id: "R1", text: risk))
        var state = YearState(events: [])
        for (index, text) in texts.enumerated() {
            let id = ControlID(rawValue: "K\(index + 1)")
            try plan.addControl(ControlPoint(id: id, text: text, method: .documentCheck, methodLabel: text), to: "R1")
            state.apply(
                JournalEvent(
                    sequence: index + 1, time: "t", actor: "a",
                    payload: .assessment(
                        AssessmentRecord(
                            target: .control(id), point: .yearEnd, signal: "yellow", result: text, actions: ""))))
        }
        return try Appendix.build(plan: plan, state: state, point: .yearEnd)
    }
}
