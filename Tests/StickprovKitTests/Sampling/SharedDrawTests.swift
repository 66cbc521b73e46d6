import Foundation
import Testing

@testable import StickprovKit

/// One sample for several control points of an area: which points may share it, the rule it
/// follows, its id, and how each point reads its results.
@Suite struct SharedDrawTests {
    static let strata = SampleSize.strata([
        StratumRule(stratum: "SoL hemtjänst", size: .percent(Percentage(hundredths: 500))),
        StratumRule(stratum: "LSS", size: .percent(Percentage(hundredths: 2500))),
    ])

    /// Area R1: K1 with the stratified rule, K2 without a rule, K3 with the same rule (other case
    /// in a column, another carried column), K4 with another size, K5 a measurement; area R2: K6.
    static let plan: ControlPlan = {
        var plan = ControlPlan(committee: "Vård- och omsorgsnämnden", year: 2023)
        plan.addRisk(Risk(id: "R1", text: "Besluten"))
        plan.addRisk(Risk(id: "R2", text: "Annat"))
        let rule = SampleRule(
            size: strata, keyColumn: "Beslutsnummer", stratumColumn: "Beslutstyp", carry: ["Handläggare"])
        var other = rule
        other.keyColumn = "beslutsnummer"
        other.carry = ["Enhet"]
        var larger = rule
        larger.size = .count(25)
        let controls: [(ControlPoint, RiskID)] = [
            (ControlPoint(id: "K1", text: "Riktlinjer", method: .caseReview, sampleRule: rule), "R1"),
            (
                ControlPoint(id: "K2", text: "Uppföljning", method: .caseReview, remarkKinds: ["Uppföljning saknas"]),
                "R1"
            ),
            (ControlPoint(id: "K3", text: "Dokumentation", method: .caseReview, sampleRule: other), "R1"),
            (ControlPoint(id: "K4", text: "Tidsbegränsade beslut", method: .caseReview, sampleRule: larger), "R1"),
            (ControlPoint(id: "K5", text: "Andel e-ansökningar", method: .measurement), "R1"),
            (ControlPoint(id: "K6", text: "Annat område", method: .caseReview, sampleRule: rule), "R2"),
        ]
        for (control, risk) in controls { try? plan.addControl(control, to: risk) }
        return plan
    }()

    @Test func pointsOfOneAreaShareTheRuleOfThoseThatHaveOneAndEveryCarriedColumn() throws {
        let lead = try SharedDraw.lead(["K1", "K2", "K3"], in: Self.plan)
        #expect(lead.id == "K1")
        #expect(lead.sampleRule?.size == Self.strata)
        #expect(lead.sampleRule?.keyColumn == "Beslutsnummer")
        #expect(lead.sampleRule?.carry == ["Handläggare", "Enhet"])
        // A first point without a rule takes the next point's.
        let second = try SharedDraw.lead(["K2", "K1"], in: Self.plan)
        #expect(second.id == "K2")
        #expect(second.sampleRule?.size == Self.strata)
        #expect(second.remarkKinds == ["Uppföljning saknas"])
        // One point alone is itself.
        #expect(try SharedDraw.lead(["K4"], in: Self.plan) == Self.plan.control("K4"))
    }

    @Test(arguments: [
        (
            ["K1", "K6"],
            "'K1' is in area R1 and 'K6' in area R2: one sample is shared only by control points of the same area; draw them apart"
        ),
        (
            ["K1", "K2", "K4"],
            "the sample rules of 'K1' and 'K4' differ in size: SoL hemtjänst 5 %, LSS 25 % and 25 st; a shared draw follows one rule: make them the same ('stickprov plan edit K4 …') or leave one without a rule"
        ),
        (["K1", "K1"], "control point 'K1' is named twice; name each control point of a shared draw once"),
        (["K1", "K5"], "control point 'K5' is checked by measurement, which draws no sample"),
        (["K1", "K9"], "no control point 'K9' in the plan (control points: K1, K2, K3, K4, K5, K6)"),
    ])
    func refusesPointsThatCannotShareASampleNamingWhy(ids: [String], message: String) {
        do {
            _ = try SharedDraw.lead(ids.map { ControlID(rawValue: $0) }, in: Self.plan)
            Issue.record("\(ids) was accepted")
        } catch let error as DrawError {
            #expect(error.message == message)
        } catch let error as PlanError {
            #expect(error.messages == [message])
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func rulesDifferingOnlyInACarriedColumnOrTheCaseOfAColumnAreTheSame() {
        let rule = SampleRule(size: .count(5), keyColumn: "Ärendenummer", carry: ["A"])
        var same = rule
        same.keyColumn = "ärendenummer"
        same.carry = ["B"]
        #expect(SharedDraw.difference(rule, same) == nil)
        var other = rule
        other.stratumColumn = "Beslutstyp"
        #expect(SharedDraw.difference(rule, other) == "stratum column: none and 'Beslutstyp'")
    }

    static func population() throws -> Population {
        var csv = "Beslutsnummer;Beslutstyp\n"
        for number in 1...40 { csv += "B-\(number);SoL hemtjänst\n" }
        for number in 1...8 { csv += "L-\(number);LSS\n" }
        return try Population(
            try CSVTable.parse(Array(csv.utf8)), keyColumn: "Beslutsnummer", stratumColumn: "Beslutstyp")
    }

    static func request(_ controls: [ControlID], seed: String = "s") throws -> Draw.Request {
        Draw.Request(
            control: controls[0],
            rule: SampleRule(size: strata, keyColumn: "Beslutsnummer", stratumColumn: "Beslutstyp"),
            seed: try Seed(seed), isSeedGenerated: false, period: "2023-H1",
            date: Day(year: 2023, month: 7, day: 3) ?? .placeholder,
            populationFile: "beslut.csv", sharedWith: Array(controls.dropFirst()))
    }

    @Test func aSharedDrawIsNumberedAmongTheDrawsOfTheSamePointsAndNamesThemAll() throws {
        let population = try Self.population()
        var earlier: [DrawRecord] = []
        for (controls, expected) in [
            (["K1", "K2"], "K1+K2-1"), (["K1"], "K1-1"), (["K1", "K2"], "K1+K2-2"), (["K2", "K1"], "K2+K1-1"),
        ] {
            let ids = controls.map { ControlID(rawValue: $0) }
            let record = try Draw.make(try Self.request(ids, seed: expected), population: population, earlier: earlier)
            #expect(record.id.rawValue == expected)
            #expect(record.controls == ids)
            #expect(record.control == ids[0])
            #expect(record.sharedWith == (ids.count > 1 ? Array(ids.dropFirst()) : nil))
            earlier.append(record)
        }
        // An id already in the journal is never given again.
        var taken = earlier[0]
        taken.id = "K1+K2-3"
        let next = try Draw.make(
            try Self.request(["K1", "K2"], seed: "x"), population: population, earlier: earlier + [taken])
        #expect(next.id == "K1+K2-4")
    }

    @Test func aDrawOfOnePointIsWrittenAndReadAsBeforeAndASharedOneNamesEveryPoint() throws {
        let population = try Self.population()
        let single = try Draw.make(try Self.request(["K1"]), population: population, earlier: [])
        let line = String(
            decoding: JournalLine.encode(
                .draw(single), sequence: 1, time: "t", actor: "a", prev: String(repeating: "0", count: 64)),
            as: UTF8.self)
        #expect(!line.contains("sharedWith"))
        let shared = try Draw.make(try Self.request(["K1", "K2", "K3"]), population: population, earlier: [])
        let sharedLine = String(
            decoding: JournalLine.encode(
                .draw(shared), sequence: 1, time: "t", actor: "a", prev: String(repeating: "0", count: 64)),
            as: UTF8.self)
        #expect(sharedLine.contains("\"control\":\"K1\""))
        #expect(sharedLine.contains("\"sharedWith\":[\"K2\",\"K3\"]"))
        // A line as older versions wrote it, without sharedWith, reads as a draw of one point.
        let old = try JSONDecoder().decode(
            DrawRecord.self,
            from: Data(
                #"""
                {"algorithm":"sha256-rank-v1","control":"K3","date":"2023-02-15","id":"K3-1","isSeedGenerated":false,"items":[{"key":"A"}],"notices":[],"period":"2023-02-15","population":{"count":9,"file":"p.csv","fingerprint":"f"},"rule":{"carry":[],"count":1,"keyColumn":"Ärendenummer"},"seed":"s","spares":[]}
                """#.utf8))
        #expect(old.controls == ["K3"])
        #expect(!old.isShared)
        #expect(old.viewed(as: "K3") == old)
        let outcome = try JSONDecoder().decode(
            OutcomeRecord.self, from: Data(#"{"draw":"K3-1","isSpare":false,"key":"A","result":"ok"}"#.utf8))
        #expect(outcome.control == nil)
    }

    @Test func eachPointCountsItsOwnResultsOfTheSharedDrawAsFromADrawOfItsOwn() throws {
        let plan = Self.plan
        let population = try Self.population()
        let draw = try Draw.make(try Self.request(["K1", "K2"]), population: population, earlier: [])
        var state = YearState(events: [JournalEvent(sequence: 1, time: "t", actor: "a", payload: .draw(draw))])
        func record(_ outcome: OutcomeRecord) throws {
            guard let payload = try Recording.outcome(outcome, plan: plan, state: state) else { return }
            state.apply(JournalEvent(sequence: state.eventCount + 1, time: "t", actor: "a", payload: payload))
        }
        let keys = draw.items.map(\.key)
        for key in keys {
            var forK1 = OutcomeRecord(draw: draw.id, key: key, result: .ok)
            forK1.control = "K1"
            try record(forK1)
        }
        var remark = OutcomeRecord(draw: draw.id, key: keys[0], result: .remark, remarkKind: "uppföljning saknas")
        remark.control = "K2"
        try record(remark)

        #expect(state.draws.count == 1)
        let k1 = state.draws(of: "K1")
        let k2 = state.draws(of: "K2")
        #expect(k1.map(\.id) == [draw.id] && k2.map(\.id) == [draw.id])
        #expect(k2.first?.control == "K2" && k2.first?.sharedWith == ["K1"])
        let statsK1 = ReviewStatistics(draws: k1, in: state)
        let statsK2 = ReviewStatistics(draws: k2, in: state)
        #expect((statsK1.reviewed, statsK1.ok, statsK1.remarks, statsK1.pending) == (keys.count, keys.count, 0, 0))
        #expect((statsK2.reviewed, statsK2.remarks, statsK2.pending) == (1, 1, keys.count - 1))
        #expect(statsK2.remarkKinds.map(\.kind) == ["Uppföljning saknas"])  // K2's own kinds spell it
        #expect(state.outcome(draw.id, keys[0], control: "K2")?.record.result == .remark)
        #expect(state.outcome(draw.id, keys[0])?.record.result == .ok)  // the first point's

        // A result must say its point, one of the draw's.
        #expect(throws: RecordError.controlRequired(draw: draw.id, controls: ["K1", "K2"])) {
            try Recording.outcome(OutcomeRecord(draw: draw.id, key: keys[1], result: .ok), plan: plan, state: state)
        }
        var stray = OutcomeRecord(draw: draw.id, key: keys[1], result: .ok)
        stray.control = "K3"
        #expect(throws: RecordError.controlNotInDraw("K3", draw: draw.id, controls: ["K1", "K2"])) {
            try Recording.outcome(stray, plan: plan, state: state)
        }
        #expect(
            RecordError.controlNotInDraw("K3", draw: draw.id, controls: ["K1", "K2"]).message
                == "'K3' is not a control point of draw K1+K2-1 (its control points: K1, K2)")
        #expect(
            RecordError.controlRequired(draw: draw.id, controls: ["K1", "K2"]).message
                == "draw K1+K2-1 is shared by K1, K2: say which control point the result is for (--control K2)")
    }

    @Test func aDrawOfOnePointTakesItsOwnPointNamedAndRecordsItAsBefore() throws {
        let population = try Self.population()
        let draw = try Draw.make(try Self.request(["K1"]), population: population, earlier: [])
        let state = YearState(events: [JournalEvent(sequence: 1, time: "t", actor: "a", payload: .draw(draw))])
        var named = OutcomeRecord(draw: draw.id, key: draw.items[0].key, result: .ok)
        named.control = "K1"
        #expect(
            try Recording.outcome(named, plan: Self.plan, state: state)
                == .outcome(OutcomeRecord(draw: draw.id, key: draw.items[0].key, result: .ok)))
        named.control = "K2"
        #expect(throws: RecordError.controlNotInDraw("K2", draw: draw.id, controls: ["K1"])) {
            try Recording.outcome(named, plan: Self.plan, state: state)
        }
    }
}
