/// Builds a plan from a spreadsheet kept in the appendix's own columns, as municipal
/// plans usually live in Excel before they become data.
///
/// Required columns: *Identifierad risk*, *Vad kontrolleras?*, *Frekvens uppföljning*
/// (or *Uppföljning*), *Metod*. Optional: *Frekvens* (or *Kontrollfrekvens*), *Ansvarig*
/// (or *Uppföljningsansvarig*). A row with an empty risk cell belongs to the risk above
/// it, as merged cells do in Excel; ids are given in order, `R1…` and `K1…`.
public enum PlanImport {
    /// A problem in the spreadsheet.
    public enum Failure: Error, Sendable, Equatable {
        /// Required columns are missing; `available` lists the header there is.
        case missingColumns([String], available: [String])
        /// Rows with problems, each `(line, message)`; nothing was imported.
        case rows([RowProblem])
    }

    /// One row's problem, with its 1-based line in the file.
    public struct RowProblem: Sendable, Equatable {
        /// The line the row starts on.
        public var line: Int
        /// What is wrong.
        public var message: String
    }

    static let riskColumns = ["Identifierad risk", "Risk"]
    static let controlColumns = ["Vad kontrolleras?", "Vad kontrolleras", "Kontrollmoment"]
    static let followUpColumns = ["Frekvens uppföljning", "Frekvens upp-följning", "Uppföljning"]
    static let methodColumns = ["Metod"]
    static let cadenceColumns = ["Frekvens", "Kontrollfrekvens", "Frekvens kontroll"]
    static let responsibleColumns = ["Ansvarig", "Uppföljningsansvarig", "Kontrollansvarig"]

    /// Reads the rows of `table` into a new plan for `committee` and `year`.
    /// - Throws: ``Failure`` listing every missing column or every bad row.
    public static func plan(from table: CSVTable, committee: String, year: Int, title: String? = nil)
        throws(Failure) -> ControlPlan
    {
        func column(_ names: [String]) -> Int? { names.lazy.compactMap(table.columnIndex).first }
        let required = [riskColumns, controlColumns, followUpColumns, methodColumns]
        let found = required.map(column)
        let missing = zip(required, found).filter { $0.1 == nil }.map { $0.0[0] }
        guard missing.isEmpty, let riskColumn = found[0], let controlColumn = found[1], let followUpColumn = found[2],
            let methodColumn = found[3]
        else { throw .missingColumns(missing, available: table.header) }
        let cadenceColumn = column(cadenceColumns)
        let responsibleColumn = column(responsibleColumns)

        var plan = ControlPlan(committee: committee, year: year, title: title)
        var problems: [RowProblem] = []
        for row in table.rows {
            // Line breaks typed inside an Excel cell (Alt+Enter) become spaces: appendix texts are one paragraph.
            let cell = { (index: Int) in
                row.fields[index].nfc.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            func problem(_ message: String) { problems.append(RowProblem(line: row.line, message: message)) }
            if row.fields.allSatisfy({ $0.trimmingASCIIWhitespace().isEmpty }) { continue }

            let riskText = cell(riskColumn)
            if !riskText.isEmpty && riskText != plan.risks.last?.text {
                plan.addRisk(Risk(id: plan.nextRiskID, text: riskText))
            }
            if plan.risks.isEmpty {
                problem("'\(table.header[riskColumn])' is empty and there is no risk above to belong to")
            }
            let text = cell(controlColumn)
            if text.isEmpty { problem("'\(table.header[controlColumn])' is empty") }
            let methodText = cell(methodColumn)
            let method = MethodKind.recognising(label: methodText)
            if method == nil {
                problem("'\(methodText)' is not a method (Stickprov, Granskning av handläggning, Kontroll av …, Enkät, Dokumentkontroll)")
            }
            let followUpText = cell(followUpColumn)
            let followUp = FollowUp(userText: followUpText)
            if followUp == nil {
                problem("'\(followUpText)' is not a follow-up (Del- och årsbokslut, Delårsbokslut, Årsbokslut)")
            }
            var cadence: Cadence?
            if let cadenceColumn, !cell(cadenceColumn).isEmpty {
                cadence = Cadence(cell(cadenceColumn))
                if cadence == nil { problem("'\(cell(cadenceColumn))' is not a frequency (Månadsvis, Per tertial, Kvartalsvis, 3 ggr/år, Årligen or dates)") }
            }
            let responsible = responsibleColumn.map(cell).flatMap { $0.isEmpty ? nil : $0 }
            guard let risk = plan.risks.last, let method, let followUp, !text.isEmpty else { continue }
            let label = methodText.lowercased() == method.swedishLabel.lowercased() ? nil : methodText
            let control = ControlPoint(
                id: plan.nextControlID, text: text, method: method, methodLabel: label, cadence: cadence,
                followUp: followUp, responsible: responsible)
            try? plan.addControl(control, to: risk.id)
        }
        guard problems.isEmpty else { throw .rows(problems) }
        return plan
    }
}
