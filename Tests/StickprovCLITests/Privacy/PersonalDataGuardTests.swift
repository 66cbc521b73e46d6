import Foundation
import Testing

/// The personnummer guard end to end: however the number is written, every free text it
/// guards refuses it (record, plan init/import/edit/add-*, plan validate) and `scan` finds it.
@Suite struct PersonalDataGuardTests {
    static let spaced = "Beslut saknas för 19811218 - 9876"
    static let fullWidth =
        "Beslut saknas för \u{FF11}\u{FF19}\u{FF18}\u{FF11}\u{FF11}\u{FF12}\u{FF11}\u{FF18}-\u{FF19}\u{FF18}\u{FF17}\u{FF16}"
    static let zeroWidth = "Beslut saknas för 198112\u{200B}18-9876"

    @Test(arguments: [spaced, fullWidth, zeroWidth])
    func recordRefusesTheNumberHoweverWritten(text: String) throws {
        let folder = try RecordCommandTests.setUp()
        let before = try Data(contentsOf: folder.file("plan/journal.jsonl"))
        let key = try RecordCommandTests.sheetRows(folder)[1][3]
        for option in ["--remark", "--note"] {
            var arguments = ["record", "K2-1", key, "--plan", "plan", "--date", "2023-02-20"]
            arguments += option == "--remark" ? ["--remark", text] : ["--ok", "--note", text]
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 1, "\(option): \(result.stdout)")
            #expect(result.stderr.contains("looks like a personnummer (19811218-****)"), "\(result.stderr)")
            #expect(!result.stderr.contains("\u{200B}") && !result.stderr.contains("\u{FF11}"))
        }
        #expect(try Data(contentsOf: folder.file("plan/journal.jsonl")) == before)
    }

    @Test(arguments: [spaced, fullWidth, zeroWidth])
    func planCommandsRefuseTheNumberAndWriteNothing(text: String) throws {
        let folder = try TemporaryFolder()
        var result = try CLI.run(
            ["plan", "init", "--plan", "other", "--committee", text, "--year", "2023"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("committee: holds what looks like a personnummer (19811218-****)"),
            "\(result.stderr)")
        #expect(folder.listing().isEmpty)

        try PlanCommandTests.makePlan(in: folder)
        let plan = try Data(contentsOf: folder.file("plan/plan.json"))
        for arguments in [
            ["plan", "add-risk", "--plan", "plan", "--text", text],
            ["plan", "add-control", "--plan", "plan", "--risk", "R1", "--text", text, "--method", "survey"],
            ["plan", "edit", "K2", "--plan", "plan", "--responsible", text],
            ["plan", "edit", "R1", "--plan", "plan", "--text", text],
        ] {
            result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(
                result.stderr.contains("holds what looks like a personnummer (19811218-****)"),
                "\(arguments): \(result.stderr)")
        }
        #expect(try Data(contentsOf: folder.file("plan/plan.json")) == plan)

        let file = try folder.write(
            "plan.csv",
            "Identifierad risk;Vad kontrolleras?;Frekvens uppföljning;Metod\nRisk;\(text);Årsbokslut;Stickprov\n")
        result = try CLI.run(
            ["plan", "import", file, "--plan", "imported", "--committee", "S", "--year", "2024"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("looks like a personnummer (19811218-****)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("imported").path))
    }

    @Test func planValidateNamesTheTextHoldingANumber() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let path = folder.file("plan/plan.json")
        let json = try String(contentsOf: path, encoding: .utf8)
        try json.replacingOccurrences(of: "Granskning av utredningar", with: Self.zeroWidth).write(
            to: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["plan", "validate", "--plan", "plan"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("risks[0].controls[1].text: holds what looks like a personnummer (19811218-****)"),
            "\(result.stderr)")
    }

    @Test func scanFindsEveryWayOfWritingIt() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write(
            "bilaga.md",
            [Self.spaced, Self.fullWidth, "Inget här 2023-02-15", Self.zeroWidth].joined(separator: "\n") + "\n")
        let result = try CLI.run(["scan", file], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stdout + result.stderr == """
                \(file):1: personnummer-shaped number 19811218-****
                \(file):2: personnummer-shaped number 19811218-****
                \(file):4: personnummer-shaped number 19811218-****

                """)
    }

    /// `scan bilaga1.docx` said it was "an Excel workbook … save it as UTF-8 CSV", and HTML with the
    /// number split by a tag or a character reference passed as clean.
    @Test func scanReadsWordDocumentsAndHTMLAsTheyAreRead() throws {
        let folder = try TemporaryFolder()
        let example = CLI.packageRoot.appendingPathComponent("Plans/socialnamnden-2023").path
        let report = try CLI.run(
            ["report", "--plan", example, "--point", "årsbokslut", "--out", "bilaga1.docx"], in: folder.url)
        #expect(report.status == 0, "\(report.stderr)")
        var result = try CLI.run(["scan", "bilaga1.docx"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "bilaga1.docx: no personnummer found\n")
        let html = try folder.write(
            "bilaga1.html", "<html><body>\n<p>Ärende 1981<b>1218</b>-&#57;876</p>\n</body></html>\n")
        result = try CLI.run(["scan", html], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "\(html):2: personnummer-shaped number 19811218-****\n")
    }
}
