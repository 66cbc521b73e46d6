/// Reads a filled-in worksheet back: every row is checked first, and either all its
/// results become events or none do.
public enum WorksheetImport {
    /// The events for the sheet's filled-in rows (rows with no result are left for later;
    /// rows that repeat what is recorded add nothing).
    /// - Parameter reviewer: who reviewed, for rows whose *Granskad av* is empty.
    /// - Throws: ``RecordError/missingColumn(_:available:)`` or ``RecordError/rows(_:)``
    ///   listing every bad row.
    public static func events(from table: CSVTable, plan: ControlPlan, state: YearState) throws(RecordError)
        -> [JournalPayload]
    {
        typealias Column = Worksheet.Column
        guard let drawColumn = table.columnIndex(Column.draw) else {
            throw .missingColumn(Column.draw, available: table.header)
        }
        guard let resultColumn = table.columnIndex(Column.result) else {
            throw .missingColumn(Column.result, available: table.header)
        }
        let kindColumn = table.columnIndex(Column.remarkKind)
        let noteColumn = table.columnIndex(Column.note)
        let reviewerColumn = table.columnIndex(Column.reviewer)
        let dateColumn = table.columnIndex(Column.date)
        let correctColumn = table.columnIndex(Column.correct)

        var problems: [RecordError.Problem] = []
        var events: [JournalPayload] = []
        var seen: [String: Int] = [:]
        var working = state
        for row in table.rows {
            func cell(_ index: Int?) -> String { index.map { row.fields[$0].trimmingASCIIWhitespace() } ?? "" }
            func fail(_ error: RecordError) { problems.append(.init(line: row.line, error: error)) }
            if row.fields.allSatisfy({ $0.trimmingASCIIWhitespace().isEmpty }) { continue }
            let resultWord = cell(resultColumn)
            if resultWord.isEmpty { continue }  // not reviewed yet
            let drawID = DrawID(rawValue: cell(drawColumn))
            guard let draw = state.draw(drawID) else {
                fail(.unknownDraw(drawID, known: state.draws.map(\.id)))
                continue
            }
            let keyName = draw.rule.keyColumn ?? "Nyckel"
            guard let keyColumn = table.columnIndex(keyName) else {
                fail(.missingColumn(keyName, available: table.header))
                continue
            }
            let key = Population.normalise(row.fields[keyColumn])
            if let first = seen.updateValue(row.line, forKey: drawID.rawValue + "\t" + key) {
                fail(.repeatedItem(key, firstLine: first))
                continue
            }
            guard let result = ReviewResult(word: resultWord) else {
                fail(.unknownResult(resultWord))
                continue
            }
            var date: Day? = draw.date  // a row without a date is dated by its draw, never by today
            let dateText = cell(dateColumn)
            if !dateText.isEmpty {
                guard let parsed = Day(dateText) else {
                    fail(.invalidDate(dateText))
                    continue
                }
                date = parsed
            }
            var proposed = OutcomeRecord(
                draw: drawID, key: key, result: result, remarkKind: cell(kindColumn), note: cell(noteColumn),
                reviewer: cell(reviewerColumn), reviewedOn: date)
            let correctText = cell(correctColumn)
            if !correctText.isEmpty && result != .notReviewed {
                guard let correct = Amount(correctText) else {
                    fail(.invalidAmount(correctText))
                    continue
                }
                do {
                    proposed.misstatement = try AmountFindings.misstatement(correct: correct, key: key, in: draw)
                } catch {
                    fail(error)
                    continue
                }
            }
            do {
                if let event = try Recording.outcome(proposed, plan: plan, state: working) {
                    events.append(event)
                    working.apply(JournalEvent(sequence: working.eventCount + 1, time: "", actor: "", payload: event))
                }
            } catch {
                fail(error)
            }
        }
        guard problems.isEmpty else { throw .rows(problems) }
        return events
    }
}
