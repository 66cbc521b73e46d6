import Foundation
import Testing

/// `record --not-applicable` and the worksheet's "ej tillämpligt", end to end: recorded, counted apart
/// in `status`, and in no figure of the appendix.
@Suite struct ApplicabilityCommandTests {
    @Test func anItemThePointDoesNotApplyToIsRecordedShownApartAndLeftOutOfTheAppendix() throws {
        let folder = try RecordCommandTests.setUp()
        let keys = try RecordCommandTests.sheetRows(folder).dropFirst().prefix(5).map { $0[3] }
        let recorded = try CLI.run(
            ["record", "K2-1", keys[1], "--not-applicable", "--plan", "plan", "--date", "2023-02-20"], in: folder.url)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout == "Recorded K2-1 \(keys[1]): ej tillämpligt.\n")
        // The worksheet's word and the .xlsx drop-down's entry.
        let sheet = try RecordCommandTests.fill(
            folder, name: "ifylld.csv",
            results: [
                ("utan anmärkning", "", ""), ("", "", ""), ("ej tillämpligt", "", ""), ("ej aktuell", "", ""),
                ("utan anmärkning", "", ""),
            ])
        let imported = try CLI.run(["record", "--worksheet", sheet, "--plan", "plan"], in: folder.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(
            status.stdout.contains("5 drawn · 2 reviewed · 2 ok · 0 remarks · 3 not applicable\n"), "\(status.stdout)")
        let report = try CLI.run(["report", "--plan", "plan", "--point", "delår"], in: folder.url)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(
            report.stdout.contains(
                "15 februari granskades två ärenden fördelade på två handläggare, samtliga utan anmärkning. Ej tillämpligt i tre ärenden."
            ), "\(report.stdout)")
        #expect(!report.stdout.contains("kunde inte granskas"))
    }

    @Test func theWorkbooksDropDownOffersEjTillampligtAndItIsRecorded() throws {
        let folder = try DrawCommandTests.setUp()
        let draw = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                "s", "--size", "3", "--out", "urval-K2-1.xlsx",
            ], in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        try CriteriaCommandTests.fillWorkbook(
            folder, "urval-K2-1.xlsx", "ifylld.xlsx",
            cells: [(1, "Resultat", "ej tillämpligt"), (2, "Resultat", "ok"), (3, "Resultat", "ej tillämpligt")])
        let record = try CLI.run(["record", "--plan", "plan", "--worksheet", "ifylld.xlsx"], in: folder.url)
        #expect(record.status == 0, "\(record.stderr)")
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(
            status.stdout.contains("3 drawn · 1 reviewed · 1 ok · 0 remarks · 2 not applicable\n"), "\(status.stdout)")
    }
}
