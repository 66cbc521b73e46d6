import Testing

@testable import StickprovKit

@Suite struct NarrativeCriteriaTests {
    /// A year of K2 reviewed against two criteria: `draws` gives each draw's period and its items
    /// as (key, stratum, verdict of criterion A, verdict of criterion B).
    static func year(
        stratified: Bool,
        draws: [(period: String, strata: [String: Int], items: [(String, String?, CriterionVerdict, CriterionVerdict)])]
    ) -> NarrativeTests.Year {
        var year = NarrativeTests.Year()
        try? year.plan.updateControl("K2") {
            $0.criteria = ["Kommunicering av beslutsunderlag", "Motivering av beslutsskäl"]
        }
        for (index, draw) in draws.enumerated() {
            let id = DrawID(rawValue: "K2-\(index + 1)")
            year.add(
                .draw(
                    DrawRecord(
                        id: id, control: "K2", seed: (try? Seed("s")) ?? .generate(), isSeedGenerated: false,
                        rule: SampleRule(size: .count(draw.items.count), keyColumn: "Ärendenummer"),
                        period: draw.period,
                        date: Day("2023-06-30") ?? .placeholder,
                        population: PopulationSummary(
                            file: "p.csv", count: 100, fingerprint: "f", strata: stratified ? draw.strata : nil),
                        items: draw.items.map { DrawnItem(key: $0.0, stratum: $0.1) })))
            for (key, _, a, b) in draw.items {
                let criteria = [
                    CriterionResult(
                        criterion: "Kommunicering av beslutsunderlag", verdict: a,
                        reason: a == .notReviewed ? "Akten saknas" : nil),
                    CriterionResult(criterion: "Motivering av beslutsskäl", verdict: b),
                ]
                let overall = CriterionResult.overall(criteria)
                var record = OutcomeRecord(
                    draw: id, key: key, result: overall.result, remarkKind: overall.remarkKind, note: overall.reason)
                record.criteria = criteria
                year.add(.outcome(record))
            }
        }
        return year
    }

    static func criterionParagraphs(_ year: NarrativeTests.Year) -> [Paragraph] {
        let paragraphs = year.sentences("K2")
        guard
            let start = paragraphs.firstIndex(where: {
                if case .text(let t) = $0 { t.hasPrefix("Andel ") } else { false }
            })
        else { return [] }
        return Array(paragraphs[start...].prefix(2))
    }

    @Test func givesEachCriterionsShareOverTheYearAndPerPeriod() {
        let year = Self.year(
            stratified: false,
            draws: [
                (
                    "2023-H1", [:],
                    [
                        ("A1", nil, .fulfilled, .fulfilled), ("A2", nil, .remark, .fulfilled),
                        ("A3", nil, .notApplicable, .fulfilled),
                    ]
                ),
                ("2023-H2", [:], [("B1", nil, .fulfilled, .fulfilled), ("B2", nil, .notReviewed, .fulfilled)]),
            ])
        #expect(
            Self.criterionParagraphs(year) == [
                .text("Andel utredningar där kriteriet var uppfyllt under året:"),
                .bullets([
                    "Kommunicering av beslutsunderlag: 67 procent (2 av 3 utredningar); per period: första halvåret 50 procent, andra halvåret 100 procent."
                        + " Ej tillämpligt i en utredning. Ej granskat i en utredning (Akten saknas).",
                    "Motivering av beslutsskäl: 100 procent (5 av 5 utredningar); per period: första halvåret 100 procent, andra halvåret 100 procent.",
                ]),
            ])
    }

    @Test func stratifiedSharesAreWeightedByTheStrataTheyStandFor() {
        // H1: SoL (N 40) 1 of 2 fulfilled, LSS (N 8) 2 of 2; H2: SoL (N 60) 2 of 2, LSS (N 10) 1 of 2.
        let year = Self.year(
            stratified: true,
            draws: [
                (
                    "2023-H1", ["SoL": 40, "LSS": 8],
                    [
                        ("A1", "SoL", .fulfilled, .fulfilled), ("A2", "SoL", .remark, .fulfilled),
                        ("A3", "LSS", .fulfilled, .fulfilled), ("A4", "LSS", .fulfilled, .fulfilled),
                    ]
                ),
                (
                    "2023-H2", ["SoL": 60, "LSS": 10],
                    [
                        ("B1", "SoL", .fulfilled, .fulfilled), ("B2", "SoL", .fulfilled, .fulfilled),
                        ("B3", "LSS", .remark, .fulfilled), ("B4", "LSS", .fulfilled, .fulfilled),
                    ]
                ),
            ])
        // Year: (40·0,5 + 8·1 + 60·1 + 10·0,5) / 118 = 93/118 = 79 %; SoL (20 + 60)/100 = 80 %;
        // LSS (8 + 5)/18 = 72 %; H1 (20 + 8)/48 = 58 %; H2 (60 + 5)/70 = 93 %.
        #expect(
            Self.criterionParagraphs(year) == [
                .text("Andel utredningar där kriteriet var uppfyllt under året:"),
                .bullets([
                    "Kommunicering av beslutsunderlag: 79 procent, vägt efter gruppernas storlek (uppfyllt i 6 av 8 utredningar);"
                        + " per grupp: SoL 80 procent (3 av 4), LSS 72 procent (3 av 4); per period: första halvåret 58 procent, andra halvåret 93 procent.",
                    "Motivering av beslutsskäl: 100 procent, vägt efter gruppernas storlek (uppfyllt i 8 av 8 utredningar);"
                        + " per grupp: SoL 100 procent (4 av 4), LSS 100 procent (4 av 4); per period: första halvåret 100 procent, andra halvåret 100 procent.",
                ]),
            ])
    }

    @Test func withoutCriteriaOrResultsNothingIsAdded() {
        var year = NarrativeTests.Year()
        year.draw("K2-1", control: "K2", period: "2023-03-15", keys: ["A"])
        year.results("K2-1", [("A", .ok, nil)])
        #expect(Self.criterionParagraphs(year).isEmpty)
        try? year.plan.updateControl("K2") { $0.criteria = ["Kommunicering av beslutsunderlag"] }
        #expect(Self.criterionParagraphs(year).isEmpty)
    }

    @Test func periodsReadAsWords() {
        func label(_ period: String) -> String {
            Narrative.periodLabel(
                DrawRecord(
                    id: "K1-1", control: "K1", seed: (try? Seed("s")) ?? .generate(), isSeedGenerated: false,
                    rule: SampleRule(size: .count(1)), period: period, date: Day("2023-06-30") ?? .placeholder,
                    population: PopulationSummary(file: "p", count: 1, fingerprint: "f"), items: []))
        }
        #expect(label("2023-H2") == "andra halvåret")
        #expect(label("T3") == "tredje tertialet")
        #expect(label("2023 Q1") == "första kvartalet")
        #expect(label("2023-03") == "mars")
        #expect(label("2023-02-15") == "15 februari")
        #expect(label("vår") == "vår")
        #expect(Narrative.wholePercent(0.875) == "88 procent")
    }
}
