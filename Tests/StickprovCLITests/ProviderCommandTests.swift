import Foundation
import Testing

@Suite struct ProviderCommandTests {
    @Test func recordsFollowUpsAndWritesBilaga2() throws {
        let folder = try DrawCommandTests.setUp()
        let refused = try CLI.run(
            [
                "provider", "record", "--plan", "plan", "--contract", "HVB (Vägvalet AB)", "--followed-up", "Bemanning",
                "--fulfilled", "nej",
            ], in: folder.url)
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "error: 'HVB (Vägvalet AB)': the answer is Nej, so 'Om Nej, vilka brister har iakttagits?' must describe the shortcomings\n"
        )
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan/journal.jsonl").path))
        let none = try CLI.run(["report", "--plan", "plan", "--appendix", "2"], in: folder.url)
        #expect(none.status == 1)
        #expect(none.stderr.contains("no private-provider follow-ups are recorded for 2023"))

        try folder.write(
            "bilaga2.csv",
            "Berört avtal,Vad har följts upp?,Uppfyllt,Brister\nStödboende (Trygga Steg AB),Besök,Ja,\nHVB (Vägvalet AB),Bemanning,Nej,Bemanningen nattetid understeg kraven\n"
        )
        let imported = try CLI.run(["provider", "import", "bilaga2.csv", "--plan", "plan"], in: folder.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "Recorded 2 contract follow-ups from bilaga2.csv (lines 1–2 of the journal).\n")
        let again = try CLI.run(["provider", "import", "bilaga2.csv", "--plan", "plan"], in: folder.url)
        #expect(again.stdout == "Nothing new from bilaga2.csv: it is already recorded.\n")
        let sheet = try CLI.run(["provider", "worksheet", "--plan", "plan", "--out", "ark.csv"], in: folder.url)
        #expect(sheet.stdout == "Wrote ark.csv: Bilaga 2's columns and 2 recorded contracts.\n")
        let roundTrip = try CLI.run(["provider", "import", "ark.csv", "--plan", "plan"], in: folder.url)
        #expect(roundTrip.stdout == "Nothing new from ark.csv: it is already recorded.\n", "\(roundTrip.stderr)")
        let comment = try CLI.run(
            ["provider", "comment", "--plan", "plan", "--text", "Uppföljningen har gjorts enligt plan."], in: folder.url
        )
        #expect(comment.status == 0, "\(comment.stderr)")

        let report = try CLI.run(
            ["report", "--plan", "plan", "--appendix", "2", "--out", "bilaga2.html"], in: folder.url)
        #expect(report.status == 0, "\(report.stderr)")
        let html = String(decoding: try Data(contentsOf: folder.file("bilaga2.html")), as: UTF8.self)
        #expect(html.contains("<h1>Bilaga 2. Uppföljning av privata utförare 2023</h1>"))
        #expect(html.contains("<td class=\"answer\">Nej</td><td><p>Bemanningen nattetid understeg kraven</p></td>"))
        #expect(html.contains("<p>Uppföljningen har gjorts enligt plan.</p>"))
    }

    @Test func aBadSheetRecordsNothingAndNamesEveryLine() throws {
        let folder = try DrawCommandTests.setUp()
        try folder.write("bilaga2.csv", "Avtal;Uppföljning;Uppfyllt\nA;Besök;ja\nB;Besök 811218-9876;ja\nC;Besök;nja\n")
        let result = try CLI.run(["provider", "import", "bilaga2.csv", "--plan", "plan"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                bilaga2.csv:3: Vad har följts upp? holds what looks like a personnummer (811218-****); personal data does not belong in the record or the appendix
                bilaga2.csv:4: 'nja' is not Ja or Nej

                """)
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan/journal.jsonl").path))
    }

    @Test func theExamplesBilaga2IsPrintedInEveryFormat() throws {
        let plan = CLI.packageRoot.appendingPathComponent("Plans/socialnamnden-2023").path
        for (format, prefix) in [
            ("md", "# Bilaga 2. Uppföljning av privata utförare 2023\n"), ("html", "<!DOCTYPE html>"),
            ("csv", "\u{FEFF}Berört avtal;"),
        ] {
            let result = try CLI.run(["report", "--plan", plan, "--appendix", "2", "--format", format])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix(prefix), "\(format)")
        }
        let wrong = try CLI.run(["report", "--plan", plan, "--appendix", "3"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasPrefix("error: --appendix '3' is not 1 or 2\n"))
    }

    /// The Bilaga 2 sheet as a workbook: it reads back unchanged, LibreOffice opens it with the
    /// contracts in their cells, and the copy LibreOffice saves imports as the same follow-ups.
    @Test func theWorksheetAsAWorkbookRoundTripsThroughLibreOffice() throws {
        let folder = try DrawCommandTests.setUp()
        try folder.write(
            "bilaga2.csv",
            "Avtal;Uppföljning;Uppfyllt;Brister\n00162 Stödboende;Besök;Ja;\nHVB (Vägvalet AB);Bemanning;Nej;Bemanningen nattetid understeg kraven\n"
        )
        #expect(try CLI.run(["provider", "import", "bilaga2.csv", "--plan", "plan"], in: folder.url).status == 0)
        let wrong = try CLI.run(["provider", "worksheet", "--plan", "plan", "--out", "ark.txt"], in: folder.url)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasPrefix("error: --out 'ark.txt' must end in .xlsx (an Excel workbook) or .csv\n"))
        let sheet = try CLI.run(["provider", "worksheet", "--plan", "plan", "--out", "ark.xlsx"], in: folder.url)
        #expect(sheet.stdout == "Wrote ark.xlsx: Bilaga 2's columns and 2 recorded contracts.\n", "\(sheet.stderr)")
        let same = try CLI.run(["provider", "import", "ark.xlsx", "--plan", "plan"], in: folder.url)
        #expect(same.stdout == "Nothing new from ark.xlsx: it is already recorded.\n", "\(same.stderr)")
        guard WorkbookWorksheetTests.soffice != nil else {
            print("notice: LibreOffice (soffice) is missing: the Bilaga 2 workbook is not opened in it")
            return
        }
        try WorkbookWorksheetTests.convert(
            folder, "ark.xlsx", to: "csv:Text - txt - csv (StarCalc):59,34,76,1", outdir: "lo")
        // LibreOffice quotes every text cell: compare without the quotes.
        let csv = String(decoding: try Data(contentsOf: folder.file("lo/ark.csv")), as: UTF8.self).replacingOccurrences(
            of: "\"", with: "")
        #expect(csv.contains("00162 Stödboende;Besök;Ja;"), "\(csv)")
        #expect(csv.contains("HVB (Vägvalet AB);Bemanning;Nej;Bemanningen nattetid understeg kraven"), "\(csv)")
        try WorkbookWorksheetTests.convert(folder, "ark.xlsx", to: "xlsx", outdir: "lo")
        let saved = try CLI.run(["provider", "import", "lo/ark.xlsx", "--plan", "plan"], in: folder.url)
        #expect(saved.stdout == "Nothing new from lo/ark.xlsx: it is already recorded.\n", "\(saved.stderr)")
    }
}
