import Foundation
import Testing

@Suite struct RiskCommandTests {
    @Test func recordsWhatBecameOfARiskAndDrawsTheMatrix() throws {
        let folder = try DrawCommandTests.setUp()
        let add = try CLI.run(
            [
                "plan", "add-risk", "--plan", "plan", "--text", "Att kompetensförsörjningen brister", "--id", "R7",
                "--probability", "3", "--consequence", "2",
            ], in: folder.url)
        #expect(add.status == 0, "\(add.stderr)")
        let id = "R7"
        let handle = try CLI.run(
            ["plan", "handle-risk", id, "--plan", "plan", "--as", "annat", "--text", "kritiska verksamhetsfaktorer"],
            in: folder.url)
        #expect(handle.status == 0, "\(handle.stderr)")
        #expect(handle.stdout == "Risk \(id) is handled elsewhere.\n")
        let matrix = try CLI.run(["report", "--plan", "plan", "--risk-matrix"], in: folder.url)
        #expect(matrix.status == 0, "\(matrix.stderr)")
        #expect(matrix.stdout.hasPrefix("# Risk- och väsentlighetsanalys 2023\n"))
        #expect(matrix.stdout.contains("omhändertagits inom ramen för kritiska verksamhetsfaktorer."))
        #expect(matrix.stdout.contains("| **3** | 🟩 | 🟨 "))

        let missing = try CLI.run(["plan", "handle-risk", id, "--plan", "plan", "--as", "elsewhere"], in: folder.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: --as elsewhere needs --text saying where the risk is handled\n"))
        let unknown = try CLI.run(["plan", "handle-risk", "R9", "--plan", "plan", "--as", "goal"], in: folder.url)
        #expect(unknown.status == 1)
    }

    @Test func theExamplesMatrixIsWrittenInEveryFormat() throws {
        let folder = try TemporaryFolder()
        let plan = CLI.packageRoot.appendingPathComponent("Plans/socialnamnden-2023").path
        for (name, prefix) in [
            ("risk.html", "<!DOCTYPE html>"), ("risk.csv", "\u{FEFF}Nr;Identifierad risk;"),
            ("risk.md", "# Risk- och väsentlighetsanalys 2023"),
        ] {
            let result = try CLI.run(["report", "--plan", plan, "--risk-matrix", "--out", name], in: folder.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                String(decoding: try Data(contentsOf: folder.file(name)), as: UTF8.self).hasPrefix(prefix), "\(name)")
        }
        for arguments in [
            ["--risk-matrix", "--out", "risk.docx"], ["--appendix", "2", "--format", "docx", "--out", "b2.docx"],
        ] {
            let result = try CLI.run(["report", "--plan", plan] + arguments, in: folder.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                Array(try Data(contentsOf: folder.file(arguments[arguments.count - 1])).prefix(4)) == [
                    0x50, 0x4B, 0x03, 0x04,
                ])
        }
        let noFile = try CLI.run(["report", "--plan", plan, "--risk-matrix", "--format", "docx"])
        #expect(noFile.status == 2)
        #expect(noFile.stderr.hasPrefix("error: --format docx writes a Word file; give --out FILE.docx\n"))
        let wrong = try CLI.run(["report", "--plan", plan, "--risk-matrix", "--point", "delår"])
        #expect(wrong.status == 2)
    }
}

extension RiskCommandTests {
    @Test func importsTheRiskAnalysisFromASheet() throws {
        let folder = try DrawCommandTests.setUp()
        try folder.write(
            "riskanalys.csv",
            "Identifierad risk;Sannolikhet;Konsekvens;Hantering;Hur\nAtt lokalerna inte räcker;2;2;annat;lokalförsörjningsplanen\nAtt budgeten överskrids;2;5;mål;Ekonomi i balans\n"
        )
        let bad = try CLI.run(["plan", "import-risks", "riskanalys.csv", "--plan", "plan"], in: folder.url)
        #expect(bad.status == 1)
        #expect(bad.stderr == "riskanalys.csv:3: Sannolikhet '2' and Konsekvens '5' must both be whole numbers 1–4\n")
        try folder.write(
            "riskanalys.csv",
            "Identifierad risk;Sannolikhet;Konsekvens;Hantering;Hur\nAtt lokalerna inte räcker;2;2;annat;lokalförsörjningsplanen\n"
        )
        let good = try CLI.run(["plan", "import-risks", "riskanalys.csv", "--plan", "plan"], in: folder.url)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.hasPrefix("Risk analysis from riskanalys.csv: added R"))
        let matrix = try CLI.run(["report", "--plan", "plan", "--risk-matrix", "--format", "csv"], in: folder.url)
        #expect(
            matrix.stdout.contains(
                ";Att lokalerna inte räcker;2;2;4;medel;Annat;Inom ramen för lokalförsörjningsplanen"))
    }
}
