import Foundation
import Testing

@Suite struct RollupCommandTests {
    /// A second committee's plan made with the CLI, assessed for one of its two control points.
    static func makeSecondPlan(in folder: TemporaryFolder) throws {
        for arguments in [
            ["plan", "init", "--plan", "bun-2023", "--committee", "Barn- och utbildningsnämnden", "--year", "2023"],
            ["plan", "add-risk", "--plan", "bun-2023", "--text", "Att elever inte får det stöd de har rätt till"],
            [
                "plan", "add-control", "--plan", "bun-2023", "--risk", "R1", "--text", "Att åtgärdsprogram upprättas",
                "--method", "dokumentkontroll",
            ],
            [
                "plan", "add-control", "--plan", "bun-2023", "--risk", "R1", "--text", "Att frånvaro följs upp",
                "--method", "measurement",
            ],
            [
                "assess", "K1", "--plan", "bun-2023", "--point", "årsbokslut", "--signal", "green", "--result",
                "Samtliga program var upprättade.", "--date", "2023-12-20",
            ],
        ] {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    @Test func writesOneDocumentForTheExampleAndASecondPlan() throws {
        let folder = try TemporaryFolder()
        try Self.makeSecondPlan(in: folder)
        let example = CLI.packageRoot.appendingPathComponent("Plans/socialnamnden-2023").path
        let result = try CLI.run(
            ["rollup", example, "bun-2023", example, "--out", "sammanstallning.html"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr
                == "Wrote sammanstallning.html (Uppföljning av internkontroll vid årsbokslut 2023 – sammanställning, 2 committees, html).\n"
        )
        let html = String(decoding: try Data(contentsOf: folder.file("sammanstallning.html")), as: UTF8.self)
        #expect(html.components(separatedBy: "<section class=\"committee\">").count == 3)
        #expect(html.contains("<h2>Socialnämnden</h2>") && html.contains("<h2>Barn- och utbildningsnämnden</h2>"))
        #expect(
            html.contains("Av nämndernas totalt sex kontrollpunkter har tre bedömningen grön och två bedömningen gul."))
        let word = try CLI.run(["rollup", example, "bun-2023", "--out", "sammanstallning.docx"], in: folder.url)
        #expect(word.status == 0, "\(word.stderr)")
        #expect(Array(try Data(contentsOf: folder.file("sammanstallning.docx")).prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        let toTerminal = try CLI.run(["rollup", example, "--format", "docx"], in: folder.url)
        #expect(toTerminal.status == 2)
        let markdown = try CLI.run(["rollup", example, "bun-2023", "--point", "delår"], in: folder.url)
        #expect(markdown.stdout.hasPrefix("# Uppföljning av internkontroll vid delårsbokslut 2023 – sammanställning\n"))
    }

    @Test func aDamagedPlanIsNamedNeverSkipped() throws {
        let folder = try TemporaryFolder()
        try Self.makeSecondPlan(in: folder)
        var journal = try String(contentsOf: folder.file("bun-2023/journal.jsonl"), encoding: .utf8)
        journal = journal.replacingOccurrences(of: "Samtliga", with: "Alla")
        try folder.write("bun-2023/journal.jsonl", journal)
        let example = CLI.packageRoot.appendingPathComponent("Plans/socialnamnden-2023").path
        let result = try CLI.run(["rollup", example, "bun-2023", "--format", "csv"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("bun-2023/journal.jsonl:1: "))
        #expect(result.stderr.hasSuffix("1 plan could not be read; named in the document, not counted\n"))
        #expect(result.stdout.contains("bun-2023;;;;;Kunde inte läsas;"))
        #expect(result.stdout.hasPrefix("\u{FEFF}Nämnd;Identifierad risk;"))
        let usage = try CLI.run(["rollup"], in: folder.url)
        #expect(usage.status == 2)
    }
}
