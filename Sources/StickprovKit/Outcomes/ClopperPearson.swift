import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Exact (Clopper–Pearson) confidence bounds for a deviation rate found in a sample.
///
/// "1 remark in 180 checks" says little by itself; the upper bound says how high the
/// true rate could plausibly be: with 95 % confidence it is below the bound.
public enum ClopperPearson {
    /// The one-sided upper confidence bound for `deviations` out of `sampleSize`, as a
    /// share 0–1 (`nil` for an empty sample). Solves P(X ≤ deviations | n, p) = 1 − confidence
    /// by bisection on the binomial distribution.
    public static func upperBound(deviations: Int, sampleSize: Int, confidence: Double = 0.95) -> Double? {
        guard sampleSize > 0, (0...sampleSize).contains(deviations) else { return nil }
        if deviations == sampleSize { return 1 }
        let alpha = 1 - confidence
        var low = Double(deviations) / Double(sampleSize)
        var high = 1.0
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if binomialCDF(deviations, sampleSize, middle) > alpha { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// P(X ≤ k) for X ~ Binomial(n, p), summed in log space so large n do not overflow.
    static func binomialCDF(_ k: Int, _ n: Int, _ p: Double) -> Double {
        if p <= 0 { return 1 }
        if p >= 1 { return k >= n ? 1 : 0 }
        let logP = log(p)
        let logQ = log1p(-p)
        let logNFactorial = logGamma(Double(n + 1))
        var sum = 0.0
        for i in 0...k {
            let logChoose = logNFactorial - logGamma(Double(i + 1)) - logGamma(Double(n - i + 1))
            sum += exp(logChoose + Double(i) * logP + Double(n - i) * logQ)
        }
        return min(sum, 1)
    }
}

/// ln Γ(x), from the C library.
private func logGamma(_ x: Double) -> Double { Glibc.lgamma(x) }
