/// Renders the appendix as Markdown: title, summary, legend, and one table in which a
/// risk's text stands in the first row of its control points and the rows below leave it blank.
/// Every text from the plan or the journal goes through ``MarkdownText``, so any reader shows
/// it as typed.
public enum MarkdownRenderer {
    /// The Markdown document, ending in a newline.
    public static func render(_ appendix: Appendix) -> String {
        var lines = ["# \(MarkdownText.inline(appendix.title))", "", MarkdownText.block(appendix.committee), "", MarkdownText.block(appendix.summary), ""]
        lines.append("Följande signaler har använts för bedömning av respektive kontrollmoment:")
        lines.append("")
        for level in appendix.legend {
            lines.append("- \(emoji(level)) \(escape(level.displayName)): \(escape(level.label))")
        }
        lines.append("")
        let table = AppendixTable(appendix)
        let hasRiskColumn = appendix.layout == .reference
        lines.append("| " + table.header.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: " --- |", count: table.header.count))
        for row in table.rows {
            var cells: [String] = []
            if hasRiskColumn { cells.append(row.risk.map { "**\(escape($0.text))**" } ?? "") }
            for (index, cell) in row.cells.enumerated() {
                let text = render(cell)
                cells.append(row.isAreaHeading && index == 0 ? "**\(text)**" : text)
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ cell: AppendixTable.Cell) -> String {
        switch cell {
        case .text(let text): return escape(text)
        case .signal(let level): return level.map { "\(emoji($0)) \(escape($0.displayName))" } ?? "Ej bedömd"
        case .paragraphs(let paragraphs):
            return paragraphs.map { paragraph in
                switch paragraph {
                case .text(let text): escape(text)
                case .bullets(let items): items.map { "• " + escape($0) }.joined(separator: "<br>")
                }
            }.joined(separator: "<br><br>")
        }
    }

    /// A coloured circle for the common signal colours; a plain dot for others.
    static func emoji(_ level: SignalLevel) -> String {
        switch level.id.lowercased() {
        case "green", "grön": "🟢"
        case "yellow", "gul": "🟡"
        case "red", "röd": "🔴"
        default: "●"
        }
    }

    /// Text safe inside a table cell or a line: see ``MarkdownText/inline(_:)``.
    static func escape(_ text: String) -> String { MarkdownText.inline(text.trimmingASCIIWhitespace()) }
}
