import Foundation
import Testing

@testable import StickprovKit

@Suite struct PlanFileTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func samplePlan() -> ControlPlan {
        var plan = ControlPlan(committee: "Socialnämnden", year: 2023)
        plan.adoption = Adoption(date: Day(year: 2022, month: 12, day: 14) ?? .placeholder, paragraph: "§ 123")
        plan.addRisk(
            Risk(
                id: "R1", text: "Att vi inte har en rättssäker myndighetsutövning",
                score: RiskScore(probability: 3, consequence: 4)))
        try? plan.addControl(
            ControlPoint(
                id: "K1", text: "Att obehöriga personer ej går in i ärenden", method: .sample, cadence: .monthly,
                responsible: "Systemförvaltare",
                sampleRule: SampleRule(size: .logCheck(users: 15), keyColumn: "Användare")),
            to: "R1")
        try? plan.addControl(
            ControlPoint(
                id: "K2", text: "Granskning av utredningar", method: .caseReview,
                cadence: Cadence("2023-02-15,2023-05-15"),
                sampleRule: SampleRule(
                    size: .strata([StratumRule(stratum: "LSS", size: .percent(Percentage(hundredths: 1250)))]),
                    stratumColumn: "Beslutstyp", carry: ["Handläggare"])),
            to: "R1")
        return plan
    }

    func decode(_ json: String) throws(PlanError) -> ControlPlan {
        try PlanFile.decode(Data(json.utf8), path: "plan.json")
    }

    @Test func roundTripChangesNoByte() throws {
        let bytes = PlanFile.encode(Self.samplePlan())
        let again = PlanFile.encode(try PlanFile.decode(bytes, path: "plan.json"))
        #expect(again == bytes)
        #expect(try PlanFile.decode(bytes, path: "plan.json") == Self.samplePlan())
    }

    @Test func bundledExampleRoundTripsByteForByte() throws {
        let url = Self.packageRoot.appendingPathComponent("Plans/socialnamnden-2023/plan.json")
        let bytes = try Data(contentsOf: url)
        let plan = try PlanFile.decode(bytes, path: url.path)
        #expect(PlanFile.encode(plan) == bytes)
        #expect(plan.controlPoints.count == 4)
        #expect(plan.risks.count == 4)
    }

    @Test func writesSortedKeysAndPercentagesAsExactText() {
        let text = String(decoding: PlanFile.encode(Self.samplePlan()), as: UTF8.self)
        #expect(text.contains("\"percent\" : \"12.5\""))
        let keys = text.split(separator: "\n").prefix(6).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(keys[1].hasPrefix("\"adoption\""))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func fillsDefaultsForAMinimalHandWrittenPlan() throws {
        let plan = try decode(#"{"committee": "Kommunstyrelsen", "year": 2024}"#)
        #expect(plan.title == "Internkontrollplan 2024")
        #expect(plan.interimCutoff.description == "2024-08-31")
        #expect(plan.signals == .standard)
        #expect(plan.assessmentLevel == .controlPoint)
    }

    @Test func acceptsPercentAsANumberFromAHandEdit() throws {
        let plan = try decode(
            #"""
            {"committee": "S", "year": 2023, "risks": [{"id": "R1", "text": "r", "controls": [
              {"id": "K1", "text": "t", "method": "sample", "followUp": "both", "sampleRule": {"percent": 12.5}}]}]}
            """#)
        #expect(plan.control("K1")?.sampleRule?.size == .percent(Percentage(hundredths: 1250)))
    }

    @Test func refusesDuplicateKeysAndUnknownKeysWithTheNearestKnownOne() {
        let json = #"""
            {"committee": "S", "year": 2023, "titel": "Plan",
             "risks": [{"id": "R1", "text": "r", "controls": [
              {"id": "K1", "text": "t", "method": "sample", "sampleRule": {"count": 25,
               "count": 3}, "remarkKind": ["x"], "allowsPersonalDataInNotes": null}]}]}
            """#
        #expect(
            throws: PlanError.invalid(
                path: "plan.json",
                issues: [
                    PlanIssue(
                        path: "risks[0].controls[0].sampleRule.count",
                        message: "duplicate key (lines 3 and 4); readers disagree on which one counts, keep one"),
                    PlanIssue(
                        path: "risks[0].controls[0].remarkKind",
                        message: "unknown key on line 4, which the tool would ignore; did you mean 'remarkKinds'?"),
                    PlanIssue(
                        path: "titel",
                        message: "unknown key on line 1, which the tool would ignore; did you mean 'title'?"),
                ])
        ) { try PlanFile.decode(Data(json.utf8), path: "plan.json") }
        #expect(PlanFile.nearest("zzzzzz", in: ["count", "percent"]) == nil)
    }

    @Test func listsEveryProblemAtOnce() {
        let json = #"""
            {"committee": "", "year": 2023, "interimCutoff": "2023-13-01",
             "risks": [
              {"id": "R1", "text": "Risk", "score": {"probability": 5, "consequence": 2}, "controls": [
                {"id": "K1", "text": "A", "method": "sample", "followUp": "both", "sampleRule": {"percent": "150"}},
                {"id": "K1", "text": " ", "method": "survey", "followUp": "both", "sampleRule": {"count": 3}},
                {"id": "K3", "text": "C", "method": "smaple", "followUp": "sometimes"}
              ]},
              {"id": "../R2", "text": "Risk 2"}
             ]}
            """#
        #expect(
            throws: PlanError.invalid(
                path: "plan.json",
                issues: [
                    PlanIssue(path: "interimCutoff", message: "'2023-13-01' is not a date YYYY-MM-DD"),
                    PlanIssue(
                        path: "risks[0].controls[2].method",
                        message: "'smaple' is not a method (sample, case-review, measurement, survey, document-check)"),
                    PlanIssue(
                        path: "risks[0].controls[2].followUp",
                        message: "'sometimes' is not a follow-up (interim, year-end, both)"),
                    PlanIssue(path: "committee", message: "is empty"),
                    PlanIssue(path: "risks[0].score.probability", message: "5 is outside 1–4"),
                    PlanIssue(path: "risks[0].controls[0].sampleRule.percent", message: "150 % is outside 0–100 %"),
                    PlanIssue(
                        path: "risks[0].controls[1].id", message: "duplicate id 'K1' (also at risks[0].controls[0].id)"),
                    PlanIssue(path: "risks[0].controls[1].text", message: "is empty"),
                    PlanIssue(
                        path: "risks[0].controls[1].sampleRule",
                        message: "method 'survey' draws no sample; remove the rule or use sample or case-review"),
                    PlanIssue(path: "risks[1].id", message: "the id '../R2' may not start with '.'"),
                ])
        ) { try decode(json) }
    }

    @Test func namesTheLineOfAJSONSyntaxError() {
        #expect(throws: PlanError.malformedJSON(path: "plan.json", line: 3, detail: "not valid JSON")) {
            try decode("{\n  \"committee\": \"S\",\n  \"year\" 2023\n}")
        }
    }

    @Test func namesTheFieldOfAWrongType() {
        #expect(
            throws: PlanError.invalid(
                path: "plan.json", issues: [PlanIssue(path: "year", message: "expected a number")])
        ) {
            try decode(#"{"committee": "S", "year": "2023"}"#)
        }
        #expect(
            throws: PlanError.invalid(
                path: "plan.json", issues: [PlanIssue(path: "", message: "'committee' is missing")])
        ) {
            try decode(#"{"year": 2023}"#)
        }
    }

    @Test func refusesAPlanFromANewerVersion() {
        #expect(
            throws: PlanError.invalid(
                path: "plan.json",
                issues: [
                    PlanIssue(
                        path: "format", message: "written by a newer Stickprov (format 2); this one reads format 1")
                ])
        ) { try decode(#"{"format": 2, "committee": "S", "year": 2023}"#) }
    }

    @Test func saveRefusesAnInvalidPlanAndWritesNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stickprov-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var plan = Self.samplePlan()
        plan.risks[0].controls[1].id = "K1"
        #expect(throws: PlanError.self) { try PlanFile.save(plan, to: directory) }
        #expect(!PlanFile.exists(in: directory))
        try PlanFile.save(Self.samplePlan(), to: directory)
        #expect(try PlanFile.load(from: directory) == Self.samplePlan())
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(leftovers == ["plan.json"])
    }
}
