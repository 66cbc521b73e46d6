extension Rollup {
    /// The roll-up as CSV for Excel (UTF-8 with BOM, `;`): every committee's Bilaga 1 rows in one
    /// table with the committee first, so a pivot table gives the counts; a plan that could not
    /// be read is a row saying so, with its problems in the last column.
    public func csv() -> [UInt8] {
        var header = ["Nämnd"]
        var rows: [[String]] = []
        for entry in entries {
            switch entry {
            case .committee(let committee):
                let bytes = CSVRenderer.render(committee.appendix)
                guard let table = try? CSVTable.parse(bytes) else { continue }
                if header.count == 1 { header += table.header }
                rows += table.rows.map { [committee.appendix.committee] + $0.fields }
            case .failure:
                continue
            }
        }
        if header.count == 1 { header += ["Bedömning", "Resultat och åtgärder"] }
        for failure in failures {
            var row = [failure.folder] + Array(repeating: "", count: header.count - 1)
            row[header.count - 2] = "Kunde inte läsas"
            row[header.count - 1] = failure.messages.joined(separator: "\n")
            rows.append(row)
        }
        return CSVWriter().encode(header: header, rows: rows.map { row in
            row.count < header.count ? row + Array(repeating: "", count: header.count - row.count) : Array(row.prefix(header.count))
        })
    }
}
