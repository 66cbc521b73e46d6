import Foundation
import Testing

@testable import StickprovKit

/// A transaction reads only the part of the year its decision needs (``YearReading``): a journal whose
/// unrelated middle line is chained but does not decode is fine for a measurement, an assessment, a
/// provider's record, a plan change and a draw's results, while a full reader (`status`) still names it.
@Suite struct PlanFolderReadingTests {
    typealias Folder = JournalTests.Folder

    static let day = Day(year: 2023, month: 6, day: 30) ?? .placeholder

    /// The sample plan, adopted on line 1, and a year whose line 4 is chained but undecodable (a draw
    /// without its data's fields): draw K1-1 and its result, a provider's comment, an assessment of K2.
    static func yearWithAnUndecodableLine() throws -> Folder {
        let folder = try Folder()
        try PlanFile.save(PlanFileTests.samplePlan(), to: folder.path)
        let hash = try #require(PlanHash.ofFile(in: folder.path))
        var lines: [[UInt8]] = []
        func add(_ payload: JournalPayload) {
            let prev = lines.last.map { SHA256.hash($0).hex } ?? JournalLine.firstPrev
            lines.append(
                JournalLine.encode(
                    payload, sequence: lines.count + 1, time: JournalTests.time, actor: "anna", prev: prev))
        }
        add(.adoption(AdoptionRecord(date: day, paragraph: "§ 12", sha256: hash)))
        add(JournalTests.draw(1))
        add(.outcome(OutcomeRecord(draw: "K1-1", key: "SN-1", result: .ok)))
        let prev = SHA256.hash(lines[2]).hex
        lines.append(
            Array(
                #"{"actor":"anna","data":{},"prev":"\#(prev)","seq":4,"time":"\#(JournalTests.time)","type":"draw"}"#
                    .utf8))
        add(.provider(.comment("Inga privata utförare i år.")))
        add(
            .assessment(
                AssessmentRecord(target: .control("K2"), point: .interim, signal: "green", result: "", actions: "")))
        try folder.write(lines.flatMap { $0 + [UInt8(ascii: "\n")] })
        try folder.commitAsIs()
        return folder
    }

    @Test func aFullReaderNamesTheUndecodableLine() throws {
        let folder = try Self.yearWithAnUndecodableLine()
        #expect(throws: JournalError.self) { _ = try PlanFolder(at: folder.path).year() }
        do {
            _ = try folder.journal.read()
        } catch {
            guard case .malformedLine(let line, _) = error else {
                Issue.record("expected line 4 named as malformed, got \(error)")
                return
            }
            #expect(line == 4)
        }
    }

    @Test func aMeasurementReadsNoneOfTheYear() throws {
        let folder = try Self.yearWithAnUndecodableLine()
        let planFolder = PlanFolder(at: folder.path)
        var seen = -1
        let written = try planFolder.transact(time: JournalTests.time, actor: "anna", reading: .nothing) {
            _, state in
            seen = state.eventCount
            let record = MeasurementRecord(
                control: "K1", value: try #require(Measure("48")), unit: "%", target: nil, date: Self.day)
            return [.measurement(record)]
        }
        #expect(seen == 0)
        #expect(written.map(\.sequence) == [7])
        #expect(try folder.lines().count == 7)
    }

    @Test func eachPartSeesItsOwnLinesAndOnlyThose() throws {
        let folder = try Self.yearWithAnUndecodableLine()
        let planFolder = PlanFolder(at: folder.path)
        func seen(_ part: YearReading) throws -> YearState {
            var state = YearState(events: [])
            try planFolder.transact(time: JournalTests.time, actor: "anna", reading: part) { _, year in
                state = year
                return []
            }
            return state
        }
        let assessments = try seen(.kinds(["assessment"]))
        #expect(assessments.eventCount == 1)
        #expect(assessments.assessment(.control("K2"), at: .interim)?.signal == "green")
        let providers = try seen(.providers)
        #expect(providers.providerRecords == [.comment("Inga privata utförare i år.")])
        #expect(providers.eventCount == 1)
        let adoption = try seen(.adoption)
        #expect(adoption.adoption.isAdopted && adoption.eventCount == 1)
        let draw = try seen(.draws(["K1-1"]))
        #expect(draw.eventCount == 2)
        #expect(draw.outcome("K1-1", "SN-1")?.record.result == .ok)
    }

    @Test func aChangeToTheAdoptedPlanIsRecordedAsAnAmendmentWithoutReadingTheRest() throws {
        let folder = try Self.yearWithAnUndecodableLine()
        let planFolder = PlanFolder(at: folder.path)
        try planFolder.changePlan(decision: "§ 40", today: Self.day, time: JournalTests.time, actor: "anna") { plan in
            plan.title = "Internkontrollplan 2023, reviderad"
            return "Changed the title."
        }
        let last = try #require(folder.lines().last)
        let text = String(decoding: last, as: UTF8.self)
        #expect(text.contains(#""type":"amendment"}"#) && text.contains(#""seq":7"#))
        // plan.json is what the amendment pinned: a second change is an amendment again, not refused.
        try planFolder.changePlan(decision: nil, today: Self.day, time: JournalTests.time, actor: "anna") { plan in
            plan.title = "Internkontrollplan 2023"
            return "Changed the title back."
        }
        #expect(try folder.lines().count == 8)
        #expect(throws: JournalError.self) { _ = try folder.journal.read() }
    }

    @Test func aPlanChangedByHandAfterAdoptionIsStillRefused() throws {
        let folder = try Self.yearWithAnUndecodableLine()
        var plan = try PlanFile.load(from: folder.path)
        plan.title = "Ändrad för hand"
        try PlanFile.save(plan, to: folder.path)
        #expect(throws: AdoptionError.self) {
            try PlanFolder(at: folder.path).changePlan(
                decision: nil, today: Self.day, time: JournalTests.time, actor: "anna"
            ) { plan in
                plan.title = "Ännu en"
                return "Changed the title."
            }
        }
        #expect(try folder.lines().count == 6, "nothing recorded")
    }

    @Test func aWorksheetNamesTheDrawsItsRowsRecord() throws {
        let rows = [
            ["Dragning", "Ärendenummer", "Resultat"], ["K3-1", "SN-1", "ok"], ["", "", ""], [" K3-2 ", "SN-2", ""],
            ["K3-1", "SN-3", "ok"],
        ]
        let sheet = try WorksheetImport.Sheet(
            rows: rows.enumerated().map { SheetRow(line: $0.offset + 1, cells: $0.element) })
        #expect(WorksheetImport.draws(in: sheet) == ["K3-1", "K3-2"])
    }
}
