extension Rollup {
    /// The roll-up as Markdown: an overview table (committee, units per signal, unassessed),
    /// then per committee its summary sentence, counts and Bilaga 1 table, each plan that could not
    /// be read with its problems, and the municipality's totals.
    public func markdown() -> String {
        let (totalCounts, totalUnassessed) = totals
        var lines = ["# \(MarkdownText.inline(title))", ""]
        let header = ["Nämnd"] + totalCounts.map { MarkdownText.inline($0.mark.text) } + ["Ej bedömda", "Totalt"]
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: " --- |", count: header.count))
        for entry in entries {
            switch entry {
            case .committee(let committee):
                let cells = totalCounts.map { total in String(committee.count(of: total.mark.word)) }
                let row =
                    [MarkdownText.inline(committee.appendix.committee)] + cells + [
                        "\(committee.unassessed)", "\(committee.total)",
                    ]
                lines.append("| " + row.joined(separator: " | ") + " |")
            case .failure(let failure):
                let row =
                    [MarkdownText.inline(failure.folder), "Kunde inte läsas"]
                    + Array(repeating: "", count: header.count - 2)
                lines.append("| " + row.joined(separator: " | ") + " |")
            }
        }
        let units = committees.reduce(0) { $0 + $1.total }
        lines.append(
            "| "
                + (["**Totalt**"] + totalCounts.map { "**\($0.count)**" } + ["**\(totalUnassessed)**", "**\(units)**"])
                .joined(separator: " | ") + " |")
        lines.append("")
        for entry in entries {
            switch entry {
            case .committee(let committee):
                lines += ["## \(MarkdownText.inline(committee.appendix.committee))", ""]
                if let adoption = committee.appendix.adoption { lines += [MarkdownText.block(adoption), ""] }
                lines += [MarkdownText.block(committee.appendix.summary), ""]
                lines.append(
                    committee.counts.map { "\(MarkdownText.inline($0.mark.text)): \($0.count)" }.joined(
                        separator: " · ")
                        + (committee.unassessed > 0 ? " · Ej bedömda: \(committee.unassessed)" : ""))
                lines.append("")
                // Bilaga 1's own table, without its title (this section's heading names the committee).
                let table = MarkdownRenderer.render(committee.appendix, options: ReportOptions(isTableOnly: true))
                lines += table.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("|") }.map(
                    String.init)
            case .failure(let failure):
                lines += ["## \(MarkdownText.inline(failure.folder)): kunde inte läsas", ""]
                lines += failure.messages.map { "- " + MarkdownText.inline($0) }
                lines.append("")
            }
        }
        lines += ["## Kommunen totalt", "", MarkdownText.block(totalsSentence)]
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Rollup.Committee {
    /// How many units have the level with this word ("Grön"), 0 when the scale has none.
    func count(of word: String) -> Int {
        counts.first { $0.mark.word.lowercased() == word.lowercased() }?.count ?? 0
    }
}
