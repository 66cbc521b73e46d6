import Foundation
import Testing

/// Sheets are read strictly and wholly, end to end: a workbook whose rows a spreadsheet would
/// show otherwise than the tool reads them is refused naming the row or cell, and a worksheet's
/// problems name their own cell, not column A.
@Suite struct StrictSheetTests {
    /// A plan with one case-review point K1 (2 items, key Ärendenummer) and its draw K1-1 of A1, A2.
    static func drawn() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for step in [
            ["plan", "init", "--plan", "plan", "--committee", "Socialnämnden", "--year", "2023"],
            ["plan", "add-risk", "--plan", "plan", "--text", "Att utredningar brister"],
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--text", "Granskning av utredningar",
                "--method", "case-review", "--count", "2", "--key-column", "Ärendenummer",
            ],
        ] {
            let result = try CLI.run(step, in: folder.url)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        try folder.write("population.csv", "Ärendenummer\nA1\nA2\n")
        let draw = try CLI.run(
            [
                "draw", "K1", "--plan", "plan", "--population", "population.csv", "--seed", "s", "--size", "2",
                "--date", "2023-03-01", "--out", "urval.csv",
            ], in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        return folder
    }

    static let worksheetHeader = [
        "Dragning", "Frö", "Nr", "Ärendenummer", "Resultat", "Typ av anmärkning", "Kommentar", "Granskad av", "Datum",
    ]

    @Test func aWorksheetsLengthErrorNamesItsOwnCell() throws {
        let folder = try Self.drawn()
        let long = String(repeating: "x", count: 201)
        let sheet =
            XLSXFixture.row(1, Self.worksheetHeader)
            + XLSXFixture.row(2, ["K1-1", "s", "1", "A2", "ok", "", "", long, "2023-03-02"])
            + XLSXFixture.row(3, ["K1-1", "s", "2", "A1", "anmärkning", long, "", "", "2023-03-02"])
        try folder.write("ifylld.xlsx", XLSXFixture.workbook(sheetData: sheet, sheetName: "Urval"))
        let before = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        let result = try CLI.run(["record", "--worksheet", "ifylld.xlsx", "--plan", "plan"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "ifylld.xlsx:Urval!H2: the reviewer is 201 characters; at most 200 characters\n"
                + "ifylld.xlsx:Urval!F3: the remark kind is 201 characters; at most 200 characters\n")
        #expect(try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8) == before)
    }

    static let planSheet = XLSXFixture.row(1, ["Id", "Vad kontrolleras?", "Metod"])

    static let broken: [(sheetData: String, message: String)] = [
        (
            planSheet + XLSXFixture.row(2, ["K1", "Att beslut fattas", "Stickprov"])
                + XLSXFixture.row(2, ["K2", "Att akter gallras", "Stickprov"]),
            "Blad1 row 2: the row is given twice; which one holds is unclear"
        ),
        (
            planSheet + XLSXFixture.row(3, ["K1", "Att beslut fattas", "Stickprov"])
                + XLSXFixture.row(2, ["K2", "Att akter gallras", "Stickprov"]),
            "Blad1 row 2: the row comes after row 3; rows must be in order"
        ),
        (
            planSheet
                + String(XLSXFixture.row(2, ["K1", "Att beslut fattas", "Stickprov"]).dropLast("</row>".count)),
            "Blad1 row 2: <row> is never closed (the file is damaged or was cut short)"
        ),
        (
            planSheet + XLSXFixture.row(1_048_577, ["K1", "Att beslut fattas", "Stickprov"]),
            "Blad1 row 1048577: not a row number from 1 to 1048576 (a workbook's last row)"
        ),
        (
            planSheet + "<row r=\"2\"><c r=\"XFE2\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
            "Blad1 row 2: the cell reference 'XFE2' is not a column A to XFD in row 2"
        ),
        (
            planSheet + "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>Att beslut fattas</t></is></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><t>Att akter gallras</t></is></c></row>",
            "Blad1!B2: the cell is given twice; which one holds is unclear"
        ),
    ]

    @Test(arguments: broken.indices)
    func everyImportRefusesAWorkbookReadOtherwiseThanItShows(_ index: Int) throws {
        let (sheetData, message) = Self.broken[index]
        let folder = try Self.drawn()
        try folder.write("ark.xlsx", XLSXFixture.workbook(sheetData: sheetData))
        let before = folder.listing()
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        for arguments in [
            ["plan", "import", "ark.xlsx", "--plan", "ny", "--committee", "S", "--year", "2024"],
            ["plan", "import-risks", "ark.xlsx", "--plan", "plan"],
            ["provider", "import", "ark.xlsx", "--plan", "plan"],
        ] {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr == "ark.xlsx: \(message)\n", "\(arguments)")
        }
        #expect(folder.listing() == before)
        #expect(try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8) == journal)
    }

    /// The headings of a committee's own Bilaga 2 sheet: commas, "(Ja/Nej)" and longer wordings.
    static let committeeHeader = [
        "Berört avtal", "Vad har följts upp?", "Har leverantören i huvudsak uppfyllt väsentliga mål och krav? (Ja/Nej)",
        "Om nej, beskriv bristerna, t.ex. vilka krav som inte uppfylls",
        "Hur påverkar bristerna verksamheten/brukarna?",
        "Vilka åtgärder har vidtagits med anledning av iakttagna brister?",
    ]
    static let committeeRows = [
        [
            "Hemtjänst, Omsorgshuset AB (LOV)", "Genomförandeplaner, journaler, avvikelser, klagomål", "Nej",
            "Genomförandeplaner saknades, i 4 av 10 akter, och journaler var ofullständiga",
            "Risk för insatser som inte motsvarar behoven", "Handlingsplan begärd, uppföljning i maj, vite övervägs",
        ],
        ["Boendestöd, Stödkompaniet AB", "Avtalsuppföljning med besök", "Ja", "", "", ""],
    ]

    /// The follow-up texts recorded in the journal, field by field.
    static func recordedFollowUps(_ folder: TemporaryFolder) throws -> [[String: String]] {
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        return journal.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let data = object["data"] as? [String: Any], let followUp = data["followUp"] as? [String: Any]
            else { return nil }
            return followUp.compactMapValues { $0 as? String }
        }
    }

    @Test(arguments: ["bilaga2.csv", "bilaga2.xlsx"])
    func aCommitteesOwnBilaga2SheetKeepsEveryColumn(_ name: String) throws {
        let folder = try Self.drawn()
        if name.hasSuffix(".csv") {
            // As Swedish Excel saves it ("CSV UTF-8"): a BOM, ';', commas inside headings and texts.
            let lines = ([Self.committeeHeader] + Self.committeeRows).map { $0.joined(separator: ";") }
            try folder.write(name, [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8))
        } else {
            let rows = ([Self.committeeHeader] + Self.committeeRows).enumerated().map {
                XLSXFixture.row($0.offset + 1, $0.element)
            }
            try folder.write(name, XLSXFixture.workbook(sheetData: rows.joined(), sheetName: "Bilaga 2"))
        }
        let result = try CLI.run(["provider", "import", name, "--plan", "plan"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Recorded 2 contract follow-ups from \(name) (lines 2–3 of the journal).\n")
        let recorded = try Self.recordedFollowUps(folder)
        #expect(recorded.count == 2)
        let nej = try #require(recorded.first)
        #expect(nej["contract"] == Self.committeeRows[0][0])
        #expect(nej["followedUp"] == Self.committeeRows[0][1])
        #expect(nej["shortcomings"] == Self.committeeRows[0][3])
        #expect(nej["impact"] == Self.committeeRows[0][4])
        #expect(nej["actions"] == Self.committeeRows[0][5])
    }

    @Test func aNejWithoutShortcomingsDescribedIsRefusedNamingItsLine() throws {
        let folder = try Self.drawn()
        let rows = [
            ["Hemtjänst (Omsorgshuset AB)", "Besök", "Nej", "", "Risk för brukarna", "Handlingsplan"],
            ["HVB (Vägvalet AB)", "Bemanning", "Nej", "-", "", ""],
            ["Boendestöd (Stödkompaniet AB)", "Besök", "nej", "\u{00A0}", "", ""],
            ["Ledsagning (Följ med AB)", "Besök", "Nej", "Inga brister.", "", ""],
        ]
        try folder.write(
            "bilaga2.csv", ([Self.committeeHeader] + rows).map { $0.joined(separator: ";") + "\n" }.joined())
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        let result = try CLI.run(["provider", "import", "bilaga2.csv", "--plan", "plan"], in: folder.url)
        #expect(result.status == 1)
        let heading = "'Om nej, beskriv bristerna, t.ex. vilka krav som inte uppfyll…' must describe the shortcomings"
        #expect(
            result.stderr == """
                bilaga2.csv:2: 'Hemtjänst (Omsorgshuset AB)': the answer is Nej, so \(heading), but it is empty
                bilaga2.csv:3: 'HVB (Vägvalet AB)': the answer is Nej, so \(heading), but it says '-'
                bilaga2.csv:4: 'Boendestöd (Stödkompaniet AB)': the answer is Nej, so \(heading), but it is empty
                bilaga2.csv:5: 'Ledsagning (Följ med AB)': the answer is Nej, so \(heading), but it says 'Inga brister.'

                """)
        #expect(try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8) == journal)
    }

    @Test func aFilledColumnThatIsNoneOfBilaga2sIsRefusedAndATitleRowIsNamed() throws {
        let folder = try Self.drawn()
        try folder.write(
            "bilaga2.csv",
            "Bilaga 2, uppföljning 2023;;;;\nAvtal;Uppföljning;Uppfyllt;Konsekvenser för brukarna;\n"
                + "HVB (Vägvalet AB);Bemanning;Nej;Bemanningen understeg kraven;\n"
                + "Stödboende (Trygga Steg AB);Besök;Ja;;se bilaga\n")
        let refused = try CLI.run(["provider", "import", "bilaga2.csv", "--plan", "plan"], in: folder.url)
        #expect(refused.status == 1)
        let headings = [
            "Berört avtal", "Vad har följts upp?", "Har leverantören i huvudsak uppfyllt väsentliga mål och krav?",
            "Om Nej, vilka brister har iakttagits?", "Hur påverkar bristerna nämndens verksamhet?",
            "Vilka åtgärder har vidtagits?",
        ].map { "'\($0)'" }.joined(separator: ", ")
        #expect(
            refused.stderr == """
                bilaga2.csv:2: column D 'Konsekvenser för brukarna' is not one of Bilaga 2's, but holds text on line 3; it would not be recorded: name it as Bilaga 2 does (\(headings)) or remove it
                bilaga2.csv:2: column E (no heading) is not one of Bilaga 2's, but holds text on line 4; it would not be recorded: name it as Bilaga 2 does (\(headings)) or remove it
                bilaga2.csv:3: 'HVB (Vägvalet AB)': the answer is Nej, so 'Om Nej, vilka brister har iakttagits?' must describe the shortcomings, but it is empty

                """)
        try folder.write(
            "bilaga2.csv",
            "Bilaga 2, uppföljning 2023;;;\nAvtal;Uppföljning;Uppfyllt;Brister\n"
                + "HVB (Vägvalet AB);Bemanning;Nej;Bemanningen understeg kraven\n")
        let imported = try CLI.run(["provider", "import", "bilaga2.csv", "--plan", "plan"], in: folder.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            imported.stderr
                == "bilaga2.csv: note: skipped line 1 above the header (line 2); nothing in it is recorded\n")
    }

    @Test func aWorksheetNamesEveryCellItDoesNotRecord() throws {
        let folder = try Self.drawn()
        let header = Self.worksheetHeader.joined(separator: ";")
        try folder.write("ifylld.csv", header + "\nK1-1;s;1;A2;ok;Saknad signatur;;;\n")
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        let refused = try CLI.run(["record", "--worksheet", "ifylld.csv", "--plan", "plan"], in: folder.url)
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "ifylld.csv:2: 'Typ av anmärkning' holds 'Saknad signatur' but the result is 'utan anmärkning'; write anmärkning, or clear Typ av anmärkning\n"
        )
        #expect(try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8) == journal)

        try folder.write(
            "ifylld.csv",
            header + ";Anteckning\nK1-1;s;1;A2;ok;;;;;ring Eva\nK1-1;s;2;A1;;;Väntar på akt;;;\n")
        let recorded = try CLI.run(["record", "--worksheet", "ifylld.csv", "--plan", "plan"], in: folder.url)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(
            recorded.stderr == """
                ifylld.csv: note: line 3: 'Kommentar' is not recorded: 'Resultat' is empty, so the item stays pending
                ifylld.csv: note: column 'Anteckning' holds text on line 2, which is not recorded: it is not a column of the worksheet

                """)
    }

    @Test func aRiskAnalysisNamesEveryCellItDoesNotRecord() throws {
        let folder = try Self.drawn()
        try folder.write(
            "risker.csv",
            "Riskanalys 2023;;;;;\nIdentifierad risk;Sannolikhet;Konsekvens;Riskvärde;Hur;Kommentar\n"
                + "Att beslut dröjer;2;3;6;inom ramen för förvaltningens uppföljning;se protokoll\n")
        let result = try CLI.run(["plan", "import-risks", "risker.csv", "--plan", "plan"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Risk analysis from risker.csv: added R2.\n")
        #expect(
            result.stderr == """
                risker.csv: note: skipped line 1 above the header; nothing in it is recorded
                risker.csv: note: column D 'Riskvärde' holds text on line 3 that is not recorded: it is not a column the import reads
                risker.csv: note: column F 'Kommentar' holds text on line 3 that is not recorded: a column further left, 'Hur', is read for the same thing
                risker.csv: note: 'Hur' is not recorded on line 3: Hantering is empty there (write kontrollpunkt, mål or annat to keep it)

                """)
    }
}
