import StickprovKit

/// What `draw` prints: the draw's identity, the items, and how to re-perform it.
enum DrawSummary {
    static func render(_ record: DrawRecord, controls: [ControlPoint], worksheet: String, populationPath: String)
        -> String
    {
        var lines: [String] = []
        if controls.count == 1, let control = controls.first {
            lines.append("Draw \(record.id) for \(control.id): \(control.text)")
        } else {
            lines.append(
                "Draw \(record.id) for \(controls.map(\.id.rawValue).joined(separator: ", ")): one sample, a result per control point"
            )
            for control in controls { lines.append("  \(control.id): \(control.text)") }
        }
        lines.append("Seed: \(record.seed)" + (record.isSeedGenerated ? " (generated)" : ""))
        lines.append(
            "Population: \(record.population.file), \(record.population.count) items, fingerprint \(record.population.fingerprint)"
        )
        if let file = record.population.fileDigest {
            lines.append("Population file: \(file.size) bytes, sha256 \(file.sha256) (check with sha256sum)")
        }
        if let week = record.week {
            lines.append("Week: \(LogWindow(week: week))")
        }
        if let amounts = record.amounts {
            lines.append(
                "Amounts: \(amounts.column), \(amounts.drawable.count) items of more than 0 kr, together \(amounts.drawable.sum) kr"
            )
            if let certainFrom = amounts.certainFrom {
                lines.append(
                    "Certain: \(amounts.certain.count) items of \(certainFrom) kr or more, together \(amounts.certain.sum) kr, listed first"
                )
            }
            lines.append(
                "Sample: \(record.items.count) items, \(record.items.count - amounts.certain.count) drawn by amount from \(amounts.rest.count) (together \(amounts.rest.sum) kr), in priority order (\(record.algorithm))"
            )
            if let threshold = amounts.threshold { lines.append("Threshold: \(threshold.formula)") }
        } else {
            lines.append(
                "Sample: \(record.items.count) of \(record.population.count) items, in rank order (\(record.algorithm))"
            )
        }
        for notice in record.notices { lines.append("Note: \(notice)") }
        for (index, item) in record.items.enumerated() {
            lines.append("  \(index + 1). " + describe(item, columns: shownColumns(record.rule)))
        }
        for (index, item) in record.spares.enumerated() {
            lines.append("  Reserv \(index + 1). " + describe(item, columns: record.rule.carry))
        }
        lines.append("Worksheet: \(worksheet)")
        lines.append("Re-perform: " + reperform(record, populationPath: populationPath))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The carried columns a summary shows: the rule's, and a log check's unit and manager.
    static func shownColumns(_ rule: SampleRule) -> [String] {
        var columns = rule.carry
        for column in [rule.unitColumn, rule.managerColumn].compactMap({ $0 }) where !columns.contains(column) {
            columns.append(column)
        }
        return columns
    }

    static func describe(_ item: DrawnItem, columns: [String]) -> String {
        let carried = columns.compactMap { item.carried[$0] }.filter { !$0.isEmpty }
        var text = (item.stratum.map { "[\($0)] " } ?? "") + (item.isCertain ? "[säker] " : "") + item.key
        if let amount = item.amount { text += " \(amount) kr" }
        if !carried.isEmpty { text += " (" + carried.joined(separator: ", ") + ")" }
        return text
    }

    /// The `stickprov sample` command that reproduces the draw's items.
    static func reperform(_ record: DrawRecord, populationPath: String) -> String {
        var words = ["stickprov", "sample", quote(populationPath), "--key", quote(record.rule.keyColumn ?? "")]
        switch record.rule.size {
        case .count(let count):
            words += ["--seed", quote(record.seed.text)]
            if let amounts = record.amounts {
                words += ["--amount", quote(amounts.column)]
                if let certainFrom = amounts.certainFrom {
                    words += ["--certain-from", quote(certainFrom.description)]
                }
            }
            words += ["--size", "\(count)"]
        case .percent(let percent): words += ["--seed", quote(record.seed.text), "--percent", "\(percent)"]
        case .logCheck(let users): words += ["--seed", quote(record.seed.subseed("users").text), "--size", "\(users)"]
        case .strata(let rules):
            words += ["--seed", quote(record.seed.text), "--stratum", quote(record.rule.stratumColumn ?? "")]
            words += rules.flatMap { ["--rule", quote($0.token)] }
        }
        var line = words.joined(separator: " ")
        // A log check's week is drawn too: the same line re-performs it, whichever command drew it.
        if case .logCheck = record.rule.size, let month = Month(record.period) {
            line += "; stickprov sample --week --seed \(quote(record.seed.text)) --month \(month)"
        }
        return line
    }

    /// Quotes a word for a POSIX shell when it needs it.
    static func quote(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=%,".contains($0) }
        if safe && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
