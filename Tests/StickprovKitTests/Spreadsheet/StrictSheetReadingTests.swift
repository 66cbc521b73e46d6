import Foundation
import Testing

@testable import StickprovKit

/// A sheet is read strictly and wholly: what a spreadsheet program would show differently from
/// what the tool reads (a row given twice, a cell out of its row, a file cut short) is refused,
/// and every message names its cell or row as the spreadsheet shows it.
@Suite struct StrictSheetReadingTests {
    /// A workbook whose only sheet, "Blad1", holds `sheetData`.
    static func workbook(_ sheetData: String) throws -> [UInt8] {
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        return try ZipArchive.write([
            ZipEntry(
                name: "xl/workbook.xml",
                text:
                    "<workbook \(main) xmlns:r=\"r\"><sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            ZipEntry(
                name: "xl/_rels/workbook.xml.rels",
                text: "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ZipEntry(
                name: "xl/worksheets/sheet1.xml",
                text: "<worksheet \(main)><sheetData>\(sheetData)</sheetData></worksheet>"),
        ])
    }

    /// An inline-string cell.
    static func cell(_ reference: String, _ text: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }

    static let refused: [(sheetData: String, message: String)] = [
        (
            "<row r=\"1\">\(cell("A1", "Avtal"))</row><row r=\"2\">\(cell("A2", "Hemtjänst"))</row>"
                + "<row r=\"2\">\(cell("A2", "Boendestöd"))</row>",
            "Blad1 row 2: the row is given twice; which one holds is unclear"
        ),
        (
            "<row r=\"3\">\(cell("A3", "a"))</row><row r=\"2\">\(cell("A2", "b"))</row>",
            "Blad1 row 2: the row comes after row 3; rows must be in order"
        ),
        (
            "<row r=\"1\">\(cell("A1", "a"))<row r=\"2\">\(cell("A2", "b"))</row>",
            "Blad1 row 1: <row> is never closed (the file is damaged or was cut short)"
        ),
        (
            "<row r=\"1\">\(cell("A1", "a"))</row><row r=\"2\">\(cell("A2", "b"))",
            "Blad1 row 2: <row> is never closed (the file is damaged or was cut short)"
        ),
        (
            "<row r=\"7\"><c r=\"B7\" t=\"inlineStr\"><is><t>x</t></is></row>",
            "Blad1!B7: <c> is never closed (the file is damaged or was cut short)"
        ),
        (
            "<row r=\"7\"><c r=\"B7\" t=\"inlineStr\"><is><t>x</t></is><c r=\"C7\"/></row>",
            "Blad1!B7: <c> is never closed (the file is damaged or was cut short)"
        ),
        (
            "<row r=\"1048577\">\(cell("A1048577", "a"))</row>",
            "Blad1 row 1048577: not a row number from 1 to 1048576 (a workbook's last row)"
        ),
        (
            "<row r=\"99999999999999999999\">\(cell("A1", "a"))</row>",
            "Blad1 row 99999999999999999999: not a row number from 1 to 1048576 (a workbook's last row)"
        ),
        ("<row r=\"0\"></row>", "Blad1 row 0: not a row number from 1 to 1048576 (a workbook's last row)"),
        ("<row r=\"+4\"></row>", "Blad1 row +4: not a row number from 1 to 1048576 (a workbook's last row)"),
        (
            "<row r=\"3\">\(cell("XFE3", "a"))</row>",
            "Blad1 row 3: the cell reference 'XFE3' is not a column A to XFD in row 3"
        ),
        (
            "<row r=\"3\">\(cell("B4", "a"))</row>",
            "Blad1 row 3: the cell reference 'B4' is not a column A to XFD in row 3"
        ),
        (
            "<row r=\"7\">\(cell("B7", "Ja"))\(cell("B7", "Nej"))</row>",
            "Blad1!B7: the cell is given twice; which one holds is unclear"
        ),
        (
            "<row r=\"7\">\(cell("C7", "a"))\(cell("B7", "b"))</row>",
            "Blad1!B7: the cell comes after C7; cells must be in column order"
        ),
        (
            "<row r=\"2\"><c r=\"D2\"><f>SUM(A1:A9)</f></c></row>",
            "Blad1!D2: the cell holds a formula without its result; open the file in Excel or LibreOffice and save it"
        ),
        (
            "<row r=\"2\"><c r=\"D2\" t=\"s\"><v>5</v></c></row>",
            "Blad1!D2: the cell refers to shared string 5, which does not exist"
        ),
    ]

    @Test(arguments: refused.indices)
    func aSheetThatWouldReadOtherwiseThanItShowsIsRefusedNamingItsCell(_ index: Int) throws {
        let (sheetData, message) = Self.refused[index]
        let bytes = try Self.workbook(sheetData)
        do {
            let cells = try WorkbookReader.sheet(bytes)
            Issue.record("read \(cells.rows) from \(sheetData)")
        } catch {
            #expect(error.message == message, "\(sheetData)")
        }
    }

    @Test func rowsAndCellsWithoutReferencesAreNumberedInOrder() throws {
        let bytes = try Self.workbook(
            "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>2</v></c></row><row r=\"4\"><c><v>3</v></c></row>"
                + "<row><c r=\"XFD5\"><v>4</v></c></row><row r=\"1048576\"><c><f>1+1</f><v>2</v></c></row>")
        let rows = try WorkbookReader.sheet(bytes).rows
        #expect(rows[1] == [0: "a", 1: "2"])
        #expect(rows[4] == [0: "3"])
        #expect(rows[5] == [16_383: "4"])
        #expect(rows[1_048_576] == [0: "2"])
    }

    @Test func otherPartsMustCloseWhatTheyOpen() throws {
        var scanner = XMLScanner(Array("<sst><si><t>a</t></sst>".utf8), part: "xl/sharedStrings.xml")
        #expect(
            throws: SpreadsheetError.malformedXML(
                part: "xl/sharedStrings.xml", reason: "<si> never closed (the end tag </sst> comes first) near byte 22")
        ) { while try scanner.next() != nil {} }
        var cut = XMLScanner(Array("<sst><si>".utf8), part: "p")
        #expect(
            throws: SpreadsheetError.malformedXML(
                part: "p", reason: "<si> never closed (the part ends first) near byte 9")
        ) { while try cut.next() != nil {} }
    }
}
