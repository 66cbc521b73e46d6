import Foundation
import Testing

@testable import StickprovKit

@Suite struct PlanMovingTests {
    static func plan() throws -> ControlPlan {
        var plan = ControlPlan(committee: "Vård- och omsorgsnämnden", year: 2023)
        plan.addRisk(Risk(id: "R1", text: "Dokumentation"))
        plan.addRisk(Risk(id: "R2", text: "Läkemedel"))
        for id in ["K1", "K2", "K3"] {
            try plan.addControl(ControlPoint(id: ControlID(rawValue: id), text: id, method: nil), to: "R1")
        }
        try plan.addControl(ControlPoint(id: "K4", text: "K4", method: nil), to: "R2")
        return plan
    }

    @Test func movesAControlPointWithinItsAreaAndToAnother() throws {
        var plan = try Self.plan()
        try plan.move("K3", to: 1)
        #expect(plan.risks[0].controls.map(\.id) == ["K3", "K1", "K2"])
        #expect(plan.number(of: "K3") == "1.1")
        try plan.move("K1", to: nil, under: "R2")
        #expect(plan.risks[1].controls.map(\.id) == ["K4", "K1"])
        try plan.move("K2", to: 1, under: "R2")
        #expect(plan.risks.map { $0.controls.map(\.id) } == [["K3"], ["K2", "K4", "K1"]])
        #expect(plan.controlTitle(of: "K1") == "2.3 K1")
    }

    @Test func movesAnAreaAndRenumbersIt() throws {
        var plan = try Self.plan()
        #expect(try plan.move("R2", to: 1) == .risk("R2"))
        #expect(plan.risks.map(\.id) == ["R2", "R1"])
        #expect(plan.areaTitle(of: "R1") == "2. Dokumentation")
        #expect(plan.number(of: "K4") == "1.1")
    }

    @Test func refusesAPlaceOutsideTheListAndAnUnknownArea() throws {
        var plan = try Self.plan()
        #expect(throws: PlanError.position(4, count: 3)) { try plan.move("K1", to: 4) }
        #expect(throws: PlanError.position(3, count: 2)) { try plan.move("K1", to: 3, under: "R2") }
        #expect(throws: PlanError.position(0, count: 2)) { try plan.move("R1", to: 0) }
        #expect(throws: PlanError.unknownRisk("R9", known: ["R1", "R2"])) { try plan.move("K1", to: 1, under: "R9") }
        #expect(throws: PlanError.unknownID("K9")) { try plan.move("K9", to: 1) }
        #expect(plan == (try Self.plan()))
    }

    @Test func listsGrowAndShrinkOneEntryAtATime() throws {
        var control = ControlPoint(id: "K1", text: "x", method: .caseReview, remarkKinds: ["Beslut saknas"])
        control.addRemarkKinds(["Kommunicering saknas", "beslut saknas"])
        #expect(control.remarkKinds == ["Beslut saknas", "Kommunicering saknas"])
        try control.removeRemarkKind("BESLUT SAKNAS")
        #expect(control.remarkKinds == ["Kommunicering saknas"])
        #expect(throws: PlanError.notInList("Annat", ["Kommunicering saknas"], list: "remark kind")) {
            try control.removeRemarkKind("Annat")
        }
        #expect(throws: PlanError.noSampleRule("K1")) { try control.addCarried(["Enhet"]) }
        control.sampleRule = SampleRule(size: .count(25), carry: ["Handläggare"])
        try control.addCarried(["Enhet", "handläggare"])
        #expect(control.sampleRule?.carry == ["Handläggare", "Enhet"])
        try control.removeCarried("Handläggare")
        #expect(control.sampleRule?.carry == ["Enhet"])
    }

    @Test func findsTheStrataARuleNamesThatThePopulationLacks() throws {
        let size = SampleSize.strata([
            StratumRule(stratum: "SoL Hemtjanst", size: .percent(Percentage(hundredths: 500))),
            StratumRule(stratum: "LSS", size: .count(3)),
        ])
        let missing = StratumCheck.missing(size, present: ["SoL Hemtjänst", "SoL Särskilt boende", "LSS", "Annat"])
        #expect(missing == [StratumCheck.Missing(stratum: "SoL Hemtjanst", nearest: ["SoL Hemtjänst"])])
        let far = StratumCheck.missing(
            .strata([StratumRule(stratum: "Xyz", size: .count(1))]),
            present: ["LSS", "Annat", "SoL Hemtjänst", "Boende"])
        #expect(far.first?.nearest.count == 3)
        #expect(StratumCheck.missing(.count(3), present: []).isEmpty)
    }

    @Test func aResultIsDatedTodayOnlyInThePlansYear() throws {
        let today = try #require(Day("2026-11-23"))
        let given = try #require(Day("2023-03-01"))
        let draw = YearStateTests.draw("K2-1", keys: ["A"])
        #expect(try Recording.reviewDay(given: given, today: today, planYear: 2023, draw: draw) == given)
        #expect(try Recording.reviewDay(given: nil, today: today, planYear: 2026, draw: draw) == today)
        #expect(throws: RecordError.dateRequired(today: today, year: 2023)) {
            try Recording.reviewDay(given: nil, today: today, planYear: 2023, draw: draw)
        }
        #expect(
            RecordError.dateRequired(today: today, year: 2023).message
                == "give --date, the day it was reviewed: today (2026-11-23) is outside the plan's year 2023")
    }
}
