/// A spreadsheet's cells as typed, row by row, before anything is known about which row is
/// the header: what `plan import` reads, whether the sheet came as CSV or from a workbook.
///
/// Rows may have different lengths (Excel's trailing empty columns, a title row of one cell);
/// ``cell(_:_:)`` reads a missing cell as empty.
public struct SheetTable: Sendable, Equatable {
    /// The non-blank rows, in sheet order.
    public var rows: [SheetRow]

    /// Creates a table from its rows.
    public init(rows: [SheetRow]) { self.rows = rows }

    /// Reads CSV bytes: UTF-8 (with or without BOM) or Windows-1252, `;`, `,` or tab, CRLF or LF,
    /// quoted cells with delimiters and line breaks. The delimiter is the one that splits the most
    /// of the first rows alike (``CSVDelimiter/detect(inRecordsOf:limit:)``), data rows included,
    /// so neither a title row above the header nor commas inside headings mislead it.
    /// - Throws: ``CSVError`` for an encoding problem or an unterminated quote.
    public static func csv(_ bytes: [UInt8]) throws(CSVError) -> SheetTable {
        let decoded = try TextEncodingDetection.decode(bytes)
        return try decoded.utf8.withUnsafeBufferPointer { (buffer) throws(CSVError) -> SheetTable in
            let best = CSVDelimiter.detect(inRecordsOf: buffer)
            var scanner = CSVRecordScanner(bytes: buffer, delimiter: best.rawValue)
            var rows: [SheetRow] = []
            while let record = try scanner.nextRecord() {
                let row = SheetRow(line: record.line, cells: record.fields)
                if !row.isBlank { rows.append(row) }
            }
            return SheetTable(rows: rows)
        }
    }

    /// Reads the CSV file at `path`; see ``csv(_:)``.
    /// - Throws: ``CSVError``, `readFailed` when the file cannot be read.
    public static func csv(contentsOf path: String) throws(CSVError) -> SheetTable {
        try csv(FileBytes.read(path))
    }
}

/// One row of a ``SheetTable``: its cells and where it is, for messages.
public struct SheetRow: Sendable, Equatable {
    /// The 1-based line (CSV) or row number (workbook) messages name.
    public var line: Int
    /// The cells as typed, nothing trimmed.
    public var cells: [String]

    /// Creates a row.
    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }

    /// The cell in column `index` (0-based), or "" past the end of the row.
    public func cell(_ index: Int) -> String { index < cells.count ? cells[index] : "" }

    /// Whether every cell is empty or whitespace.
    public var isBlank: Bool { cells.allSatisfy { $0.trimmingASCIIWhitespace().isEmpty } }
}
