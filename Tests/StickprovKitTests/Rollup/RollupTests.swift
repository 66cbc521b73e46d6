import Foundation
import Testing

@testable import StickprovKit

/// The municipal board's roll-up: counts per signal, every committee's table, totals, and
/// plans that could not be read named in their place.
@Suite struct RollupTests {
    /// A second, small committee: two control points, one assessed green at the year end.
    static func secondCommittee() -> RollupSource {
        let plan = ControlPlan(
            committee: "Barn- och utbildningsnämnden", year: 2023,
            risks: [
                Risk(
                    id: "R1", text: "Att elever inte får det stöd de har rätt till",
                    controls: [
                        ControlPoint(id: "K1", text: "Att åtgärdsprogram upprättas", method: .documentCheck),
                        ControlPoint(id: "K2", text: "Att frånvaro följs upp", method: .measurement),
                    ])
            ])
        let state = YearState(events: [
            JournalEvent(
                sequence: 1, time: "t", actor: "a",
                payload: .assessment(
                    AssessmentRecord(
                        target: .control("K1"), point: .yearEnd, signal: "green",
                        result: "Samtliga granskade program var upprättade.",
                        actions: "")))
        ])
        return RollupSource(folder: "Plans/bun-2023", content: .plan(plan, state))
    }

    static func rollup() throws -> Rollup {
        let example = RollupSource.read(AppendixSnapshotTests.example)
        let damaged = RollupSource(
            folder: "Plans/trasig-2023", content: .failure(["Plans/trasig-2023/journal.jsonl:3: the chain is broken"]))
        return Rollup.build([example, secondCommittee(), damaged], point: .yearEnd)
    }

    @Test func countsEachCommitteesSignalsAndTheTotals() throws {
        let rollup = try Self.rollup()
        #expect(rollup.title == "Uppföljning av internkontroll vid årsbokslut 2023 – sammanställning")
        #expect(rollup.committees.map { $0.counts.map(\.count) } == [[2, 2, 0], [1, 0, 0]])
        #expect(rollup.committees.map(\.unassessed) == [0, 1])
        #expect(rollup.totals.counts.map(\.count) == [3, 2, 0])
        #expect(rollup.failures.map(\.folder) == ["Plans/trasig-2023"])
        #expect(
            rollup.totalsSentence == """
                Sammanställningen omfattar två nämnder: Socialnämnden och Barn- och utbildningsnämnden. \
                Av nämndernas totalt sex kontrollpunkter har tre bedömningen grön och två bedömningen gul. \
                En har ännu inte bedömts: Barn- och utbildningsnämnden (en). \
                En plan kunde inte läsas och ingår inte i summan: Plans/trasig-2023.
                """)
    }

    @Test func oneLevelIsDrawnByOneMarkInTheWholeRollup() throws {
        // A committee whose own scale has no green: its "Gul" is its best level, drawn ● there.
        var plan = ControlPlan(committee: "Kulturnämnden", year: 2023)
        plan.signals = SignalScale(levels: Array(SignalScale.standard.levels.dropFirst()))
        plan.addRisk(Risk(id: "R1", text: "Att bidrag betalas ut felaktigt"))
        try plan.addControl(ControlPoint(id: "K1", text: "Att beslut finns", method: .documentCheck), to: "R1")
        let state = YearState(events: [
            JournalEvent(
                sequence: 1, time: "t", actor: "a",
                payload: .assessment(
                    AssessmentRecord(target: .control("K1"), point: .yearEnd, signal: "yellow", result: "", actions: "")
                ))
        ])
        #expect(try Appendix.build(plan: plan, state: state, point: .yearEnd).mark(plan.signals.levels[0]).shape == "●")
        let rollup = Rollup.build(
            [Self.secondCommittee(), RollupSource(folder: "Plans/kn-2023", content: .plan(plan, state))],
            point: .yearEnd)
        let markdown = rollup.markdown()
        #expect(markdown.contains("▲ Gul"))
        #expect(!markdown.contains("● Gul"), "\(markdown)")
        #expect(rollup.committees[1].counts.first { $0.level.id == "yellow" }?.mark.shape == "▲")
    }

    @Test func aDamagedJournalIsAFailureNamingItsLine() throws {
        let folder = try JournalTests.Folder()
        try PlanFile.save(ControlPlan(committee: "Kulturnämnden", year: 2023), to: folder.path)
        try folder.journal.append([JournalTests.draw(1), JournalTests.draw(2)], time: JournalTests.time, actor: "a")
        let text = String(decoding: try folder.bytes(), as: UTF8.self)
        try folder.write(Array(text.replacingOccurrences(of: "\"actor\":\"a\"", with: "\"actor\":\"b\"").utf8))
        guard case .failure(let messages) = RollupSource.read(folder.path).content else {
            Issue.record("a damaged journal was read")
            return
        }
        // Line 1 no longer hashes to line 2's prev: the chain breaks at line 2 (the head catches line 2).
        #expect(messages == ["\(folder.journal.path):2: \(JournalError.brokenChain(line: 2).message)"])
        guard case .failure(let missing) = RollupSource.read(folder.path + "/nowhere").content else {
            Issue.record("a missing plan was read")
            return
        }
        #expect(missing[0].contains("no plan.json"))
    }

    @Test func committeesWithDifferentColumnsShareOneCSVHeaderEachValueUnderItsOwnName() throws {
        guard case .plan(var plan, let state) = Self.secondCommittee().content else { return }
        plan.reportColumns = [.id, .responsible]
        let second = RollupSource(folder: "Plans/bun-2023", content: .plan(plan, state))
        let rollup = Rollup.build([RollupSource.read(AppendixSnapshotTests.example), second], point: .yearEnd)
        let table = try CSVTable.parse(rollup.csv())
        #expect(table.header.first == "Nämnd")
        #expect(table.header.filter { $0 == "Vad kontrolleras?" }.count == 1)
        for name in ["Id", "Uppföljningsansvarig"] {
            #expect(table.header.contains(name), "\(name) in \(table.header)")
        }
        let id = try #require(table.header.firstIndex(of: "Id"))
        let text = try #require(table.header.firstIndex(of: "Vad kontrolleras?"))
        let bun = table.rows.filter { $0.fields[0] == "Barn- och utbildningsnämnden" }
        #expect(bun.map { $0.fields[id] } == ["K1", "K2"])
        #expect(bun.map { $0.fields[text] } == ["Att åtgärdsprogram upprättas", "Att frånvaro följs upp"])
        // The first committee has no Id column: its cells there stay empty, its texts in their own column.
        let social = table.rows.filter { $0.fields[0] == "Socialnämnden" }
        #expect(!social.isEmpty && social.allSatisfy { $0.fields[id].isEmpty })
        #expect(social.allSatisfy { !$0.fields[text].isEmpty })
    }

    @Test func theRollupMatchesItsSnapshots() throws {
        let rollup = try Self.rollup()
        Snapshot.check(rollup.markdown(), named: "rollup-2023.md")
        Snapshot.check(rollup.html(), named: "rollup-2023.html")
        Snapshot.check(rollup.csv(), named: "rollup-2023.csv")
    }
}
