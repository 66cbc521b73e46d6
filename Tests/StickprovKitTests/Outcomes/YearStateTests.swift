import Testing

@testable import StickprovKit

@Suite struct YearStateTests {
    static let plan: ControlPlan = {
        var plan = PlanFileTests.samplePlan()
        plan.risks[0].controls[1].remarkKinds = ["Kommunicering ej dokumenterad", "Motivering av beslutsskäl saknas"]
        plan.addRisk(Risk(id: "R2", text: "Digitalisering"))
        try? plan.addControl(ControlPoint(id: "K4", text: "E-ansökningar", method: .measurement), to: "R2")
        return plan
    }()

    /// The day the tests record on: after every draw of theirs.
    static let today = Day("2023-12-31") ?? .placeholder

    static func draw(
        _ id: String, control: ControlID = "K2", keys: [String], spares: [String] = [], officers: [String] = []
    ) -> DrawRecord {
        let items = keys.enumerated().map { index, key in
            DrawnItem(key: key, carried: officers.isEmpty ? [:] : ["Handläggare": officers[index % officers.count]])
        }
        return DrawRecord(
            id: DrawID(rawValue: id), control: control, seed: (try? Seed("s")) ?? .generate(), isSeedGenerated: false,
            rule: SampleRule(
                size: .count(keys.count), keyColumn: "Ärendenummer", carry: officers.isEmpty ? [] : ["Handläggare"]),
            period: "2023-02-15", date: Day(year: 2023, month: 2, day: 15) ?? .placeholder,
            population: PopulationSummary(file: "p.csv", count: 100, fingerprint: "f"),
            items: items, spares: spares.map { DrawnItem(key: $0) })
    }

    /// Appends through the same path the CLI uses, so sequence numbers are real.
    static func events(_ payloads: [JournalPayload]) -> [JournalEvent] {
        payloads.enumerated().map { JournalEvent(sequence: $0 + 1, time: "t", actor: "a", payload: $1) }
    }

    static func record(_ state: inout YearState, _ outcome: OutcomeRecord) throws -> JournalPayload? {
        let payload = try Recording.outcome(outcome, plan: plan, state: state)
        if let payload {
            state.apply(JournalEvent(sequence: state.eventCount + 1, time: "t", actor: "a", payload: payload))
        }
        return payload
    }

    @Test func aYearOfEventsFoldsToTheExpectedState() throws {
        var state = YearState(
            events: Self.events([
                .draw(Self.draw("K2-1", keys: ["A", "B", "C", "D"], spares: ["E"], officers: ["Åsa", "Björn", "Åsa"]))
            ]))
        _ = try Self.record(&state, OutcomeRecord(draw: "K2-1", key: "A", result: .ok))
        _ = try Self.record(
            &state, OutcomeRecord(draw: "K2-1", key: "B", result: .remark, remarkKind: "kommunicering ej dokumenterad"))
        _ = try Self.record(&state, OutcomeRecord(draw: "K2-1", key: " C ", result: .notReviewed, note: "Överflyttat"))
        _ = try Self.record(
            &state,
            OutcomeRecord(draw: "K2-1", key: "E", result: .remark, remarkKind: "Motivering av beslutsskäl saknas"))
        // A correction: A had a remark after all.
        let correction = try Self.record(
            &state, OutcomeRecord(draw: "K2-1", key: "A", result: .remark, remarkKind: "Kommunicering ej dokumenterad"))
        #expect(
            correction
                == .correction(
                    OutcomeRecord(
                        draw: "K2-1", key: "A", result: .remark, remarkKind: "Kommunicering ej dokumenterad",
                        supersedes: 2)))
        state.apply(
            JournalEvent(
                sequence: 7, time: "t", actor: "a",
                payload: .measurement(
                    MeasurementRecord(
                        control: "K4", value: Measure("37") ?? Measure("0")!, unit: "%",
                        date: Day("2022-12-31") ?? .placeholder))))
        state.apply(
            JournalEvent(
                sequence: 8, time: "t", actor: "a",
                payload: .measurement(
                    MeasurementRecord(
                        control: "K4", value: Measure("48") ?? Measure("0")!, unit: "%", target: Measure("50"),
                        date: Day("2023-12-31") ?? .placeholder))))
        state.apply(
            JournalEvent(
                sequence: 9, time: "t", actor: "a",
                payload: .assessment(
                    AssessmentRecord(target: .control("K2"), point: .yearEnd, signal: "green", result: "r", actions: "")
                )))
        state.apply(
            JournalEvent(
                sequence: 10, time: "t", actor: "a",
                payload: .assessment(
                    AssessmentRecord(
                        target: .control("K2"), point: .yearEnd, signal: "yellow", result: "r2", actions: "a"))))

        let stats = ReviewStatistics(draws: state.draws(of: "K2"), in: state)
        #expect(stats.drawn == 4)
        #expect(stats.reviewed == 3)
        #expect(stats.ok == 0)
        #expect(stats.remarks == 3)
        #expect(stats.notReviewed == 1)
        #expect(stats.pending == 1)
        #expect(stats.sparesReviewed == 1)
        #expect(stats.remarkKinds.map(\.kind) == ["Kommunicering ej dokumenterad", "Motivering av beslutsskäl saknas"])
        #expect(stats.remarkKinds.map(\.count) == [2, 1])
        #expect(stats.officers == 2)
        #expect(state.outcome("K2-1", "A")?.corrections == 1)
        #expect(
            state.latestMeasurement(of: "K4", onOrBefore: Day("2023-08-31") ?? .placeholder)?.value == Measure("37"))
        #expect(
            state.latestMeasurement(of: "K4", onOrBefore: Day("2023-12-31") ?? .placeholder)?.target == Measure("50"))
        #expect(state.assessment(.control("K2"), at: .yearEnd)?.signal == "yellow")
        #expect(state.assessment(.control("K2"), at: .interim) == nil)
    }

    /// "granskades ett ärende fördelade på tre handläggare" was the officers of every drawn item:
    /// once anything is reviewed, only the reviewed items' officers count.
    @Test func officersAreThoseOfTheReviewedItemsOnceAnyIsReviewed() throws {
        var state = YearState(
            events: Self.events([
                .draw(Self.draw("K2-1", keys: ["A", "B", "C"], officers: ["Åsa", "Björn", "Cecilia"]))
            ]))
        #expect(ReviewStatistics(draws: state.draws(of: "K2"), in: state).officers == 3)
        _ = try Self.record(&state, OutcomeRecord(draw: "K2-1", key: "A", result: .ok))
        _ = try Self.record(&state, OutcomeRecord(draw: "K2-1", key: "B", result: .notReviewed, note: "Akten saknas"))
        #expect(ReviewStatistics(draws: state.draws(of: "K2"), in: state).officers == 1)
    }

    @Test func recordingTheSameResultAgainAddsNothing() throws {
        var state = YearState(events: Self.events([.draw(Self.draw("K2-1", keys: ["A"]))]))
        #expect(try Self.record(&state, OutcomeRecord(draw: "K2-1", key: "A", result: .ok)) != nil)
        #expect(try Self.record(&state, OutcomeRecord(draw: "K2-1", key: "A", result: .ok)) == nil)
    }

    @Test(arguments: [
        (OutcomeRecord(draw: "K9-1", key: "A", result: .ok), RecordError.unknownDraw("K9-1", known: ["K2-1"])),
        (OutcomeRecord(draw: "K2-1", key: "Z", result: .ok), .unknownItem("Z", draw: "K2-1")),
        (OutcomeRecord(draw: "K2-1", key: "A", result: .remark), .remarkKindRequired),
        (OutcomeRecord(draw: "K2-1", key: "A", result: .notReviewed, note: "  "), .reasonRequired),
        (
            OutcomeRecord(draw: "K2-1", key: "A", result: .ok, note: "Gäller 19811218-9876"),
            .personalData(field: "the note", masked: "19811218-****")
        ),
    ])
    func refusesWhatCannotBeRecorded(outcome: OutcomeRecord, error: RecordError) {
        let state = YearState(events: Self.events([.draw(Self.draw("K2-1", keys: ["A"]))]))
        #expect(throws: error) { try Recording.outcome(outcome, plan: Self.plan, state: state) }
    }

    @Test func aControlMayAllowPersonalDataInNotesButNeverInRemarkKinds() throws {
        var plan = Self.plan
        plan.risks[0].controls[1].allowsPersonalDataInNotes = true
        let state = YearState(events: Self.events([.draw(Self.draw("K2-1", keys: ["A"]))]))
        let note = OutcomeRecord(draw: "K2-1", key: "A", result: .ok, note: "Gäller 19811218-9876")
        #expect(try Recording.outcome(note, plan: plan, state: state) != nil)
        let kind = OutcomeRecord(draw: "K2-1", key: "A", result: .remark, remarkKind: "19811218-9876")
        #expect(throws: RecordError.personalData(field: "the remark kind", masked: "19811218-****")) {
            try Recording.outcome(kind, plan: plan, state: state)
        }
    }

    @Test func assessmentsUseThePlansSignalsAndRefusePersonalData() throws {
        let record = AssessmentRecord(
            target: .control("K2"), point: .interim, signal: "GREEN", result: "r", actions: "")
        #expect(
            try Recording.assessment(record, plan: Self.plan)
                == .assessment(
                    AssessmentRecord(target: .control("K2"), point: .interim, signal: "green", result: "r", actions: "")
                ))
        var purple = record
        purple.signal = "purple"
        #expect(throws: RecordError.unknownSignal("purple", known: ["green (Grön)", "yellow (Gul)", "red (Röd)"])) {
            try Recording.assessment(purple, plan: Self.plan)
        }
        var leaky = record
        leaky.actions = "Kontakt med 811218-9876"
        #expect(throws: RecordError.personalData(field: "the actions text", masked: "811218-****")) {
            try Recording.assessment(leaky, plan: Self.plan)
        }
    }

    @Test func anAssessmentTheAppendixWouldNotShowIsRefused() throws {
        var plan = Self.plan
        let area = AssessmentRecord(target: .risk("R1"), point: .yearEnd, signal: "green", result: "", actions: "")
        #expect(throws: RecordError.notAssessedLevel(.risk("R1"), level: .controlPoint)) {
            try Recording.assessment(area, plan: plan)
        }
        plan.assessmentLevel = .risk
        #expect(try Recording.assessment(area, plan: plan) == .assessment(area))
        let point = AssessmentRecord(target: .control("K2"), point: .yearEnd, signal: "green", result: "", actions: "")
        #expect(throws: RecordError.notAssessedLevel(.control("K2"), level: .risk)) {
            try Recording.assessment(point, plan: plan)
        }
        for index in plan.risks[0].controls.indices { plan.risks[0].controls[index].followUp = .interim }
        #expect(plan.followUp(of: .risk("R1")) == .interim)
        #expect(throws: RecordError.notFollowedUp(.risk("R1"), at: .yearEnd, followUp: .interim)) {
            try Recording.assessment(area, plan: plan)
        }
        var interim = area
        interim.point = .interim
        #expect(try Recording.assessment(interim, plan: plan) == .assessment(interim))
    }

    @Test(arguments: [
        (0, 180, 0.016505228), (1, 180, 0.026082303), (14, 25, 0.730146941), (0, 1, 0.95), (3, 79, 0.095229308),
        (24, 25, 0.997950372),
    ])
    func upperBoundMatchesTheBetaQuantile(deviations: Int, size: Int, expected: Double) throws {
        let bound = try #require(ClopperPearson.upperBound(deviations: deviations, sampleSize: size))
        #expect(abs(bound - expected) < 1e-6)
    }

    @Test func upperBoundEdges() {
        #expect(ClopperPearson.upperBound(deviations: 0, sampleSize: 0) == nil)
        #expect(ClopperPearson.upperBound(deviations: 5, sampleSize: 5) == 1)
    }

    @Test(arguments: [("48", "48"), ("37,5", "37.5"), ("-3", "-3"), ("0.0125", "0.0125"), ("1 234", "1234")])
    func readsMeasures(text: String, canonical: String) {
        #expect(Measure(text)?.description == canonical)
    }

    @Test(arguments: ["", "abc", "1,2,3", "1.23456", "--1"])
    func refusesMalformedMeasures(text: String) {
        #expect(Measure(text) == nil)
    }
}
