import Foundation

/// Reads the cells of a workbook (.xlsx) as Excel or LibreOffice saved it: shared and inline
/// strings, numbers, booleans, formula results, and dates stored as serial numbers (given back
/// as `YYYY-MM-DD` when the cell's format is a date format).
public enum WorkbookReader {
    /// One sheet's non-empty cells, by 1-based row number and 0-based column.
    public struct SheetCells: Sendable, Equatable {
        /// The tab's name.
        public var name: String
        /// Row number → column → text.
        public var rows: [Int: [Int: String]]
    }

    /// The sheet called `preferred` (compared without case), else the first sheet.
    /// - Throws: ``SpreadsheetError`` for a damaged or foreign file.
    public static func sheet(_ bytes: [UInt8], preferred: String? = nil) throws(SpreadsheetError) -> SheetCells {
        let entries: [ZipEntry]
        do {
            entries = try ZipArchive.read(bytes, limits: ZipLimits(maxEntries: 5_000, maxEntrySize: 128 << 20))
        } catch {
            throw .archive(error)
        }
        let parts = Dictionary(entries.map { ($0.name, $0.data) }, uniquingKeysWith: { first, _ in first })
        guard let workbook = parts["xl/workbook.xml"] else { throw .missingPart("xl/workbook.xml") }
        let (sheets, uses1904) = try readWorkbook(workbook)
        guard !sheets.isEmpty else { throw .noSheet }
        let targets = try relationships(parts["xl/_rels/workbook.xml.rels"] ?? [])
        let chosen =
            sheets.first { sheet in preferred.map { sheet.name.lowercased() == $0.lowercased() } ?? false } ?? sheets[0]
        guard let target = targets[chosen.relationship] else { throw .missingPart("the sheet '\(chosen.name)'") }
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheet = parts[path] else { throw .missingPart(path) }
        let strings = try sharedStrings(parts["xl/sharedStrings.xml"])
        let dateStyles = try dateStyleIndexes(parts["xl/styles.xml"])
        return SheetCells(
            name: chosen.name,
            rows: try cells(
                sheet, part: path, sheet: chosen.name, strings: strings, dateStyles: dateStyles, uses1904: uses1904))
    }

    /// The sheets in tab order (name and relationship id) and whether dates count from 1904.
    static func readWorkbook(_ bytes: [UInt8]) throws(SpreadsheetError) -> (
        [(name: String, relationship: String)], Bool
    ) {
        var scanner = XMLScanner(bytes, part: "xl/workbook.xml")
        var sheets: [(name: String, relationship: String)] = []
        var uses1904 = false
        while let token = try scanner.next() {
            guard case .start(let name, let attributes, _) = token else { continue }
            if name == "sheet", let sheetName = attributes["name"], let id = attributes["id"] {
                sheets.append((sheetName, id))
            } else if name == "workbookPr", let value = attributes["date1904"] {
                uses1904 = value == "1" || value == "true"
            }
        }
        return (sheets, uses1904)
    }

    /// Relationship id → target of a `.rels` part.
    static func relationships(_ bytes: [UInt8]) throws(SpreadsheetError) -> [String: String] {
        var scanner = XMLScanner(bytes, part: "xl/_rels/workbook.xml.rels")
        var targets: [String: String] = [:]
        while let token = try scanner.next() {
            if case .start("Relationship", let attributes, _) = token, let id = attributes["Id"],
                let target = attributes["Target"]
            {
                targets[id] = target
            }
        }
        return targets
    }

    /// The shared-string table: each `<si>`'s text, rich-text runs joined, phonetic runs left out.
    static func sharedStrings(_ bytes: [UInt8]?) throws(SpreadsheetError) -> [String] {
        guard let bytes else { return [] }
        var scanner = XMLScanner(bytes, part: "xl/sharedStrings.xml")
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        while let token = try scanner.next() {
            switch token {
            case .start("si", _, let isEmpty):
                current = ""
                if isEmpty { strings.append("") }
            case .end("si"): strings.append(current)
            case .start("rPh", _, _): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .start("t", _, let isEmpty): inText = !isEmpty
            case .end("t"): inText = false
            case .text(let text) where inText && !inPhonetic: current += text
            default: break
            }
        }
        return strings
    }

    /// The `cellXfs` indexes whose number format shows a date.
    static func dateStyleIndexes(_ bytes: [UInt8]?) throws(SpreadsheetError) -> Set<Int> {
        guard let bytes else { return [] }
        var scanner = XMLScanner(bytes, part: "xl/styles.xml")
        var customDates: Set<Int> = []
        var formats: [Int] = []
        var inCellFormats = false
        while let token = try scanner.next() {
            switch token {
            case .start("numFmt", let attributes, _):
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
                    isDateFormat(code)
                {
                    customDates.insert(id)
                }
            case .start("cellXfs", _, _): inCellFormats = true
            case .end("cellXfs"): inCellFormats = false
            case .start("xf", let attributes, _) where inCellFormats:
                formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }
        let builtInDates = Set(14...22).union(45...47)
        return Set(formats.indices.filter { builtInDates.contains(formats[$0]) || customDates.contains(formats[$0]) })
    }

    /// Whether a format code shows a date: it has y, m or d outside quotes and brackets.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        for character in code.lowercased() {
            switch character {
            case "\"": inQuote.toggle()
            case "[": inBracket = true
            case "]": inBracket = false
            case "y", "d", "m": if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }

    /// Excel's last row (a sheet has rows 1…1,048,576).
    public static let maximumRow = 1_048_576
    /// Excel's last column, XFD, as a 0-based index.
    public static let maximumColumn = 16_383

    /// A sheet's non-empty cells, read strictly: rows in order and each once, cells in column
    /// order and each once, every reference inside its row and the sheet's bounds, every row and
    /// cell closed, and no formula without its result. Each problem names its cell (or row).
    static func cells(
        _ bytes: [UInt8], part: String, sheet: String, strings: [String], dateStyles: Set<Int>, uses1904: Bool
    ) throws(SpreadsheetError) -> [Int: [Int: String]] {
        var scanner = XMLScanner(bytes, part: part)
        var rows: [Int: [Int: String]] = [:]
        var lastRow = 0
        var openRow: Int?
        var lastCell: (column: Int, reference: String)?
        var cell: (reference: String, column: Int, type: String, style: Int)?
        var value = ""
        var inline = ""
        var formula = ""
        var inValue = false
        var inText = false
        var inFormula = false
        while true {
            let next: XMLScanner.Token?
            do {
                next = try scanner.next()
            } catch {
                // An element left open inside a row is named by its cell or row.
                guard scanner.failedOnNesting, let row = openRow else { throw error }
                let element = scanner.openElements.last ?? "row"
                throw .unclosed(sheet: sheet, row: row, cell: cell?.reference, element: element)
            }
            guard let token = next else { break }
            switch token {
            case .start("row", let attributes, let isEmpty):
                if let row = openRow { throw .unclosed(sheet: sheet, row: row, cell: cell?.reference, element: "row") }
                let number: Int
                if let text = attributes["r"] {
                    guard let parsed = wholeNumber(text), (1...maximumRow).contains(parsed) else {
                        throw .rowOutOfRange(sheet: sheet, row: text)
                    }
                    number = parsed
                } else {
                    number = lastRow + 1
                    guard number <= maximumRow else { throw .rowOutOfRange(sheet: sheet, row: String(number)) }
                }
                guard number > lastRow else { throw .rowOutOfOrder(sheet: sheet, row: number, after: lastRow) }
                lastRow = number
                lastCell = nil
                openRow = isEmpty ? nil : number
            case .end("row"):
                openRow = nil
            case .start("c", let attributes, let isEmpty):
                guard let row = openRow else {
                    throw .malformedXML(part: part, reason: "a cell <c> outside a row <row>")
                }
                if let open = cell { throw .unclosed(sheet: sheet, row: row, cell: open.reference, element: "c") }
                let column: Int
                let reference: String
                if let given = attributes["r"] {
                    guard let parsed = cellReference(given), parsed.row == row else {
                        throw .badCellReference(sheet: sheet, reference: given, row: row)
                    }
                    column = parsed.column
                    reference = given
                } else {
                    column = (lastCell?.column ?? -1) + 1
                    reference = "\(Workbook.columnName(column))\(row)"
                    guard column <= maximumColumn else {
                        throw .badCellReference(sheet: sheet, reference: reference, row: row)
                    }
                }
                if let last = lastCell, column <= last.column {
                    throw .cellOutOfOrder(sheet: sheet, cell: reference, after: last.reference)
                }
                lastCell = (column, reference)
                value = ""
                inline = ""
                formula = ""
                cell =
                    isEmpty ? nil : (reference, column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
            case .start("v", _, let isEmpty): inValue = !isEmpty
            case .end("v"): inValue = false
            case .start("t", _, let isEmpty): inText = !isEmpty
            case .end("t"): inText = false
            case .start("f", _, let isEmpty): inFormula = !isEmpty
            case .end("f"): inFormula = false
            case .text(let text):
                if inValue { value += text } else if inText { inline += text } else if inFormula { formula += text }
            case .end("c"):
                guard let current = cell else { continue }
                cell = nil
                let text: String
                switch current.type {
                case "s":
                    guard let index = Int(value), strings.indices.contains(index) else {
                        throw .badSharedString(sheet: sheet, cell: current.reference, index: value)
                    }
                    text = strings[index]
                case "inlineStr": text = inline
                case "b": text = value == "1" ? "TRUE" : "FALSE"
                case "str", "e": text = value
                default:
                    text =
                        dateStyles.contains(current.style)
                        ? date(fromSerial: value, uses1904: uses1904) ?? value : number(value)
                }
                if text.isEmpty && current.type != "inlineStr"
                    && !formula.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                {
                    throw .formulaWithoutValue(sheet: sheet, cell: current.reference)
                }
                if !text.isEmpty { rows[lastRow, default: [:]][current.column] = text }
            default: break
            }
        }
        return rows
    }

    /// A row number written as digits only (no sign, no spaces), or `nil`.
    static func wholeNumber(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text)
    }

    /// The 0-based column and the row of a reference such as `C12`: one to three capital
    /// letters up to XFD, then the row number.
    static func cellReference(_ reference: String) -> (column: Int, row: Int)? {
        let letters = reference.utf8.prefix { (65...90).contains($0) }
        guard (1...3).contains(letters.count), let column = columnIndex(of: reference), column <= maximumColumn,
            let row = wholeNumber(String(reference.dropFirst(letters.count)))
        else { return nil }
        return (column, row)
    }

    /// The 0-based column of a reference such as `C12`.
    static func columnIndex(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.isASCII, let ascii = UInt8(exactly: scalar.value) else { return nil }
            if (65...90).contains(ascii) {
                column = column * 26 + Int(ascii - 64)
                letters += 1
                guard letters <= 3 else { return nil }
            } else if (48...57).contains(ascii) {
                continue
            } else {
                return nil
            }
        }
        return letters == 0 ? nil : column - 1
    }

    /// A number as a person reads it: integers without a decimal part, others as stored.
    static func number(_ text: String) -> String {
        guard let value = Double(text), value.rounded() == value, abs(value) < 1e15 else { return text }
        return String(Int64(value))
    }

    /// A date serial (days since 1899-12-30, or since 1904-01-01) as `YYYY-MM-DD`.
    static func date(fromSerial text: String, uses1904: Bool) -> String? {
        guard let serial = Double(text), serial >= 1, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down)) + (uses1904 ? 1462 : 0)
        // Excel's serial 60 is the 29 February 1900 that never was; serials below it are one day off.
        let sinceEpoch = days - 25569 + (days < 60 ? 1 : 0)
        return Day(daysSinceEpoch: sinceEpoch).description
    }
}
