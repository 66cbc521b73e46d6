/// The appendix's sentences for a control point whose items are reviewed against a checklist:
/// per criterion the share of items where it was fulfilled over the period, per stratum when the
/// draws are stratified, and per draw's period when there are several — the figures of
/// ``CriterionShares``, which `status` prints too.
extension Narrative {
    /// The paragraphs for a control point with criteria (none without, or before any result).
    static func criteria(_ context: Context, draws: [DrawRecord]) -> [Paragraph] {
        guard let shares = CriterionShares.of(criteria: context.control.criteria, draws: draws, in: context.state)
        else { return [] }
        let noun = context.itemNoun
        let lead = "Andel \(noun.plural) där kriteriet var uppfyllt \(context.periodPhrase):"
        var bullets: [String] = []
        for figure in shares.figures {
            let total = figure.total
            var line = "\(figure.criterion): "
            if let share = figure.share {
                if figure.isWeighted {
                    line +=
                        "\(wholePercent(share)), vägt efter gruppernas storlek (uppfyllt i \(total.fulfilled) av \(total.assessed) \(noun.plural))"
                } else {
                    line += "\(wholePercent(share)) (\(total.fulfilled) av \(total.assessed) \(noun.plural))"
                }
                if !figure.strata.isEmpty {
                    line +=
                        "; per grupp: "
                        + figure.strata.map {
                            "\($0.name) \(wholePercent($0.share)) (\($0.counts.fulfilled) av \($0.counts.assessed))"
                        }.joined(separator: ", ")
                }
                if !figure.periods.isEmpty {
                    line +=
                        "; per period: "
                        + figure.periods.map { "\(periodLabel($0.name)) \(wholePercent($0.share))" }.joined(
                            separator: ", ")
                }
            } else {
                line += "ännu inte bedömt"
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

    /// "90 procent", rounded to whole percent (half up).
    static func wholePercent(_ share: Double) -> String {
        "\(Int((share * 100).rounded(.toNearestOrAwayFromZero))) procent"
    }

    /// A draw's period in words: "första halvåret" for H1, "andra tertialet" for T2, "tredje
    /// kvartalet" for Q3, "mars" for a month, "15 februari" for a day, else the period as written.
    static func periodLabel(_ draw: DrawRecord) -> String { periodLabel(draw.period) }

    /// A period as written (`2023-H1`) in words, as for a draw above.
    static func periodLabel(_ period: String) -> String {
        if let day = Day(period) { return SwedishText.dayAndMonth(day) }
        if let month = Month(period) { return SwedishText.monthNames[month.month - 1] }
        if let part = YearPart(period) { return part.words }
        return period
    }
}
