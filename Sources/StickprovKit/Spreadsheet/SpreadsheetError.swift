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

    /// A short English sentence for the user.
    public var message: String {
        switch self {
        case .archive(let error): "not a readable workbook: \(error.message)"
        case .missingPart(let part): "not a readable workbook: the part '\(part)' is missing"
        case .malformedXML(let part, let reason): "not a readable workbook: \(part) has \(reason)"
        case .noSheet: "the workbook has no worksheet"
        case .badCellReference(let reference): "the cell reference '\(reference.prefix(20))' is not valid"
        case .badSharedString(let cell, let index):
            "cell \(cell) refers to shared string \(index.prefix(20)), which does not exist"
        }
    }
}
