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
/// Note on mixed files: a file holding both valid UTF-8 sequences and bytes invalid as UTF-8 (for example
/// a UTF-8 export later edited in a Windows-1252 editor) is decoded as Windows-1252, as Excel would, so its
/// UTF-8 letters come out as two characters each ("Ã¥" for "å"). It is not reported; callers that care
/// can look for such pairs in the values.
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
            if startsWith(buffer, [0xEF, 0xBB, 0xBF]) {
                if let bad = UTF8Validation.firstInvalidOffset(in: buffer, from: 3) {
                    throw .invalidUTF8(line: LineCounting.line(at: bad, in: buffer))
                }
                return Decoded(encoding: .utf8WithBOM, utf8: bytes[3...])
            }
            if UTF8Validation.firstInvalidOffset(in: buffer) == nil {
                return Decoded(encoding: .utf8, utf8: bytes[...])
            }
            let utf8 = try Windows1252.transcodeToUTF8(buffer)
            return Decoded(encoding: .windows1252, utf8: utf8[...])
        }
    }

    /// Throws for UTF-16/UTF-32 text and for spreadsheet workbooks, judged by the first bytes.
    private static func rejectNonText(_ buffer: UnsafeBufferPointer<UInt8>) throws(CSVError) {
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

    /// Whether `buffer` begins with `prefix`.
    private static func startsWith(_ buffer: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        buffer.count >= prefix.count && buffer.prefix(prefix.count).elementsEqual(prefix)
    }
}
