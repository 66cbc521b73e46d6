/// A column of the appendix's table, with its Swedish heading and its share of the width.
///
/// The shares follow the committee's own appendix (about 12/13/8/9/7/51 % in the reference
/// layout, a little more for *Metod*'s "handläggning" than for the signal): the short columns get what their words need and *Resultat* the rest, so a year
/// fits on fewer pages. HTML and Word use the same shares.
enum AppendixColumn: Sendable, Hashable {
    case risk, id, what, followUp, cadence, method, responsible, signal, result, actions

    /// The column's heading in the appendix.
    func heading(in layout: ReportLayout) -> String {
        switch self {
        case .risk: "Identifierad risk"
        case .id: "Id"
        case .what: "Vad kontrolleras?"
        case .followUp: "Frekvens uppföljning"
        case .cadence: layout == .areas ? "Frekvens" : "Periodicitet"
        case .method: "Metod"
        case .responsible: "Uppföljningsansvarig"
        case .signal: "Bedömning"
        case .result: layout == .areas ? "Resultat" : "Resultat och åtgärder"
        case .actions: "Åtgärd"
        }
    }

    /// The share of the table's width the column asks for, in per cent; ``result`` takes
    /// what the others leave.
    var weight: Int {
        switch self {
        case .risk: 12
        case .id: 5
        case .responsible: 10
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
        let fixed = Double(columns.map(\.weight).reduce(0, +))
        let results = Double(columns.filter { $0 == .result }.count)
        guard results > 0, fixed > 0 else {
            return columns.map { fixed > 0 ? Double($0.weight) * 100 / fixed : 100 / Double(columns.count) }
        }
        let rest = max(100 - fixed, 30 * results)
        let scale = (100 - rest) / fixed
        return columns.map { $0 == .result ? rest / results : Double($0.weight) * scale }
    }
}
