import Foundation

/// Workbooks (.xlsx) written by hand for end-to-end tests: a minimal package (workbook,
/// relationships, one sheet "Blad1") around the sheet XML a test gives, as a stored ZIP archive,
/// so a test can hand the tool exactly the rows and cells a hostile or careless file has.
enum XLSXFixture {
    /// The bytes of a workbook whose one sheet, called `sheetName`, has `sheetData` inside
    /// `<sheetData>` (rows and cells as the test writes them; inline strings need no table).
    static func workbook(sheetData: String, sheetName: String = "Blad1") -> [UInt8] {
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return stored([
            (
                "[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
            ),
            (
                "xl/workbook.xml",
                "<?xml version=\"1.0\"?><workbook \(main) xmlns:r=\"\(relationships)\"><sheets>"
                    + "<sheet name=\"\(sheetName)\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>"
            ),
            (
                "xl/worksheets/sheet1.xml",
                "<?xml version=\"1.0\"?><worksheet \(main)><sheetData>\(sheetData)</sheetData></worksheet>"
            ),
        ])
    }

    /// `<row r="N">` with inline-string cells from column A, empty texts left out.
    static func row(_ number: Int, _ texts: [String]) -> String {
        "<row r=\"\(number)\">"
            + texts.enumerated().filter { !$0.element.isEmpty }.map { index, text in
                "<c r=\"\(column(index))\(number)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
            }.joined() + "</row>"
    }

    /// The column letters of a 0-based index (A, B, … Z, AA).
    static func column(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            name = String(UnicodeScalar(UInt8(65 + (index - 1) % 26))) + name
            index = (index - 1) / 26
        }
        return name
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A ZIP archive of `entries` stored without compression.
    static func stored(_ entries: [(name: String, text: String)]) -> [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        func u16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func u32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
        for (name, text) in entries {
            let data = Array(text.utf8)
            let nameBytes = Array(name.utf8)
            let crc = crc32(data)
            let offset = UInt32(archive.count)
            let common =
                u16(20) + u16(0) + u16(0) + u16(0) + u16(0x21) + u32(crc) + u32(UInt32(data.count))
                + u32(UInt32(data.count)) + u16(nameBytes.count) + u16(0)
            archive += u32(0x0403_4B50) + common + nameBytes + data
            directory +=
                u32(0x0201_4B50) + u16(20) + common + u16(0) + u16(0) + u16(0) + u32(0) + u32(offset)
                + nameBytes
        }
        let end =
            u32(0x0605_4B50) + u16(0) + u16(0) + u16(entries.count) + u16(entries.count)
            + u32(UInt32(directory.count)) + u32(UInt32(archive.count)) + u16(0)
        return archive + directory + end
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
