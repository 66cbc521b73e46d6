extension Worksheet {
    /// The result words a reviewer chooses from, first the ones the drop-down offers, then
    /// every other word the import accepts (named in `record --help` and on the sheet).
    public static let resultChoices = ["utan anmärkning", "anmärkning", "ej granskad", "ej tillämpligt"]

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
        workbook(
            for: record, points: [(ResultGroup(criteria: criteria), remarkKinds, controlText)], fileName: fileName)
    }

    /// The worksheet of a draw as a workbook with one result group per control point (a shared
    /// draw's), each with its own drop-downs of result words, remark kinds and criterion verdicts.
    /// - Parameter controls: the plan's control points (those of the draw are looked up by id).
    public static func workbook(for record: DrawRecord, controls: [ControlPoint], fileName: String) -> Workbook {
        let points = groups(for: record, controls: controls).map { group in
            let control = controls.first { $0.id == (group.control ?? record.control) }
            return (group, control?.remarkKinds ?? [], control?.text ?? "")
        }
        return workbook(for: record, points: points, fileName: fileName)
    }

    static func workbook(
        for record: DrawRecord, points: [(group: ResultGroup, remarkKinds: [String], text: String)], fileName: String
    ) -> Workbook {
        let (header, rows) = table(for: record, groups: points.map(\.group))
        let editable = Set(
            ([Column.correct, Column.reviewer, Column.date] + points.flatMap(\.group.columns)).compactMap {
                header.firstIndex(of: $0)
            })
        var sheet = Workbook.Sheet(name: "Urval", rows: [header] + rows)
        sheet.editableColumns = editable
        sheet.isProtected = true
        var floors: [String: Double] = [:]
        for (group, _, _) in points {
            floors[group.column(Column.note)] = 40
            floors[group.column(Column.remarkKind)] = 32
            floors[group.column(Column.result)] = 18
        }
        sheet.widths = header.enumerated().map { index, name in
            let longest = ([name] + rows.map { $0[index] }).map(\.count).max() ?? 8
            return min(max(Double(longest) + 2, floors[name] ?? 8.0), 60)
        }
        var lists: [(name: String, values: [String])] = [("Resultatord", resultChoices)]
        for (number, point) in points.enumerated() {
            let group = point.group
            if let column = header.firstIndex(of: group.column(Column.result)) {
                sheet.dropDowns.append((column, "Resultatord"))
            }
            // One list of kinds per control point: the points of a shared draw have kinds of their own.
            let kindList = number == 0 ? "Anmarkningstyper" : "Anmarkningstyper\(number + 1)"
            if !point.remarkKinds.isEmpty, let column = header.firstIndex(of: group.column(Column.remarkKind)) {
                lists.append((kindList, point.remarkKinds))
                sheet.dropDowns.append((column, kindList))
            }
            if !group.criteria.isEmpty {
                if !lists.contains(where: { $0.name == "Kriterieresultat" }) {
                    lists.append(("Kriterieresultat", CriterionVerdict.allCases.map(\.swedish)))
                }
                for name in group.criteria {
                    if let column = header.firstIndex(of: group.column(name)) {
                        sheet.dropDowns.append((column, "Kriterieresultat"))
                    }
                }
            }
        }
        let controlText =
            points.count == 1
            ? points[0].text : points.map { "\($0.group.control?.rawValue ?? ""): \($0.text)" }.joined(separator: "; ")
        var instructionRows = instructionRows(record, controlText, fileName)
        if points.count > 1 { instructionRows += sharedInstructionRows(points.map(\.group)) }
        instructionRows += points.flatMap { criterionInstructionRows($0.group.criteria, group: $0.group) }
        var instructions = Workbook.Sheet(name: "Instruktioner", rows: instructionRows)
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
            [
                "Så fyller du i",
                "Fyll i de gula kolumnerna på fliken Urval, en rad per granskat ärende. De grå kolumnerna "
                    + "(dragning, frö, nummer, nyckel) ska inte ändras: bladet är skyddat utan lösenord för att de inte ska "
                    + "ändras av misstag.",
            ],
            [
                Column.result,
                "Välj i listan: utan anmärkning, anmärkning, ej granskad eller ej tillämpligt (kontrollen gäller "
                    + "inte ärendet; det räknas då inte med). Även ok, ja, godkänd (= utan anmärkning), nej, avvikelse "
                    + "(= anmärkning), utgår (= ej granskad) och ej aktuell (= ej tillämpligt) godtas. En tom rad "
                    + "lämnas till senare.",
            ],
            [Column.remarkKind, "Vid anmärkning: välj typ i listan."],
            [Column.note, "Vid ej granskad: skriv skälet här. Skriv inga personnummer eller namn på enskilda."],
            [
                Column.date,
                "Granskningsdagen som ÅÅÅÅ-MM-DD, tidigast dragningens dag och senast i dag. Tom: dragningens dag.",
            ],
            [
                "Reserv",
                "Raderna Reserv 1, 2 … granskas bara i ordning och i stället för ett ärende som har markerats "
                    + "ej granskad.",
            ],
            [
                "Läs in",
                "Spara filen som den är (.xlsx) och läs in den: stickprov record --worksheet \(fileName). "
                    + "Antingen läses alla ifyllda rader in eller ingen, och varje fel visas med sin cell.",
            ],
        ]
    }
}

extension Worksheet {
    /// The instructions for a checklist's columns (none without criteria).
    static func criterionInstructionRows(_ criteria: [String], group: ResultGroup = ResultGroup()) -> [[String]] {
        guard !criteria.isEmpty else { return [] }
        let point = group.control.map { " för \($0)" } ?? ""
        return [
            [
                group.column("Kriterier"),
                "Varje ärende granskas\(point) mot \(criteria.count == 1 ? "kriteriet" : "kriterierna") "
                    + criteria.joined(separator: ", ")
                    + ", en kolumn vardera: välj uppfyllt, anmärkning, ej tillämpligt "
                    + "eller ej granskad (skälet efter kolon, \"ej granskad: akten saknas\", eller i \(group.column(Column.note))).",
            ],
            [
                group.column(Column.result),
                "Kan lämnas tom när kriterierna är ifyllda: anmärkning på något kriterium ger anmärkning, "
                    + "annars utan anmärkning.",
            ],
        ]
    }

    /// The instructions for a shared draw: one sample, a result per control point.
    static func sharedInstructionRows(_ groups: [ResultGroup]) -> [[String]] {
        let ids = groups.compactMap(\.control).map(\.rawValue)
        return [
            [
                "Flera kontrollpunkter",
                "Urvalet delas av kontrollpunkterna \(SwedishText.list(ids)): varje ärende granskas "
                    + "en gång och får ett resultat per kontrollpunkt, i kolumnerna märkta med dess id, t.ex. "
                    + "\(groups.last?.column(Column.result) ?? Column.result). En kontrollpunkt som lämnas tom väntar till senare.",
            ]
        ]
    }

    /// Whether `path` names a workbook (.xlsx) rather than a CSV file, by its extension.
    public static func isWorkbook(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".xlsx")
    }

    /// The bytes of the draw's worksheet in the format `path`'s extension names: an Excel
    /// workbook for `.xlsx`, else CSV for Swedish Excel (UTF-8 with BOM, `;`).
    /// - Parameter controls: the draw's control points (one, or each point of a shared draw).
    public static func fileBytes(for record: DrawRecord, controls: [ControlPoint], path: String) throws(ZipError)
        -> [UInt8]
    {
        guard isWorkbook(path) else {
            let sheet = table(for: record, groups: groups(for: record, controls: controls))
            return CSVWriter().encode(header: sheet.header, rows: sheet.rows)
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return try workbook(for: record, controls: controls, fileName: name).xlsx()
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
        let group = ResultGroup(control: problem.control)
        let column: String
        switch problem.error {
        case .unknownResult, .reasonRequired: column = group.column(Column.result)
        case .invalidDate, .dateRequired: column = Column.date
        case .remarkKindRequired: column = group.column(Column.remarkKind)
        case .personalData(let field, _), .textTooLong(let field, _):
            column = textColumn(field: field, group: group)
        case .unknownRemarkKind, .remarkKindWithoutRemark: column = group.column(Column.remarkKind)
        case .wrongSeed: column = Column.seed
        case .unknownCriterionResult(let text):
            let index = table.rows.first { $0.line == problem.line }?.fields.firstIndex {
                $0.trimmingASCIIWhitespace() == text
            }
            column = index.map { table.header[$0] } ?? group.column(Column.result)
        case .criterionReasonRequired(let name), .unknownCriterion(let name, _): column = group.column(name)
        case .unreadColumn(let name, _): column = name
        case .resultColumnUnmarked: column = Column.result
        case .cellOutsideHeader(let stray, _): return "\(sheet)!\(Workbook.columnName(stray - 1))\(problem.line)"
        default: column = Column.draw
        }
        let index = table.columnIndex(column) ?? 0
        return "\(sheet)!\(Workbook.columnName(index))\(problem.line)"
    }
}

extension Worksheet {
    /// The worksheet column a free text named in a ``RecordError`` ("the note", "the remark kind",
    /// "the reviewer") comes from.
    static func textColumn(field: String, group: ResultGroup) -> String {
        switch field {
        case "the remark kind": group.column(Column.remarkKind)
        case "the reviewer": Column.reviewer
        default: group.column(Column.note)
        }
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
