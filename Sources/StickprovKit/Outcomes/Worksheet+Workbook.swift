extension Worksheet {
    /// The result words a reviewer chooses from, first the ones the drop-down offers, then
    /// every other word the import accepts (named in `record --help` and on the sheet).
    public static let resultChoices = ["utan anmärkning", "anmärkning", "ej granskad"]

    /// The draw's worksheet as an Excel workbook: the sheet "Urval" (identity columns shaded
    /// and locked, result columns yellow with drop-downs, header frozen), "Instruktioner" in
    /// Swedish, and a hidden list sheet feeding the drop-downs.
    /// - Parameters:
    ///   - remarkKinds: the plan's remark kinds for the control point (the kind column's list).
    ///   - controlText: what is checked, for the instructions.
    ///   - fileName: the workbook's file name, for the instructions' import command.
    ///   - criteria: the control point's checklist: one column each, with a drop-down of verdicts.
    public static func workbook(
        for record: DrawRecord, remarkKinds: [String], controlText: String, fileName: String, criteria: [String] = []
    ) -> Workbook {
        let (header, rows) = table(for: record, criteria: criteria)
        let editable = Set(
            ([Column.correct, Column.result, Column.remarkKind, Column.note, Column.reviewer, Column.date] + criteria).compactMap {
                header.firstIndex(of: $0)
            })
        var sheet = Workbook.Sheet(name: "Urval", rows: [header] + rows)
        sheet.editableColumns = editable
        sheet.isProtected = true
        sheet.widths = header.enumerated().map { index, name in
            let longest = ([name] + rows.map { $0[index] }).map(\.count).max() ?? 8
            let floor = [Column.note: 40.0, Column.remarkKind: 32.0, Column.result: 18.0][name] ?? 8.0
            return min(max(Double(longest) + 2, floor), 60)
        }
        var lists: [(name: String, values: [String])] = [("Resultatord", resultChoices)]
        if let column = header.firstIndex(of: Column.result) { sheet.dropDowns.append((column, "Resultatord")) }
        if !remarkKinds.isEmpty, let column = header.firstIndex(of: Column.remarkKind) {
            lists.append(("Anmarkningstyper", remarkKinds))
            sheet.dropDowns.append((column, "Anmarkningstyper"))
        }
        if !criteria.isEmpty {
            lists.append(("Kriterieresultat", CriterionVerdict.allCases.map(\.swedish)))
            for name in criteria { if let column = header.firstIndex(of: name) { sheet.dropDowns.append((column, "Kriterieresultat")) } }
        }
        var instructions = Workbook.Sheet(
            name: "Instruktioner", rows: instructionRows(record, controlText, fileName) + criterionInstructionRows(criteria))
        instructions.hasHeader = false
        instructions.wrapsText = true
        instructions.widths = [22, 100]
        return Workbook(sheets: [sheet, instructions], lists: lists)
    }

    static func instructionRows(_ record: DrawRecord, _ controlText: String, _ fileName: String) -> [[String]] {
        [
            ["Urval", "\(record.id) – \(controlText)"],
            ["Dragning", record.id.rawValue],
            ["Frö", record.seed.text],
            ["Regel", record.rule.size.swedishDescription + " (\(record.algorithm))"],
            ["Period", record.period],
            ["Dragen", record.date.description],
            ["Population", "\(record.population.file), \(record.population.count) poster"],
            ["", ""],
            ["Så fyller du i", "Fyll i de gula kolumnerna på fliken Urval, en rad per granskat ärende. De grå kolumnerna "
                + "(dragning, frö, nummer, nyckel) ska inte ändras: bladet är skyddat utan lösenord för att de inte ska "
                + "ändras av misstag."],
            [Column.result, "Välj i listan: utan anmärkning, anmärkning eller ej granskad. Även ok, ja, godkänd "
                + "(= utan anmärkning), nej, avvikelse (= anmärkning) och utgår (= ej granskad) godtas. En tom rad "
                + "lämnas till senare."],
            [Column.remarkKind, "Vid anmärkning: välj typ i listan."],
            [Column.note, "Vid ej granskad: skriv skälet här. Skriv inga personnummer eller namn på enskilda."],
            [Column.date, "Granskningsdagen som ÅÅÅÅ-MM-DD. Tom: dragningens dag."],
            ["Reserv", "Raderna Reserv 1, 2 … granskas bara i stället för ett ärende som inte kan granskas."],
            ["Läs in", "Spara filen som den är (.xlsx) och läs in den: stickprov record --worksheet \(fileName). "
                + "Antingen läses alla ifyllda rader in eller ingen, och varje fel visas med sin cell."],
        ]
    }
}

extension Worksheet {
    /// The instructions for a checklist's columns (none without criteria).
    static func criterionInstructionRows(_ criteria: [String]) -> [[String]] {
        guard !criteria.isEmpty else { return [] }
        return [
            ["Kriterier", "Varje ärende granskas mot \(criteria.count == 1 ? "kriteriet" : "kriterierna") "
                + criteria.joined(separator: ", ") + ", en kolumn vardera: välj uppfyllt, anmärkning, ej tillämpligt "
                + "eller ej granskad (skälet efter kolon, \"ej granskad: akten saknas\", eller i Kommentar)."],
            [Column.result, "Kan lämnas tom när kriterierna är ifyllda: anmärkning på något kriterium ger anmärkning, "
                + "annars utan anmärkning."],
        ]
    }

    /// Whether `path` names a workbook (.xlsx) rather than a CSV file, by its extension.
    public static func isWorkbook(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".xlsx")
    }

    /// The bytes of the draw's worksheet in the format `path`'s extension names: an Excel
    /// workbook for `.xlsx`, else CSV for Swedish Excel (UTF-8 with BOM, `;`).
    public static func fileBytes(for record: DrawRecord, control: ControlPoint, path: String) throws(ZipError) -> [UInt8] {
        guard isWorkbook(path) else {
            let sheet = table(for: record, criteria: control.criteria)
            return CSVWriter().encode(header: sheet.header, rows: sheet.rows)
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return try workbook(
            for: record, remarkKinds: control.remarkKinds, controlText: control.text, fileName: name, criteria: control.criteria)
            .xlsx()
    }

    /// Reads a filled-in worksheet, CSV or .xlsx (by its extension or its first bytes). Rows of a
    /// workbook keep their row numbers as lines; CSV rows their physical lines.
    /// - Throws: ``CSVError`` (also when the file cannot be read) or ``SpreadsheetError``.
    public static func read(contentsOf path: String) throws -> WorksheetImport.Sheet {
        let sheet: SheetTable
        let bytes = try FileBytes.read(path)
        if isWorkbook(path) || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            sheet = try SheetTable.workbook(bytes, preferred: "Urval")
        } else {
            sheet = try SheetTable.csv(bytes)
        }
        return try WorksheetImport.Sheet(rows: sheet.rows)
    }

    /// Where a worksheet problem is, as a cell of the sheet `sheet`: the column the problem
    /// concerns (the result, the date, the kind …; the draw id when it is the item itself).
    public static func cellReference(for problem: RecordError.Problem, in table: CSVTable, sheet: String) -> String {
        let column: String
        switch problem.error {
        case .unknownResult, .reasonRequired: column = Column.result
        case .invalidDate, .dateRequired: column = Column.date
        case .remarkKindRequired: column = Column.remarkKind
        case .personalData: column = Column.note
        case .unknownRemarkKind: column = Column.remarkKind
        case .wrongSeed: column = Column.seed
        case .unknownCriterionResult(let text):
            let index = table.rows.first { $0.line == problem.line }?.fields.firstIndex { $0.trimmingASCIIWhitespace() == text }
            column = index.map { table.header[$0] } ?? Column.result
        case .criterionReasonRequired(let name), .unknownCriterion(let name, _): column = name
        case .cellOutsideHeader(let stray, _): return "\(sheet)!\(Workbook.columnName(stray - 1))\(problem.line)"
        default: column = Column.draw
        }
        let index = table.columnIndex(column) ?? 0
        return "\(sheet)!\(Workbook.columnName(index))\(problem.line)"
    }
}

extension SheetTable {
    /// A sheet read from a file: the first sheet of an Excel workbook (.xlsx, or a file that
    /// starts as a ZIP archive does), else CSV (see ``csv(_:)``).
    /// - Throws: ``CSVError`` (also when the file cannot be read) or ``SpreadsheetError``.
    public static func read(contentsOf path: String) throws -> SheetTable {
        let bytes = try FileBytes.read(path)
        guard Worksheet.isWorkbook(path) || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return try csv(bytes) }
        return try workbook(bytes)
    }

    /// The non-blank rows of a workbook's sheet `preferred` (else its first sheet), numbered as
    /// the spreadsheet numbers them.
    public static func workbook(_ bytes: [UInt8], preferred: String? = nil) throws(SpreadsheetError) -> SheetTable {
        let cells = try WorkbookReader.sheet(bytes, preferred: preferred)
        return SheetTable(
            rows: cells.rows.keys.sorted().compactMap { number in
                let row = cells.rows[number] ?? [:]
                let width = (row.keys.max() ?? -1) + 1
                let sheetRow = SheetRow(line: number, cells: (0..<width).map { row[$0] ?? "" })
                return sheetRow.isBlank ? nil : sheetRow
            })
    }
}
