import Testing

@testable import StickprovKit

/// Parts of a year a draw names as its period: their words and their last day, so a draw of the
/// second half-year made in January still counts in the year it covers.
@Suite struct YearPartTests {
    @Test(arguments: [
        ("2024-H1", "första halvåret", "2024-06-30"), ("2024-H2", "andra halvåret", "2024-12-31"),
        ("2024-T2", "andra tertialet", "2024-08-31"), ("2024-T3", "tredje tertialet", "2024-12-31"),
        ("2024-Q1", "första kvartalet", "2024-03-31"), ("2024 K4", "fjärde kvartalet", "2024-12-31"),
        ("2024-q2", "andra kvartalet", "2024-06-30"), ("Granskning 2024 H1", "första halvåret", "2024-06-30"),
    ])
    func aPartOfTheYearHasItsWordsAndLastDay(text: String, words: String, last: String) throws {
        let part = try #require(YearPart(text))
        #expect(part.words == words)
        #expect(part.lastDay?.description == last)
    }

    @Test(arguments: ["2024-H3", "2024-T4", "2024-Q5", "2024-03", "2024-X1", "H12", ""])
    func otherTextIsNotAPartOfTheYear(text: String) {
        #expect(YearPart(text) == nil)
    }

    @Test func withoutAYearAPartHasWordsButNoLastDay() throws {
        let part = try #require(YearPart("H2"))
        #expect(part.words == "andra halvåret")
        #expect(part.lastDay == nil)
    }
}
