/// Renders the appendix as CSV for Excel: UTF-8 with BOM, `;`, one row per control point
/// (and, in the areas layout, one per area heading); a spanned risk cell is left blank
/// below its first row.
public enum CSVRenderer {
    /// The CSV bytes.
    public static func render(_ appendix: Appendix) -> [UInt8] {
        let table = AppendixTable(appendix)
        let hasRiskColumn = appendix.layout == .reference
        let rows = table.rows.map { row -> [String] in
            (hasRiskColumn ? [row.risk?.text ?? ""] : []) + row.cells.map { text($0, in: appendix) }
        }
        // A direction override or control character would change what the appendix's cells say.
        let visible = rows.map { $0.map(VisibleText.removingInvisibleControls) }
        return CSVWriter().encode(header: table.header, rows: visible)
    }

    static func text(_ cell: AppendixTable.Cell, in appendix: Appendix? = nil) -> String {
        switch cell {
        case .text(let text): return text
        case .signal(let level):
            guard let level else { return "Ej bedömd" }
            return appendix?.mark(level).text ?? level.displayName
        case .paragraphs(let paragraphs):
            return paragraphs.map { paragraph in
                switch paragraph {
                case .text(let text): text
                case .bullets(let items): items.map { "• " + $0 }.joined(separator: "\n")
                }
            }.joined(separator: "\n\n")
        }
    }
}
