import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The misstatement an amount-weighted sample allows one to project onto the whole population, and
/// its 95 % upper limit (SPEC.md §14: priority sampling's weights and the Stringer bound).
public struct AmountEstimate: Sendable, Hashable {
    /// One sampled item as reviewed.
    public struct Finding: Sendable, Hashable {
        /// The booked amount (the amount the draw used).
        public var booked: Amount
        /// Booked minus correct; zero when the item was right.
        public var misstatement: Amount
        /// Whether the item was in the sample for certain (amount ≥ C).
        public var isCertain: Bool

        /// Creates a finding.
        public init(booked: Amount, misstatement: Amount, isCertain: Bool) {
            self.booked = booked
            self.misstatement = misstatement
            self.isCertain = isCertain
        }
    }

    /// The projected misstatement of the population, in öre.
    public let projectedOre: Double
    /// The upper misstatement limit at the confidence asked for, in öre.
    public let upperLimitOre: Double

    /// Projects the findings (SPEC.md §14).
    /// - Parameters:
    ///   - findings: every reviewed item of the sample, certain and drawn.
    ///   - threshold: the draw's τ; `nil` when every non-certain item was drawn (then nothing is projected).
    ///   - confidence: 0.95 for SPEC.md's bound.
    public init(findings: [Finding], threshold: AmountThreshold?, confidence: Double = 0.95) {
        let tau = threshold?.ore ?? 0
        var known = 0.0
        var projected = 0.0
        var taints: [Double] = []
        for finding in findings where finding.misstatement.ore != 0 {
            let misstatement = Double(finding.misstatement.ore)
            if finding.isCertain {
                known += misstatement
                continue
            }
            let booked = Double(finding.booked.ore)
            let taint = misstatement / booked
            projected += taint * max(booked, tau)
            if taint > 0 { taints.append(min(taint, 1)) }
        }
        taints.sort(by: >)
        var factor = Self.poissonUpperLimit(events: 0, confidence: confidence)
        var previous = factor
        for (index, taint) in taints.enumerated() {
            let limit = Self.poissonUpperLimit(events: index + 1, confidence: confidence)
            factor += (limit - previous) * taint
            previous = limit
        }
        projectedOre = known + projected
        upperLimitOre = known + tau * factor
    }

    /// U(j): the λ with P(X ≤ j | λ) = 1 − confidence for X ~ Poisson(λ) (U(0) = 2.9957 at 95 %).
    public static func poissonUpperLimit(events: Int, confidence: Double = 0.95) -> Double {
        let alpha = 1 - confidence
        var low = Double(events)
        var high = Double(events) * 2 + 50
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if poissonCDF(events, middle) > alpha { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// P(X ≤ k) for X ~ Poisson(λ), summed in log space.
    static func poissonCDF(_ k: Int, _ lambda: Double) -> Double {
        guard lambda > 0 else { return 1 }
        let logLambda = log(lambda)
        var sum = 0.0
        for i in 0...k { sum += exp(-lambda + Double(i) * logLambda - lgamma(Double(i + 1))) }
        return min(sum, 1)
    }
}
