extension ProviderAppendix {
    /// Bilaga 2 as CSV for Excel (UTF-8 with BOM, `;`): one row per contract with the appendix's
    /// columns, then, if there is one, a row whose first cell is "Kommentar" and second the comment.
    public func csv() -> [UInt8] {
        var table = rows.map { row in
            [row.contract, row.followedUp, row.answer, row.shortcomings, row.impact, row.actions]
        }
        if !comment.isEmpty {
            let text = CSVRenderer.text(.paragraphs(comment))
            table.append(["Kommentar", text, "", "", "", ""])
        }
        return CSVWriter().encode(header: Self.columns, rows: table)
    }
}
