import Foundation

/// A parsed CSV file: a header and rows that each have exactly as many fields as the header.
public struct CSVTable: Sendable, Equatable {
    /// The column names, trimmed of surrounding whitespace and NFC-normalised; non-empty and unique
    /// (case-insensitively).
    public let header: [String]
    /// The data records, in file order.
    public let rows: [CSVRow]
    /// The delimiter the file was read with (detected or given).
    public let delimiter: CSVDelimiter
    /// The encoding the file was read as.
    public let encoding: CSVEncoding
    /// The 1-based line the header record starts on (1 unless the file begins with blank lines).
    public let headerLine: Int
    /// `header` in the form `columnIndex` compares: NFC, then lower-cased.
    private let columnKeys: [String]

    /// Parses a CSV file's bytes.
    ///
    /// Detects the encoding (see `TextEncodingDetection`) and, unless `delimiter` is given, the delimiter
    /// (see `CSVDelimiter.detect(inHeaderOf:)`). The first non-blank record is the header.
    /// Field values are not trimmed; blank lines are skipped.
    public static func parse(_ bytes: [UInt8], delimiter: CSVDelimiter? = nil) throws(CSVError) -> CSVTable {
        let decoded = try TextEncodingDetection.decode(bytes)
        return try decoded.utf8.withUnsafeBufferPointer { (buffer) throws(CSVError) -> CSVTable in
            let delimiter = delimiter ?? CSVDelimiter.detect(inHeaderOf: buffer)
            var scanner = CSVRecordScanner(bytes: buffer, delimiter: delimiter.rawValue)
            guard let headerRecord = try scanner.nextRecord() else { throw .emptyFile }
            let header = headerRecord.fields.map(Self.normalisedColumnName)
            let keys = header.map(Self.columnKey)
            try Self.validate(header: header, keys: keys, line: headerRecord.line)
            var rows: [CSVRow] = []
            while let row = try scanner.nextRecord(expectedFieldCount: header.count) {
                guard row.fields.count == header.count else {
                    throw .raggedRow(line: row.line, expected: header.count, found: row.fields.count)
                }
                rows.append(row)
            }
            return CSVTable(
                header: header, rows: rows, delimiter: delimiter, encoding: decoded.encoding,
                headerLine: headerRecord.line, columnKeys: keys)
        }
    }

    /// A table read from somewhere other than CSV text (a workbook's sheet): the header is
    /// normalised and checked as a CSV header is, and every row must be as wide as the header.
    /// - Parameter headerLine: the header's row number in its source, for messages.
    public init(header raw: [String], rows: [CSVRow], headerLine: Int) throws(CSVError) {
        let header = raw.map(Self.normalisedColumnName)
        let keys = header.map(Self.columnKey)
        try Self.validate(header: header, keys: keys, line: headerLine)
        for row in rows where row.fields.count != header.count {
            throw .raggedRow(line: row.line, expected: header.count, found: row.fields.count)
        }
        self.init(
            header: header, rows: rows, delimiter: .semicolon, encoding: .utf8, headerLine: headerLine,
            columnKeys: keys)
    }

    private init(
        header: [String], rows: [CSVRow], delimiter: CSVDelimiter, encoding: CSVEncoding, headerLine: Int,
        columnKeys: [String]
    ) {
        self.header = header
        self.rows = rows
        self.delimiter = delimiter
        self.encoding = encoding
        self.headerLine = headerLine
        self.columnKeys = columnKeys
    }

    /// Parses CSV bytes held in `Data`; see `parse(_:delimiter:)`.
    public static func parse(_ data: Data, delimiter: CSVDelimiter? = nil) throws(CSVError) -> CSVTable {
        try parse([UInt8](data), delimiter: delimiter)
    }

    /// Reads the file at `path` and parses it; a file that cannot be read is `readFailed`.
    public static func read(contentsOf path: String, delimiter: CSVDelimiter? = nil) throws(CSVError) -> CSVTable {
        try parse(FileBytes.read(path), delimiter: delimiter)
    }

    /// The index of the column called `name`, compared case-insensitively after NFC normalisation
    /// (and trimming, as the header was), or nil.
    public func columnIndex(_ name: String) -> Int? {
        columnKeys.firstIndex(of: Self.columnKey(Self.normalisedColumnName(name)))
    }

    /// The index of the column called `name` (see `columnIndex(_:)`); throws `missingColumn` listing the
    /// header when there is none.
    public func requireColumn(_ name: String) throws(CSVError) -> Int {
        guard let index = columnIndex(name) else { throw .missingColumn(name: name, available: header) }
        return index
    }

    /// A column name as the header keeps it: trimmed of surrounding whitespace and NFC-normalised.
    static func normalisedColumnName(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    /// The key column names are compared by: the NFC form, lower-cased.
    static func columnKey(_ normalisedName: String) -> String {
        normalisedName.lowercased()
    }

    /// Throws for an empty column name or a repeated one.
    static func validate(header: [String], keys: [String], line: Int) throws(CSVError) {
        var seen: Set<String> = []
        for (index, name) in header.enumerated() {
            guard !name.isEmpty else { throw .emptyColumnName(line: line, column: index + 1) }
            guard seen.insert(keys[index]).inserted else { throw .duplicateColumn(line: line, name: name) }
        }
    }
}
