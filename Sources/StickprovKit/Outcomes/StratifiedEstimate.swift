import Foundation

/// The remark rate of a stratified review, as an estimate for the whole population: each
/// stratum's plain rate p_h weighted by its size N_h (Σ N_h·p_h / N), never the pooled count,
/// which over strata drawn at 5–25 % estimates nothing. Several draws (one per period) are
/// strata too: each period's stratum weighs by its own population.
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

        /// p_h, the plain remark rate of the stratum; `nil` with nothing reviewed.
        public var rate: Double? { reviewed > 0 ? Double(remarks) / Double(reviewed) : nil }
    }

    /// Every stratum of every draw, in draw order and the order items were drawn.
    public let strata: [Stratum]
    /// Σ N_h·p_h / N over the strata with something reviewed.
    public let rate: Double
    /// The one-sided 95 % upper bound for the rate.
    public let upperBound95: Double
    /// The population the rate is for: Σ N_h over the strata with something reviewed.
    public let population: Int
    /// Whether some stratum has nothing reviewed yet, so the rate leaves it out.
    public let leavesOutStrata: Bool

    /// The estimate for stratified draws; `nil` when a draw is not stratified (no stratum sizes
    /// recorded) or nothing is reviewed.
    public static func of(draws: [DrawRecord], in state: YearState) -> StratifiedEstimate? {
        var strata: [Stratum] = []
        for draw in draws {
            guard let sizes = draw.population.strata, !sizes.isEmpty else { return nil }
            let results = state.results(of: draw)
            let names = draw.items.compactMap(\.stratum).reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            for name in names {
                var reviewed = 0
                var remarks = 0
                for item in (draw.items + draw.spares) where item.stratum == name {
                    guard let outcome = results[item.key]?.record else { continue }
                    switch outcome.result {
                    case .ok: reviewed += 1
                    case .remark:
                        reviewed += 1
                        remarks += 1
                    case .notReviewed: break
                    }
                }
                strata.append(
                    Stratum(
                        name: name, draw: draw.id, population: sizes[name] ?? 0, reviewed: reviewed, remarks: remarks))
            }
        }
        let used = strata.filter { $0.reviewed > 0 && $0.population > 0 }
        let total = used.reduce(0) { $0 + $1.population }
        guard total > 0 else { return nil }
        let rate = used.reduce(0.0) { $0 + Double($1.population) * ($1.rate ?? 0) } / Double(total)
        var variance = 0.0
        for stratum in used where stratum.reviewed > 1 {
            let weight = Double(stratum.population) / Double(total)
            let p = stratum.rate ?? 0
            let finite = max(0, 1 - Double(stratum.reviewed) / Double(stratum.population))
            variance += weight * weight * finite * p * (1 - p) / Double(stratum.reviewed - 1)
        }
        let n = Double(used.reduce(0) { $0 + $1.reviewed })
        let effective = variance > 0 ? min(n, rate * (1 - rate) / variance) : n
        let bound = rate >= 1 ? 1 : BetaDistribution.quantile(0.95, a: effective * rate + 1, b: effective * (1 - rate))
        return StratifiedEstimate(
            strata: strata, rate: rate, upperBound95: max(bound, rate), population: total,
            leavesOutStrata: used.count < strata.count)
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
