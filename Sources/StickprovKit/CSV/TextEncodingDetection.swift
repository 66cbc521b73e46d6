/// Detects a CSV file's encoding and turns its bytes into UTF-8 bytes (without byte order mark).
///
/// The rule, in order:
/// 1. A UTF-16/UTF-32 byte order mark, or a start where at least a quarter of the bytes are NUL,
///    is `unsupportedEncoding`; a ZIP or OLE2 signature (an Excel workbook saved as .xlsx/.xls) is `notCSV`.
/// 2. Any other NUL byte is `nulByte`, naming its line.
/// 3. The UTF-8 byte order mark EF BB BF means `utf8WithBOM`; the rest must then be valid UTF-8 (`invalidUTF8`).
/// 4. Otherwise, valid UTF-8 is `utf8`.
/// 5. Otherwise the file is Windows-1252, and one of its five undefined bytes is `undecodableByte`.
///
/// 6. A file holding both UTF-8 letters (a well-formed multi-byte sequence) and bytes that are not
///    UTF-8 (for example a UTF-8 export edited in a Windows-1252 editor, or two exports joined) is
///    `mixedEncoding`, naming the first byte that is not UTF-8 and a line that is: read either way,
///    some letters would come out wrong ("Ã¥" for "å"), keys included.
/// 7. A byte order mark anywhere but at the very start (two files joined, or a double BOM) is
///    `misplacedByteOrderMark` with its line: it would become an invisible part of a key or column name.
public enum TextEncodingDetection {
    /// A file's text as UTF-8 bytes, with the encoding it was read as.
    public struct Decoded: Sendable {
        /// The encoding detected in the file.
        public let encoding: CSVEncoding
        /// The text as well-formed UTF-8 with no byte order mark and no NUL bytes.
        public let utf8: ArraySlice<UInt8>
    }

    /// Detects the encoding of `bytes` and returns their text as UTF-8, following the rule above.
    public static func decode(_ bytes: [UInt8]) throws(CSVError) -> Decoded {
        try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) -> Decoded in
            try rejectNonText(buffer)
            if let nul = buffer.firstIndex(of: 0) {
                throw .nulByte(line: LineCounting.line(at: nul, in: buffer))
            }
            if let bom = misplacedByteOrderMark(in: buffer) {
                throw .misplacedByteOrderMark(line: LineCounting.line(at: bom, in: buffer))
            }
            if startsWith(buffer, [0xEF, 0xBB, 0xBF]) {
                if let bad = UTF8Validation.firstInvalidOffset(in: buffer, from: 3) {
                    throw .invalidUTF8(line: LineCounting.line(at: bad, in: buffer))
                }
                return Decoded(encoding: .utf8WithBOM, utf8: bytes[3...])
            }
            guard let bad = UTF8Validation.firstInvalidOffset(in: buffer) else {
                return Decoded(encoding: .utf8, utf8: bytes[...])
            }
            if let letter = UTF8Validation.firstMultiByteSequence(in: buffer) {
                throw .mixedEncoding(
                    line: LineCounting.line(at: bad, in: buffer), column: column(of: bad, in: buffer),
                    byte: buffer[bad],
                    utf8Line: LineCounting.line(at: letter, in: buffer))
            }
            let utf8 = try Windows1252.transcodeToUTF8(buffer)
            return Decoded(encoding: .windows1252, utf8: utf8[...])
        }
    }

    /// Throws for UTF-16/UTF-32 text and for spreadsheet workbooks, judged by the first bytes.
    static func rejectNonText(_ buffer: UnsafeBufferPointer<UInt8>) throws(CSVError) {
        if startsWith(buffer, [0xFF, 0xFE, 0x00, 0x00]) || startsWith(buffer, [0x00, 0x00, 0xFE, 0xFF]) {
            throw .unsupportedEncoding(name: "UTF-32")
        }
        if startsWith(buffer, [0xFF, 0xFE]) || startsWith(buffer, [0xFE, 0xFF]) {
            throw .unsupportedEncoding(name: "UTF-16")
        }
        if startsWith(buffer, [0x50, 0x4B, 0x03, 0x04]) {
            throw .notCSV(kind: "an Excel workbook (.xlsx) or another ZIP file")
        }
        if startsWith(buffer, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw .notCSV(kind: "an old Excel workbook (.xls)")
        }
        let sample = UnsafeBufferPointer(rebasing: buffer.prefix(4096))
        let nulCount = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        if nulCount >= 2, nulCount * 4 >= sample.count {
            throw .unsupportedEncoding(name: "UTF-16")
        }
    }

    /// The offset of a UTF-8 byte order mark (EF BB BF) after the one the file may start with.
    private static func misplacedByteOrderMark(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = startsWith(buffer, [0xEF, 0xBB, 0xBF]) ? 3 : 1
        while index + 2 < buffer.count {
            if buffer[index] == 0xEF, buffer[index + 1] == 0xBB, buffer[index + 2] == 0xBF { return index }
            index += 1
        }
        return nil
    }

    /// The 1-based byte position of `offset` within its line.
    private static func column(of offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var start = offset
        while start > 0, buffer[start - 1] != 0x0A, buffer[start - 1] != 0x0D { start -= 1 }
        return offset - start + 1
    }

    /// Whether `buffer` begins with `prefix`.
    private static func startsWith(_ buffer: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        buffer.count >= prefix.count && buffer.prefix(prefix.count).elementsEqual(prefix)
    }
}
