import Testing

@testable import StickprovKit

/// The weighted share of a criterion over strata and periods: each cell weighs as the part of its
/// population the criterion applies to, so criteria that rarely apply are not weighted as if they
/// applied to every item.
@Suite struct CriterionSharesTests {
    static func cell(fulfilled: Int, remarks: Int, notApplicable: Int = 0, weight: Int?) -> CriterionShares.Counts {
        var counts = CriterionShares.Counts(weight: weight)
        counts.fulfilled = fulfilled
        counts.remarks = remarks
        counts.notApplicable = notApplicable
        return counts
    }

    @Test func whereTheCriterionAppliesToEveryItemTheShareIsWeightedByStratumSize() throws {
        // SoL 3 of 4 (N 40), LSS 4 of 4 (N 8): (30 + 8) / 48.
        let share = try #require(
            CriterionShares.weightedShare([
                Self.cell(fulfilled: 3, remarks: 1, weight: 40), Self.cell(fulfilled: 4, remarks: 0, weight: 8),
            ]))
        #expect(abs(share - 38.0 / 48.0) < 1e-12)
    }

    @Test func aCellWhereTheCriterionRarelyAppliedWeighsAsThePartItAppliesTo() throws {
        // First half: fulfilled in both of the 2 of 24 items it applied to (N 480); second half: not in
        // the 1 of 26 (N 512). Each stands for 480·2/24 = 40 and 512·1/26 ≈ 19,7 items: 40 / 59,7 ≈ 67 %,
        // near the plain 2 of 3, not the 48 % that weighting by all 480 and 512 gives.
        let share = try #require(
            CriterionShares.weightedShare([
                Self.cell(fulfilled: 2, remarks: 0, notApplicable: 22, weight: 480),
                Self.cell(fulfilled: 0, remarks: 1, notApplicable: 25, weight: 512),
            ]))
        #expect(abs(share - 40.0 / (40.0 + 512.0 / 26.0)) < 1e-12)
        #expect(CriterionShares.weightedShare([Self.cell(fulfilled: 1, remarks: 0, weight: nil)]) == nil)
        #expect(
            CriterionShares.weightedShare([Self.cell(fulfilled: 0, remarks: 0, notApplicable: 3, weight: 10)]) == nil)
    }
}
