/// The appendix's table as columns and cells, shared by the three renderers so they
/// agree on what is in each cell and differ only in how they lay it out.
struct AppendixTable {
    /// A cell: plain text, a signal, or paragraphs.
    enum Cell {
        case text(String)
        case signal(SignalLevel?)
        case paragraphs([Paragraph])
    }

    /// A row of cells; `spansRisk` is true for the first row of a group in the reference layout.
    struct Row {
        var cells: [Cell]
        /// For the reference layout: the risk cell and how many rows it spans (first row only).
        var risk: (text: String, span: Int)?
        /// For the areas layout: a heading row for a risk area.
        var isAreaHeading = false
        /// The group the row belongs to.
        var group: Int
    }

    let header: [String]
    /// What each column is, in the order of ``header`` (with the risk column first in the
    /// reference layout, where rows carry it in ``Row/risk`` rather than in ``Row/cells``).
    let columns: [AppendixColumn]
    let rows: [Row]

    init(_ appendix: Appendix) {
        switch appendix.layout {
        case .reference:
            header = ["Identifierad risk", "Vad kontrolleras?", "Frekvens uppföljning", "Metod", "Bedömning", "Resultat och åtgärder"]
            columns = [.risk, .what, .followUp, .method, .signal, .result]
            var rows: [Row] = []
            for group in appendix.groups {
                for (index, row) in group.rows.enumerated() {
                    var text = row.generated + row.result + row.actions
                    if appendix.isAssessedPerRisk && index == group.rows.count - 1 {
                        text += group.result + group.actions
                    }
                    let signal = appendix.isAssessedPerRisk ? group.signal : row.signal
                    rows.append(Row(
                        cells: [.text(row.what), .text(row.followUp), .text(row.method), .signal(signal), .paragraphs(text)],
                        risk: index == 0 ? (group.risk, group.rows.count) : nil, group: group.number))
                }
            }
            self.rows = rows
        case .areas:
            header = ["Vad kontrolleras?", "Frekvens", "Metod", "Bedömning", "Resultat", "Åtgärd"]
            columns = [.what, .cadence, .method, .signal, .result, .actions]
            var rows: [Row] = []
            for group in appendix.groups {
                rows.append(Row(
                    cells: [
                        .text("\(group.number). \(group.risk)"), .text(""), .text(""),
                        // Assessed per control point, the area row has no signal of its own (not "Ej bedömd").
                        appendix.isAssessedPerRisk ? .signal(group.signal) : .text(""), .paragraphs(group.result),
                        .paragraphs(group.actions),
                    ],
                    risk: nil, isAreaHeading: true, group: group.number))
                for row in group.rows {
                    rows.append(Row(
                        cells: [
                            .text(row.what), .text(row.cadence ?? row.followUp), .text(row.method),
                            appendix.isAssessedPerRisk ? .text("") : .signal(row.signal),
                            .paragraphs(row.generated + row.result), .paragraphs(row.actions),
                        ],
                        risk: nil, group: group.number))
                }
            }
            self.rows = rows
        }
    }
}
