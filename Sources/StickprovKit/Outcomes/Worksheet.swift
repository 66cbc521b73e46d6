/// The sample list a reviewer fills in: one row per drawn item (then the spares), with
/// the draw's id and seed on every row and empty result columns to complete in Excel.
///
/// Every row carries the draw id and seed so that a sheet that was sorted, filtered
/// or split in Excel still says where it came from, and the import can check it.
public enum Worksheet {
    /// Column names of the fixed columns, in Swedish as the reviewer reads them.
    public enum Column {
        public static let draw = "Dragning"
        public static let seed = "Frö"
        public static let number = "Nr"
        public static let stratum = "Stratum"
        public static let result = "Resultat"
        public static let remarkKind = "Typ av anmärkning"
        public static let note = "Kommentar"
        public static let reviewer = "Granskad av"
        public static let date = "Datum"
        /// Amount-weighted draws: the amount as booked, which the draw used.
        public static let booked = "Bokfört belopp"
        /// Amount-weighted draws: the correct amount, filled in by the reviewer.
        public static let correct = "Rätt belopp"
    }

    /// The header and rows of a draw's worksheet; with `criteria`, one column per criterion
    /// (named as the criterion) before Resultat, which may then be left empty.
    public static func table(for record: DrawRecord, criteria: [String] = []) -> (header: [String], rows: [[String]]) {
        let isStratified = record.items.contains { $0.stratum != nil }
        let keyColumn = record.rule.keyColumn ?? "Nyckel"
        let carried = record.rule.carry
        var header = [Column.draw, Column.seed, Column.number]
        if isStratified { header.append(Column.stratum) }
        header.append(keyColumn)
        header += carried
        let byAmount = record.amounts != nil
        if byAmount { header += [Column.booked, Column.correct] }
        header += criteria
        header += [Column.result, Column.remarkKind, Column.note, Column.reviewer, Column.date]
        func row(_ item: DrawnItem, number: String) -> [String] {
            var cells = [record.id.rawValue, record.seed.text, number]
            if isStratified { cells.append(item.stratum ?? "") }
            cells.append(item.key)
            cells += carried.map { item.carried[$0] ?? "" }
            if byAmount { cells += [item.amount?.description ?? "", ""] }
            return cells + criteria.map { _ in "" } + ["", "", "", "", ""]
        }
        let rows = record.items.enumerated().map { row($1, number: "\($0 + 1)") }
            + record.spares.enumerated().map { row($1, number: "Reserv \($0 + 1)") }
        return (header, rows)
    }
}
