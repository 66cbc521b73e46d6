/// Writes CSV the way Swedish Excel opens it cleanly: UTF-8 with byte order mark, `;`, CRLF.
///
/// A field is quoted (with `"` doubled inside) when it contains the delimiter, `"`, CR or LF, or starts
/// or ends with a space or tab, so the parser gives back exactly what was written.
///
/// Formula injection: Excel runs a cell starting with `=`, `+`, `-` or `@` (and some tools also one
/// starting with tab or CR) as a formula. Such a value is written with a `'` in front, so it shows as text.
/// Plain numbers are left alone: an optional `+` or `-`, digits, and optionally one `,` or `.` followed by
/// digits (`-5`, `+3`, `-12,5`, `-0.5`). Anything else with such a start is prefixed (`'=SUM(A1)`,
/// `'+46 70 123 45 67`, `'-`, `'@x`). Reading the file back therefore gives the prefixed text.
public struct CSVWriter: Sendable {
    /// The delimiter written between fields.
    public var delimiter: CSVDelimiter
    /// Whether to start the output with the UTF-8 byte order mark (Excel needs it to read UTF-8).
    public var includeBOM: Bool

    /// A writer; the defaults are what Swedish Excel expects.
    public init(delimiter: CSVDelimiter = .semicolon, includeBOM: Bool = true) {
        self.delimiter = delimiter
        self.includeBOM = includeBOM
    }

    /// The whole file: optional BOM, then the header and each row as a record ending in CRLF.
    /// Rows are written as given; the writer does not check that they match the header's length.
    public func encode(header: [String], rows: [[String]]) -> [UInt8] {
        var out: [UInt8] = includeBOM ? [0xEF, 0xBB, 0xBF] : []
        appendRecord(header, to: &out)
        for row in rows {
            appendRecord(row, to: &out)
        }
        return out
    }

    /// Encodes like `encode(header:rows:)` and writes the file atomically: into a temporary file in the same
    /// directory, flushed to disk, then renamed over `path`, so no reader ever sees half a file.
    /// `permissions` are set exactly (the umask does not apply); pass `0o600` for personal data.
    public func write(header: [String], rows: [[String]], to path: String, permissions: UInt32 = 0o644)
        throws(CSVError)
    {
        do {
            try AtomicFile.write(encode(header: header, rows: rows), to: path, permissions: permissions)
        } catch {
            throw .writeFailed(path: error.path, reason: error.reason)
        }
    }

    /// One field as it appears in the file: neutralised against formulas, then quoted if needed.
    public func cell(_ value: String) -> String {
        let text = Self.neutralisingFormula(value)
        guard needsQuotes(text) else { return text }
        return "\"" + text.replacingAllQuotesDoubled() + "\""
    }

    /// `value` with a `'` in front when it starts like a formula and is not a plain number (see the type's
    /// documentation); otherwise `value` unchanged.
    public static func neutralisingFormula(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return isPlainNumber(value) ? value : "'" + value
    }

    /// Whether `value` is an optional sign, digits, and optionally `,` or `.` and more digits.
    public static func isPlainNumber(_ value: String) -> Bool {
        var scalars = value.unicodeScalars[...]
        if let first = scalars.first, first == "+" || first == "-" { scalars = scalars.dropFirst() }
        let isDigit: (Unicode.Scalar) -> Bool = { $0 >= "0" && $0 <= "9" }
        let integer = scalars.prefix(while: isDigit)
        guard !integer.isEmpty else { return false }
        var rest = scalars.dropFirst(integer.count)
        guard let separator = rest.first else { return true }
        guard separator == "," || separator == "." else { return false }
        rest = rest.dropFirst()
        return !rest.isEmpty && rest.allSatisfy(isDigit)
    }

    private func needsQuotes(_ text: String) -> Bool {
        let delimiterScalar = Unicode.Scalar(delimiter.rawValue)
        for scalar in text.unicodeScalars
        where scalar == delimiterScalar || scalar == "\"" || scalar == "\r" || scalar == "\n" {
            return true
        }
        let edges: [Unicode.Scalar?] = [text.unicodeScalars.first, text.unicodeScalars.last]
        return edges.contains { $0 == " " || $0 == "\t" }
    }

    private func appendRecord(_ fields: [String], to out: inout [UInt8]) {
        if fields.count == 1, fields[0].isEmpty {
            out.append(contentsOf: "\"\"".utf8)  // a bare empty line would be read as a blank line and skipped
        } else {
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(delimiter.rawValue) }
                out.append(contentsOf: cell(field).utf8)
            }
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }
}

extension String {
    /// The string with every `"` doubled, as inside a quoted CSV field.
    fileprivate func replacingAllQuotesDoubled() -> String {
        var result = ""
        result.reserveCapacity(utf8.count + 2)
        for character in unicodeScalars {
            if character == "\"" { result.unicodeScalars.append("\"") }
            result.unicodeScalars.append(character)
        }
        return result
    }
}
