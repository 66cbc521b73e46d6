import Foundation
import Testing

@testable import StickprovKit

/// Workbooks (.xlsx) written and read by the library, and workbooks as Excel and LibreOffice
/// store them (shared strings, rich text, numbers, booleans, date serials).
@Suite struct WorkbookTests {
    static let awkwardKeys = ["00162", "=1+1", "-5", "2023-0412", "SN 2023/114", "Å & <ö> \"x\"", "rad 1\nrad 2"]

    @Test func everyCellComesBackAsTheTextWritten() throws {
        var sheet = Workbook.Sheet(name: "Urval", rows: [["Nyckel", "Resultat"]] + Self.awkwardKeys.map { [$0, ""] })
        sheet.editableColumns = [1]
        sheet.isProtected = true
        sheet.dropDowns = [(1, "Resultatord")]
        let bytes = try Workbook(sheets: [sheet], lists: [("Resultatord", ["utan anmärkning", "anmärkning"])]).xlsx()
        let cells = try WorkbookReader.sheet(bytes, preferred: "urval")
        #expect(cells.name == "Urval")
        #expect(cells.rows[1] == [0: "Nyckel", 1: "Resultat"])
        for (index, key) in Self.awkwardKeys.enumerated() { #expect(cells.rows[index + 2]?[0] == key) }
        let table = try WorksheetImport.Sheet(rows: SheetTable.workbook(bytes).rows).table
        #expect(table.header == ["Nyckel", "Resultat"])
        #expect(table.rows.map(\.line) == Array(2...(Self.awkwardKeys.count + 1)))
    }

    @Test func theWorksheetCarriesDropDownsFromAHiddenListSheetAndAFrozenHeader() throws {
        let bytes = try Workbook(
            sheets: [
                {
                    var sheet = Workbook.Sheet(name: "Urval", rows: [["A", "Resultat"], ["1", ""]])
                    sheet.dropDowns = [(1, "Resultatord")]
                    return sheet
                }()
            ], lists: [("Resultatord", ["ok"]), ("Tom", [])]
        ).xlsx()
        let parts = Dictionary(
            uniqueKeysWithValues: try ZipArchive.read(bytes).map { ($0.name, String(decoding: $0.data, as: UTF8.self)) }
        )
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains("<dataValidation type=\"list\""))
        #expect(sheet.contains("sqref=\"B2:B2\"><formula1>Resultatord</formula1>"))
        #expect(sheet.contains("state=\"frozen\""))
        let workbook = try #require(parts["xl/workbook.xml"])
        #expect(workbook.contains("<sheet name=\"Listor\" sheetId=\"2\" state=\"hidden\""))
        #expect(workbook.contains("<definedName name=\"Resultatord\">Listor!$A$1:$A$1</definedName>"))
        #expect(workbook.contains("<definedName name=\"Tom\">Listor!$B$1:$B$1</definedName>"))
    }

    /// A workbook shaped as Excel saves one: shared strings with rich-text runs, a number that
    /// lost its leading zeros, a boolean, dates as serial numbers under built-in and custom formats.
    static func excelLikeWorkbook(date1904: Bool = false) throws -> [UInt8] {
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let relationships = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        return try ZipArchive.write([
            ZipEntry(
                name: "xl/workbook.xml",
                text:
                    "<?xml version=\"1.0\"?><workbook \(main) \(relationships)><workbookPr\(date1904 ? " date1904=\"1\"" : "")/>"
                    + "<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>"),
            ZipEntry(
                name: "xl/_rels/workbook.xml.rels",
                text: "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId7\" Type=\"x\" Target=\"/xl/worksheets/blad.xml\"/></Relationships>"),
            ZipEntry(
                name: "xl/sharedStrings.xml",
                text:
                    "<sst \(main) count=\"3\"><si><t>Nyckel</t></si><si><r><rPr><b/></rPr><t>Res</t></r><r><t xml:space=\"preserve\">ultat</t></r>"
                    + "<rPh><t>x</t></rPh></si><si><t>utan anm&#228;rkning &amp; mer</t></si><si/><si><t>Datum</t></si></sst>"
            ),
            ZipEntry(
                name: "xl/styles.xml",
                text:
                    "<styleSheet \(main)><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
                    + "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"
            ),
            ZipEntry(
                name: "xl/worksheets/blad.xml",
                text:
                    "<worksheet \(main)><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>4</v></c></row>"
                    + "<row r=\"3\"><c r=\"A3\"><v>162</v></c><c r=\"B3\" t=\"s\"><v>2</v></c><c r=\"C3\" s=\"1\"><v>45250</v></c></row>"
                    + "<row r=\"4\"><c r=\"A4\" t=\"b\"><v>1</v></c><c r=\"B4\" t=\"str\"><f>A1</f><v>ok</v></c><c r=\"C4\" s=\"2\"><v>45250.5</v></c></row>"
                    + "<row r=\"5\"><c r=\"A5\"><v>37.5</v></c></row></sheetData></worksheet>"),
        ])
    }

    @Test func readsWhatExcelWrites() throws {
        let cells = try WorkbookReader.sheet(try Self.excelLikeWorkbook())
        #expect(cells.name == "Blad1")
        #expect(cells.rows[1] == [0: "Nyckel", 1: "Resultat", 2: "Datum"])
        #expect(cells.rows[3] == [0: "162", 1: "utan anmärkning & mer", 2: "2023-11-20"])
        #expect(cells.rows[4] == [0: "TRUE", 1: "ok", 2: "2023-11-20"])
        #expect(cells.rows[5] == [0: "37.5"])
        #expect(try WorkbookReader.sheet(try Self.excelLikeWorkbook(date1904: true)).rows[3]?[2] == "2027-11-21")
        // Row numbers stay as Excel shows them: the blank row 2 is skipped, not renumbered.
        #expect(try SheetTable.workbook(try Self.excelLikeWorkbook()).rows.map(\.line) == [1, 3, 4, 5])
    }

    @Test func aFilledCellRightOfTheHeaderIsKeptAsAProblemAndTrailingEmptyColumnsAreIgnored() throws {
        let bytes = try Workbook(sheets: [
            Workbook.Sheet(name: "Urval", rows: [["A", "B", ""], ["1", "2", ""], ["3", "4", "anteckning"]])
        ]).xlsx()
        let sheet = try WorksheetImport.Sheet(rows: SheetTable.workbook(bytes).rows)
        #expect(sheet.table.header == ["A", "B"])
        #expect(sheet.strayCells.map { "\($0.line):\($0.column):\($0.text)" } == ["3:3:anteckning"])
    }

    @Test func damagedOrForeignFilesGetAClearError() throws {
        #expect(throws: SpreadsheetError.archive(.notAnArchive)) {
            try WorkbookReader.sheet(Array("Ärendenummer;Resultat\n".utf8))
        }
        let noWorkbook = try ZipArchive.write([ZipEntry(name: "word/document.xml", text: "<w/>")])
        #expect(throws: SpreadsheetError.missingPart("xl/workbook.xml")) { try WorkbookReader.sheet(noWorkbook) }
        let badXML = try ZipArchive.write([ZipEntry(name: "xl/workbook.xml", text: "<workbook><sheets><sheet name=\"a")]
        )
        #expect(throws: SpreadsheetError.self) { try WorkbookReader.sheet(badXML) }
        var random = SplitMix64(seed: 13)
        let good = try Self.excelLikeWorkbook()
        for _ in 0..<500 {
            var damaged = good
            damaged[Int.random(in: 0..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            _ = try? WorkbookReader.sheet(damaged)
        }
    }

    @Test func xmlScannerDecodesEntitiesAndRefusesBrokenMarkup() throws {
        var scanner = XMLScanner(
            Array("<?xml?><!-- c --><a x='1 &amp; 2'>&lt;&#x41;&#66;<![CDATA[<z>]]></a><b/>".utf8), part: "p")
        var tokens: [XMLScanner.Token] = []
        while let token = try scanner.next() { tokens.append(token) }
        #expect(
            tokens == [
                .start(name: "a", attributes: ["x": "1 & 2"], isEmpty: false), .text("<AB"), .text("<z>"),
                .end(name: "a"),
                .start(name: "b", attributes: [:], isEmpty: true),
            ])
        for broken in ["<a x=1>", "<a &bogus;>", "<a>&nope;</a>", "<a", "<!-- never"] {
            var bad = XMLScanner(Array(broken.utf8), part: "p")
            #expect(throws: SpreadsheetError.self, "\(broken)") { while try bad.next() != nil {} }
        }
    }

    @Test func columnNamesGoPastZ() {
        #expect(Workbook.columnName(0) == "A")
        #expect(Workbook.columnName(25) == "Z")
        #expect(Workbook.columnName(26) == "AA")
        #expect(Workbook.columnName(701) == "ZZ")
        #expect(WorkbookReader.columnIndex(of: "AA12") == 26)
        #expect(WorkbookReader.columnIndex(of: "12") == nil)
    }
}

/// `plan import` reads a committee's plan typed in Excel, as it reads the CSV export.
@Suite struct WorkbookPlanImportTests {
    @Test func aPlanSheetInAWorkbookImportsWithItsIdsAndWordsAsWritten() throws {
        let rows = [
            ["Internkontrollplan 2024", "", "", ""],
            ["Id*", "Kontrollmoment:", "Metod:", "Periodicitet***"],
            ["CENT 1", "Att löner betalas ut korrekt", "kontroll lön", "2 ggr/år"],
            ["CENT 2", "Andel e-ansökningar", "Beräkning av andel", "3 ggr/år"],
        ]
        var sheet = Workbook.Sheet(name: "Plan", rows: rows)
        sheet.hasHeader = false
        let table = try SheetTable.workbook(try Workbook(sheets: [sheet]).xlsx())
        #expect(table.rows.map(\.line) == [1, 2, 3, 4])
        let imported = try PlanImport.plan(from: table, committee: "Centrala nämnden", year: 2024, title: nil)
        let controls = imported.plan.risks.flatMap(\.controls)
        #expect(controls.map(\.id.rawValue) == ["CENT 1", "CENT 2"])
        #expect(controls.map(\.text) == ["Att löner betalas ut korrekt", "Andel e-ansökningar"])
    }

    /// A number format shows a date when y, m or d stand outside quotes and brackets: `"dag "0`
    /// is a number with a label, `[Red]0` a coloured number, `yyyy-mm-dd` and `d/m` dates.
    @Test(arguments: [
        ("yyyy-mm-dd", true), ("d/m", true), ("[$-41D]mmmm yyyy", true), ("\"dag \"0", false),
        ("\"y\"0", false), ("[Red]0", false), ("0.00", false), ("#,##0 \"kr\"", false),
    ])
    func dateFormatsAreThoseWithDatePartsOutsideQuotes(code: String, isDate: Bool) {
        #expect(WorkbookReader.isDateFormat(code) == isDate, "\(code)")
    }
}
