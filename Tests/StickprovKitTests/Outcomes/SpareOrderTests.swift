import Testing

@testable import StickprovKit

/// A spare is used only in its order and only in the place of a sampled item recorded as not
/// reviewed, so the items reviewed never exceed the sample.
@Suite struct SpareOrderTests {
    /// K2-1: items A, B, C and spares S1, S2.
    static func state() -> YearState {
        YearState(
            events: YearStateTests.events([
                .draw(YearStateTests.draw("K2-1", keys: ["A", "B", "C"], spares: ["S1", "S2"]))
            ]))
    }

    static func record(_ state: inout YearState, _ key: String, _ result: ReviewResult, replaces: String? = nil)
        throws -> OutcomeRecord?
    {
        var outcome = OutcomeRecord(
            draw: "K2-1", key: key, result: result,
            remarkKind: result == .remark ? "Kommunicering ej dokumenterad" : nil,
            note: result == .notReviewed ? "Akten saknas" : nil)
        outcome.replaces = replaces
        switch try YearStateTests.record(&state, outcome) {
        case .outcome(let record), .correction(let record): return record
        default: return nil
        }
    }

    @Test func aSpareBeforeTheEarlierOneIsRefusedNamingBoth() throws {
        var state = Self.state()
        _ = try Self.record(&state, "B", .notReviewed)
        let error = RecordError.spareOutOfOrder("S2", number: 2, earlier: "S1", earlierNumber: 1, draw: "K2-1")
        #expect(throws: error) { try Self.record(&state, "S2", .ok) }
        #expect(
            error.message
                == "'S2' is Reserv 2 of draw K2-1, and Reserv 1 ('S1') is not used yet: spares are used in their order")
    }

    @Test func aSpareWithNothingNotReviewedToReplaceIsRefusedNamingBoth() throws {
        var state = Self.state()
        _ = try Self.record(&state, "A", .ok)
        let error = RecordError.nothingToReplace("S1", number: 1, stratum: nil, draw: "K2-1")
        #expect(throws: error) { try Self.record(&state, "S1", .ok) }
        #expect(
            error.message
                == "'S1' (Reserv 1) of draw K2-1 has no item to replace: a spare replaces a sampled item recorded as not reviewed, and none is; record the item that cannot be reviewed with --not-reviewed REASON first"
        )
    }

    @Test func recordingEveryItemAndSpareNeverCountsMoreThanTheSample() throws {
        var state = Self.state()
        _ = try Self.record(&state, "A", .ok)
        _ = try Self.record(&state, "B", .notReviewed)
        _ = try Self.record(&state, "C", .remark)
        #expect(try Self.record(&state, "S1", .ok)?.replaces == "B")
        #expect(throws: RecordError.nothingToReplace("S2", number: 2, stratum: nil, draw: "K2-1")) {
            try Self.record(&state, "S2", .ok)
        }
        let stats = ReviewStatistics(draws: state.draws, in: state)
        #expect((stats.drawn, stats.reviewed, stats.ok, stats.remarks, stats.notReviewed) == (3, 3, 2, 1, 1))
        #expect(stats.sparesReviewed == 1 && stats.pending == 0)
        #expect(
            StatusListing.replacements(SampleSlots(draw: state.draws[0], in: state)) == [
                "      Reserv 1 'S1' replaces Nr 2 'B' (ej granskad): utan anmärkning"
            ])
    }

    @Test func aSpareNotReviewedLeavesThePlaceToTheNextSpare() throws {
        var state = Self.state()
        _ = try Self.record(&state, "B", .notReviewed)
        #expect(try Self.record(&state, "S1", .notReviewed)?.replaces == "B")
        #expect(try Self.record(&state, "S2", .remark)?.replaces == "B")
        let stats = ReviewStatistics(draws: state.draws, in: state)
        #expect((stats.reviewed, stats.remarks, stats.notReviewed, stats.pending) == (1, 1, 2, 2))
    }

    @Test func replacesNamesANotReviewedOrNotApplicableItemOfTheSample() throws {
        var state = Self.state()
        _ = try Self.record(&state, "A", .ok)
        _ = try Self.record(&state, "B", .notApplicable)
        _ = try Self.record(&state, "C", .notReviewed)
        #expect(
            throws: RecordError.cannotReplace("S1", number: 1, item: "A", result: .ok, holder: nil, draw: "K2-1")
        ) { try Self.record(&state, "S1", .ok, replaces: "A") }
        #expect(
            RecordError.cannotReplace("S1", number: 1, item: "A", result: .ok, holder: nil, draw: "K2-1").message
                == "'S1' (Reserv 1) cannot replace 'A' of draw K2-1: it is recorded as utan anmärkning; a spare replaces an item recorded as not reviewed (or not applicable)"
        )
        #expect(throws: RecordError.notASampledItem("S2", draw: "K2-1")) {
            try Self.record(&state, "S1", .ok, replaces: "S2")
        }
        #expect(throws: RecordError.replacesForSampledItem("A", draw: "K2-1")) {
            try Self.record(&state, "A", .ok, replaces: "C")
        }
        #expect(try Self.record(&state, "S1", .ok, replaces: "B")?.replaces == "B")
        // Its correction keeps its place; the default place of the next spare is the item not reviewed.
        #expect(try Self.record(&state, "S1", .remark)?.replaces == "B")
        #expect(try Self.record(&state, "S2", .ok)?.replaces == "C")
        let stats = ReviewStatistics(draws: state.draws, in: state)
        #expect((stats.reviewed, stats.notApplicable, stats.sparesReviewed) == (3, 0, 2))
    }

    @Test func anItemCorrectedAfterItsSpareWasReviewedCountsInsteadOfTheSpare() throws {
        var state = Self.state()
        _ = try Self.record(&state, "B", .notReviewed)
        _ = try Self.record(&state, "S1", .remark)
        _ = try Self.record(&state, "B", .ok)
        let stats = ReviewStatistics(draws: state.draws, in: state)
        #expect((stats.reviewed, stats.ok, stats.remarks, stats.sparesReviewed) == (1, 1, 0, 0))
        #expect(
            StatusListing.replacements(SampleSlots(draw: state.draws[0], in: state)) == [
                "      Reserv 1 'S1' replaces Nr 2 'B' (utan anmärkning): anmärkning (not counted)"
            ])
    }

    @Test func aSpareRecordedBeforeSparesWereCheckedCountsOnlyInAPlaceLeftOpen() throws {
        // Journal lines written before a spare named what it replaces: S1 and S2 with one item not reviewed.
        let spare = { (key: String) in OutcomeRecord(draw: "K2-1", key: key, result: .ok, isSpare: true) }
        let state = YearState(
            events: YearStateTests.events([
                .draw(YearStateTests.draw("K2-1", keys: ["A", "B", "C"], spares: ["S1", "S2"])),
                .outcome(OutcomeRecord(draw: "K2-1", key: "A", result: .ok)),
                .outcome(OutcomeRecord(draw: "K2-1", key: "B", result: .notReviewed, note: "Akten saknas")),
                .outcome(OutcomeRecord(draw: "K2-1", key: "C", result: .ok)),
                .outcome(spare("S2")), .outcome(spare("S1")),
            ]))
        let stats = ReviewStatistics(draws: state.draws, in: state)
        #expect((stats.drawn, stats.reviewed, stats.sparesReviewed) == (3, 3, 1))
        #expect(
            StatusListing.replacements(SampleSlots(draw: state.draws[0], in: state)) == [
                "      Reserv 1 'S1' replaces Nr 2 'B' (ej granskad): utan anmärkning",
                "      Reserv 2 'S2': utan anmärkning, replaces no item (none is recorded as not reviewed): not counted",
            ])
    }

    @Test func aStratumsSparesAreInTheirOwnOrderAndReplaceItsOwnItems() throws {
        var draw = YearStateTests.draw("K2-1", keys: ["A", "B"], spares: ["S1", "S2"])
        draw.items = [DrawnItem(key: "A", stratum: "LSS"), DrawnItem(key: "B", stratum: "SoL")]
        draw.spares = [DrawnItem(key: "S1", stratum: "LSS"), DrawnItem(key: "S2", stratum: "SoL")]
        var state = YearState(events: YearStateTests.events([.draw(draw)]))
        _ = try Self.record(&state, "B", .notReviewed)
        #expect(throws: RecordError.replacesOtherStratum("S1", item: "B", draw: "K2-1")) {
            try Self.record(&state, "S1", .ok, replaces: "B")
        }
        #expect(throws: RecordError.nothingToReplace("S1", number: 1, stratum: "LSS", draw: "K2-1")) {
            try Self.record(&state, "S1", .ok)
        }
        #expect(try Self.record(&state, "S2", .ok)?.replaces == "B")
    }
}

/// A review day that cannot be true is refused, naming both days.
@Suite struct ReviewDayTests {
    @Test func aReviewBeforeItsDrawOrAfterTodayIsRefused() throws {
        let draw = YearStateTests.draw("K3-2", control: "K3", keys: ["A"])  // drawn 2023-02-15
        let today = try #require(Day("2023-03-01"))
        let early = try #require(Day("2023-02-10"))
        #expect(throws: RecordError.reviewBeforeDraw(early, draw: "K3-2", drawnOn: draw.date)) {
            try Recording.reviewDay(given: early, today: today, planYear: 2023, draw: draw)
        }
        #expect(
            RecordError.reviewBeforeDraw(early, draw: "K3-2", drawnOn: draw.date).message
                == "the review day 2023-02-10 is before K3-2 was drawn (2023-02-15)")
        let late = try #require(Day("2023-03-02"))
        #expect(throws: RecordError.reviewAfterToday(late, today: today)) {
            try Recording.reviewDay(given: late, today: today, planYear: 2023, draw: draw)
        }
        #expect(
            RecordError.reviewAfterToday(late, today: today).message
                == "the review day 2023-03-02 is after today (2023-03-01)")
        #expect(try Recording.reviewDay(given: draw.date, today: today, planYear: 2023, draw: draw) == draw.date)
        #expect(try Recording.reviewDay(given: today, today: today, planYear: 2023, draw: draw) == today)
    }

    @Test func aWorksheetRowDatedBeforeItsDrawOrAfterTodayIsRefused() throws {
        let state = YearState(
            events: YearStateTests.events([.draw(YearStateTests.draw("K2-1", keys: ["SN-1", "SN-2", "SN-3"]))]))
        let table = try CSVTable.parse(
            Array(
                [
                    "Dragning;Frö;Nr;Ärendenummer;Resultat;Typ av anmärkning;Kommentar;Granskad av;Datum",
                    "K2-1;s;1;SN-1;ok;;;;2023-02-14",
                    "K2-1;s;2;SN-2;ok;;;;2023-03-02",
                    "K2-1;s;3;SN-3;ok;;;;2023-02-15",
                ].joined(separator: "\r\n").utf8))
        let today = try #require(Day("2023-03-01"))
        #expect(
            throws: RecordError.rows([
                .init(
                    line: 2,
                    error: .reviewBeforeDraw(
                        try #require(Day("2023-02-14")), draw: "K2-1", drawnOn: state.draws[0].date)
                ),
                .init(line: 3, error: .reviewAfterToday(try #require(Day("2023-03-02")), today: today)),
            ])
        ) { try WorksheetImport.events(from: table, plan: YearStateTests.plan, state: state, today: today) }
    }
}

extension SpareOrderTests {
    @Test func aSheetSortedInASpreadsheetIsReadWithItsSparesInTheirOrderAfterTheItems() throws {
        let table = try CSVTable.parse(
            Array(
                [
                    "Dragning;Frö;Nr;Ärendenummer;Resultat;Typ av anmärkning;Kommentar;Granskad av;Datum",
                    "K2-1;s;Reserv 2;S2;ok;;;;",
                    "K2-1;s;Reserv 1;S1;ej granskad;;Akten saknas;;",
                    "K2-1;s;1;A;ok;;;;",
                    "K2-1;s;2;B;ej granskad;;Akten saknas;;",
                    "K2-1;s;3;C;ok;;;;",
                ].joined(separator: "\r\n").utf8))
        let events = try WorksheetImport.events(
            from: table, plan: YearStateTests.plan, state: Self.state(), today: YearStateTests.today)
        let recorded = events.compactMap { event -> OutcomeRecord? in
            if case .outcome(let record) = event { record } else { nil }
        }
        #expect(recorded.map(\.key) == ["A", "B", "C", "S1", "S2"])
        #expect(recorded.map(\.replaces) == [nil, nil, nil, "B", "B"])
    }
}
