import Foundation
import Testing

@testable import StickprovKit

/// `scan` reads what a reader of the published file sees (issue 26): Word documents and workbooks
/// by their text, HTML without its tags and with character references decoded, any file size in
/// bounded pieces.
@Suite struct PersonalDataScanTests {
    static func scan(_ text: String, name: String = "x.html") throws -> [PersonalDataScan.Finding] {
        try PersonalDataScan.scan(Array(text.utf8), name: name)
    }

    @Test(arguments: [
        "<p>1981<b>1218</b>-9876</p>",
        "<td>&#49;9811218-&#x39;876</td>",
        "<p>19811218&shy;-&nbsp;9876</p>",
        "<p>19811218<!-- en kommentar -->-9876</p>",
        "<p><span title=\"a > b\">19811218</span>-9876</p>",
    ])
    func findsANumberThatMarkupSplits(html: String) throws {
        #expect(try Self.scan(html) == [PersonalDataScan.Finding(line: 1, masked: "19811218-****")])
    }

    @Test func textOfTwoCellsNeverJoinsIntoANumber() throws {
        #expect(try Self.scan("<tr><td>19811218</td><td>9876</td></tr>").isEmpty)
        #expect(try Self.scan("<p>19811218</p>\n<p>9876</p>").isEmpty)
    }

    @Test func aTagSpanningLinesIsFollowed() throws {
        let html = "<p class=\"a\n b\">1981<span\n class=\"x\">1218-9876</span></p>\n"
        #expect(try Self.scan(html) == [PersonalDataScan.Finding(line: 3, masked: "19811218-****")])
    }

    @Test func plainTextDecodesReferencesButKeepsAngleBrackets() throws {
        let text = "a < b och c > d\nNr &#49;9811218-9876\n"
        #expect(try Self.scan(text, name: "x.md") == [PersonalDataScan.Finding(line: 2, masked: "19811218-****")])
    }

    @Test func findsANumberInTheToolsOwnWordDocument() throws {
        let (plan, state) = try AppendixSnapshotTests.load()
        let appendix = try Appendix.build(plan: plan, state: state, point: .yearEnd)
        let clean = try DOCXRenderer.render(appendix)
        #expect(try PersonalDataScan.scan(clean, name: "bilaga1.docx").isEmpty)
        // The same document with a number that Word keeps in two runs of one paragraph.
        let entries = try ZipArchive.read(clean).map { entry -> ZipEntry in
            guard entry.name == "word/document.xml" else { return entry }
            let xml = String(decoding: entry.data, as: UTF8.self).replacingOccurrences(
                of: "<w:t xml:space=\"preserve\">Socialnämnden</w:t>",
                with: "<w:t xml:space=\"preserve\">Socialnämnden 1981</w:t></w:r><w:r><w:t>1218-9876</w:t>")
            #expect(xml != String(decoding: entry.data, as: UTF8.self), "the committee's name is in document.xml")
            return ZipEntry(name: entry.name, data: Array(xml.utf8))
        }
        let findings = try PersonalDataScan.scan(try ZipArchive.write(entries), name: "bilaga1.docx")
        #expect(findings.map(\.masked) == ["19811218-****"])
        #expect(findings.first?.part == "word/document.xml")
    }

    @Test func findsANumberInAWorkbooksStringsAndCells() throws {
        let shared = """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Nr</t></si>\
            <si><r><t>1981</t></r><r><t>1218-9876</t></r></si></sst>
            """
        let sheet = """
            <worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>\
            <row r="2"><c r="A2"><v>198112189876</v></c><c r="B2"><v>19811218</v></c><c r="C2"><v>9876</v></c></row>\
            </sheetData></worksheet>
            """
        let archive = try ZipArchive.write([
            ZipEntry(name: "xl/sharedStrings.xml", data: Array(shared.utf8)),
            ZipEntry(name: "xl/worksheets/sheet1.xml", data: Array(sheet.utf8)),
        ])
        let findings = try PersonalDataScan.scan(archive, name: "urval.xlsx")
        #expect(findings.map(\.part) == ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
        #expect(findings.map(\.masked) == ["19811218-****", "19811218****"])
    }

    @Test func aLongLineAndANumberAcrossPiecesAreFoundInAFileReadPieceByPiece() throws {
        let folder = try JournalTests.Folder()
        // 3 MB without a line break (a minified page), then a number that straddles the 1 MB pieces.
        var text = String(repeating: "<span>ord</span> ", count: 3 << 16)
        let pad = (1 << 20) - 6 - text.utf8.count % (1 << 20)
        text += String(repeating: "x", count: max(pad, 0)) + " 19811218-9876 <b>slut</b>\nrad två 19811218-9876\n"
        let path = folder.path + "/stor.html"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let findings = try PersonalDataScan.scan(contentsOf: path)
        #expect(
            findings == [
                PersonalDataScan.Finding(line: 1, masked: "19811218-****"),
                PersonalDataScan.Finding(line: 2, masked: "19811218-****"),
            ])
    }

    @Test func whatItCannotReadIsSaidPlainly() throws {
        #expect(throws: ScanError.notText(.unsupportedEncoding(name: "UTF-16"))) {
            try PersonalDataScan.scan([0xFF, 0xFE, 0x31, 0x00], name: "x.txt")
        }
        #expect(
            ScanError.notText(.notCSV(kind: "an old Excel workbook (.xls)")).message
                == "an old Office file (.xls, .doc) is not scanned; save it as .docx, .xlsx or text")
        #expect(throws: ScanError.self) { try PersonalDataScan.scan(Self.zipStart + [1, 2, 3], name: "x.docx") }
    }

    static let zipStart: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
}
