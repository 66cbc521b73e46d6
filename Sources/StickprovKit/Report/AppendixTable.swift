/// The appendix's table as columns and cells, shared by the renderers so they agree on what
/// is in each cell and differ only in how they lay it out.
struct AppendixTable {
    /// A cell: plain text, a signal, or paragraphs.
    enum Cell {
        case text(String)
        case signal(SignalLevel?)
        case paragraphs([Paragraph])
    }

    /// A row of cells; `spansRisk` is true for the first row of a group in the reference layout.
    struct Row {
        /// One cell per column of ``AppendixTable/columns``, less the risk column.
        var cells: [Cell]
        /// For the reference layout: the risk cell and how many rows it spans (first row only).
        var risk: (text: String, span: Int)?
        /// For the areas layout: a heading row for a risk area, whose first cell spans
        /// ``AppendixTable/areaHeadingSpan`` columns (the cells it covers are empty).
        var isAreaHeading = false
        /// The group the row belongs to.
        var group: Int
    }

    let header: [String]
    /// What each column is, in the order of ``header`` (with the risk column first in the
    /// reference layout, where rows carry it in ``Row/risk`` rather than in ``Row/cells``).
    let columns: [AppendixColumn]
    let rows: [Row]
    /// How many columns an area heading's text spans: those before *Bedömning*.
    let areaHeadingSpan: Int

    init(_ appendix: Appendix) {
        let extra = Set(appendix.columns)
        let id: [AppendixColumn] = extra.contains(.id) ? [.id] : []
        let responsible: [AppendixColumn] = extra.contains(.responsible) ? [.responsible] : []
        switch appendix.layout {
        case .reference:
            let cadence: [AppendixColumn] = extra.contains(.cadence) ? [.cadence] : []
            columns = [.risk] + id + [.what] + cadence + [.followUp, .method] + responsible + [.signal, .result]
        case .areas:
            columns = id + [.what, .cadence, .method] + responsible + [.signal, .result, .actions]
        }
        header = columns.map { $0.heading(in: appendix.layout) }
        let cellColumns = columns.filter { $0 != .risk }
        areaHeadingSpan = cellColumns.firstIndex(of: .signal) ?? 1
        var rows: [Row] = []
        for group in appendix.groups {
            switch appendix.layout {
            case .reference:
                for (index, row) in group.rows.enumerated() {
                    var text = row.generated + row.result + row.actions
                    if appendix.isAssessedPerRisk && index == group.rows.count - 1 {
                        text += group.result + group.actions
                    }
                    let signal = appendix.isAssessedPerRisk ? group.signal : row.signal
                    rows.append(
                        Row(
                            cells: cellColumns.map {
                                Self.cell($0, of: row, signal: .signal(signal), result: text, layout: .reference)
                            },
                            risk: index == 0 ? (group.risk, group.rows.count) : nil, group: group.number))
                }
            case .areas:
                let heading = cellColumns.enumerated().map { index, column -> Cell in
                    switch column {
                    case _ where index == 0: .text("\(group.number). \(group.risk)")
                    // Assessed per control point, the area row has no signal of its own (not "Ej bedömd").
                    case .signal: appendix.isAssessedPerRisk ? .signal(group.signal) : .text("")
                    case .result: .paragraphs(group.result)
                    case .actions: .paragraphs(group.actions)
                    default: .text("")
                    }
                }
                rows.append(Row(cells: heading, risk: nil, isAreaHeading: true, group: group.number))
                for row in group.rows {
                    let signal: Cell = appendix.isAssessedPerRisk ? .text("") : .signal(row.signal)
                    rows.append(
                        Row(
                            cells: cellColumns.map {
                                Self.cell(
                                    $0, of: row, signal: signal, result: row.generated + row.result, layout: .areas)
                            },
                            risk: nil, group: group.number))
                }
            }
        }
        self.rows = rows
    }

    /// A control point's cell in `column`.
    static func cell(
        _ column: AppendixColumn, of row: Appendix.Row, signal: Cell, result: [Paragraph], layout: ReportLayout
    ) -> Cell {
        switch column {
        case .risk: .text("")
        case .id: .text(row.id.rawValue)
        case .what: .text(row.what)
        case .followUp: .text(row.followUp)
        // The areas layout's *Frekvens* falls back on when it is reported; *Periodicitet* stays blank.
        case .cadence: .text(row.cadence ?? (layout == .areas ? row.followUp : ""))
        case .method: .text(row.method)
        case .responsible: .text(row.responsible ?? "")
        case .signal: signal
        case .result: .paragraphs(result)
        case .actions: .paragraphs(row.actions)
        }
    }
}
