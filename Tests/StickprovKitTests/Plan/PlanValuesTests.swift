import Testing

@testable import StickprovKit

@Suite struct PlanValuesTests {
    @Test(arguments: [
        ("5", 500), ("12.5", 1250), ("12,5", 1250), ("0.01", 1), ("25%", 2500), ("100", 10_000), (" 7 % ", 700),
    ])
    func parsesPercentagesExactly(text: String, hundredths: Int) {
        #expect(Percentage(text)?.hundredths == hundredths)
    }

    @Test(arguments: ["", "abc", "1.234", "-5", "5.", "1e2", "%"])
    func refusesMalformedPercentages(text: String) {
        #expect(Percentage(text) == nil)
    }

    @Test func printsPercentagesShortestAndSwedish() {
        #expect(Percentage(hundredths: 1250).description == "12.5")
        #expect(Percentage(hundredths: 1250).swedish == "12,5")
        #expect(Percentage(hundredths: 1).description == "0.01")
        #expect(Percentage(hundredths: 500).description == "5")
    }

    @Test(arguments: ["2023-02-29", "2023-13-01", "2023-1-01", "23-01-01", "2023-04-31", "2023/01/01", ""])
    func refusesDaysThatDoNotExist(text: String) {
        #expect(Day(text) == nil)
    }

    @Test func readsAndPrintsDays() {
        #expect(Day("2024-02-29")?.description == "2024-02-29")
        #expect(Day("2023-02-15").map(SwedishText.dayAndMonth) == "15 februari")
    }

    @Test(arguments: [
        ("monthly", Cadence.monthly), ("Månadsvis", .monthly), ("kvartalsvis", .quarterly), ("tertial", .tertial),
        ("3 ggr/år", .timesPerYear(3)), ("3/year", .timesPerYear(3)), ("2/year", .halfYearly), ("årligen", .yearly),
    ])
    func readsCadences(text: String, cadence: Cadence) {
        #expect(Cadence(text) == cadence)
    }

    @Test func readsCadenceDatesAndPrintsThemInSwedish() throws {
        let cadence = try #require(Cadence("2023-10-15, 2023-02-15,2023-05-15"))
        #expect(cadence.token == "2023-02-15,2023-05-15,2023-10-15")
        #expect(cadence.swedishLabel == "15 februari, 15 maj och 15 oktober")
        #expect(Cadence("2023-02-15,sometimes") == nil)
    }

    @Test(arguments: [
        ("Stickprov", MethodKind.sample), ("Granskning av handläggning", .caseReview),
        ("Kontroll av antal e-ansökningar", .measurement),
        ("Kontroll av utredningstid (avslutade ärenden)", .measurement),
        ("Enkät", .survey), ("Dokumentkontroll", .documentCheck),
    ])
    func recognisesAppendixMethodLabels(label: String, kind: MethodKind) {
        #expect(MethodKind.recognising(label: label) == kind)
    }

    @Test func labelsFollowUpAsTheAppendixDoes() {
        #expect(FollowUp.both.swedishLabel == "Del- och årsbokslut")
        #expect(FollowUp(userText: "Delårsbokslut") == .interim)
        #expect(FollowUp(userText: "ÅRSBOKSLUT") == .yearEnd)
    }

    @Test(arguments: [
        ("LSS=25%", "LSS", StratumSize.percent(Percentage(hundredths: 2500))),
        ("Hemtjänst SoL = 5 %", "Hemtjänst SoL", .percent(Percentage(hundredths: 500))),
        ("Annat=3", "Annat", .count(3)),
    ])
    func readsStratumRules(text: String, stratum: String, size: StratumSize) {
        #expect(StratumRule(text) == StratumRule(stratum: stratum, size: size))
    }

    @Test(arguments: ["K1", "CENT 1", "R-2.a", "Kö:1"])
    func acceptsIdentifiers(id: String) {
        #expect(ControlID(rawValue: id).problem == nil)
    }

    @Test(arguments: [
        ("", "the id is empty"), ("../x", "the id '../x' may not start with '.'"),
        ("a/b", "the id 'a/b' has '/'; use letters, digits, spaces and - _ . :"),
        (" K1", "the id ' K1' has spaces at an end"),
    ])
    func refusesIdentifiersUnfitForFilesAndCommands(id: String, problem: String) {
        #expect(ControlID(rawValue: id).problem == problem)
    }
}
