/// Everything that can go wrong reading or writing a CSV file.
///
/// Cases carry only what the message needs: line numbers, column names, byte values.
/// They never carry field values, because the files hold personal data.
public enum CSVError: Error, Equatable, Sendable {
    /// The file is UTF-16 or UTF-32 text (byte order mark, or many NUL bytes); `name` is "UTF-16" or "UTF-32".
    case unsupportedEncoding(name: String)
    /// The file is a spreadsheet workbook, not CSV text; `kind` names it, e.g. "an Excel workbook (.xlsx)".
    case notCSV(kind: String)
    /// A NUL byte (0x00) on `line` in a file that is otherwise not UTF-16.
    case nulByte(line: Int)
    /// The file starts with a UTF-8 byte order mark but has bytes on `line` that are not valid UTF-8.
    case invalidUTF8(line: Int)
    /// The file mixes encodings: `byte` at byte `column` of `line` is not UTF-8, yet `utf8Line` holds a
    /// UTF-8 letter (a Windows-1252 edit of a UTF-8 file, or two exports joined).
    case mixedEncoding(line: Int, column: Int, byte: UInt8, utf8Line: Int)
    /// A UTF-8 byte order mark on `line`, not at the start of the file (two files joined, or a double BOM).
    case misplacedByteOrderMark(line: Int)
    /// The file is not UTF-8, and `byte` on `line` is one of the five bytes Windows-1252 leaves undefined
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    case undecodableByte(byte: UInt8, line: Int)
    /// The path is not a regular file (`kind`: a device such as /dev/zero, a FIFO, a folder): reading
    /// it might never end.
    case notRegularFile(kind: String)
    /// Field number `column` of the record starting on `line` is longer than ``InputBounds/maximumFieldBytes``.
    case fieldTooLong(line: Int, column: Int)
    /// The file has no records at all, so no header line.
    case emptyFile
    /// Header cell number `column` (1-based) on `line` is empty or only whitespace.
    case emptyColumnName(line: Int, column: Int)
    /// Two header cells on `line` have the same name, compared case-insensitively after NFC normalisation.
    case duplicateColumn(line: Int, name: String)
    /// The record starting on `line` has `found` fields but the header has `expected`.
    case raggedRow(line: Int, expected: Int, found: Int)
    /// A quoted field that begins on `line` has no closing quote before the end of the file.
    case unterminatedQuote(line: Int)
    /// On `line`, a closing quote is followed by something other than a delimiter or a line break (`"ab"c`).
    case textAfterClosingQuote(line: Int)
    /// A column the caller requires is not in the header; `available` lists the header names there are.
    case missingColumn(name: String, available: [String])
    /// The file at `path` could not be read; `reason` is the system's description (strerror).
    case readFailed(path: String, reason: String)
    /// The file at `path` could not be written; `reason` is the system's description (strerror).
    case writeFailed(path: String, reason: String)

    /// The 1-based line the problem is on, when there is one.
    public var line: Int? {
        switch self {
        case .nulByte(let line), .invalidUTF8(let line), .undecodableByte(_, let line),
            .mixedEncoding(let line, _, _, _), .misplacedByteOrderMark(let line), .fieldTooLong(let line, _),
            .emptyColumnName(let line, _), .duplicateColumn(let line, _), .raggedRow(let line, _, _),
            .unterminatedQuote(let line), .textAfterClosingQuote(let line):
            return line
        case .unsupportedEncoding, .notCSV, .notRegularFile, .emptyFile, .missingColumn, .readFailed, .writeFailed:
            return nil
        }
    }

    /// A short English message for a CLI to print after `file:line: ` (or `file: ` when `line` is nil).
    ///
    /// `readFailed` leaves the path out because the CLI prints it as the prefix;
    /// `writeFailed` names its path because the prefix is usually the input file.
    public var message: String {
        switch self {
        case .unsupportedEncoding(let name):
            return "\(name) text is not supported; save the file as UTF-8 CSV"
        case .notCSV(let kind):
            return "this is \(kind), not CSV text; save it as UTF-8 CSV"
        case .nulByte:
            return "NUL byte in the text (is this a binary file?)"
        case .invalidUTF8:
            return "invalid UTF-8, although the file starts with a UTF-8 byte order mark"
        case .mixedEncoding(_, let column, let byte, let utf8Line):
            return "byte \(Self.hex(byte)) (byte \(column) of the line) is not UTF-8, but line \(utf8Line) is: "
                + "the file mixes encodings; save it again as UTF-8"
        case .misplacedByteOrderMark:
            return "a byte order mark (U+FEFF) inside the file, not at its start: were two files joined? remove it"
        case .undecodableByte(let byte, _):
            return "not UTF-8 or Windows-1252 text: byte \(Self.hex(byte))"
        case .notRegularFile(let kind):
            return "this is \(kind), not a file; give a saved file"
        case .fieldTooLong(_, let column):
            return "field \(column) is longer than \(InputBounds.maximumFieldBytes >> 20) MB; is this the right file?"
        case .emptyFile:
            return "the file is empty; expected a header line"
        case .emptyColumnName(_, let column):
            return "column \(column) of the header has no name"
        case .duplicateColumn(_, let name):
            return "duplicate column '\(InputBounds.clip(name))'"
        case .raggedRow(_, let expected, let found):
            return "row has \(found) \(found == 1 ? "field" : "fields"), the header has \(expected)"
        case .unterminatedQuote:
            return "quoted field never closed"
        case .textAfterClosingQuote:
            return "text after a closing quote; a quote inside a quoted field must be doubled (\"\")"
        case .missingColumn(let name, let available):
            return "missing column '\(InputBounds.clip(name))' (columns: \(InputBounds.list(available)))"
        case .readFailed(_, let reason):
            return "cannot read the file: \(reason)"
        case .writeFailed(let path, let reason):
            return "cannot write '\(path)': \(reason)"
        }
    }

    /// `0x81` style, two upper-case hex digits.
    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
