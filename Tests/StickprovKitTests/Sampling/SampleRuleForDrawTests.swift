import Testing

@testable import StickprovKit

@Suite struct SampleRuleForDrawTests {
    static let planned = ControlPoint(
        id: "K2", text: "Granskning", method: .caseReview,
        sampleRule: SampleRule(size: .count(25), keyColumn: "Ärendenummer", carry: ["Handläggare"]))

    @Test func aNewSizeKeepsThePlansColumns() throws {
        let rule = try SampleRule.forDraw(
            of: Self.planned, size: .count(29), keyColumn: nil, stratumColumn: nil, carry: nil)
        #expect(rule == SampleRule(size: .count(29), keyColumn: "Ärendenummer", carry: ["Handläggare"]))
    }

    @Test func givenColumnsReplaceThePlans() throws {
        let rule = try SampleRule.forDraw(
            of: Self.planned, size: nil, keyColumn: "Diarienummer", stratumColumn: nil, carry: [])
        #expect(rule == SampleRule(size: .count(25), keyColumn: "Diarienummer"))
    }

    @Test func refusesADrawWithoutAnySizeOrStrataWithoutAColumn() {
        let bare = ControlPoint(id: "K9", text: "x", method: .sample)
        #expect(throws: DrawError.noSampleRule("K9")) {
            try SampleRule.forDraw(of: bare, size: nil, keyColumn: "K", stratumColumn: nil, carry: nil)
        }
        #expect(throws: DrawError.stratumColumnRequired("K2")) {
            try SampleRule.forDraw(
                of: Self.planned, size: .strata([StratumRule(stratum: "LSS", size: .count(3))]),
                keyColumn: nil, stratumColumn: nil, carry: nil)
        }
    }
}
