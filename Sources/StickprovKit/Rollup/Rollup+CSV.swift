extension Rollup {
    /// The roll-up as CSV for Excel (UTF-8 with BOM, `;`): every committee's Bilaga 1 rows in one
    /// table with the committee first, so a pivot table gives the counts; a plan that could not
    /// be read is a row saying so, with its problems in the last column.
    ///
    /// Committees' appendices may have different columns (a plan assessed per area says
    /// *Frekvens* and *Resultat*, one with a *Ansvarig* column has one more): the header is every
    /// column name in order of first appearance, and each row is placed by its own header's names.
    public func csv() -> [UInt8] {
        var names: [String] = []
        var tables: [(committee: String, table: CSVTable)] = []
        for entry in entries {
            guard case .committee(let committee) = entry,
                let table = try? CSVTable.parse(CSVRenderer.render(committee.appendix))
            else { continue }
            for name in table.header where !names.contains(name) { names.append(name) }
            tables.append((committee.appendix.committee, table))
        }
        if names.isEmpty { names = ["Bedömning", "Resultat och åtgärder"] }
        let header = ["Nämnd"] + names
        var rows: [[String]] = []
        for (committee, table) in tables {
            let positions = table.header.map { name in names.firstIndex(of: name).map { $0 + 1 } }
            for row in table.rows {
                var placed = [committee] + Array(repeating: "", count: names.count)
                for (field, position) in zip(row.fields, positions) {
                    if let position { placed[position] = field }
                }
                rows.append(placed)
            }
        }
        for failure in failures {
            var row = [failure.folder] + Array(repeating: "", count: names.count)
            row[header.count - 2] = "Kunde inte läsas"
            row[header.count - 1] = failure.messages.joined(separator: "\n")
            rows.append(row)
        }
        return CSVWriter().encode(header: header, rows: rows)
    }
}
