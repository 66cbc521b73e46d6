/// Reads a filled-in worksheet back: every row is checked first, and either all its
/// results become events or none do.
///
/// A worksheet comes back from a spreadsheet program changed in ordinary ways, and the import
/// undoes what it safely can: the `'` the tool put before a formula-like key is taken off,
/// trailing empty columns are ignored, and a key whose leading zeros a spreadsheet dropped is
/// matched through its draw id and row number (Nr) when that is unambiguous, with a notice.
public enum WorksheetImport {
    /// What reading a sheet gives: the events to record and what the user should know.
    public struct Reading: Sendable, Equatable {
        /// The events for the filled-in rows that add something.
        public var events: [JournalPayload]
        /// Things done or found that are not errors: keys matched by Nr, drawn items missing.
        public var notices: [String]
        /// How many rows had a result filled in (0: the sheet has no results at all).
        public var filledRows: Int
    }

    /// A worksheet's cells: the table under its header, and filled cells right of the header.
    public struct Sheet: Sendable {
        /// The rows under the header, as wide as the header.
        public var table: CSVTable
        /// Cells right of the header that hold text, by line and 1-based column.
        public var strayCells: [(line: Int, column: Int, text: String)]

        /// A sheet from rows as a spreadsheet holds them: the first row is the header (its
        /// trailing empty cells dropped), rows may be longer or shorter than it.
        /// - Throws: ``CSVError`` for an empty or repeated column name.
        public init(rows: [SheetRow]) throws(CSVError) {
            guard let first = rows.first else { throw .emptyFile }
            var header = first.cells
            while let last = header.last, last.trimmingASCIIWhitespace().isEmpty { header.removeLast() }
            var tableRows: [CSVRow] = []
            var stray: [(line: Int, column: Int, text: String)] = []
            for row in rows.dropFirst() {
                for (index, cell) in row.cells.enumerated().dropFirst(header.count)
                where !cell.trimmingASCIIWhitespace().isEmpty {
                    stray.append((row.line, index + 1, cell))
                }
                tableRows.append(CSVRow(line: row.line, fields: (0..<header.count).map { row.cell($0) }))
            }
            table = try CSVTable(header: header, rows: tableRows, headerLine: first.line)
            strayCells = stray
        }
    }

    /// The draws a sheet's rows name (in its draw column), as ``read(_:plan:state:)`` reads them: what an
    /// import's transaction reads of the year (``YearReading/draws(_:)``); a row naming none gives an empty
    /// id, which no draw has (so the import sees the whole year, to list the draws there are).
    /// Empty without the column.
    public static func draws(in sheet: Sheet) -> [DrawID] {
        guard let column = sheet.table.columnIndex(Worksheet.Column.draw) else { return [] }
        var seen: Set<DrawID> = []
        var draws: [DrawID] = []
        for row in sheet.table.rows where !row.fields.allSatisfy({ $0.trimmingASCIIWhitespace().isEmpty }) {
            let id = DrawID(rawValue: unguarded(row.fields[column].trimmingASCIIWhitespace()))
            if seen.insert(id).inserted { draws.append(id) }
        }
        return draws
    }

    /// The events for the sheet's filled-in rows (rows with no result are left for later;
    /// rows that repeat what is recorded add nothing).
    /// - Throws: ``RecordError/missingColumn(_:available:)`` or ``RecordError/rows(_:)``
    ///   listing every bad row.
    public static func events(from table: CSVTable, plan: ControlPlan, state: YearState, today: Day)
        throws(RecordError) -> [JournalPayload]
    {
        try read(table, strayCells: [], plan: plan, state: state, today: today).events
    }

    /// Reads a sheet: the events, the notices, and every problem at once (stray cells included).
    /// `today` bounds the review days: a row dated after today, or before its draw, is refused.
    public static func read(_ sheet: Sheet, plan: ControlPlan, state: YearState, today: Day) throws(RecordError)
        -> Reading
    {
        try read(sheet.table, strayCells: sheet.strayCells, plan: plan, state: state, today: today)
    }

    static func read(
        _ table: CSVTable, strayCells: [(line: Int, column: Int, text: String)], plan: ControlPlan, state: YearState,
        today: Day
    ) throws(RecordError) -> Reading {
        typealias Column = Worksheet.Column
        guard let drawColumn = table.columnIndex(Column.draw) else {
            throw .missingColumn(Column.draw, available: table.header)
        }
        // A shared draw's sheet has "Resultat (K13)", "Resultat (K14)" … instead of "Resultat".
        guard
            table.columnIndex(Column.result) != nil
                || table.header.contains(where: { $0.hasPrefix(Column.result + " (") })
        else {
            throw .missingColumn(Column.result, available: table.header)
        }
        let reviewerColumn = table.columnIndex(Column.reviewer)
        let dateColumn = table.columnIndex(Column.date)
        let seedColumn = table.columnIndex(Column.seed)
        let numberColumn = table.columnIndex(Column.number)
        let correctColumn = table.columnIndex(Column.correct)
        let controls = plan.risks.flatMap(\.controls)

        var problems = strayCells.map {
            RecordError.Problem(line: $0.line, error: .cellOutsideHeader(column: $0.column, text: $0.text))
        }
        var notices: [String] = []
        var events: [JournalPayload] = []
        var seen: [String: Int] = [:]
        var listed: [DrawID: Set<String>] = [:]
        var filled = 0
        var working = state
        // Spare rows after the sampled items', in their order: a sheet sorted in a spreadsheet is read
        // as drawn, since a spare needs the item it replaces recorded as not reviewed first.
        for row in rowsInDrawOrder(table, drawColumn: drawColumn, state: state) {
            func cell(_ index: Int?) -> String {
                index.map { unguarded(row.fields[$0].trimmingASCIIWhitespace()) } ?? ""
            }
            func fail(_ error: RecordError, control: ControlID? = nil) {
                problems.append(.init(line: row.line, error: error, control: control))
            }
            if row.fields.allSatisfy({ $0.trimmingASCIIWhitespace().isEmpty }) { continue }
            let drawID = DrawID(rawValue: cell(drawColumn))
            let draw = state.draw(drawID)
            var key = ""
            if let draw, let keyColumn = table.columnIndex(draw.rule.keyColumn ?? "Nyckel") {
                key = Population.normalise(cell(keyColumn))
                if let matched = matchByNumber(key, number: cell(numberColumn), in: draw) {
                    notices.append(
                        "line \(row.line): '\(key)' read as '\(matched)' (draw \(drawID), Nr \(cell(numberColumn))): a spreadsheet dropped its leading zeros"
                    )
                    key = matched
                }
                listed[drawID, default: []].insert(key)
            }
            // What each control point's columns hold (one group unless the draw is shared).
            let groups = draw.map { Worksheet.groups(for: $0, controls: controls) } ?? [Worksheet.ResultGroup()]
            let entries = groups.map { group in
                (
                    group: group, result: cell(table.columnIndex(group.column(Column.result))),
                    criteria: group.criteria.compactMap { name in
                        table.columnIndex(group.column(name)).map { (name: name, text: cell($0)) }
                    }.filter { !$0.text.isEmpty }
                )
            }.filter { !$0.result.isEmpty || !$0.criteria.isEmpty }
            let plain = draw?.isShared == true ? cell(table.columnIndex(Column.result)) : ""
            if let draw, !plain.isEmpty {  // a shared draw's result must say its control point
                filled += 1
                fail(.resultColumnUnmarked(draw: draw.id, controls: draw.controls))
                continue
            }
            // A point's remark kind or comment with no result of its own is not recorded: say so.
            let withResult = Set(entries.map { $0.group.column(Column.result) })
            for group in groups where !withResult.contains(group.column(Column.result)) {
                let unused = [group.column(Column.remarkKind), group.column(Column.note)].filter {
                    !cell(table.columnIndex($0)).isEmpty
                }
                if !unused.isEmpty {
                    notices.append(
                        "line \(row.line): \(unused.map { "'\($0)'" }.joined(separator: " and ")) is not recorded: "
                            + "'\(group.column(Column.result))' is empty, so the item stays pending")
                }
            }
            if entries.isEmpty {  // not reviewed yet
                let unused = [Column.reviewer, Column.date, Column.correct].filter {
                    !cell(table.columnIndex($0)).isEmpty
                }
                if !unused.isEmpty {
                    notices.append(
                        "line \(row.line): \(unused.map { "'\($0)'" }.joined(separator: " and ")) is not recorded: "
                            + "no result is filled in, so the item stays pending")
                }
                continue
            }
            filled += 1
            guard let draw else {
                fail(.unknownDraw(drawID, known: state.draws.map(\.id)))
                continue
            }
            let keyName = draw.rule.keyColumn ?? "Nyckel"
            guard table.columnIndex(keyName) != nil else {
                fail(.missingColumn(keyName, available: table.header))
                continue
            }
            let seed = cell(seedColumn)
            if !seed.isEmpty && seed != draw.seed.text {
                fail(.wrongSeed(seed, draw: drawID))
                continue
            }
            if let drawnKey = withoutLeadingZerosMatch(key, in: draw) {
                fail(.lostLeadingZeros(key, drawnKey: drawnKey, draw: drawID))
                continue
            }
            if let first = seen.updateValue(row.line, forKey: drawID.rawValue + "\t" + key) {
                fail(.repeatedItem(key, firstLine: first))
                continue
            }
            var date: Day? = draw.date  // a row without a date is dated by its draw, never by today
            let dateText = cell(dateColumn)
            if !dateText.isEmpty {
                guard let parsed = Day(dateText) else {
                    fail(.invalidDate(dateText))
                    continue
                }
                do throws(RecordError) {
                    try PlanWindow.check(parsed, year: plan.year)
                    try Recording.checkReviewDay(parsed, draw: draw, today: today)
                } catch {
                    fail(error)
                    continue
                }
                date = parsed
            }
            for entry in entries {
                let group = entry.group
                func failHere(_ error: RecordError) { fail(error, control: group.control) }
                var criterionResults: [CriterionResult] = []
                var badCriterion = false
                for (name, text) in entry.criteria {
                    guard let parsed = CriterionResult.cell(text) else {
                        failHere(.unknownCriterionResult(text))
                        badCriterion = true
                        break
                    }
                    criterionResults.append(
                        CriterionResult(criterion: name, verdict: parsed.verdict, reason: parsed.reason))
                }
                if badCriterion { continue }
                guard let result = entry.result.isEmpty ? .ok : ReviewResult(word: entry.result) else {
                    failHere(.unknownResult(entry.result))
                    continue
                }
                let kind = cell(table.columnIndex(group.column(Column.remarkKind)))
                if !entry.result.isEmpty && result != .remark && !kind.isEmpty {
                    failHere(.remarkKindWithoutRemark(kind, result: result.swedish))
                    continue
                }
                var proposed = OutcomeRecord(
                    draw: drawID, key: key, result: result,
                    remarkKind: cell(table.columnIndex(group.column(Column.remarkKind))),
                    note: cell(table.columnIndex(group.column(Column.note))), reviewer: cell(reviewerColumn),
                    reviewedOn: date)
                proposed.control = group.control
                if !criterionResults.isEmpty { proposed.criteria = criterionResults }
                let correctText = cell(correctColumn)
                if !correctText.isEmpty && result == .notReviewed {
                    notices.append(
                        "line \(row.line): '\(Column.correct)' is not recorded: the item was not reviewed (ej granskad)"
                    )
                }
                if !correctText.isEmpty && result != .notReviewed {
                    guard let correct = Amount(correctText) else {
                        failHere(.invalidAmount(correctText))
                        continue
                    }
                    do {
                        proposed.misstatement = try AmountFindings.misstatement(correct: correct, key: key, in: draw)
                    } catch {
                        failHere(error)
                        continue
                    }
                }
                do {
                    proposed = try Recording.applyingCriteria(
                        proposed, resultGiven: !entry.result.isEmpty, plan: plan, state: working)
                    if let event = try Recording.outcome(proposed, plan: plan, state: working) {
                        events.append(event)
                        working.apply(
                            JournalEvent(sequence: working.eventCount + 1, time: "", actor: "", payload: event))
                    }
                } catch {
                    failHere(error)
                }
            }
        }
        problems += unreadColumns(table, draws: listed.keys.compactMap { state.draw($0) }, controls: controls)
        notices += unknownColumns(table, draws: listed.keys.compactMap { state.draw($0) }, controls: controls)
        guard problems.isEmpty else { throw .rows(problems.sorted { $0.line < $1.line }) }
        for (drawID, keys) in listed.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let draw = state.draw(drawID) else { continue }
            let missing = draw.items.map(\.key).filter { !keys.contains($0) }
            if !missing.isEmpty {
                let shown = missing.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
                notices.append(
                    "draw \(drawID): \(missing.count) drawn item\(missing.count == 1 ? " is" : "s are") not in the sheet (\(shown)\(missing.count > 5 ? ", …" : "")); they stay pending"
                )
            }
        }
        return Reading(events: events, notices: notices, filledRows: filled)
    }

    /// On a sheet with a shared draw, the filled-in columns named as a control point's ("… (K3)")
    /// that none of the sheet's draws reads (a point not in the draw, a criterion since removed, a
    /// retyped header): their contents would silently not be recorded. Named at the header's line.
    static func unreadColumns(_ table: CSVTable, draws: [DrawRecord], controls: [ControlPoint]) -> [RecordError.Problem]
    {
        guard draws.contains(where: \.isShared) else { return [] }
        var read: Set<String> = []
        for draw in draws {
            read.formUnion(Worksheet.groups(for: draw, controls: controls).flatMap(\.columns))
            read.formUnion(
                [draw.rule.keyColumn, draw.rule.stratumColumn, draw.rule.amountColumn].compactMap { $0 }
                    + draw.rule.carry)
        }
        let ids = draws.map(\.id).sorted { $0.rawValue < $1.rawValue }
        return table.header.enumerated().compactMap { index, name in
            let name = name.trimmingASCIIWhitespace()
            guard name.hasSuffix(")"), name.contains(" ("), !read.contains(name),
                table.rows.contains(where: { !$0.fields[index].trimmingASCIIWhitespace().isEmpty })
            else { return nil }
            return RecordError.Problem(line: table.headerLine, error: .unreadColumn(name, draws: ids))
        }
    }

    /// The filled-in columns no draw of the sheet reads and that are not named as a control
    /// point's (those are refused by ``unreadColumns(_:draws:controls:)``): what they hold is not
    /// recorded, and the notice says so.
    static func unknownColumns(_ table: CSVTable, draws: [DrawRecord], controls: [ControlPoint]) -> [String] {
        guard !draws.isEmpty else { return [] }
        typealias Column = Worksheet.Column
        var read: Set<String> = [
            Column.draw, Column.seed, Column.number, Column.stratum, Column.result, Column.remarkKind, Column.note,
            Column.reviewer, Column.date, Column.booked, Column.correct, "Nyckel",
        ]
        for draw in draws {
            read.formUnion(Worksheet.groups(for: draw, controls: controls).flatMap(\.columns))
            read.formUnion(
                [draw.rule.keyColumn, draw.rule.stratumColumn, draw.rule.amountColumn].compactMap { $0 }
                    + draw.rule.carry)
        }
        let known = Set(read.map { $0.nfc.lowercased() })
        return table.header.enumerated().compactMap { index, name in
            let trimmed = name.trimmingASCIIWhitespace()
            guard !known.contains(trimmed.nfc.lowercased()),
                !(trimmed.hasSuffix(")") && trimmed.contains(" (") && draws.contains(where: \.isShared))
            else { return nil }
            let lines = table.rows.filter { !$0.fields[index].trimmingASCIIWhitespace().isEmpty }.map(\.line)
            guard !lines.isEmpty else { return nil }
            let shown = lines.prefix(InputBounds.echoEntries).map(String.init).joined(separator: ", ")
            return "column '\(InputBounds.clip(trimmed))' holds text on \(lines.count == 1 ? "line" : "lines") \(shown)"
                + "\(lines.count > InputBounds.echoEntries ? ", …" : ""), which is not recorded: it is not a column of the worksheet"
        }
    }

    /// The sheet's rows with those of spares last, in the order of the draw's spares (a stable sort:
    /// every other row keeps its place).
    static func rowsInDrawOrder(_ table: CSVTable, drawColumn: Int, state: YearState) -> [CSVRow] {
        let ranked = table.rows.enumerated().map { offset, row -> (rank: Int, offset: Int, row: CSVRow) in
            let id = DrawID(rawValue: unguarded(row.fields[drawColumn].trimmingASCIIWhitespace()))
            guard let draw = state.draw(id), !draw.spares.isEmpty,
                let keyColumn = table.columnIndex(draw.rule.keyColumn ?? "Nyckel")
            else { return (0, offset, row) }
            let key = Population.normalise(unguarded(row.fields[keyColumn].trimmingASCIIWhitespace()))
            guard let spare = draw.spares.firstIndex(where: { $0.key == key }) else { return (0, offset, row) }
            return (spare + 1, offset, row)
        }
        return ranked.sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.row)
    }

    /// A cell without the `'` the tool writes before text a spreadsheet would take for a formula.
    static func unguarded(_ text: String) -> String {
        guard text.hasPrefix("'"), let second = text.dropFirst().first, "=+-@".contains(second) else { return text }
        return String(text.dropFirst())
    }

    /// The drawn key a row's key stands for when a spreadsheet dropped its leading zeros and the
    /// row's number (Nr, "3" or "Reserv 1") names an item whose key is that key with zeros before it.
    static func matchByNumber(_ key: String, number: String, in draw: DrawRecord) -> String? {
        guard !key.isEmpty, !draw.items.contains(where: { $0.key == key }),
            !draw.spares.contains(where: { $0.key == key })
        else { return nil }
        let item: DrawnItem?
        if number.lowercased().hasPrefix("reserv"), let index = Int(number.dropFirst(6).trimmingASCIIWhitespace()) {
            item = draw.spares.indices.contains(index - 1) ? draw.spares[index - 1] : nil
        } else if let index = Int(number) {
            item = draw.items.indices.contains(index - 1) ? draw.items[index - 1] : nil
        } else {
            item = nil
        }
        guard let item, item.key.hasSuffix(key), item.key.dropLast(key.count).allSatisfy({ $0 == "0" }) else {
            return nil
        }
        return item.key
    }

    /// A drawn key that is `key` with leading zeros, when `key` itself is not drawn.
    static func withoutLeadingZerosMatch(_ key: String, in draw: DrawRecord) -> String? {
        let all = draw.items + draw.spares
        guard !key.isEmpty, !all.contains(where: { $0.key == key }) else { return nil }
        return all.first {
            $0.key.count > key.count && $0.key.hasSuffix(key) && $0.key.dropLast(key.count).allSatisfy { $0 == "0" }
        }?.key
    }
}
