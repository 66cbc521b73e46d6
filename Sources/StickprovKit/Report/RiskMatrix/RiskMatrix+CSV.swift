extension RiskMatrix {
    /// The risks as CSV for Excel (UTF-8 with BOM, `;`): one row per risk with its number,
    /// probability, consequence, value, band and handling; the matrix's cells follow from the
    /// first two numbers.
    public func csv() -> [UInt8] {
        let header = ["Nr", "Identifierad risk", "Sannolikhet", "Konsekvens", "Riskvärde", "Nivå", "Hantering", "Hur"]
        let rows = entries.map { entry -> [String] in
            let numbers: [String] =
                entry.score.map { ["\($0.probability)", "\($0.consequence)", "\($0.value)"] } ?? ["", "", ""]
            let level: String = entry.level?.swedish ?? "Ej bedömd"
            return ["\(entry.number)", entry.text] + numbers + [level, entry.handlingLabel, entry.handlingDetail]
        }
        return CSVWriter().encode(header: header, rows: rows)
    }
}
