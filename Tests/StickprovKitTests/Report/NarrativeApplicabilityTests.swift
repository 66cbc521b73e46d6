import Testing

@testable import StickprovKit

/// A control point that does not apply to some drawn items (*ej tillämpligt*): those items are in
/// no count, rate or sentence, and a group it applied to in no item gets no line.
@Suite struct NarrativeApplicabilityTests {
    static let strata = ["SoL hemtjänst": 400, "SoL särskilt boende": 100, "LSS": 100]

    /// K2 drawn by stratum: four home-care decisions, three nursing-home decisions, two LSS decisions.
    static func year(criteria: [String] = []) -> NarrativeTests.Year {
        var year = NarrativeTests.Year()
        let rule = SampleRule(
            size: .strata(
                [StratumRule("SoL hemtjänst=1%"), StratumRule("SoL särskilt boende=3%"), StratumRule("LSS=2%")]
                    .compactMap { $0 }),
            keyColumn: "Beslut", stratumColumn: "Insats")
        year.plan.risks[0].controls[1].sampleRule = rule
        year.plan.risks[0].controls[1].itemNoun = Noun("ett beslut/beslut")
        year.plan.risks[0].controls[1].criteria = criteria
        let items =
            ["A", "B", "C", "D"].map { DrawnItem(key: $0, stratum: "SoL hemtjänst") }
            + ["E", "F", "G"].map { DrawnItem(key: $0, stratum: "SoL särskilt boende") }
            + ["H", "I"].map { DrawnItem(key: $0, stratum: "LSS") }
        year.add(
            .draw(
                DrawRecord(
                    id: "K2-1", control: "K2", seed: (try? Seed("s")) ?? .generate(), isSeedGenerated: false,
                    rule: rule, period: "2023-06-30", date: Day("2023-06-30") ?? .placeholder,
                    population: PopulationSummary(file: "p.csv", count: 600, fingerprint: "f", strata: strata),
                    items: items)))
        return year
    }

    static func bullets(_ paragraphs: [Paragraph]) -> [String] {
        paragraphs.compactMap { if case .bullets(let lines) = $0 { lines } else { nil } }.first ?? []
    }

    @Test func aGroupThePointAppliedToInNoItemGetsNoLineAndTheRateCountsApplicableItemsOnly() {
        var year = Self.year()
        year.results(
            "K2-1",
            [
                ("A", .remark, "Sent"), ("B", .remark, "Sent"), ("C", .ok, nil), ("D", .remark, "Sent"),
                ("E", .notApplicable, nil), ("F", .notApplicable, nil), ("G", .notApplicable, nil),
                ("H", .notApplicable, nil), ("I", .remark, "Sent"),
            ])
        let paragraphs = year.sentences("K2")
        #expect(
            Self.bullets(paragraphs) == [
                "SoL hemtjänst: fyra beslut har granskats, varav ett utan anmärkning (25 procent).",
                "LSS: ett beslut har granskats, med anmärkning; ej tillämpligt i ett beslut.",
            ])
        // Home care weighs 400, LSS the half of its 100 the point applies to: (400 · 0,75 + 50 · 1) / 450.
        let estimate = StratifiedEstimate.of(draws: year.state.draws(of: "K2"), in: year.state)
        #expect(estimate.map { abs($0.rate - 350.0 / 450.0) < 1e-12 } == true)
        #expect(estimate?.applicablePopulation == 450)
        #expect(estimate?.leavesOutStrata == false)
        #expect(estimate?.strata.first { $0.name == "SoL särskilt boende" }?.isOutside == true)
        let rate = paragraphs.compactMap { if case .text(let text) = $0 { text } else { nil } }.first ?? ""
        #expect(
            rate.hasPrefix(
                "Viktat efter gruppernas storlek är andelen med anmärkning 77,8 procent (med 95 procents säkerhet högst "
            ))
        #expect(rate.hasSuffix(").") && !rate.contains("ingår inte"))
        #expect(!paragraphs.description.contains("särskilt boende"))
        let stats = ReviewStatistics(draws: year.state.draws(of: "K2"), in: year.state)
        #expect((stats.reviewed, stats.ok, stats.remarks, stats.notApplicable, stats.pending) == (5, 1, 4, 4, 0))
    }

    @Test func aRoundCountsOnlyWhatThePointAppliesToAndSaysHowManyItDidNot() {
        var year = NarrativeTests.Year()
        year.draw("K2-1", control: "K2", period: "2023-02-15", keys: ["A", "B", "C"])
        year.results("K2-1", [("A", .ok, nil), ("B", .notApplicable, nil), ("C", .notApplicable, nil)])
        #expect(
            year.sentences("K2") == [
                .text("15 februari granskades en utredning, utan anmärkning. Ej tillämpligt i två utredningar.")
            ])
        year.results("K2-1", [("A", .notApplicable, nil)])
        #expect(
            year.sentences("K2") == [.text("15 februari valdes tre utredningar. Ej tillämpligt i tre utredningar.")])
    }

    @Test func aCriterionThatAppliesToNoItemOfAGroupSaysNothingOfThatGroup() {
        var year = Self.year(criteria: ["Följsamhet till riktlinjerna", "Uppföljning av tidsbegränsat beslut"])
        func record(_ key: String, _ first: CriterionVerdict, _ second: CriterionVerdict) {
            let criteria = [
                CriterionResult(criterion: "Följsamhet till riktlinjerna", verdict: first),
                CriterionResult(criterion: "Uppföljning av tidsbegränsat beslut", verdict: second),
            ]
            let overall = CriterionResult.overall(criteria)
            var outcome = OutcomeRecord(draw: "K2-1", key: key, result: overall.result, remarkKind: overall.remarkKind)
            outcome.criteria = criteria
            year.add(.outcome(outcome))
        }
        for key in ["A", "B", "C", "D"] { record(key, .fulfilled, key == "A" ? .remark : .fulfilled) }
        // No nursing-home decision is time-limited.
        for key in ["E", "F", "G"] { record(key, key == "E" ? .remark : .fulfilled, .notApplicable) }
        record("H", .fulfilled, .remark)
        record("I", .fulfilled, .fulfilled)
        let paragraphs = year.sentences("K2")
        let lines = Self.bullets(
            Array(paragraphs.drop { $0 != .text("Andel beslut där kriteriet var uppfyllt under året:") }))
        #expect(
            lines == [
                "Följsamhet till riktlinjerna: 94 procent, vägt efter gruppernas storlek (uppfyllt i 8 av 9 beslut); per grupp: SoL hemtjänst 100 procent (4 av 4), SoL särskilt boende 67 procent (2 av 3), LSS 100 procent (2 av 2).",
                "Uppföljning av tidsbegränsat beslut: 70 procent, vägt efter gruppernas storlek (uppfyllt i 4 av 6 beslut); per grupp: SoL hemtjänst 75 procent (3 av 4), LSS 50 procent (1 av 2). Ej tillämpligt i tre beslut.",
            ])
    }
}
