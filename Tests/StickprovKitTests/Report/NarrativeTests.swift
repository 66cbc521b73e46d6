import Testing

@testable import StickprovKit

@Suite struct NarrativeTests {
    static func plan(followUp: FollowUp = .both) -> ControlPlan {
        var plan = ControlPlan(committee: "Socialnämnden", year: 2023)
        plan.addRisk(Risk(id: "R1", text: "Rättssäkerhet"))
        plan.addRisk(Risk(id: "R2", text: "Digitalisering"))
        try? plan.addControl(
            ControlPoint(
                id: "K1", text: "Loggkontroll", method: .sample, cadence: .monthly, followUp: followUp,
                sampleRule: SampleRule(size: .logCheck(users: 3), keyColumn: "Användare")), to: "R1")
        try? plan.addControl(
            ControlPoint(
                id: "K2", text: "Granskning", method: .caseReview, followUp: followUp,
                sampleRule: SampleRule(size: .count(3), keyColumn: "Ärendenummer", carry: ["Handläggare"]),
                itemNoun: Noun("en utredning/utredningar"), officerNoun: Noun("en socialsekreterare/socialsekreterare")),
            to: "R1")
        try? plan.addControl(
            ControlPoint(id: "K3", text: "E-ansökningar", method: .measurement, followUp: followUp), to: "R2")
        return plan
    }

    struct Year {
        var plan = NarrativeTests.plan()
        var state = YearState(events: [])

        mutating func add(_ payload: JournalPayload) {
            state.apply(JournalEvent(sequence: state.eventCount + 1, time: "t", actor: "a", payload: payload))
        }

        mutating func draw(_ id: String, control: ControlID, period: String, keys: [String], officers: [String] = []) {
            let rule = plan.control(control)?.sampleRule ?? SampleRule(size: .count(keys.count))
            add(
                .draw(
                    DrawRecord(
                        id: DrawID(rawValue: id), control: control, seed: (try? Seed("s")) ?? .generate(),
                        isSeedGenerated: false,
                        rule: rule, period: period, date: Day(period) ?? Day("2023-01-01") ?? .placeholder,
                        population: PopulationSummary(file: "p.csv", count: 100, fingerprint: "f"),
                        items: keys.enumerated().map { index, key in
                            DrawnItem(
                                key: key,
                                carried: officers.isEmpty ? [:] : ["Handläggare": officers[index % officers.count]])
                        })))
        }

        mutating func results(_ draw: String, _ results: [(String, ReviewResult, String?)]) {
            for (key, result, kind) in results {
                add(
                    .outcome(
                        OutcomeRecord(
                            draw: DrawID(rawValue: draw), key: key, result: result, remarkKind: kind,
                            note: result == .notReviewed ? "Flyttat" : nil)))
            }
        }

        func sentences(_ control: ControlID, at point: ReportPoint = .yearEnd) -> [Paragraph] {
            guard let control = plan.control(control) else { return [] }
            return Narrative.paragraphs(.init(plan: plan, control: control, state: state, point: point))
        }
    }

    @Test func logCheckWithOneRemark() {
        var year = Year()
        for month in 1...3 {
            year.draw(
                "K1-\(month)", control: "K1", period: "2023-0\(month)", keys: ["a\(month)", "b\(month)", "c\(month)"])
            year.results(
                "K1-\(month)",
                [
                    ("a\(month)", .ok, nil), ("b\(month)", .ok, nil),
                    ("c\(month)", month == 2 ? .remark : .ok, month == 2 ? "Obehörig åtkomst" : nil),
                ])
        }
        #expect(
            year.sentences("K1") == [
                .text(
                    "Under året har loggkontroll genomförts månadsvis. Av de 9 kontrollerna som genomfördes under 2023 fanns en anmärkning."
                ),
                .text("Anmärkningen gäller ”obehörig åtkomst”."),
            ])
    }

    @Test func logCheckWithoutRemarksAndAtTheInterim() {
        var year = Year()
        year.draw("K1-1", control: "K1", period: "2023-03", keys: ["a", "b", "c"])
        year.draw("K1-2", control: "K1", period: "2023-09", keys: ["d", "e", "f"])
        year.results("K1-1", [("a", .ok, nil), ("b", .ok, nil), ("c", .ok, nil)])
        #expect(
            year.sentences("K1", at: .interim) == [
                .text(
                    "Till och med 31 augusti har loggkontroll genomförts månadsvis. Av de 3 kontrollerna som genomfördes till och med 31 augusti 2023 fanns ingen anmärkning."
                )
            ])
        year.results("K1-2", [("d", .remark, "X"), ("e", .remark, "Y"), ("f", .notReviewed, nil)])
        #expect(
            year.sentences("K1").first
                == .text(
                    "Under året har loggkontroll genomförts månadsvis. Av de 5 kontrollerna som genomfördes under 2023 fanns två anmärkningar. En kontroll kunde inte genomföras (flyttat)."
                ))
    }

    @Test func aReviewRoundUsesDigitsWhenOneCountIsAboveTwelve() {
        var year = Year()
        let keys = (1...25).map { "SN-\($0)" }
        year.draw("K2-1", control: "K2", period: "2023-02-15", keys: keys, officers: (1...13).map { "S\($0)" })
        year.results(
            "K2-1",
            keys.enumerated().map { index, key in
                (
                    key, index < 11 ? .ok : .remark,
                    index < 11 ? nil : index % 2 == 0 ? "Kommunicering ej dokumenterad" : "Motivering saknas"
                )
            })
        #expect(
            year.sentences("K2") == [
                .text(
                    "15 februari granskades 25 utredningar fördelade på 13 socialsekreterare, varav 11 var utan anmärkning."
                ),
                .text("Anmärkningarna gäller ”kommunicering ej dokumenterad” (7) och ”motivering saknas” (7)."),
            ])
    }

    @Test func smallRoundsUseNumberWordsAndGender() {
        var year = Year()
        year.draw("K2-1", control: "K2", period: "2023-05-15", keys: ["A", "B", "C"], officers: ["S1", "S2"])
        year.results(
            "K2-1", [("A", .ok, nil), ("B", .remark, "LSS-beslut saknas"), ("C", .remark, "LSS-beslut saknas")])
        year.draw("K2-2", control: "K2", period: "2023-10-15", keys: ["D"], officers: ["S3"])
        year.results("K2-2", [("D", .ok, nil)])
        #expect(
            year.sentences("K2") == [
                .text(
                    "Granskning har genomförts vid två tillfällen under året. Totalt har fyra utredningar granskats."),
                .bullets([
                    "15 maj granskades tre utredningar fördelade på två socialsekreterare, varav en var utan anmärkning.",
                    "15 oktober granskades en utredning fördelade på en socialsekreterare, utan anmärkning.",
                ]),
                .text("Samtliga anmärkningar gäller ”LSS-beslut saknas”."),
            ])
    }

    @Test func measurementsUseTheDecimalCommaAndTheStartingPoint() {
        var year = Year()
        year.add(
            .measurement(
                MeasurementRecord(
                    control: "K3", value: Measure("37") ?? Measure("0")!, unit: "%", target: Measure("50"),
                    date: Day("2022-12-31") ?? .placeholder)))
        year.add(
            .measurement(
                MeasurementRecord(
                    control: "K3", value: Measure("42,5") ?? Measure("0")!, unit: "%", target: Measure("50"),
                    date: Day("2023-08-31") ?? .placeholder)))
        year.add(
            .measurement(
                MeasurementRecord(
                    control: "K3", value: Measure("48") ?? Measure("0")!, unit: "%", target: Measure("50"),
                    date: Day("2023-12-31") ?? .placeholder)))
        #expect(
            year.sentences("K3") == [
                .text(
                    "Andelen var 37 procent per 2022-12-31, 42,5 procent per 2023-08-31 och 48 procent per 2023-12-31 (mål 50 procent)."
                )
            ])
        #expect(
            year.sentences("K3", at: .interim) == [
                .text("Andelen var 37 procent per 2022-12-31 och 42,5 procent per 2023-08-31 (mål 50 procent).")
            ])
    }

    @Test func aCountIsAntaletWithItsDenominatorAndEveryValueAndNote() {
        var year = Year()
        let day = { (text: String) in Day(text) ?? .placeholder }
        year.add(
            .measurement(
                MeasurementRecord(
                    control: "K3", value: Measure("120") ?? Measure("0")!, unit: "st", date: day("2023-04-30"),
                    note: "Inbjudan skickad i mars.",
                    of: Measure("1400"), ofWhat: "inbjudna")))
        year.add(
            .measurement(
                MeasurementRecord(
                    control: "K3", value: Measure("250") ?? Measure("0")!, unit: "st", date: day("2023-08-31"),
                    of: Measure("1410"), ofWhat: "inbjudna")))
        year.add(
            .measurement(
                MeasurementRecord(
                    control: "K3", value: Measure("324") ?? Measure("0")!, unit: "st", target: Measure("1000"),
                    date: day("2023-12-31"),
                    note: "Påminnelse i oktober", of: Measure("1422"), ofWhat: "inbjudna")))
        #expect(
            year.sentences("K3") == [
                .text(
                    // What the count is of is named once, not at every value.
                    "Antalet var 120 av 1 400 inbjudna (8,6 procent) per 2023-04-30, 250 av 1 410 (17,7 procent) per 2023-08-31 och "
                        + "324 av 1 422 (22,8 procent) per 2023-12-31 (mål 1 000 st). Inbjudan skickad i mars. Påminnelse i oktober."
                )
            ])
        var days = Year()
        days.add(
            .measurement(
                MeasurementRecord(
                    control: "K3", value: Measure("71") ?? Measure("0")!, unit: "dagar", date: day("2023-12-31"))))
        #expect(days.sentences("K3") == [.text("Värdet var 71 dagar per 2023-12-31.")])
        var count = Year()
        count.add(
            .measurement(
                MeasurementRecord(
                    control: "K3", value: Measure("1422") ?? Measure("0")!, unit: "st", date: day("2023-12-31"))))
        #expect(count.sentences("K3") == [.text("Antalet var 1 422 st per 2023-12-31.")])
    }

    @Test func summaryCountsControlPointsAndNamesTheUnassessed() {
        var year = Year()
        year.add(
            .assessment(
                AssessmentRecord(target: .control("K1"), point: .yearEnd, signal: "green", result: "", actions: "")))
        year.add(
            .assessment(
                AssessmentRecord(target: .control("K2"), point: .yearEnd, signal: "yellow", result: "", actions: "")))
        #expect(
            SummarySentence.text(plan: year.plan, state: year.state, point: .yearEnd)
                == "Vid årsbokslutet visar kontrollen att en av totalt tre kontrollpunkter har genomförts utan anmärkning eller med försumbar anmärkning. Kontrollpunkt 2.1 (E-ansökningar) har ännu inte bedömts."
        )
        year.add(
            .assessment(
                AssessmentRecord(target: .control("K3"), point: .yearEnd, signal: "green", result: "", actions: "")))
        #expect(
            SummarySentence.text(plan: year.plan, state: year.state, point: .yearEnd)
                == "Vid årsbokslutet visar kontrollen att två av totalt tre kontrollpunkter har genomförts utan anmärkning eller med försumbar anmärkning."
        )
        #expect(
            SummarySentence.text(plan: year.plan, state: year.state, point: .interim)
                == "Vid delårsbokslutet har ingen av totalt tre kontrollpunkter bedömts ännu.")
        year.add(
            .assessment(
                AssessmentRecord(target: .control("K1"), point: .interim, signal: "red", result: "", actions: "")))
        #expect(
            SummarySentence.text(plan: year.plan, state: year.state, point: .interim)
                == "Vid delårsbokslutet visar kontrollen att ingen av totalt tre kontrollpunkter har genomförts utan anmärkning eller med försumbar anmärkning. Kontrollpunkterna 1.2 (Granskning) och 2.1 (E-ansökningar) har ännu inte bedömts."
        )
    }

    @Test func summaryCountsRiskAreasWhenThePlanAssessesThem() {
        var year = Year()
        year.plan.assessmentLevel = .risk
        year.add(
            .assessment(
                AssessmentRecord(target: .risk("R1"), point: .yearEnd, signal: "green", result: "", actions: "")))
        year.add(
            .assessment(
                AssessmentRecord(target: .risk("R2"), point: .yearEnd, signal: "green", result: "", actions: "")))
        #expect(
            SummarySentence.text(plan: year.plan, state: year.state, point: .yearEnd)
                == "Vid årsbokslutet visar kontrollen att båda kontrollområdena har genomförts utan anmärkning eller med försumbar anmärkning."
        )
        year.add(
            .assessment(AssessmentRecord(target: .risk("R2"), point: .yearEnd, signal: "red", result: "", actions: "")))
        #expect(
            SummarySentence.text(plan: year.plan, state: year.state, point: .yearEnd)
                == "Vid årsbokslutet visar kontrollen att ett av nämndens två kontrollområden har genomförts utan anmärkning eller med försumbar anmärkning."
        )
    }

    /// At the interim, areas followed up only at the year end are not counted as the committee's.
    @Test func theInterimSummaryCountsTheAreasFollowedUpThenNotAllTheCommittees() {
        var year = Year()
        year.plan.assessmentLevel = .risk
        try? year.plan.addControl(
            ControlPoint(id: "K4", text: "Avgifter", method: .sample, followUp: .interim), to: "R2")
        year.plan.addRisk(Risk(id: "R3", text: "Kompetens"))
        try? year.plan.addControl(
            ControlPoint(id: "K5", text: "Utbildning", method: .measurement, followUp: .yearEnd), to: "R3")
        year.plan.addRisk(Risk(id: "R4", text: "Avvikelser"))
        try? year.plan.addControl(
            ControlPoint(id: "K6", text: "Avvikelser utreds", method: .measurement, followUp: .yearEnd), to: "R4")
        let interim = { SummarySentence.text(plan: year.plan, state: year.state, point: .interim) }
        #expect(interim() == "Av de två kontrollområden som följs upp vid delårsbokslutet har inget bedömts ännu.")
        year.add(
            .assessment(
                AssessmentRecord(target: .risk("R1"), point: .interim, signal: "green", result: "", actions: "")))
        #expect(
            interim()
                == "Av de två kontrollområden som följs upp vid delårsbokslutet visar kontrollen att ett har genomförts utan anmärkning eller med försumbar anmärkning. Kontrollområde 2 (Digitalisering) har ännu inte bedömts."
        )
        year.add(
            .assessment(
                AssessmentRecord(target: .risk("R2"), point: .interim, signal: "green", result: "", actions: "")))
        #expect(
            interim()
                == "Av de två kontrollområden som följs upp vid delårsbokslutet visar kontrollen att båda har genomförts utan anmärkning eller med försumbar anmärkning."
        )
        year.plan.risks[1].controls = year.plan.risks[1].controls.map {
            var control = $0
            control.followUp = .yearEnd
            return control
        }
        #expect(
            interim()
                == "Det enda kontrollområde som följs upp vid delårsbokslutet har genomförts utan anmärkning eller med försumbar anmärkning."
        )
        // The year end lists every area: the committee's four.
        #expect(
            SummarySentence.text(plan: year.plan, state: year.state, point: .yearEnd).contains(
                "av nämndens fyra kontrollområden"))
    }

    @Test func onlyControlsReportedAtThePointAreIncluded() throws {
        var year = Year()
        year.plan.risks[1].controls[0].followUp = .yearEnd
        let interim = try Appendix.build(plan: year.plan, state: year.state, point: .interim)
        #expect(interim.groups.map(\.id) == ["R1"])
        #expect(interim.title == "Bilaga 1. Uppföljning av internkontroll vid delårsbokslut 2023")
        let yearEnd = try Appendix.build(plan: year.plan, state: year.state, point: .yearEnd)
        #expect(yearEnd.groups.flatMap(\.rows).map(\.id) == ["K1", "K2", "K3"])
    }

    @Test func theYearEndListsWhatWasConcludedAtTheInterimWithItsInterimSignal() throws {
        var year = Year()
        year.plan.risks[0].controls[0].followUp = .yearEnd
        year.plan.risks[1].controls[0].followUp = .interim
        year.add(
            .assessment(
                AssessmentRecord(
                    target: .control("K3"), point: .interim, signal: "yellow", result: "Ökar.", actions: "")))
        let yearEnd = try Appendix.build(plan: year.plan, state: year.state, point: .yearEnd)
        let k3 = try #require(yearEnd.groups.flatMap(\.rows).first { $0.id == "K3" })
        #expect(k3.signal?.id == "yellow")
        #expect(k3.generated.first == .text("Kontrollpunkten slutredovisades vid delårsbokslutet."))
        #expect(k3.result == [.text("Ökar.")])
        #expect(
            SummarySentence.text(plan: year.plan, state: year.state, point: .yearEnd)
                == "Vid årsbokslutet visar kontrollen att ingen av totalt tre kontrollpunkter har genomförts utan anmärkning eller med försumbar anmärkning. Kontrollpunkterna 1.1 (Loggkontroll) och 1.2 (Granskning) har ännu inte bedömts."
        )
        // The interim leaves out what is followed up only at the year end, and keeps the plan's numbers.
        let interim = try Appendix.build(plan: year.plan, state: year.state, point: .interim)
        #expect(interim.groups.flatMap(\.rows).map(\.id) == ["K2", "K3"])
        #expect(interim.groups.map(\.number) == [1, 2])
        year.plan.risks[0].controls[1].followUp = .yearEnd
        #expect(try Appendix.build(plan: year.plan, state: year.state, point: .interim).groups.map(\.number) == [2])
    }

    @Test func everyKindTiedWithTheThirdIsNamedAndEachReadsInTheSentence() {
        var stats = ReviewStatistics(draws: [], in: YearState(events: []))
        stats.remarks = 25
        stats.remarkKinds = [
            ("Handläggning ej dokumenterad.", 9), ("ekonomisk bedömning saknas", 7), ("ej enligt riktlinjen", 4),
            ("LSS-beslut saknas", 4), ("sent", 1),
        ]
        #expect(
            Narrative.remarkKinds(stats) == [
                .text(
                    "De vanligaste anmärkningarna gäller ”handläggning ej dokumenterad” (9), ”ekonomisk bedömning saknas” (7), ”ej enligt riktlinjen” (4) och ”LSS-beslut saknas” (4)."
                )
            ])
        stats.remarks = 1
        stats.remarkKinds = [("ej enligt riktlinjen", 1)]
        #expect(Narrative.remarkKinds(stats) == [.text("Anmärkningen gäller ”ej enligt riktlinjen”.")])
    }

    @Test func strataCountWhatWasNotReviewedWithItsReasonsAndNeverSayNoll() {
        var year = Year()
        let rule = SampleRule(
            size: .strata([StratumRule("SoL hemtjänst=5%"), StratumRule("LSS=25%")].compactMap { $0 }),
            keyColumn: "Beslut", stratumColumn: "Insats")
        year.plan.risks[0].controls[1].sampleRule = rule
        year.add(
            .draw(
                DrawRecord(
                    id: "K2-1", control: "K2", seed: (try? Seed("s")) ?? .generate(), isSeedGenerated: false,
                    rule: rule,
                    period: "2023-06-30", date: Day("2023-06-30") ?? .placeholder,
                    population: PopulationSummary(
                        file: "p.csv", count: 100, fingerprint: "f", strata: ["SoL hemtjänst": 80, "LSS": 20]),
                    items: [
                        DrawnItem(key: "A", stratum: "SoL hemtjänst"), DrawnItem(key: "B", stratum: "SoL hemtjänst"),
                        DrawnItem(key: "C", stratum: "LSS"), DrawnItem(key: "D", stratum: "LSS"),
                        DrawnItem(key: "E", stratum: "LSS"),
                    ])))
        year.results(
            "K2-1",
            [("A", .notReviewed, nil), ("B", .notReviewed, nil), ("C", .remark, "Sent"), ("D", .remark, "Sent")])
        let bullets =
            year.sentences("K2").compactMap { paragraph -> [String]? in
                if case .bullets(let lines) = paragraph { return lines } else { return nil }
            }.first ?? []
        #expect(
            bullets == [
                "SoL hemtjänst: två utredningar kunde inte granskas (flyttat).",
                "LSS: två utredningar har granskats, samtliga med anmärkning; resultat saknas ännu för en utredning.",
            ])
        #expect(!year.sentences("K2").description.contains("noll"))
    }

    @Test(arguments: [
        ("2023-03", "2023-09", "i mars och i september"),
        ("2023-02-15", "2023-10-15", "den 15 februari och den 15 oktober"),
        ("2023-T1", "2023-T3", "under första tertialet och under tredje tertialet"),
        ("vår", "höst", "i vår och i höst"),
    ])
    func aStratumOverSeveralDrawsIsCountedOverTheYearWithEachDrawsCount(first: String, second: String, when: String) {
        var year = Year()
        let rule = SampleRule(
            size: .strata([StratumRule("SoL hemtjänst=5%"), StratumRule("LSS=25%")].compactMap { $0 }),
            keyColumn: "Beslut", stratumColumn: "Insats")
        year.plan.risks[0].controls[1].sampleRule = rule
        for (number, period) in [first, second].enumerated() {
            year.add(
                .draw(
                    DrawRecord(
                        id: DrawID(rawValue: "K2-\(number + 1)"), control: "K2", seed: (try? Seed("s")) ?? .generate(),
                        isSeedGenerated: false, rule: rule,
                        period: period, date: Day("2023-06-30") ?? .placeholder,
                        population: PopulationSummary(
                            file: "p.csv", count: 100, fingerprint: "f", strata: ["SoL hemtjänst": 80, "LSS": 20]),
                        items: [
                            DrawnItem(key: "A\(number)", stratum: "SoL hemtjänst"),
                            DrawnItem(key: "B\(number)", stratum: "SoL hemtjänst"),
                            DrawnItem(key: "C\(number)", stratum: "LSS"),
                        ])))
        }
        year.results("K2-1", [("A0", .ok, nil), ("B0", .remark, "Sent"), ("C0", .ok, nil)])
        year.results("K2-2", [("A1", .ok, nil), ("B1", .ok, nil), ("C1", .ok, nil)])
        let bullets =
            year.sentences("K2").compactMap { paragraph -> [String]? in
                if case .bullets(let lines) = paragraph { return lines } else { return nil }
            }.first ?? []
        let each = when.components(separatedBy: " och ")
        #expect(
            bullets == [
                "SoL hemtjänst: fyra utredningar har granskats (två \(each[0]) och två \(each[1])), varav tre utan anmärkning (75 procent).",
                "LSS: två utredningar har granskats (en \(each[0]) och en \(each[1])), samtliga utan anmärkning.",
            ])
    }

    @Test func refusesAPersonnummerAnywhereInTheAppendix() {
        var year = Year()
        year.add(
            .assessment(
                AssessmentRecord(
                    target: .control("K2"), point: .yearEnd, signal: "green", result: "Bra.",
                    actions: "Kontakta 19811218-9876.")))
        #expect(
            throws: ReportError.personalData(place: "control point K2", field: "actions text", masked: "19811218-****")
        ) {
            try Appendix.build(plan: year.plan, state: year.state, point: .yearEnd)
        }
        var plan = Self.plan()
        plan.risks[0].text = "Risk för 811218-9876"
        #expect(throws: ReportError.personalData(place: "risk R1", field: "Identifierad risk", masked: "811218-****")) {
            try Appendix.build(plan: plan, state: YearState(events: []), point: .yearEnd)
        }
    }

    @Test func htmlSpansARisksRowsAndEscapesText() throws {
        var year = Year()
        year.plan.risks[0].text = "Risk <b>&</b> \"citat\"\u{07}"
        year.add(
            .assessment(
                AssessmentRecord(
                    target: .control("K1"), point: .yearEnd, signal: "green", result: "<script>alert(1)</script>",
                    actions: "")))
        let html = HTMLRenderer.render(try Appendix.build(plan: year.plan, state: year.state, point: .yearEnd))
        #expect(
            html.contains(
                "<th scope=\"rowgroup\" class=\"risk\" valign=\"top\" rowspan=\"2\">Risk &lt;b&gt;&amp;&lt;/b&gt; &quot;citat&quot;</th>"
            ))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<html lang=\"sv\">"))
        #expect(html.contains("size: A4 landscape;"))
        #expect(
            html.contains(
                "<span class=\"mark\" style=\"color: #1b5e20\" aria-hidden=\"true\">●</span> <span title=\"Kontrollen är genomförd utan anmärkning/med försumbar anmärkning\">Grön</span>"
            ))
        #expect(!html.contains("http"))
    }

    @Test func csvLeavesSpannedRiskCellsBlankAndNeutralisesFormulas() throws {
        var year = Year()
        year.add(
            .assessment(
                AssessmentRecord(
                    target: .control("K1"), point: .yearEnd, signal: "green", result: "=SUMMA(A1)", actions: "")))
        let bytes = CSVRenderer.render(try Appendix.build(plan: year.plan, state: year.state, point: .yearEnd))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let table = try CSVTable.parse(bytes)
        #expect(
            table.header == [
                "Identifierad risk", "Vad kontrolleras?", "Frekvens uppföljning", "Metod", "Bedömning",
                "Resultat och åtgärder",
            ])
        #expect(table.rows.map { $0.fields[0] } == ["Rättssäkerhet", "", "Digitalisering"])
        #expect(table.rows[0].fields[5] == "'=SUMMA(A1)")
        #expect(table.rows[1].fields[4] == "Ej bedömd")
    }
}
