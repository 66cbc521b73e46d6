/// Why a workbook (.xlsx) could not be read or written.
public enum SpreadsheetError: Error, Equatable, Sendable {
    /// The file is not a ZIP archive, or a damaged one.
    case archive(ZipError)
    /// A part the workbook needs is missing (e.g. `xl/workbook.xml`).
    case missingPart(String)
    /// A part's XML cannot be read.
    case malformedXML(part: String, reason: String)
    /// The workbook has no worksheet.
    case noSheet
    /// A cell reference that is not a column letter and a row number.
    case badCellReference(String)
    /// A shared-string index that points past the table.
    case badSharedString(cell: String, index: String)
    /// The header row has an empty or repeated column name.
    case headerProblem(String)
    /// A filled-in cell to the right of the header, whose column has no name (`Sheet!L12`).
    case cellOutsideHeader(String)

    /// A short English sentence for the user.
    public var message: String {
        switch self {
        case .archive(let error): "not a readable workbook: \(error.message)"
        case .missingPart(let part): "not a readable workbook: the part '\(part)' is missing"
        case .malformedXML(let part, let reason): "not a readable workbook: \(part) has \(reason)"
        case .noSheet: "the workbook has no worksheet"
        case .badCellReference(let reference): "the cell reference '\(reference.prefix(20))' is not valid"
        case .badSharedString(let cell, let index): "cell \(cell) refers to shared string \(index.prefix(20)), which does not exist"
        case .headerProblem(let message): "the header row: \(message)"
        case .cellOutsideHeader(let reference):
            "\(reference) is filled in but its column has no header; move the text into Kommentar or clear it"
        }
    }
}

extension WorkbookReader.SheetCells {
    /// The sheet as a table, as a CSV worksheet would be read: the first non-empty row is the
    /// header (trailing empty header cells dropped), later rows keep their row numbers as lines,
    /// and empty rows are skipped.
    /// - Throws: ``SpreadsheetError/headerProblem(_:)`` for an empty or repeated column name,
    ///   ``SpreadsheetError/cellOutsideHeader(_:)`` for a filled cell right of the header.
    public func table() throws(SpreadsheetError) -> CSVTable {
        let numbers = rows.keys.sorted()
        guard let headerRow = numbers.first, let headerCells = rows[headerRow] else { throw .noSheet }
        let width = (headerCells.keys.max() ?? -1) + 1
        let header = (0..<width).map { headerCells[$0] ?? "" }
        var tableRows: [CSVRow] = []
        for number in numbers.dropFirst() {
            let cells = rows[number] ?? [:]
            if let outside = cells.keys.filter({ $0 >= width }).min() {
                throw .cellOutsideHeader("\(name)!\(Workbook.columnName(outside))\(number)")
            }
            tableRows.append(CSVRow(line: number, fields: (0..<width).map { cells[$0] ?? "" }))
        }
        do {
            return try CSVTable(header: header, rows: tableRows, headerLine: headerRow)
        } catch {
            throw .headerProblem(error.message)
        }
    }
}
