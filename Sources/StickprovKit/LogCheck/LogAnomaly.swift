/// Something wrong with one record of an access-log export, found while extracting.
///
/// Anomalies are findings, not errors: by default the extract goes on, counts them all and lists
/// the first few; with `strict` the first one stops it and nothing is written. They never carry
/// field values other than a timestamp's text, because the rows hold personal data.
public struct LogAnomaly: Sendable, Hashable {
    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// The record has `found` fields, the header `expected`.
        case fieldCount(expected: Int, found: Int)
        /// A drawn officer's record whose time does not parse; `text` is the field (ASCII, shortened).
        case timestamp(column: String, text: String)
        /// A quoted field is followed by something other than a delimiter or a line break.
        case textAfterClosingQuote
        /// A quoted field that opens on this line is never closed before the end of the file.
        case unterminatedQuote
        /// Bytes that are not UTF-8 in a file that is UTF-8: it starts with a byte order mark
        /// (`sinceLine` nil), or its UTF-8 text starts on `sinceLine`. The encoding changes here.
        case invalidUTF8(byte: UInt8, sinceLine: Int?)
        /// UTF-8 text in a file that is Windows-1252 from `sinceLine` on. The encoding changes here.
        case utf8InWindows1252(sinceLine: Int)
        /// One of the five bytes Windows-1252 leaves undefined, in a file that is not UTF-8.
        case undefinedWindows1252(byte: UInt8)
    }

    /// The 1-based physical line of the export.
    public var line: Int
    /// What is wrong.
    public var kind: Kind

    /// Creates an anomaly.
    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// The short message a user reads after `file:line: `.
    public var message: String {
        switch kind {
        case .fieldCount(let expected, let found):
            "row has \(found) \(found == 1 ? "field" : "fields"), the header has \(expected)"
        case .timestamp(let column, let text):
            "cannot read the time '\(text)' in column '\(column)' (expected e.g. 2023-03-14 09:12:33 or 14.03.2023 09:12)"
        case .textAfterClosingQuote:
            "text after a closing quote; a quote inside a quoted field must be doubled (\"\")"
        case .unterminatedQuote:
            "quoted field never closed"
        case .invalidUTF8(let byte, nil):
            "invalid UTF-8 (byte \(LogAnomaly.hex(byte))), although the file starts with a UTF-8 byte order mark"
        case .invalidUTF8(let byte, let since?):
            "invalid UTF-8 (byte \(LogAnomaly.hex(byte))) in a file that is UTF-8 from line \(since): the encoding changes here"
        case .utf8InWindows1252(let since):
            "UTF-8 text in a file that is Windows-1252 from line \(since): the encoding changes here"
        case .undefinedWindows1252(let byte):
            "not UTF-8 or Windows-1252 text: byte \(LogAnomaly.hex(byte))"
        }
    }

    /// `0x81` style.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
