import Foundation
import Testing

@testable import StickprovKit

@Suite struct StratifiedEstimateTests {
    /// A draw of 40 from 800 home-care decisions and 50 from 200 LSS decisions.
    static func year(homeCareRemarks: Int, lssRemarks: Int) -> (DrawRecord, YearState) {
        let rule = SampleRule(
            size: .strata([StratumRule("Hemtjänst=5%"), StratumRule("LSS=25%")].compactMap { $0 }),
            stratumColumn: "Insats")
        let items =
            (0..<40).map { DrawnItem(key: "H\($0)", stratum: "Hemtjänst") }
            + (0..<50).map { DrawnItem(key: "L\($0)", stratum: "LSS") }
        let draw = DrawRecord(
            id: "K1-1", control: "K1", seed: (try? Seed("s")) ?? .generate(), isSeedGenerated: false, rule: rule,
            period: "2023-06-30", date: Day("2023-06-30") ?? .placeholder,
            population: PopulationSummary(
                file: "p.csv", count: 1000, fingerprint: "f", strata: ["Hemtjänst": 800, "LSS": 200]),
            items: items)
        var state = YearState(events: [])
        var sequence = 1
        state.apply(JournalEvent(sequence: sequence, time: "t", actor: "a", payload: .draw(draw)))
        for (index, item) in items.enumerated() {
            sequence += 1
            let remark = item.stratum == "LSS" ? index - 40 < lssRemarks : index < homeCareRemarks
            state.apply(
                JournalEvent(
                    sequence: sequence, time: "t", actor: "a",
                    payload: .outcome(
                        OutcomeRecord(
                            draw: "K1-1", key: item.key, result: remark ? .remark : .ok,
                            remarkKind: remark ? "Sent" : nil))))
        }
        return (draw, state)
    }

    @Test func theRateWeighsEachStratumByItsPopulationNotItsSample() throws {
        let (draw, state) = Self.year(homeCareRemarks: 2, lssRemarks: 10)
        let estimate = try #require(StratifiedEstimate.of(draws: [draw], in: state))
        // (800 · 2/40 + 200 · 10/50) / 1000 = 0,08; the pooled 12/90 would say 13,3 %.
        #expect(abs(estimate.rate - 0.08) < 1e-12)
        #expect(estimate.strata.map(\.rate) == [0.05, 0.2])
        #expect(estimate.strata.map(\.population) == [800, 200])
        #expect(estimate.population == 1000)
        // Korn–Graubard: V = 0,8²·0,95·0,05·0,95/39 + 0,2²·0,75·0,2·0,8/49, n* = 0,08·0,92/V ≈ 87,8, so near
        // Clopper–Pearson for 7 of 88; above the normal approximation 0,08 + 1,645·√V ≈ 0,128.
        let variance = 0.64 * 0.95 * 0.05 * 0.95 / 39 + 0.04 * 0.75 * 0.2 * 0.8 / 49
        let effective = 0.08 * 0.92 / variance
        #expect(
            abs(estimate.upperBound95 - BetaDistribution.quantile(0.95, a: effective * 0.08 + 1, b: effective * 0.92))
                < 1e-12)
        #expect(estimate.upperBound95 > 0.08 + 1.645 * variance.squareRoot())
        #expect(
            abs(estimate.upperBound95 - (try #require(ClopperPearson.upperBound(deviations: 7, sampleSize: 88))))
                < 0.003)
        #expect(!estimate.leavesOutStrata)
    }

    @Test func withNoRemarksTheBoundIsStillAboveZero() throws {
        let (draw, state) = Self.year(homeCareRemarks: 0, lssRemarks: 0)
        let estimate = try #require(StratifiedEstimate.of(draws: [draw], in: state))
        #expect(estimate.rate == 0)
        // Clopper–Pearson for 0 of 90: 1 − 0,05^(1/90).
        #expect(abs(estimate.upperBound95 - (1 - pow(0.05, 1.0 / 90))) < 1e-6)
    }

    @Test func theBetaQuantileIsClopperPearsonForWholeCounts() throws {
        for (x, n) in [(0, 10), (1, 180), (3, 50), (12, 90), (29, 30)] {
            let exact = try #require(ClopperPearson.upperBound(deviations: x, sampleSize: n))
            #expect(
                abs(BetaDistribution.quantile(0.95, a: Double(x + 1), b: Double(n - x)) - exact) < 1e-9, "\(x)/\(n)")
        }
    }

    @Test func anUnstratifiedDrawHasNoStratifiedEstimate() {
        var (draw, state) = Self.year(homeCareRemarks: 1, lssRemarks: 1)
        draw.population.strata = nil
        #expect(StratifiedEstimate.of(draws: [draw], in: state) == nil)
    }
}
