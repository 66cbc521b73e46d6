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

    /// The result columns of one control point: its criteria, Resultat, Typ av anmärkning and
    /// Kommentar. A draw of one control point has one group with no ``control``; a shared draw one
    /// per control point, each column named with the point's id ("Resultat (K14)").
    public struct ResultGroup: Sendable, Equatable {
        /// The control point, on a shared draw's worksheet.
        public var control: ControlID?
        /// The control point's checklist (one column per criterion).
        public var criteria: [String]

        /// Creates a group.
        public init(control: ControlID? = nil, criteria: [String] = []) {
            self.control = control
            self.criteria = criteria
        }

        /// A column's name in this group: `base` itself, or "base (K14)" on a shared draw's sheet.
        public func column(_ base: String) -> String { control.map { "\(base) (\($0))" } ?? base }

        /// The group's columns in sheet order.
        public var columns: [String] {
            criteria.map(column) + [Column.result, Column.remarkKind, Column.note].map(column)
        }
    }

    /// The result groups of a draw's worksheet: one per control point of a shared draw, else one.
    /// - Parameter controls: the plan's control points (those of the draw are looked up by id).
    public static func groups(for record: DrawRecord, controls: [ControlPoint]) -> [ResultGroup] {
        func criteria(_ id: ControlID) -> [String] { controls.first { $0.id == id }?.criteria ?? [] }
        guard record.isShared else { return [ResultGroup(criteria: criteria(record.control))] }
        return record.controls.map { ResultGroup(control: $0, criteria: criteria($0)) }
    }

    /// The header and rows of a draw's worksheet; with `criteria`, one column per criterion
    /// (named as the criterion) before Resultat, which may then be left empty.
    public static func table(for record: DrawRecord, criteria: [String] = []) -> (header: [String], rows: [[String]]) {
        table(for: record, groups: [ResultGroup(criteria: criteria)])
    }

    /// The header and rows of a draw's worksheet with one result group per control point
    /// (see ``groups(for:controls:)``), then Granskad av and Datum, which the points share.
    public static func table(for record: DrawRecord, groups: [ResultGroup]) -> (header: [String], rows: [[String]]) {
        let isStratified = record.items.contains { $0.stratum != nil }
        let keyColumn = record.rule.keyColumn ?? "Nyckel"
        let carried = record.rule.carry
        var header = [Column.draw, Column.seed, Column.number]
        if isStratified { header.append(Column.stratum) }
        header.append(keyColumn)
        header += carried
        let byAmount = record.amounts != nil
        if byAmount { header += [Column.booked, Column.correct] }
        let resultColumns = groups.flatMap(\.columns) + [Column.reviewer, Column.date]
        header += resultColumns
        func row(_ item: DrawnItem, number: String) -> [String] {
            var cells = [record.id.rawValue, record.seed.text, number]
            if isStratified { cells.append(item.stratum ?? "") }
            cells.append(item.key)
            cells += carried.map { item.carried[$0] ?? "" }
            if byAmount { cells += [item.amount?.description ?? "", ""] }
            return cells + resultColumns.map { _ in "" }
        }
        let rows =
            record.items.enumerated().map { row($1, number: "\($0 + 1)") }
            + record.spares.enumerated().map { row($1, number: "Reserv \($0 + 1)") }
        return (header, rows)
    }
}
