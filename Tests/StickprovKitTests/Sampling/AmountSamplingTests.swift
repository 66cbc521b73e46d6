import Foundation
import Testing

@testable import StickprovKit

@Suite struct AmountSamplingTests {
    @Test func poissonUpperLimitsAreSpecValues() {
        let expected = [2.9957, 4.7439, 6.2958, 7.7537]
        for (events, value) in expected.enumerated() {
            #expect(abs(AmountEstimate.poissonUpperLimit(events: events) - value) < 0.0001)
        }
    }

    @Test(arguments: [(0.05, 0, 59), (0.05, 1, 93), (0.10, 0, 29), (0.02, 0, 149)])
    func attributeSampleSizesAreSpecCheckValues(rate: Double, expected: Int, size: Int) {
        #expect(SampleSizePlanning.attribute(tolerableRate: rate, expectedDeviations: expected) == size)
    }

    @Test func amountSampleSizeIsSpecCheckValue() throws {
        let size = SampleSizePlanning.amount(
            populationTotal: try #require(Amount("10 000 000")), tolerableMisstatement: try #require(Amount("500 000")))
        #expect(size == 60)
    }

    @Test func thresholdIsKeptExactlyAndRoundTrips() throws {
        let tau = AmountThreshold(hash: UInt64.max, amount: Amount(ore: 300))
        #expect(tau.hashPlusOne == "18446744073709551616")
        #expect(tau.ore == 300)
        let coded = try JSONEncoder().encode(tau)
        #expect(
            String(decoding: coded, as: UTF8.self) == #"{"amountOre":300,"hashPlusOne":"18446744073709551616"}"#
                || String(decoding: coded, as: UTF8.self) == #"{"hashPlusOne":"18446744073709551616","amountOre":300}"#)
        #expect(try JSONDecoder().decode(AmountThreshold.self, from: coded) == tau)
    }

    /// Without misstatement the bound is τ·U(0); with certain items' misstatement known exactly.
    @Test func estimateFollowsSpecFormulas() {
        let tau = AmountThreshold(hash: UInt64.max, amount: Amount(ore: 10_000_000))  // τ = 100 000 kr
        let clean = AmountEstimate(
            findings: [.init(booked: Amount(ore: 5_000_000), misstatement: Amount(ore: 0), isCertain: false)],
            threshold: tau)
        #expect(clean.projectedOre == 0)
        #expect(abs(clean.upperLimitOre - 10_000_000 * 2.995732) < 100)

        // A 50 000 kr item overstated by 5 000 kr: taint 0.1, weight max(50 000, 100 000) = 100 000 kr.
        // A certain item overstated by 1 000 kr counts as itself.
        let found = AmountEstimate(
            findings: [
                .init(booked: Amount(ore: 5_000_000), misstatement: Amount(ore: 500_000), isCertain: false),
                .init(booked: Amount(ore: 90_000_000), misstatement: Amount(ore: 100_000), isCertain: true),
            ],
            threshold: tau)
        #expect(abs(found.projectedOre - (1_000_000 + 100_000)) < 1)
        let bound = 100_000 + 10_000_000 * (2.995732 + (4.743865 - 2.995732) * 0.1)
        #expect(abs(found.upperLimitOre - bound) < 100)
    }

    @Test func amountsFormatAsSwedishKronor() throws {
        #expect(Amount(ore: 123_450).description == "1 234,50")
        #expect(Amount(ore: -25_000).description == "-250,00")
        #expect(Amount(ore: 4_800_049).roundedKronor == "48 000")
        #expect(Amount("99999999999999999999") == nil)
    }
}
