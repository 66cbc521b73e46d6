import Foundation
import Testing

@testable import StickprovKit

/// Next year's plan from this year's: which control points are carried and what they keep.
@Suite struct CarryOverTests {
    @Test func theExampleCarriesItsTwoYellowControlPointsInto2024() throws {
        let (previous, state) = try AppendixSnapshotTests.load()
        let (plan, carried) = CarryOver.plan(
            from: previous, state: state, planName: "socialnamnden-2023", year: 2024, selection: .notGreen)
        #expect(carried == [.init(id: "K2", signal: "yellow"), .init(id: "K3", signal: "yellow")])
        #expect(plan.year == 2024 && plan.committee == "Socialnämnden" && plan.adoption == nil)
        #expect(plan.interimCutoff == Day(year: 2024, month: 8, day: 31))
        #expect(plan.risks.map(\.id) == ["R1"])
        #expect(plan.risks[0].score == previous.risks[0].score)
        let k3 = try #require(plan.control("K3"))
        let old = try #require(previous.control("K3"))
        #expect(k3.text == old.text && k3.sampleRule == old.sampleRule && k3.remarkKinds == old.remarkKinds)
        #expect(k3.cadence?.token == "2024-02-15,2024-05-15,2024-10-15")
        let reference = try #require(k3.previousYear)
        #expect(reference.plan == "socialnamnden-2023" && reference.year == 2023 && reference.since == 2023)
        #expect(reference.actions == state.assessment(.control("K3"), at: .yearEnd)?.actions)
        #expect(reference.actions.contains("handläggarskola"))
        #expect(plan.issues.isEmpty)
    }

    @Test func allCarriesEveryControlPointAndEveryRisk() throws {
        let (previous, state) = try AppendixSnapshotTests.load()
        let (plan, carried) = CarryOver.plan(from: previous, state: state, planName: "sn", year: 2024, selection: .all)
        #expect(carried.map(\.id) == ["K1", "K2", "K3", "K4"])
        #expect(plan.risks.map(\.id) == previous.risks.map(\.id))
        #expect(plan.risks[2].handling == previous.risks[2].handling)
    }

    @Test func anUnassessedPointIsCarriedAndTheFirstYearIsKept() throws {
        var control = ControlPoint(
            id: "K1", text: "Kontroll", method: .measurement,
            cadence: .dates([Day(year: 2024, month: 2, day: 29) ?? .placeholder]))
        control.previousYear = PreviousYear(
            plan: "sn-2023", year: 2023, since: 2022, id: "K1", signal: "red", actions: "")
        let previous = ControlPlan(
            committee: "Socialnämnden", year: 2024, risks: [Risk(id: "R1", text: "Risk", controls: [control])])
        let (plan, carried) = CarryOver.plan(
            from: previous, state: YearState(events: []), planName: "sn-2024", year: 2025, selection: .notGreen)
        #expect(carried == [.init(id: "K1", signal: nil)])
        let next = try #require(plan.control("K1"))
        #expect(next.previousYear?.since == 2022)
        #expect(next.cadence?.token == "2025-02-28")
        #expect(CarryOver.sentence(for: next, in: 2025) == .text("Kontrollpunkten följs upp sedan 2022."))
        #expect(CarryOver.sentence(for: ControlPoint(id: "K9", text: "Ny", method: nil), in: 2025) == nil)
    }

    @Test func aPointConcludedGreenAtTheInterimIsNotCarried() throws {
        let interimOnly = ControlPoint(id: "K1", text: "Kontroll", method: .measurement, followUp: .interim)
        let previous = ControlPlan(
            committee: "Socialnämnden", year: 2024, risks: [Risk(id: "R1", text: "Risk", controls: [interimOnly])])
        let state = YearState(events: [
            JournalEvent(
                sequence: 1, time: "t", actor: "a",
                payload: .assessment(
                    AssessmentRecord(
                        target: .control("K1"), point: .interim, signal: "green", result: "", actions: "")))
        ])
        let (_, carried) = CarryOver.plan(
            from: previous, state: state, planName: "sn-2024", year: 2025, selection: .notGreen)
        #expect(carried.isEmpty)
        let (_, all) = CarryOver.plan(from: previous, state: state, planName: "sn-2024", year: 2025, selection: .all)
        #expect(all == [.init(id: "K1", signal: "green")])
    }
}
