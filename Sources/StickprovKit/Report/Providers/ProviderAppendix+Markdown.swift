extension ProviderAppendix {
    /// Bilaga 2 as Markdown: title, committee, summary, the table, and the comment under its heading.
    public func markdown() -> String {
        var lines = [
            "# \(MarkdownText.inline(title))", "", MarkdownText.block(committee), "", MarkdownText.block(summary), "",
        ]
        lines.append("| " + Self.columns.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: " --- |", count: Self.columns.count))
        for row in rows {
            let cells = [row.contract, row.followedUp, row.answer, row.shortcomings, row.impact, row.actions]
            lines.append("| " + cells.map(Self.markdownCell).joined(separator: " | ") + " |")
        }
        if !comment.isEmpty {
            lines += ["", "## Kommentar till uppföljningen", ""]
            for paragraph in comment {
                switch paragraph {
                case .text(let text): lines += [MarkdownText.block(text), ""]
                case .bullets(let items): lines += items.map { "- " + MarkdownText.inline($0) } + [""]
                }
            }
            lines.removeLast()
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell's text: paragraphs kept apart by `<br><br>`, bullets by `<br>`, escaped as Bilaga 1's cells are.
    static func markdownCell(_ text: String) -> String {
        MarkdownRenderer.render(.paragraphs(Paragraph.parse(text)))
    }
}
