import Foundation

/// Sample sizes planned before a draw (SPEC.md §15).
public enum SampleSizePlanning {
    /// The largest attribute sample searched for; rates that need more are refused by the caller.
    public static let largestAttributeSample = 100_000

    /// The smallest n for which, with `expectedDeviations` found, the one-sided Clopper–Pearson
    /// upper bound at `confidence` is at most `tolerableRate` (0–1); `nil` when none up to
    /// ``largestAttributeSample`` is.
    /// Check values at 95 %: 5 % with 0 → 59, 5 % with 1 → 93, 10 % with 0 → 29, 2 % with 0 → 149.
    public static func attribute(tolerableRate: Double, expectedDeviations: Int = 0, confidence: Double = 0.95) -> Int?
    {
        guard tolerableRate > 0, tolerableRate < 1, expectedDeviations >= 0 else { return nil }
        func acceptable(_ n: Int) -> Bool {
            (ClopperPearson.upperBound(deviations: expectedDeviations, sampleSize: n, confidence: confidence) ?? 1)
                <= tolerableRate
        }
        // The bound falls as n grows: find the first acceptable n by bisection.
        var low = expectedDeviations + 1
        var high = largestAttributeSample
        guard acceptable(high) else { return nil }
        while low < high {
            let middle = (low + high) / 2
            if acceptable(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// `n = ceil(W · U(0) / TM)` for an amount-weighted sample with no misstatement expected.
    /// W = 10 000 000 kr, TM = 500 000 kr gives 60 at 95 %.
    public static func amount(populationTotal: Amount, tolerableMisstatement: Amount, confidence: Double = 0.95) -> Int?
    {
        guard populationTotal.ore > 0, tolerableMisstatement.ore > 0 else { return nil }
        let factor = AmountEstimate.poissonUpperLimit(events: 0, confidence: confidence)
        let size = (Double(populationTotal.ore) * factor / Double(tolerableMisstatement.ore)).rounded(.up)
        return size < Double(Int32.max) ? Int(size) : nil
    }
}
