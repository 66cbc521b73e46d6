import StickprovKit

/// What `logcheck draw` and `logcheck extract` print.
enum LogCheckSummary {
    /// The draw: who (id, unit, manager), which week and its dates, what to do next.
    static func draw(_ record: DrawRecord, control: ControlPoint, officersPath: String) -> String {
        var lines: [String] = []
        lines.append("Draw \(record.id) for \(control.id): \(control.text)")
        lines.append("Seed: \(record.seed)" + (record.isSeedGenerated ? " (generated)" : ""))
        lines.append(
            "Officers: \(record.population.file), \(record.population.count) officers, fingerprint \(record.population.fingerprint)"
        )
        if let week = record.week { lines.append("Week: \(LogWindow(week: week))") }
        lines.append(
            "Drawn: \(record.items.count) of \(record.population.count) officers, in rank order (\(record.algorithm))")
        for notice in record.notices { lines.append("Note: \(notice)") }
        let header = [
            "Nr", record.rule.keyColumn ?? "Id", record.rule.unitColumn ?? "Unit",
            record.rule.managerColumn ?? "Manager",
        ]
        let rows = record.items.enumerated().map { index, item in
            [
                "\(index + 1).", item.key, record.rule.unitColumn.flatMap { item.carried[$0] } ?? "",
                record.rule.managerColumn.flatMap { item.carried[$0] } ?? "",
            ]
        }
        lines += table([header] + rows)
        lines.append("Next: stickprov logcheck extract \(record.id) --log EXPORT.csv --out DIR [--by manager]")
        lines.append("Then, per officer: stickprov record \(record.id) OFFICER --ok (authorised) or --remark KIND")
        lines.append("Re-perform: " + DrawSummary.reperform(record, populationPath: officersPath))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The extract: per officer the rows found, first and last time and file; officers without rows.
    static func extract(_ report: LogExtractReport, draw: DrawRecord, exportPath: String, out: String) -> String {
        var lines: [String] = []
        lines.append("Extract of \(draw.id) from \(exportPath): week \(report.window)")
        let encoding: String
        switch report.encoding {
        case .utf8: encoding = "UTF-8"
        case .utf8WithBOM: encoding = "UTF-8 with BOM"
        case .windows1252: encoding = "Windows-1252"
        }
        let delimiter = report.delimiter == .tab ? "tab" : "'\(report.delimiter.character)'"
        lines.append("Read \(report.rowCount) rows (\(megabytes(report.byteCount)) MB, \(encoding), \(delimiter)).")
        var header = [draw.rule.keyColumn ?? "Id"]
        if draw.rule.unitColumn != nil { header.append(draw.rule.unitColumn ?? "") }
        if draw.rule.managerColumn != nil { header.append(draw.rule.managerColumn ?? "") }
        header += ["Rows", "First", "Last", "File"]
        var rows = [header]
        for officer in report.officers {
            var row = [officer.key]
            if draw.rule.unitColumn != nil { row.append(officer.unit ?? "") }
            if draw.rule.managerColumn != nil { row.append(officer.manager ?? "") }
            row += [
                "\(officer.rows)", officer.first?.description ?? "-", officer.last?.description ?? "-",
                officer.file.map(fileName) ?? "-",
            ]
            rows.append(row)
        }
        lines += table(rows)
        let missing = report.officersWithoutRows
        if !missing.isEmpty {
            lines.append(
                "No rows in the week for \(missing.count) of \(report.officers.count) officers: "
                    + missing.map(\.key).joined(separator: ", ") + " (a finding in itself: ask their managers).")
        }
        if report.anomalyCount > 0 {
            let listed = report.anomalies.count
            lines.append(
                "\(report.anomalyCount) \(report.anomalyCount == 1 ? "anomaly" : "anomalies") in the export"
                    + (listed == 0
                        ? ""
                        : listed == report.anomalyCount
                            ? " (listed on standard error)" : " (the first \(listed) listed on standard error)")
                    + "; rows with the wrong number of fields or an unreadable time are not in the extract.")
        }
        if !report.removedFiles.isEmpty {
            lines.append(
                "Removed from an earlier extract (no rows now): "
                    + report.removedFiles.map(fileName).joined(separator: ", ") + ".")
        }
        let count = report.files.count
        lines.append("Wrote \(count) \(count == 1 ? "file" : "files") to \(out) (readable only by you).")
        lines.append("Record each answer: stickprov record \(draw.id) OFFICER --ok (authorised) or --remark KIND")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Rows as left-aligned columns two spaces apart, indented two.
    static func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            var line = "  "
            for (column, cell) in row.enumerated() {
                let isLast = column == row.count - 1
                line += isLast ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }
            return line
        }
    }
}
