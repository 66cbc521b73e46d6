/// A column of the appendix's table, with its Swedish heading and its share of the width.
///
/// The shares follow the committee's own appendix (about 12/13/8/9/7/51 % in the reference
/// layout, a little more for *Metod*'s "handläggning" than for the signal): the short columns get what their words need and *Resultat* the rest, so a year
/// fits on fewer pages. HTML and Word use the same shares.
enum AppendixColumn: Sendable, Hashable {
    case risk, what, followUp, cadence, method, signal, result, actions

    /// The share of the table's width the column asks for, in per cent; ``result`` takes
    /// what the others leave.
    var weight: Int {
        switch self {
        case .risk: 12
        case .what: 13
        case .followUp, .cadence: 8
        case .method: 9
        case .signal: 7
        case .actions: 18
        case .result: 0
        }
    }

    /// The widths of `columns` in per cent, adding up to 100: each column's weight, and the
    /// results column the rest (never less than 30 %, the others shrunk in proportion then).
    static func percentages(_ columns: [AppendixColumn]) -> [Double] {
        let fixed = columns.map(\.weight).reduce(0, +)
        let results = columns.filter { $0 == .result }.count
        let rest = Double(max(100 - fixed, results == 0 ? 0 : 30 * results))
        let raw = columns.map { $0 == .result ? rest / Double(results) : Double($0.weight) }
        let total = raw.reduce(0, +)
        return raw.map { $0 * 100 / total }
    }
}
