/// Why a workbook (.xlsx) could not be read or written.
///
/// A problem in a sheet's rows or cells names where it is, as a spreadsheet shows it: the cell
/// (`Blad1!B7`) or, for a whole row, the sheet and the row (`Blad1 row 7`).
public enum SpreadsheetError: Error, Equatable, Sendable {
    /// The file is not a ZIP archive, or a damaged one.
    case archive(ZipError)
    /// A part the workbook needs is missing (e.g. `xl/workbook.xml`).
    case missingPart(String)
    /// A part's XML cannot be read.
    case malformedXML(part: String, reason: String)
    /// The workbook has no worksheet.
    case noSheet
    /// A cell reference that is not a column A–XFD and the number of the row it is in.
    case badCellReference(sheet: String, reference: String, row: Int)
    /// A shared-string index that points past the table.
    case badSharedString(sheet: String, cell: String, index: String)
    /// A row number that is not a whole number from 1 to ``WorkbookReader/maximumRow``.
    case rowOutOfRange(sheet: String, row: String)
    /// A row given again, or after a row below it: which of two would hold is unclear.
    case rowOutOfOrder(sheet: String, row: Int, after: Int)
    /// A cell given twice in its row, or after a cell right of it.
    case cellOutOfOrder(sheet: String, cell: String, after: String)
    /// A row or cell (or an element inside a cell) without its end tag: the row, the cell when
    /// it is in one, and the element left open.
    case unclosed(sheet: String, row: Int, cell: String?, element: String)
    /// A cell with a formula but no saved result: what a spreadsheet shows there cannot be read.
    case formulaWithoutValue(sheet: String, cell: String)

    /// A short English sentence for the user.
    public var message: String {
        switch self {
        case .archive(let error): "not a readable workbook: \(error.message)"
        case .missingPart(let part): "not a readable workbook: the part '\(part)' is missing"
        case .malformedXML(let part, let reason): "not a readable workbook: \(part) has \(reason)"
        case .noSheet: "the workbook has no worksheet"
        case .badCellReference(let sheet, let reference, let row):
            "\(sheet) row \(row): the cell reference '\(reference.prefix(20))' is not a column A to XFD in row \(row)"
        case .badSharedString(let sheet, let cell, let index):
            "\(sheet)!\(cell): the cell refers to shared string \(index.prefix(20)), which does not exist"
        case .rowOutOfRange(let sheet, let row):
            "\(sheet) row \(row.prefix(20)): not a row number from 1 to \(WorkbookReader.maximumRow) (a workbook's last row)"
        case .rowOutOfOrder(let sheet, let row, let after):
            row == after
                ? "\(sheet) row \(row): the row is given twice; which one holds is unclear"
                : "\(sheet) row \(row): the row comes after row \(after); rows must be in order"
        case .cellOutOfOrder(let sheet, let cell, let after):
            cell == after
                ? "\(sheet)!\(cell): the cell is given twice; which one holds is unclear"
                : "\(sheet)!\(cell): the cell comes after \(after); cells must be in column order"
        case .unclosed(let sheet, let row, let cell, let element):
            "\(cell.map { "\(sheet)!\($0)" } ?? "\(sheet) row \(row)"): "
                + "<\(element)> is never closed (the file is damaged or was cut short)"
        case .formulaWithoutValue(let sheet, let cell):
            "\(sheet)!\(cell): the cell holds a formula without its result; open the file in Excel or LibreOffice and save it"
        }
    }
}
