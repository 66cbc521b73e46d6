/// What the reviewed items of amount-weighted draws say about the population's amounts: the
/// misstatement recorded per item, the estimate of SPEC.md §14, and the sentence the status
/// listing and the appendix print.
public enum AmountFindings {
    /// Booked minus correct for one item of an amount-weighted draw (what the record keeps).
    /// - Throws: ``RecordError/notDrawnByAmount(_:)`` when the draw did not draw by amount,
    ///   ``RecordError/unknownItem(_:draw:)`` for a key it does not hold.
    public static func misstatement(correct: Amount, key: String, in draw: DrawRecord) throws(RecordError) -> Amount {
        guard draw.amounts != nil else { throw .notDrawnByAmount(draw.id) }
        let key = Population.normalise(key)
        guard let booked = draw.items.first(where: { $0.key == key })?.amount else {
            throw .unknownItem(key, draw: draw.id)
        }
        return Amount(ore: booked.ore - correct.ore)
    }

    /// The figures of one amount-weighted draw as far as it is reviewed.
    public struct Summary: Sendable, Hashable {
        /// Items reviewed (ok or remark).
        public var reviewed: Int
        /// Their booked amounts together.
        public var reviewedAmount: Amount
        /// Reviewed items with a misstatement other than zero.
        public var misstated: Int
        /// The projection and upper limit over the population.
        public var estimate: AmountEstimate
    }

    /// The summary of an amount-weighted draw; `nil` for other draws or before any item is reviewed.
    public static func summary(of draw: DrawRecord, in state: YearState) -> Summary? {
        guard let amounts = draw.amounts else { return nil }
        var findings: [AmountEstimate.Finding] = []
        var reviewedOre: Int64 = 0
        for item in draw.items {
            guard let outcome = state.outcome(of: draw, item.key)?.record, outcome.result.isAssessed,
                let booked = item.amount
            else { continue }
            reviewedOre += booked.ore
            findings.append(
                .init(booked: booked, misstatement: outcome.misstatement ?? Amount(ore: 0), isCertain: item.isCertain))
        }
        guard !findings.isEmpty else { return nil }
        return Summary(
            reviewed: findings.count, reviewedAmount: Amount(ore: reviewedOre),
            misstated: findings.filter { $0.misstatement.ore != 0 }.count,
            estimate: AmountEstimate(findings: findings, threshold: amounts.threshold))
    }

    /// "Av 60 utbetalningar om totalt 1,2 mnkr fanns fel i två. Beräknat fel i hela populationen
    /// 48 000 kr, med 95 procents säkerhet högst 310 000 kr."
    public static func swedishSentence(_ summary: Summary, noun: Noun) -> String {
        let errors: String
        switch summary.misstated {
        case 0: errors = "fanns inga fel"
        case let count:
            errors = "fanns fel i \(noun.isNeuter ? SwedishNumber.neuterWord(count) : SwedishNumber.word(count))"
        }
        return
            "Av \(summary.reviewed) \(noun.form(for: summary.reviewed)) om totalt \(money(Double(summary.reviewedAmount.ore))) \(errors). "
            + "Beräknat fel i hela populationen \(money(summary.estimate.projectedOre)), "
            + "med 95 procents säkerhet högst \(money(summary.estimate.upperLimitOre, roundingUp: true))."
    }

    /// Money as a Swedish report writes it: `1,2 mnkr` from a million, `48 000 kr` rounded to
    /// thousands from ten thousand (upper limits rounded up), else whole kronor.
    public static func money(_ ore: Double, roundingUp: Bool = false) -> String {
        let kronor = ore / 100
        if abs(kronor) >= 1_000_000 {
            let millions = kronor / 1_000_000
            let shown = roundingUp ? (millions * 10).rounded(.up) / 10 : millions
            return SwedishNumber.decimal(shown, decimals: 1) + " mnkr"
        }
        let rounded: Double
        if abs(kronor) >= 10_000 {
            rounded = (roundingUp ? (kronor / 1000).rounded(.up) : (kronor / 1000).rounded()) * 1000
        } else {
            rounded = roundingUp ? kronor.rounded(.up) : kronor.rounded()
        }
        return Amount(ore: Int64(rounded) * 100).roundedKronor + " kr"
    }
}
