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
}
