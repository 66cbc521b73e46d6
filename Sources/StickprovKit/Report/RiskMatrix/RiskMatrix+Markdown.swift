extension RiskMatrix {
    /// The matrix as Markdown: title, committee, the sentences, the 4×4 grid (probability 4 at the
    /// top, consequence 1–4 from the left) with coloured squares and the risks' numbers, the legend,
    /// and the list of risks with what became of each.
    public func markdown() -> String {
        let escape = MarkdownRenderer.escape
        var lines = ["# \(MarkdownText.inline(title))", "", MarkdownText.block(committee), ""]
        if !summary.isEmpty { lines += [MarkdownText.block(summary), ""] }
        lines.append("| Sannolikhet ↓ · Konsekvens → | 1 | 2 | 3 | 4 |")
        lines.append("| --- | --- | --- | --- | --- |")
        for probability in stride(from: 4, through: 1, by: -1) {
            var cells = ["**\(probability)**"]
            for consequence in 1...4 {
                let numbers = self.numbers(probability: probability, consequence: consequence)
                let level = RiskLevel(value: probability * consequence)
                cells.append(([level.emoji] + numbers.map(String.init)).joined(separator: " "))
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        lines += [
            "",
            "Riskvärde = sannolikhet × konsekvens: "
                + RiskLevel.allCases.map { "\($0.emoji) \($0.range) \($0.swedish)" }.joined(separator: " · ") + ".", "",
        ]
        lines.append("| Nr | Identifierad risk | Sannolikhet | Konsekvens | Riskvärde | Hantering | Hur |")
        lines.append("| --- | --- | --- | --- | --- | --- | --- |")
        for entry in entries {
            let value = entry.score.map { "\($0.value) (\(RiskLevel(value: $0.value).swedish))" } ?? "Ej bedömd"
            let cells = [
                "\(entry.number)", escape(entry.text), entry.score.map { "\($0.probability)" } ?? "–",
                entry.score.map { "\($0.consequence)" } ?? "–", value, entry.handlingLabel,
                escape(entry.handlingDetail),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
