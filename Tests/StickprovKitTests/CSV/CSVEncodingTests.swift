import StickprovKit
import Testing

@Suite struct CSVEncodingTests {
    /// "Ärendenummer;Handläggare\r\nSN-1;Åsa Öberg\r\n" in Windows-1252.
    static let windows1252Bytes: [UInt8] =
        [0xC4] + Array("rendenummer;Handl".utf8) + [0xE4] + Array("ggare\r\nSN-1;".utf8)
        + [0xC5] + Array("sa ".utf8) + [0xD6] + Array("berg\r\n".utf8)

    @Test func windows1252SwedishLettersDecode() throws {
        let table = try CSVTable.parse(Self.windows1252Bytes)
        #expect(table.encoding == .windows1252)
        #expect(table.header == ["Ärendenummer", "Handläggare"])
        #expect(table.rows == [CSVRow(line: 2, fields: ["SN-1", "Åsa Öberg"])])
        #expect(table.columnIndex("HANDLÄGGARE") == 1)
    }

    @Test func windows1252EuroSign() throws {
        let table = try CSVTable.parse(Array("Belopp\r\n100 ".utf8) + [0x80] + Array("\r\n".utf8))
        #expect(table.rows[0].fields == ["100 €"])
    }

    @Test func windows1252RangeFrom0x80To0x9FMapsToTheCodePage() throws {
        let defined: [UInt8] = (0x80...0x9F).filter { ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
        let decoded = try TextEncodingDetection.decode(Array("x\n".utf8) + defined)
        #expect(decoded.encoding == .windows1252)
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == "x\n€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
    }

    @Test func windows1252UpperHalfIsLatin1() throws {
        let decoded = try TextEncodingDetection.decode(Array(0xA0...0xFF))
        let scalars = String(decoding: decoded.utf8, as: UTF8.self).unicodeScalars.map(\.value)
        #expect(scalars == Array(0xA0...0xFF))
    }

    @Test(arguments: [0x81, 0x8D, 0x8F, 0x90, 0x9D] as [UInt8])
    func undefinedWindows1252BytesAreErrorsNamingTheLine(byte: UInt8) {
        let bytes = Array("a;b\r\nx;y\r\nz;".utf8) + [byte] + Array("\r\n".utf8)
        let error = #expect(throws: CSVError.self) { try CSVTable.parse(bytes) }
        #expect(error == .undecodableByte(byte: byte, line: 3))
        #expect(error?.line == 3)
    }

    @Test func pureASCIIIsUTF8() throws {
        #expect(try TextEncodingDetection.decode(Array("a;b\n1;2\n".utf8)).encoding == .utf8)
    }

    @Test func emptyInputIsUTF8WithNoBytes() throws {
        let decoded = try TextEncodingDetection.decode([])
        #expect(decoded.encoding == .utf8)
        #expect(decoded.utf8.isEmpty)
    }

    @Test func mixedUTF8AndWindows1252IsAnErrorNamingTheFirstByteThatIsNotUTF8() throws {
        // "å" in UTF-8 (C3 A5) on line 3 and "ä" in Windows-1252 (E4) on line 2: read either way, a letter goes wrong.
        let bytes = Array("Namn\nx".utf8) + [0xE4, 0x0A, 0xC3, 0xA5, 0x0A]
        #expect(throws: CSVError.mixedEncoding(line: 2, column: 2, byte: 0xE4, utf8Line: 3)) {
            try CSVTable.parse(bytes)
        }
        #expect(
            CSVError.mixedEncoding(line: 2, column: 2, byte: 0xE4, utf8Line: 3).message
                == "byte 0xE4 (byte 2 of the line) is not UTF-8, but line 3 is: the file mixes encodings; save it again as UTF-8"
        )
        // Windows-1252 on its own, and UTF-8 on its own, are fine.
        #expect(try CSVTable.parse(Array("Namn\n".utf8) + [0xE5, 0x73, 0x61, 0x0A]).rows[0].fields == ["åsa"])
        #expect(try CSVTable.parse(Array("Namn\nåsa\n".utf8)).rows[0].fields == ["åsa"])
    }

    @Test(
        arguments: [
            (Array("\u{FEFF}\u{FEFF}Ärendenummer\nA\n".utf8), 1),  // a double BOM
            (Array("\u{FEFF}Ärendenummer\nA\n\u{FEFF}Ärendenummer\nB\n".utf8), 3),  // two exports joined
            (Array("Ärendenummer\n\u{FEFF}B\n".utf8), 2),
            ([0x4E, 0x0A, 0xEF, 0xBB, 0xBF, 0xC5, 0x0A], 2),  // Windows-1252 with a BOM inside
        ] as [([UInt8], Int)])
    func aByteOrderMarkAnywhereButAtTheStartIsAnErrorNamingItsLine(bytes: [UInt8], line: Int) {
        #expect(throws: CSVError.misplacedByteOrderMark(line: line)) { try TextEncodingDetection.decode(bytes) }
    }

    @Test(
        arguments: [
            ([0xFF, 0xFE, 0x41, 0x00, 0x3B, 0x00], "UTF-16"),
            ([0xFE, 0xFF, 0x00, 0x41, 0x00, 0x3B], "UTF-16"),
            ([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00], "UTF-32"),
            ([0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x41], "UTF-32"),
            (Array("a;b\r\n".utf8).flatMap { [$0, 0] }, "UTF-16"),
            (Array("a;b\r\n".utf8).flatMap { [0, $0] }, "UTF-16"),
        ] as [([UInt8], String)])
    func utf16AndUTF32AreRejectedWithAClearMessage(bytes: [UInt8], name: String) {
        let error = #expect(throws: CSVError.self) { try CSVTable.parse(bytes) }
        #expect(error == .unsupportedEncoding(name: name))
        #expect(error?.message == "\(name) text is not supported; save the file as UTF-8 CSV")
        #expect(error?.line == nil)
    }

    @Test func aStrayNULByteIsAnErrorNamingItsLine() {
        let bytes = Array("Ärende;Namn\r\nSN-1;Åsa\r\nSN-2;B".utf8) + [0] + Array("o\r\n".utf8)
        let error = #expect(throws: CSVError.self) { try CSVTable.parse(bytes) }
        #expect(error == .nulByte(line: 3))
        #expect(error?.message == "NUL byte in the text (is this a binary file?)")
    }

    @Test func invalidUTF8AfterABOMIsAnError() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\nb\n".utf8) + [0xE4, 0x0A]
        let error = #expect(throws: CSVError.self) { try CSVTable.parse(bytes) }
        #expect(error == .invalidUTF8(line: 3))
        #expect(error?.message == "invalid UTF-8, although the file starts with a UTF-8 byte order mark")
    }

    @Test(
        arguments: [
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "an Excel workbook (.xlsx) or another ZIP file"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], "an old Excel workbook (.xls)"),
        ] as [([UInt8], String)])
    func excelWorkbooksAreRecognisedAsNotCSV(bytes: [UInt8], kind: String) {
        let error = #expect(throws: CSVError.self) { try CSVTable.parse(bytes) }
        #expect(error == .notCSV(kind: kind))
        #expect(error?.message == "this is \(kind), not CSV text; save it as UTF-8 CSV")
    }

    @Test(
        arguments: [
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xC3], [0xE2, 0x82], [0x80],
        ] as [[UInt8]])
    func malformedUTF8IsNotTakenForUTF8(bytes: [UInt8]) throws {
        let decoded = try? TextEncodingDetection.decode(Array("x\n".utf8) + bytes)
        #expect(decoded?.encoding != .utf8)
    }

    @Test(arguments: ["å", "€", "𝄞", "\u{10FFFF}", "\u{7FF}", "\u{800}", "\u{FFFD}"])
    func wellFormedUTF8IsUTF8(text: String) throws {
        #expect(try TextEncodingDetection.decode(Array(("x\n" + text).utf8)).encoding == .utf8)
    }
}
