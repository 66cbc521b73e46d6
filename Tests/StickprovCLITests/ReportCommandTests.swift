import Foundation
import Testing

@Suite struct ReportCommandTests {
    @Test func theReadmesMainCommandPrintsThe2023Appendix() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let first = try #require(readme.components(separatedBy: "\n").first { $0.hasPrefix("swift run stickprov") })
        let words: [String] = first.components(separatedBy: " ")
        let result = try CLI.run(Array(words[3...]))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Bilaga 1. Uppföljning av internkontroll vid årsbokslut 2023\n"))
        #expect(
            result.stdout.contains(
                "Vid årsbokslutet visar kontrollen att två av totalt fyra kontrollpunkter har genomförts utan anmärkning eller med försumbar anmärkning."
            ))
        #expect(result.stdout.contains("Av de 180 kontrollerna som genomfördes under 2023 fanns en anmärkning."))
        #expect(
            result.stdout.contains(
                "15 februari granskades 25 utredningar fördelade på 13 socialsekreterare, varav 11 var utan anmärkning."
            ))
    }

    @Test func writesEachFormatToAFile() throws {
        let folder = try TemporaryFolder()
        let plan = CLI.packageRoot.appendingPathComponent("Plans/socialnamnden-2023").path
        for (name, prefix) in [
            ("bilaga.html", "<!DOCTYPE html>"), ("bilaga.csv", "\u{FEFF}Identifierad risk;"),
            ("bilaga.md", "# Bilaga 1."),
        ] {
            let result = try CLI.run(["report", "--plan", plan, "--point", "delår", "--out", name], in: folder.url)
            #expect(result.status == 0, "\(result.stderr)")
            let text = String(decoding: try Data(contentsOf: folder.file(name)), as: UTF8.self)
            #expect(text.hasPrefix(prefix), "\(name)")
            #expect(name.hasSuffix(".csv") || text.contains("delårsbokslut 2023"))
        }
        let docx = try CLI.run(
            ["report", "--plan", plan, "--point", "delår", "--table-only", "--out", "bilaga.docx"], in: folder.url)
        #expect(docx.status == 0, "\(docx.stderr)")
        #expect(
            docx.stderr == "Wrote bilaga.docx (Bilaga 1. Uppföljning av internkontroll vid delårsbokslut 2023, docx).\n"
        )
        let word = [UInt8](try Data(contentsOf: folder.file("bilaga.docx")))
        #expect(word.prefix(4) == [0x50, 0x4B, 0x03, 0x04], "a ZIP package")
        #expect(folder.listing() == ["bilaga.csv", "bilaga.docx", "bilaga.html", "bilaga.md"])
        let summary = try CLI.run(["report", "--plan", plan, "--point", "delår", "--summary"])
        #expect(
            summary.stdout
                == "Vid delårsbokslutet visar kontrollen att en av totalt fyra kontrollpunkter har genomförts utan anmärkning eller med försumbar anmärkning.\n"
        )
    }

    @Test func theLegendCanListOnlyTheLevelsUsedAndTheTableStandAlone() throws {
        let plan = ["--plan", "Plans/socialnamnden-2023"]
        let all = try CLI.run(["report"] + plan)
        #expect(all.stdout.contains("\n- ■ Röd: Kontrollen är inte genomförd\n"))
        let used = try CLI.run(["report", "--legend", "used"] + plan)
        #expect(used.status == 0, "\(used.stderr)")
        #expect(
            used.stdout.contains(
                "\n- ● Grön: Kontrollen är genomförd utan anmärkning/med försumbar anmärkning\n- ▲ Gul: Kontrollen är genomförd med anmärkning\n\n"
            ))
        #expect(!used.stdout.contains("Röd"))
        let table = try CLI.run(["report", "--table-only"] + plan)
        #expect(
            table.stdout.hasPrefix(
                "# Bilaga 1. Uppföljning av internkontroll vid årsbokslut 2023\n\n| Identifierad risk |"))
    }

    @Test func aPlanChoosesTheColumnsItsAppendixShows() throws {
        let folder = try DrawCommandTests.setUp()
        let edit = try CLI.run(
            ["plan", "edit", "--plan", "plan", "--report-columns", "id, ansvarig,id"], in: folder.url)
        #expect(edit.status == 0, "\(edit.stderr)")
        let plan = String(decoding: try Data(contentsOf: folder.file("plan/plan.json")), as: UTF8.self)
        #expect(plan.contains("\"reportColumns\" : [\n    \"id\",\n    \"responsible\"\n  ]"))
        let report = try CLI.run(["report", "--plan", "plan", "--table-only"], in: folder.url)
        #expect(
            report.stdout.contains(
                "| Identifierad risk | Id | Vad kontrolleras? | Frekvens uppföljning | Metod | Uppföljningsansvarig | Bedömning |"
            ))
        let cleared = try CLI.run(["plan", "edit", "--plan", "plan", "--report-columns", "none"], in: folder.url)
        #expect(cleared.status == 0)
        #expect(
            !String(decoding: try Data(contentsOf: folder.file("plan/plan.json")), as: UTF8.self).contains(
                "reportColumns"))
        let wrong = try CLI.run(["plan", "edit", "--plan", "plan", "--report-columns", "id,färg"], in: folder.url)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasPrefix("error: --report-columns 'färg' is not one of: id, cadence, responsible\n"))
    }

    @Test func refusesAPersonnummerAndWritesNothing() throws {
        let folder = try DrawCommandTests.setUp()
        // The plan itself refuses it now (issue 17), so the appendix can never print it.
        let edit = try CLI.run(
            ["plan", "edit", "K1", "--plan", "plan", "--text", "Kontroll av 811218-9876"], in: folder.url)
        #expect(edit.status == 1)
        #expect(
            edit.stderr.contains("risks[0].controls[0].text: holds what looks like a personnummer (811218-****)"),
            "\(edit.stderr)")
        // A hand edit is caught on load, before anything is written.
        let path = folder.file("plan/plan.json")
        let json = try String(contentsOf: path, encoding: .utf8)
        try json.replacingOccurrences(of: "\"Systemförvaltare\"", with: "\"Kontroll av 811218-9876\"").write(
            to: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", "--plan", "plan", "--out", "bilaga.html"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("holds what looks like a personnummer (811218-****)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("bilaga.html").path))
    }

    @Test(arguments: [
        (["report", "--format", "pdf"], "error: --format 'pdf' is not md, html, docx or csv"),
        (["report", "--format", "docx"], "error: --format docx writes a Word file; give --out FILE.docx"),
        (
            ["report", "--appendix", "2", "--format", "docx"],
            "error: --format docx writes a Word file; give --out FILE.docx"
        ),
        (["report", "--point", "jul"], "error: --point 'jul' is not one of: interim, year-end"),
        (
            ["report", "--summary", "--format", "html"],
            "error: --summary prints one sentence; it takes no --format or --out"
        ),
        (["report", "--legend", "some"], "error: --legend 'some' is not one of: all, used"),
    ])
    func refusesWrongUsage(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments + ["--plan", "Plans/socialnamnden-2023"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message + "\n"))
    }
}
