import Foundation
import Testing

@testable import StickprovKit

/// The risk analysis: the matrix's cells and colours, what became of each risk, and the sentences.
@Suite struct RiskMatrixTests {
    static func plan(_ risks: [Risk]) -> ControlPlan {
        ControlPlan(committee: "Socialnämnden", year: 2024, risks: risks)
    }

    static func control(_ id: String, followUp: FollowUp = .both) -> ControlPoint {
        ControlPoint(id: ControlID(rawValue: id), text: "Kontroll \(id)", method: .sample, followUp: followUp)
    }

    @Test(arguments: [
        (1, RiskLevel.low), (3, .low), (4, .medium), (6, .medium), (8, .high), (9, .high), (12, .veryHigh),
        (16, .veryHigh),
    ])
    func riskValuesFallInTheirBands(value: Int, level: RiskLevel) {
        #expect(RiskLevel(value: value) == level)
    }

    @Test func eachRiskIsNumberedInItsCellAndKeepsWhatBecameOfIt() throws {
        let plan = Self.plan([
            Risk(id: "R1", text: "A", score: RiskScore(probability: 3, consequence: 4), controls: [Self.control("K1")]),
            Risk(
                id: "R2", text: "B", score: RiskScore(probability: 3, consequence: 4),
                handling: RiskHandling(.goal, text: "Mål 1")),
            Risk(id: "R3", text: "C"),
        ])
        let matrix = try RiskMatrix.build(plan: plan)
        #expect(matrix.numbers(probability: 3, consequence: 4) == [1, 2])
        #expect(matrix.numbers(probability: 1, consequence: 1).isEmpty)
        #expect(matrix.entries.map(\.handlingLabel) == ["Internkontrollpunkt", "Mål för nämnden", "Ej beslutad"])
        #expect(matrix.entries.map(\.handlingDetail) == ["Kontroll K1", "Mål 1", ""])
        #expect(
            matrix.summary == """
                Utifrån Socialnämndens risk- och väsentlighetsanalys togs 2024 års internkontrollpunkter fram med uppföljning vid del- och årsbokslut. \
                Analysen identifierade tre risker, varav en hanterades med internkontrollpunkter och en som mål för nämnden. \
                För risk 3 finns ännu inget beslut om hantering. \
                Risk 3 saknar bedömning av sannolikhet och konsekvens och visas inte i matrisen.
                """)
    }

    @Test func risksHandledInDifferentPlacesAreNamedWithTheirNumbers() throws {
        let plan = Self.plan([
            Risk(id: "R1", text: "A", controls: [Self.control("K1", followUp: .yearEnd)]),
            Risk(id: "R2", text: "B", handling: RiskHandling(.elsewhere, text: "verksamhetsplanen")),
            Risk(id: "R3", text: "C", handling: RiskHandling(.elsewhere, text: "budgetuppföljningen")),
            Risk(id: "R4", text: "D", handling: RiskHandling(.elsewhere, text: "verksamhetsplanen")),
        ])
        let summary = try RiskMatrix.build(plan: plan).summary
        #expect(
            summary.hasPrefix(
                "Utifrån Socialnämndens risk- och väsentlighetsanalys togs 2024 års internkontrollpunkter fram med uppföljning vid årsbokslut. Analysen identifierade fyra risker, varav en hanterades med internkontrollpunkter. "
            ))
        #expect(
            summary.contains(
                "De risker som inte hanterades som mål för nämnden eller internkontrollpunkter har omhändertagits inom ramen för verksamhetsplanen (risk 2 och 4) och budgetuppföljningen (risk 3)."
            ))
    }

    @Test func refusesPersonalDataInAPrintedText() {
        let plan = Self.plan([Risk(id: "R1", text: "A", handling: RiskHandling(.goal, text: "Gäller 811218-9876"))])
        #expect(throws: ReportError.personalData(place: "risk R1", field: "handling", masked: "811218-****")) {
            try RiskMatrix.build(plan: plan)
        }
    }

    @Test func theHandlingIsStoredInPlanJSONAndReadBack() throws {
        let plan = Self.plan([
            Risk(id: "R1", text: "A", handling: RiskHandling(.elsewhere, text: " kritiska verksamhetsfaktorer "))
        ])
        let data = PlanFile.encode(plan)
        #expect(
            String(decoding: data, as: UTF8.self).contains(
                "\"handling\" : {\n        \"kind\" : \"elsewhere\",\n        \"text\" : \"kritiska verksamhetsfaktorer\"\n      }"
            ))
        #expect(try PlanFile.decode(data, path: "plan.json") == plan)
    }

    @Test func theExamplesRiskMatrixMatchesItsSnapshots() throws {
        let (plan, _) = try AppendixSnapshotTests.load()
        let matrix = try RiskMatrix.build(plan: plan)
        #expect(matrix.entries.count == 4)
        Snapshot.check(matrix.markdown(), named: "socialnamnden-2023-riskmatris.md")
        Snapshot.check(matrix.html(), named: "socialnamnden-2023-riskmatris.html")
        Snapshot.check(matrix.csv(), named: "socialnamnden-2023-riskmatris.csv")
    }
}
