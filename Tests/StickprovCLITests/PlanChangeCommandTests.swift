import Foundation
import Testing

/// Through the binary: every record and plan change takes `--date`, every change to an adopted plan
/// `--decision` (`plan move` and `plan signal …` too), amendments print in date order, and a change
/// that would take a recorded assessment out of every report is refused or, with `--force`, recorded
/// as superseding it.
@Suite struct PlanChangeCommandTests {
    /// 2023-10-12 09:00 UTC: "today" inside the 2023 plan's year.
    static let autumn2023 = ["SOURCE_DATE_EPOCH": "1697101200"]
    /// 2026-12-04 09:00 UTC: "today" long after the 2023 plan's year.
    static let later = ["SOURCE_DATE_EPOCH": "1796374800"]

    @discardableResult
    static func run(
        _ arguments: [String], in folder: TemporaryFolder, at today: [String: String] = later, status: Int32 = 0
    ) throws -> CLI.Result {
        let result = try CLI.run(
            program: CLI.binary, arguments + ["--plan", "plan"], in: folder.url, environment: today)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        return result
    }

    /// The standard plan (K1, K2 under R1), adopted 2022-12-14, with K2 assessed yellow at the interim.
    static func assessedPlan() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        try run(["plan", "adopt", "--date", "2022-12-14", "--paragraph", "§ 123"], in: folder)
        try run(["assess", "K2", "--point", "delår", "--signal", "gul", "--date", "2023-08-31"], in: folder)
        return folder
    }

    static func journal(_ folder: TemporaryFolder) throws -> [String] {
        try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8).split(separator: "\n").map(
            String.init)
    }

    @Test func assessStoresItsDateAndAPastYearsAssessmentNeedsOne() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let assessed = try Self.run(
            ["assess", "K1", "--point", "årsbokslut", "--signal", "grön", "--date", "2023-12-20"], in: folder)
        #expect(assessed.stdout == "Assessed K1 at årsbokslut: green (2023-12-20).\n")
        #expect(try Self.journal(folder).last?.contains("\"date\":\"2023-12-20\"") == true)

        let undated = try Self.run(["assess", "K2", "--point", "delår", "--signal", "gul"], in: folder, status: 1)
        #expect(
            undated.stderr
                == "error: give --date, the day it was assessed: today (2026-12-04) is outside the plan's year 2023\n")
        let future = try Self.run(
            ["assess", "K2", "--point", "delår", "--signal", "gul", "--date", "2023-12-20"], in: folder,
            at: Self.autumn2023, status: 1)
        #expect(future.stderr == "error: --date 2023-12-20 is after today (2023-10-12)\n")
        let outside = try Self.run(
            ["assess", "K2", "--point", "delår", "--signal", "gul", "--date", "2024-02-01"], in: folder, status: 1)
        #expect(
            outside.stderr
                == "error: 2024-02-01 is outside the plan's window for dates (2023-01-01 to 2024-01-31)\n")
        let inYear = try Self.run(
            ["assess", "K2", "--point", "delår", "--signal", "gul"], in: folder, at: Self.autumn2023)
        #expect(inYear.stdout == "Assessed K2 at delårsbokslut: yellow (2023-10-12).\n")
        #expect(try Self.journal(folder).count == 2, "the refused ones recorded nothing")

        try Self.run(["plan", "add-control", "--risk", "R1", "--text", "Andel", "--method", "measurement"], in: folder)
        let measured = try Self.run(
            ["measure", "K3", "--value", "3", "--unit", "st", "--date", "2023-12-31"], in: folder,
            at: Self.autumn2023, status: 1)
        #expect(measured.stderr == "error: --date 2023-12-31 is after today (2023-10-12)\n")
    }

    @Test func aProviderFollowUpTakesADateCheckedAgainstThePlansWindow() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let record = [
            "provider", "record", "--contract", "Hemtjänst, Omsorgshuset AB", "--followed-up", "Avtalsuppföljning",
            "--fulfilled", "ja",
        ]
        try Self.run(record + ["--date", "2023-11-30"], in: folder)
        #expect(try Self.journal(folder).last?.contains("\"date\":\"2023-11-30\"") == true)
        let again = try Self.run(record + ["--date", "2023-12-01"], in: folder)
        #expect(again.stdout == "Nothing new from the command line: it is already recorded.\n")
        let future = try Self.run(record + ["--date", "2023-12-20"], in: folder, at: Self.autumn2023, status: 1)
        #expect(future.stderr == "error: --date 2023-12-20 is after today (2023-10-12)\n")
        let outside = try Self.run(record + ["--date", "2022-12-01"], in: folder, status: 1)
        #expect(
            outside.stderr
                == "error: 2022-12-01 is outside the plan's window for dates (2023-01-01 to 2024-01-31)\n")
        let undated = try Self.run(
            ["provider", "record", "--contract", "Boendestöd AB", "--followed-up", "Besök", "--fulfilled", "ja"],
            in: folder)
        #expect(undated.status == 0)
        #expect(try Self.journal(folder).last?.contains("\"date\"") == false, "never dated by the clock")
    }

    @Test func moveAndSignalCommandsTakeADecisionAndAmendmentsPrintInDateOrder() throws {
        let folder = try Self.assessedPlan()
        try Self.run(["plan", "move", "K2", "--to", "1", "--decision", "SN 2023-09-20 § 101"], in: folder)
        try Self.run(
            [
                "plan", "signal", "add", "--name", "Ej aktuell", "--label", "Ej aktuell", "--decision",
                "SN 2023-03-15 § 30",
            ],
            in: folder)
        try Self.run(
            ["plan", "signal", "edit", "ej aktuell", "--name", "Utgår", "--date", "2023-05-02"], in: folder)
        try Self.run(["plan", "signal", "remove", "utgår", "--decision", "SN 2023-10-11 § 88"], in: folder)
        let undated = try Self.run(
            ["plan", "edit", "K1", "--responsible", "Enhetschef"], in: folder, status: 1)
        #expect(
            undated.stderr
                == "error: give --date, the day of the change (or --decision with its date, e.g. 'SN 2023-06-14 § 77'): today (2026-12-04) is outside the plan's year 2023\n"
        )
        // A hand edit recorded with 'plan amend' is dated the same way.
        let path = folder.file("plan/plan.json")
        let text = try String(contentsOf: path, encoding: .utf8)
        try text.replacingOccurrences(of: "Systemförvaltare", with: "Systemägare").write(
            to: path, atomically: true, encoding: .utf8)
        let amend = try Self.run(["plan", "amend", "--what", "K1: ny ansvarig"], in: folder, status: 1)
        #expect(amend.stderr.hasPrefix("error: give --date, the day of the change"), "\(amend.stderr)")
        try Self.run(["plan", "amend", "--what", "K1: ny ansvarig", "--date", "2023-05-02"], in: folder)
        let report = try Self.run(["report", "--point", "årsbokslut"], in: folder)
        #expect(
            report.stdout.contains(
                "Internkontrollplanen antogs av nämnden 2022-12-14, § 123, och ändrades 2023-03-15 (SN 2023-03-15 § 30), 2023-05-02, 2023-09-20 (SN 2023-09-20 § 101) och 2023-10-11 (SN 2023-10-11 § 88)."
            ), "\(report.stdout)")
        #expect(!report.stdout.contains("2026"))
        let amendments = try Self.journal(folder).filter { $0.contains("\"type\":\"amendment\"") }
        #expect(amendments.count == 5)
        #expect(amendments[0].contains("\"decision\":\"SN 2023-09-20 § 101\""), "plan move recorded its decision")
    }

    @Test func aFollowUpChangeAfterAnAssessmentIsRefusedAndForcedSaysSoInTheAppendix() throws {
        let folder = try Self.assessedPlan()
        let before = try Data(contentsOf: folder.file("plan/plan.json"))
        let refused = try Self.run(
            ["plan", "edit", "K2", "--follow-up", "year-end", "--date", "2023-10-12"], in: folder, status: 1)
        #expect(
            refused.stderr
                == "error: the change would take the assessment of control point K2 at delårsbokslut (2023-08-31, Gul; journal line 2) out of every report: it would be followed up at årsbokslut only\n"
                + "error: nothing was changed; make the change with --force to record in the journal that this assessment no longer holds (the appendix says so in its place)\n"
        )
        #expect(try Data(contentsOf: folder.file("plan/plan.json")) == before)
        let level = try Self.run(
            ["plan", "edit", "--assessment-level", "risk", "--date", "2023-10-12"], in: folder, status: 1)
        #expect(level.stderr.contains("out of every report: the plan would assess risk areas, not control points"))

        let forced = try Self.run(
            ["plan", "edit", "K2", "--follow-up", "year-end", "--force", "--decision", "SN 2023-10-11 § 88"],
            in: folder)
        #expect(forced.stdout == "Changed control point K2.\n")
        #expect(try Self.journal(folder).last?.contains("\"type\":\"supersession\"") == true)
        let report = try Self.run(["report", "--point", "årsbokslut"], in: folder)
        #expect(
            report.stdout.contains(
                "Bedömningen vid delårsbokslutet (2023-08-31, Gul) gjordes enligt planen i dess tidigare lydelse; den gäller inte längre sedan planen ändrades 2023-10-11 (SN 2023-10-11 § 88)."
            ), "\(report.stdout)")
        try Self.run(["plan", "validate"], in: folder)
        try Self.run(["verify"], in: folder)
    }

    @Test func validateNamesAnAssessmentAHandEditedFollowUpHides() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        try Self.run(["assess", "K2", "--point", "delår", "--signal", "gul", "--date", "2023-08-31"], in: folder)
        let path = folder.file("plan/plan.json")
        let text = try String(contentsOf: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"followUp\" : \"both\"", with: "\"followUp\" : \"year-end\"")
        #expect(edited != text)
        try edited.write(to: path, atomically: true, encoding: .utf8)
        let result = try Self.run(["plan", "validate"], in: folder, status: 1)
        #expect(
            result.stderr.contains(
                "plan/plan.json: the journal's assessment of control point K2 at delårsbokslut (2023-08-31, Gul; journal line 1) is in no report of this plan: it is followed up at årsbokslut only"
            ), "\(result.stderr)")
    }
}
