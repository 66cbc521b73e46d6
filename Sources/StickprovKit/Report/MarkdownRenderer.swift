/// Renders the appendix as Markdown: title, summary, legend (each signal a shape and its word,
/// as Markdown has no colour: "▲ Gul"), and one table in which a
/// risk's text stands in the first row of its control points and the rows below leave it blank.
/// Every text from the plan or the journal goes through ``MarkdownText``, so any reader shows
/// it as typed.
public enum MarkdownRenderer {
    /// The Markdown document, ending in a newline.
    public static func render(_ appendix: Appendix, options: ReportOptions = ReportOptions()) -> String {
        var lines = ["# \(MarkdownText.inline(appendix.title))", ""]
        if !options.isTableOnly {
            lines += [MarkdownText.block(appendix.committee), ""]
            if let adoption = appendix.adoption { lines += [MarkdownText.block(adoption), ""] }
            lines += [MarkdownText.block(appendix.summary), ""]
            let levels = appendix.legendLevels(options.legend)
            if !levels.isEmpty {
                lines.append(appendix.legendIntroduction)
                lines.append("")
                for level in levels {
                    lines.append("- \(escape(appendix.mark(level).text)): \(escape(level.label))")
                }
                lines.append("")
            }
        }
        let table = AppendixTable(appendix)
        let hasRiskColumn = appendix.layout == .reference
        lines.append("| " + table.header.joined(separator: " | ") + " |")
        // One dash per per cent of width: pandoc takes a pipe table's column widths from the dashes
        // (when a row is longer than a line), so Resultat keeps about half the page there too.
        let dashes = AppendixColumn.percentages(table.columns).map {
            String(repeating: "-", count: max(3, Int($0.rounded())))
        }
        lines.append("| " + dashes.joined(separator: " | ") + " |")
        for row in table.rows {
            var cells: [String] = []
            if hasRiskColumn { cells.append(row.risk.map { "**\(escape($0.text))**" } ?? "") }
            for (index, cell) in row.cells.enumerated() {
                let text = render(cell, in: appendix)
                cells.append(row.isAreaHeading && index == 0 ? "**\(text)**" : text)
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ cell: AppendixTable.Cell, in appendix: Appendix? = nil) -> String {
        switch cell {
        case .text(let text): return escape(text)
        case .signal(let level):
            guard let level else { return "Ej bedömd" }
            return escape(appendix?.mark(level).text ?? level.displayName)
        case .paragraphs(let paragraphs):
            return paragraphs.map { paragraph in
                switch paragraph {
                case .text(let text): escape(text)
                case .bullets(let items): items.map { "• " + escape($0) }.joined(separator: "<br>")
                }
            }.joined(separator: "<br><br>")
        }
    }

    /// Text safe inside a table cell or a line: see ``MarkdownText/inline(_:)``.
    static func escape(_ text: String) -> String { MarkdownText.inline(text.trimmingASCIIWhitespace()) }
}
