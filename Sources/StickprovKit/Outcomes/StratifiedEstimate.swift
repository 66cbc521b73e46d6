import Foundation

/// The remark rate of a stratified review, as an estimate for the whole population: each
/// stratum's plain rate p_h weighted by its size N_h (Σ N_h·p_h / N), never the pooled count,
/// which over strata drawn at 5–25 % estimates nothing. Several draws (one per period) are
/// strata too: each period's stratum weighs by its own population. Items the control point does
/// not apply to (*ej tillämpligt*) are in no rate, and each stratum weighs by the part of it the
/// point applies to, so a point that applied to a few items of a large stratum does not give
/// that stratum's clean rate the weight of the whole stratum.
///
/// The upper bound is the Korn–Graubard one: a Clopper–Pearson bound at the effective sample size
/// n* = p(1−p)/V (at most n), where V = Σ (N_h/N)² (1 − n_h/N_h) p_h(1−p_h)/(n_h − 1).
public struct StratifiedEstimate: Sendable, Equatable {
    /// One stratum of one draw.
    public struct Stratum: Sendable, Equatable {
        /// The stratum's name, e.g. "SoL hemtjänst".
        public let name: String
        /// The draw it belongs to.
        public let draw: DrawID
        /// N_h: the items of the stratum in the population drawn from.
        public let population: Int
        /// n_h: the items reviewed (ok or remark).
        public let reviewed: Int
        /// The reviewed items with a remark.
        public let remarks: Int
        /// The places the control point does not apply to.
        public var notApplicable = 0
        /// The places with no result yet, or only not reviewed.
        public var open = 0

        /// p_h, the plain remark rate of the stratum; `nil` with nothing reviewed.
        public var rate: Double? { reviewed > 0 ? Double(remarks) / Double(reviewed) : nil }

        /// The part of N_h the control point applies to, as the sample estimates it: N_h times the
        /// share of the places with a finding where it applied (N_h when it applied everywhere).
        public var applicablePopulation: Double {
            reviewed + notApplicable > 0
                ? Double(population) * Double(reviewed) / Double(reviewed + notApplicable) : Double(population)
        }

        /// Whether the control point applied to nothing of the stratum drawn: every place is not applicable.
        public var isOutside: Bool { reviewed == 0 && open == 0 && notApplicable > 0 }
    }

    /// Every stratum of every draw, in draw order and the order items were drawn.
    public let strata: [Stratum]
    /// Σ N_h·p_h / N over the strata with something reviewed, N_h the part of the stratum the
    /// control point applies to (``Stratum/applicablePopulation``).
    public let rate: Double
    /// The one-sided 95 % upper bound for the rate.
    public let upperBound95: Double
    /// The population the rate is for: Σ N_h over the strata with something reviewed.
    public let population: Int
    /// The part of ``population`` the control point applies to, as the sample estimates it.
    public let applicablePopulation: Double
    /// Whether some stratum the control point may apply to has nothing reviewed yet, so the rate
    /// leaves it out (a stratum it applied to nowhere is not left out: it is outside the point).
    public let leavesOutStrata: Bool

    /// The strata the rate is made of: something reviewed, of known size.
    public var contributing: [Stratum] { strata.filter { $0.reviewed > 0 && $0.population > 0 } }

    /// The estimate for stratified draws; `nil` when a draw is not stratified (no stratum sizes
    /// recorded) or nothing is reviewed. Each draw is read through its ``SampleSlots``.
    public static func of(draws: [DrawRecord], in state: YearState) -> StratifiedEstimate? {
        var strata: [Stratum] = []
        for draw in draws {
            guard let sizes = draw.population.strata, !sizes.isEmpty else { return nil }
            let slots = SampleSlots(draw: draw, in: state).slots
            let names = draw.items.compactMap(\.stratum).reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            for name in names {
                var reviewed = 0
                var remarks = 0
                var notApplicable = 0
                var open = 0
                for slot in slots where slot.item.stratum == name {
                    switch slot.counted?.result {
                    case .ok: reviewed += 1
                    case .remark:
                        reviewed += 1
                        remarks += 1
                    case .notApplicable: notApplicable += 1
                    case .notReviewed, nil: open += 1
                    }
                }
                var stratum = Stratum(
                    name: name, draw: draw.id, population: sizes[name] ?? 0, reviewed: reviewed, remarks: remarks)
                stratum.notApplicable = notApplicable
                stratum.open = open
                strata.append(stratum)
            }
        }
        let used = strata.filter { $0.reviewed > 0 && $0.population > 0 }
        let total = used.reduce(0.0) { $0 + $1.applicablePopulation }
        guard total > 0 else { return nil }
        let rate = used.reduce(0.0) { $0 + $1.applicablePopulation * ($1.rate ?? 0) } / total
        var variance = 0.0
        for stratum in used where stratum.reviewed > 1 {
            let weight = stratum.applicablePopulation / total
            let p = stratum.rate ?? 0
            let finite = max(0, 1 - Double(stratum.reviewed) / stratum.applicablePopulation)
            variance += weight * weight * finite * p * (1 - p) / Double(stratum.reviewed - 1)
        }
        let n = Double(used.reduce(0) { $0 + $1.reviewed })
        let effective = variance > 0 ? min(n, rate * (1 - rate) / variance) : n
        let bound = rate >= 1 ? 1 : BetaDistribution.quantile(0.95, a: effective * rate + 1, b: effective * (1 - rate))
        return StratifiedEstimate(
            strata: strata, rate: rate, upperBound95: max(bound, rate),
            population: used.reduce(0) { $0 + $1.population }, applicablePopulation: total,
            leavesOutStrata: used.count < strata.filter { !$0.isOutside }.count)
    }
}

/// The regularised incomplete beta function and its inverse, for Clopper–Pearson bounds at a
/// sample size that need not be whole.
enum BetaDistribution {
    /// I_x(a, b), by the continued fraction (Lentz's method) on the side where it converges fast.
    static func cdf(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * fraction(x, a, b) / a
        }
        return 1 - exp(logFront) * fraction(1 - x, b, a) / b
    }

    /// The x with I_x(a, b) = p, by bisection.
    static func quantile(_ p: Double, a: Double, b: Double) -> Double {
        guard b > 0 else { return 1 }
        var low = 0.0
        var high = 1.0
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if cdf(middle, a: a, b: b) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    private static func fraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        d = abs(d) < tiny ? tiny : d
        d = 1 / d
        var result = d
        for m in 1...300 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            d = abs(d) < tiny ? tiny : d
            c = 1 + even / c
            c = abs(c) < tiny ? tiny : c
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            d = abs(d) < tiny ? tiny : d
            c = 1 + odd / c
            c = abs(c) < tiny ? tiny : c
            d = 1 / d
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-14 { break }
        }
        return result
    }
}
