import Foundation
import Testing

@testable import StickprovKit

/// The risk analysis read from a sheet: scores and handling, matched to the plan's risks.
@Suite struct RiskAnalysisImportTests {
    static func sheet(_ text: String) throws -> SheetTable { try SheetTable.csv(Array(text.utf8)) }

    @Test func updatesKnownRisksAndAddsNewOnesUnderATitleRow() throws {
        var plan = ControlPlan(
            committee: "Socialnämnden", year: 2024,
            risks: [
                Risk(
                    id: "R1", text: "Att vi till delar inte har en rättssäker myndighetsutövning",
                    controls: [
                        ControlPoint(id: "K1", text: "Kontroll", method: .sample)
                    ])
            ])
        let summary = try RiskAnalysisImport.apply(
            try Self.sheet(
                """
                Risk- och väsentlighetsanalys 2024;;;;;
                Nr;Identifierad risk*;Sannolikhet;Konsekvens;Hantering:;Hur
                1;att vi till delar inte har en  rättssäker myndighetsutövning;3;4;kontrollpunkt;
                2;Att kostnaderna överstiger budget;2;3;mål;En ekonomi i balans
                3;Att lokalerna inte räcker;;;annat;lokalförsörjningsplanen

                """), to: &plan)
        #expect(
            summary
                == RiskAnalysisImport.Summary(
                    added: ["R2", "R3"], updated: ["R1"],
                    notices: [
                        "skipped line 1 above the header; nothing in it is recorded",
                        "column A 'Nr' holds text on lines 3, 4, 5 that is not recorded: it is not a column the import reads",
                    ]))
        #expect(
            plan.risks.map(\.score) == [
                RiskScore(probability: 3, consequence: 4), RiskScore(probability: 2, consequence: 3), nil,
            ])
        #expect(
            plan.risks.map(\.handling) == [
                RiskHandling(.controlPoints), RiskHandling(.goal, text: "En ekonomi i balans"),
                RiskHandling(.elsewhere, text: "lokalförsörjningsplanen"),
            ])
        #expect(plan.risks[0].controls.count == 1)
        #expect(plan.issues.isEmpty)
    }

    @Test func refusesEveryBadRowAndChangesNothing() throws {
        var plan = ControlPlan(committee: "Socialnämnden", year: 2024)
        let before = plan
        #expect(
            throws: RiskAnalysisImport.Failure.rows([
                (3, "Sannolikhet '5' and Konsekvens '2' must both be whole numbers 1–4"),
                (4, "Hantering 'kanske' is not kontrollpunkt, mål or annat"),
                (5, "Hantering 'annat' needs the column Hur saying where the risk is handled"),
                (6, "the risk's text is empty"),
                (7, "the risk 'a' is already on an earlier row"),
            ])
        ) {
            try RiskAnalysisImport.apply(
                try Self.sheet(
                    """
                    Risk;S;K;Hantering;Hur
                    A;1;1;;
                    B;5;2;;
                    C;;;kanske;
                    D;;;annat;
                    ;2;2;;
                    a;;;mål;

                    """), to: &plan)
        }
        #expect(plan == before)
        #expect(throws: RiskAnalysisImport.Failure.noHeader) {
            try RiskAnalysisImport.apply(try Self.sheet("Vad;Varför\nx;y\n"), to: &plan)
        }
    }
}
