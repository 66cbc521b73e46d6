/// The appendix's sentences for a control point whose items are reviewed against a checklist:
/// per criterion the share of items where it was fulfilled over the period, per stratum when the
/// draws are stratified, and per draw's period when there are several.
///
/// The share counts the items where the criterion was assessed (uppfyllt or anmärkning); those
/// where it did not apply or could not be reviewed are named apart. With strata of known size,
/// every figure that spans strata or periods is weighted by the population each stands for
/// (Σ N·p / Σ N), since the strata are drawn at different rates and a pooled count would
/// estimate nothing.
extension Narrative {
    /// Counts for one criterion in one cell (one stratum of one draw, or a whole draw).
    struct CriterionCell: Equatable {
        var fulfilled = 0
        var remarks = 0
        var notApplicable = 0
        var notReviewed = 0
        var reasons: [String] = []
        /// The population the cell stands for, when the draw recorded it.
        var weight: Int?

        var assessed: Int { fulfilled + remarks }
    }

    /// The paragraphs for a control point with criteria (none without, or before any result).
    static func criteria(_ context: Context, draws: [DrawRecord]) -> [Paragraph] {
        let names = context.control.criteria
        guard !names.isEmpty else { return [] }
        let cells = criterionCells(draws, names: names, state: context.state)
        guard cells.contains(where: { !$0.results.isEmpty }) else { return [] }
        let noun = context.itemNoun
        let isStratified = draws.contains { $0.items.contains { $0.stratum != nil } }
        let lead = "Andel \(noun.plural) där kriteriet var uppfyllt \(context.periodPhrase):"
        var bullets: [String] = []
        for name in names {
            let all = cells.compactMap { cell in cell.results[name].map { (cell.draw, cell.stratum, $0) } }
            let total = all.map(\.2).reduce(into: CriterionCell(), add)
            var line = "\(name): "
            if total.assessed == 0 {
                line += "ännu inte bedömt"
            } else {
                let weighted = isStratified ? weightedShare(all.map(\.2)) : nil
                if let weighted {
                    line += "\(wholePercent(weighted)), vägt efter gruppernas storlek (uppfyllt i \(total.fulfilled) av \(total.assessed) \(noun.plural))"
                } else {
                    line += "\(wholePercent(Double(total.fulfilled) / Double(total.assessed))) (\(total.fulfilled) av \(total.assessed) \(noun.plural))"
                }
                if isStratified {
                    var strata: [String] = []
                    for stratum in all.compactMap(\.1).reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
                        let parts = all.filter { $0.1 == stratum }.map(\.2)
                        let sum = parts.reduce(into: CriterionCell(), add)
                        guard sum.assessed > 0 else { continue }
                        let share = weightedShare(parts) ?? Double(sum.fulfilled) / Double(sum.assessed)
                        strata.append("\(stratum) \(wholePercent(share)) (\(sum.fulfilled) av \(sum.assessed))")
                    }
                    if !strata.isEmpty { line += "; per grupp: " + strata.joined(separator: ", ") }
                }
                let drawIDs = all.map(\.0.id).reduce(into: [DrawID]()) { if !$0.contains($1) { $0.append($1) } }
                if drawIDs.count > 1 {
                    var periods: [String] = []
                    for id in drawIDs {
                        let parts = all.filter { $0.0.id == id }
                        let sum = parts.map(\.2).reduce(into: CriterionCell(), add)
                        guard let draw = parts.first?.0, sum.assessed > 0 else { continue }
                        let share = (isStratified ? weightedShare(parts.map(\.2)) : nil) ?? Double(sum.fulfilled) / Double(sum.assessed)
                        periods.append("\(periodLabel(draw)) \(wholePercent(share))")
                    }
                    if !periods.isEmpty { line += "; per period: " + periods.joined(separator: ", ") }
                }
            }
            line += "."
            if total.notApplicable > 0 { line += " Ej tillämpligt i \(count(total.notApplicable, noun))." }
            if total.notReviewed > 0 {
                line += " Ej granskat i \(count(total.notReviewed, noun))"
                line += total.reasons.isEmpty ? "." : " (\(total.reasons.joined(separator: "; ")))."
            }
            bullets.append(line)
        }
        return [.text(lead), .bullets(bullets)]
    }

    /// Per draw and stratum (one cell per draw when not stratified), each criterion's counts.
    static func criterionCells(_ draws: [DrawRecord], names: [String], state: YearState)
        -> [(draw: DrawRecord, stratum: String?, results: [String: CriterionCell])]
    {
        var cells: [(draw: DrawRecord, stratum: String?, results: [String: CriterionCell])] = []
        for draw in draws {
            let strata = (draw.items + draw.spares).map(\.stratum).reduce(into: [String?]()) { if !$0.contains($1) { $0.append($1) } }
            for stratum in strata {
                var results: [String: CriterionCell] = [:]
                for item in (draw.items + draw.spares) where item.stratum == stratum {
                    guard let record = state.outcome(of: draw, item.key)?.record else { continue }
                    for result in record.criteria ?? [] where names.contains(result.criterion) {
                        var cell = results[result.criterion] ?? CriterionCell(weight: stratum.flatMap { draw.population.strata?[$0] })
                        switch result.verdict {
                        case .fulfilled: cell.fulfilled += 1
                        case .remark: cell.remarks += 1
                        case .notApplicable: cell.notApplicable += 1
                        case .notReviewed:
                            cell.notReviewed += 1
                            if let reason = result.reason, !cell.reasons.contains(reason) { cell.reasons.append(reason) }
                        }
                        results[result.criterion] = cell
                    }
                }
                cells.append((draw, stratum, results))
            }
        }
        return cells
    }

    static func add(_ sum: inout CriterionCell, _ cell: CriterionCell) {
        sum.fulfilled += cell.fulfilled
        sum.remarks += cell.remarks
        sum.notApplicable += cell.notApplicable
        sum.notReviewed += cell.notReviewed
        for reason in cell.reasons where !sum.reasons.contains(reason) { sum.reasons.append(reason) }
    }

    /// Σ N·p / Σ N over the cells where the criterion was assessed; `nil` when a cell's N is unknown.
    static func weightedShare(_ cells: [CriterionCell]) -> Double? {
        let assessed = cells.filter { $0.assessed > 0 }
        guard !assessed.isEmpty else { return nil }
        var numerator = 0.0
        var denominator = 0.0
        for cell in assessed {
            guard let weight = cell.weight, weight > 0 else { return nil }
            numerator += Double(weight) * Double(cell.fulfilled) / Double(cell.assessed)
            denominator += Double(weight)
        }
        return numerator / denominator
    }

    /// "90 procent", rounded to whole percent (half up).
    static func wholePercent(_ share: Double) -> String {
        "\(Int((share * 100).rounded(.toNearestOrAwayFromZero))) procent"
    }

    /// A draw's period in words: "första halvåret" for H1, "andra tertialet" for T2, "tredje
    /// kvartalet" for Q3, "mars" for a month, "15 februari" for a day, else the period as written.
    static func periodLabel(_ draw: DrawRecord) -> String {
        if let day = Day(draw.period) { return SwedishText.dayAndMonth(day) }
        if let month = Month(draw.period) { return SwedishText.monthNames[month.month - 1] }
        let last = draw.period.split(whereSeparator: { $0 == "-" || $0 == " " }).last.map { $0.uppercased() } ?? ""
        let ordinals = ["första", "andra", "tredje", "fjärde"]
        if last.count == 2, let digit = last.last?.wholeNumberValue, (1...4).contains(digit) {
            switch last.first {
            case "H" where digit <= 2: return "\(ordinals[digit - 1]) halvåret"
            case "T" where digit <= 3: return "\(ordinals[digit - 1]) tertialet"
            case "Q", "K": return "\(ordinals[digit - 1]) kvartalet"
            default: break
            }
        }
        return draw.period
    }
}
