import Foundation
import Testing

@testable import StickprovKit

@Suite struct SignalScaleTests {
    static func fourLevels() throws -> SignalScale {
        var scale = SignalScale(levels: [])
        try scale.add(
            label: "Kontrollen är genomförd utan anmärkning", name: "Utan anmärkning", countsAsWithoutRemark: true)
        try scale.add(
            label: "Kontrollen är genomförd med försumbar anmärkning", name: "Försumbar anmärkning",
            countsAsWithoutRemark: true)
        try scale.add(label: "Kontrollen är genomförd med anmärkning", name: "Med anmärkning")
        try scale.add(label: "Kontrollen är inte genomförd", name: "Ej genomförd")
        return scale
    }

    @Test(arguments: [
        ("grön", "green"), ("GUL", "yellow"), (" röd ", "red"), ("green", "green"), ("Gul", "yellow"),
        ("Kontrollen är inte genomförd", "red"),
    ])
    func theStandardScaleTakesSwedishWords(words: String, id: String) {
        #expect(SignalScale.standard.level(matching: words)?.id == id)
    }

    @Test func aCommitteesScaleAnswersToItsOwnWords() throws {
        let scale = try Self.fourLevels()
        #expect(
            scale.levels.map(\.id) == ["utan-anmarkning", "forsumbar-anmarkning", "med-anmarkning", "ej-genomford"])
        #expect(scale.levels.map { scale.colour(of: $0) } == ["#1b5e20", "#7cb342", "#f9a825", "#e53935"])
        #expect(scale.level(matching: "utan anmärkning")?.id == "utan-anmarkning")
        #expect(scale.level(matching: "försumbar")?.id == "forsumbar-anmarkning")
        #expect(scale.level(matching: "Kontrollen är genomförd med") == nil)  // three labels start so
        #expect(scale.level(matching: "grön") == nil)
        #expect(scale.withoutRemark.map(\.id) == ["utan-anmarkning", "forsumbar-anmarkning"])
        #expect(SignalScale.standard.withoutRemark.map(\.id) == ["green"])
    }

    @Test func rewordingKeepsTheIdAndRemovingAUsedLevelIsRefused() throws {
        var scale = try Self.fourLevels()
        let changed = try scale.update("Med anmärkning") { level in
            level.id = "something-else"
            level.label = "Kontrollen är genomförd med väsentlig anmärkning"
        }
        #expect(changed.id == "med-anmarkning")
        #expect(throws: PlanError.signalInUse("med-anmarkning", assessments: 2)) {
            try scale.remove("med-anmarkning", assessments: ["med-anmarkning": 2])
        }
        #expect(throws: PlanError.unknownSignal("blå", known: scale.levels.map(\.id))) {
            try scale.update("blå") { _ in }
        }
        #expect(try scale.remove("ej genomförd", assessments: [:]).id == "ej-genomford")
        #expect(scale.levels.count == 3)
    }

    @Test func theMarkIsStoredOnlyWhereSetSoEarlierPlansReadTheSame() throws {
        var plan = ControlPlan(committee: "Socialnämnden", year: 2023)
        let standard = String(decoding: PlanFile.encode(plan), as: UTF8.self)
        #expect(!standard.contains("countsAsWithoutRemark"))
        plan.signals = try Self.fourLevels()
        let bytes = PlanFile.encode(plan)
        #expect(
            String(decoding: bytes, as: UTF8.self).components(separatedBy: "\"countsAsWithoutRemark\" : true").count
                == 3)
        #expect(try PlanFile.decode(bytes, path: "plan.json") == plan)
    }

    @Test func theSummaryCountsTheMarkedLevels() throws {
        var plan = ControlPlan(committee: "Vård- och omsorgsnämnden", year: 2023, signals: try Self.fourLevels())
        plan.addRisk(Risk(id: "R1", text: "Risk"))
        let ids = ["utan-anmarkning", "forsumbar-anmarkning", "med-anmarkning", "ej-genomford"]
        var state = YearState(events: [])
        for (index, signal) in ids.enumerated() {
            try plan.addControl(
                ControlPoint(id: ControlID(rawValue: "K\(index + 1)"), text: "x", method: nil), to: "R1")
            let record = AssessmentRecord(
                target: .control(ControlID(rawValue: "K\(index + 1)")), point: .yearEnd, signal: signal, result: "",
                actions: "")
            state.apply(
                JournalEvent(
                    sequence: index + 1, time: "t", actor: "a", payload: try Recording.assessment(record, plan: plan)))
        }
        #expect(
            SummarySentence.text(plan: plan, state: state, point: .yearEnd)
                == "Vid årsbokslutet visar kontrollen att två av totalt fyra kontrollpunkter har genomförts utan anmärkning eller med försumbar anmärkning."
        )
    }
}
