import Foundation
import Testing

@testable import StickprovKit

/// The adopted plan pinned by its hash, amendments, and what the appendix says about them.
@Suite struct PlanAdoptionTests {
    static let plan = ControlPlan(
        committee: "Socialnämnden", year: 2023,
        risks: [
            Risk(
                id: "R1", text: "Risk",
                controls: [ControlPoint(id: "K1", text: "Kontroll", method: .sample, responsible: "Enhetschef")])
        ])

    static func event(_ sequence: Int, _ payload: JournalPayload) -> JournalEvent {
        JournalEvent(sequence: sequence, time: "t", actor: "a", payload: payload)
    }

    @Test func theHashIsSha256OfPlanJSONAsStored() throws {
        let bytes = Array(PlanFile.encode(Self.plan))
        #expect(PlanHash.of(Self.plan) == SHA256.hash(bytes).hex)
        let folder = try JournalTests.Folder()
        try PlanFile.save(Self.plan, to: folder.path)
        #expect(PlanHash.ofFile(in: folder.path) == PlanHash.of(Self.plan))
        // A change of white space only is a change of the file.
        #expect(PlanHash.of(bytes + [UInt8(ascii: "\n")]) != PlanHash.of(bytes))
    }

    @Test func aChangeByTheToolIsAnAmendmentNamingWhatChanged() throws {
        let hash = PlanHash.of(Self.plan)
        let adoption = PlanAdoption(events: [
            Self.event(
                1,
                .adoption(
                    AdoptionRecord(
                        date: Day(year: 2022, month: 12, day: 14) ?? .placeholder, paragraph: "§ 123", sha256: hash)))
        ])
        var changed = Self.plan
        try changed.updateControl("K1") { $0.responsible = "Rättshandläggare" }
        let today = Day(year: 2023, month: 9, day: 1) ?? .placeholder
        let amendment = try #require(
            adoption.amendment(
                from: Self.plan, to: changed, previousHash: hash, summary: "Changed control point K1.",
                decision: "SN 2023-06-14 § 77", date: today))
        #expect(amendment.changes == ["risks[0].controls[0].responsible"])
        #expect(amendment.previousSHA256 == hash && amendment.sha256 == PlanHash.of(changed))
        #expect(amendment.date == Day(year: 2023, month: 6, day: 14))
        #expect(
            adoption.amendment(
                from: Self.plan, to: Self.plan, previousHash: hash, summary: "", decision: nil, date: today) == nil)
        #expect(
            PlanAdoption(events: []).amendment(
                from: Self.plan, to: changed, previousHash: hash, summary: "", decision: nil, date: today) == nil)

        var later = adoption
        later.apply(Self.event(7, .amendment(amendment)))
        #expect(later.expectedHash == amendment.sha256 && later.lastLine == 7)
        #expect(throws: AdoptionError.planChanged(expected: amendment.sha256, found: hash, line: 7)) {
            try later.check(currentHash: hash)
        }
        try later.check(currentHash: amendment.sha256)
        #expect(
            later.sentence
                == "Internkontrollplanen antogs av nämnden 2022-12-14, § 123, och ändrades 2023-06-14 (SN 2023-06-14 § 77)."
        )
        #expect(adoption.sentence == "Internkontrollplanen antogs av nämnden 2022-12-14, § 123.")
    }

    @Test func listsGrowingAndShrinkingAreNamedAsAWhole() throws {
        var changed = Self.plan
        changed.addRisk(Risk(id: "R2", text: "Ny risk"))
        changed.title = "Internkontrollplan 2023 (reviderad)"
        #expect(PlanDiff.changes(from: Self.plan, to: changed) == ["risks (1 → 2)", "title"])
    }

    @Test func adoptionAndAmendmentGoThroughTheJournal() throws {
        let folder = try JournalTests.Folder()
        let adoption = AdoptionRecord(
            date: Day(year: 2022, month: 12, day: 14) ?? .placeholder, paragraph: nil, sha256: "ab")
        let amendment = AmendmentRecord(
            summary: "s", changes: ["title"], previousSHA256: "ab", sha256: "cd", decision: nil,
            date: Day(year: 2023, month: 1, day: 2) ?? .placeholder)
        try folder.journal.append([.adoption(adoption), .amendment(amendment)], time: JournalTests.time, actor: "a")
        let state = YearState(events: try folder.journal.read())
        #expect(state.adoption.adoption == adoption && state.adoption.amendments == [amendment])
        #expect(state.adoption.sentence == "Internkontrollplanen antogs av nämnden 2022-12-14 och ändrades 2023-01-02.")
    }
}

extension PlanAdoptionTests {
    @Test func savingAnAdoptedPlanRecordsTheAmendmentOrChangesNothing() throws {
        let folder = try JournalTests.Folder()
        try PlanFile.save(Self.plan, to: folder.path)
        let today = Day(year: 2023, month: 3, day: 1) ?? .placeholder
        try folder.journal.append(
            [.adoption(AdoptionRecord(date: today, paragraph: nil, sha256: PlanHash.ofFile(in: folder.path) ?? ""))],
            time: JournalTests.time, actor: "a")
        var changed = Self.plan
        changed.title = "Reviderad plan"
        let amendment = try #require(
            try PlanAdoption.save(
                changed, replacing: Self.plan, in: folder.path, summary: "Changed the plan.", decision: nil,
                today: today,
                time: JournalTests.time, actor: "a"))
        #expect(amendment.changes == ["title"] && amendment.date == today)
        #expect(PlanHash.ofFile(in: folder.path) == amendment.sha256)
        #expect(YearState(events: try folder.journal.read()).adoption.expectedHash == amendment.sha256)

        // By hand, then through the tool: refused, and the hand-edited file is left as it is.
        let path = PlanFile.path(in: folder.path)
        let handEdited = Array(PlanFile.encode(changed)) + Array("\n".utf8)
        try Data(handEdited).write(to: URL(fileURLWithPath: path))
        #expect(throws: AdoptionError.self) {
            try PlanAdoption.save(
                Self.plan, replacing: changed, in: folder.path, summary: "s", decision: nil, today: today, time: "t",
                actor: "a")
        }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == handEdited)
        #expect(try folder.journal.read().count == 2)
    }
}
