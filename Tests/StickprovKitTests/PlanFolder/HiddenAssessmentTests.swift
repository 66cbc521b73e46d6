import Foundation
import Testing

@testable import StickprovKit

/// A plan change never makes a recorded assessment vanish from the appendix unseen: a change of
/// follow-up, of the assessment level or a removed signal level that would take one out of every
/// report is refused naming it, or, forced, recorded as superseding it, and the appendix says so.
@Suite struct HiddenAssessmentTests {
    typealias Folder = JournalTests.Folder

    static func day(_ text: String) -> Day { Day(text) ?? .placeholder }
    static let today = day("2023-10-12")

    /// The sample plan with K2 assessed yellow at the interim on 2023-08-31 (journal line 1) and K1
    /// green at the year end (line 2).
    static func assessedFolder() throws -> (Folder, PlanFolder) {
        let folder = try Folder()
        try PlanFile.save(PlanFileTests.samplePlan(), to: folder.path)
        let planFolder = PlanFolder(at: folder.path)
        try planFolder.transact(time: JournalTests.time, actor: "a") { _, _ in
            [
                .assessment(
                    AssessmentRecord(
                        target: .control("K2"), point: .interim, signal: "yellow", result: "Två brister.", actions: "",
                        date: day("2023-08-31"))),
                .assessment(
                    AssessmentRecord(
                        target: .control("K1"), point: .yearEnd, signal: "green", result: "", actions: "",
                        date: day("2023-10-10"))),
            ]
        }
        return (folder, planFolder)
    }

    static func change(
        _ planFolder: PlanFolder, force: Bool = false, decision: String? = nil, date: Day? = nil,
        _ body: (inout ControlPlan) throws -> Void
    ) throws {
        try planFolder.changePlan(
            decision: decision, today: today, date: date, force: force, time: JournalTests.time, actor: "a"
        ) { plan in
            try body(&plan)
            return "Changed the plan."
        }
    }

    @Test func aFollowUpChangeThatHidesAnAssessmentIsRefusedNamingIt() throws {
        let (folder, planFolder) = try Self.assessedFolder()
        let before = try Data(contentsOf: URL(fileURLWithPath: PlanFile.path(in: folder.path)))
        let error = try #require(throws: PlanError.self) {
            try Self.change(planFolder) { try $0.updateControl("K2") { $0.followUp = .yearEnd } }
        }
        #expect(
            error.messages == [
                "the change would take the assessment of control point K2 at delårsbokslut (2023-08-31, Gul; journal line 1) out of every report: it would be followed up at årsbokslut only",
                "nothing was changed; make the change with --force to record in the journal that this assessment no longer holds (the appendix says so in its place)",
            ])
        #expect(try Data(contentsOf: URL(fileURLWithPath: PlanFile.path(in: folder.path))) == before)
        #expect(try folder.journal.read().count == 2)
        // A change that keeps it shown, and one that touches nothing it rests on, go through.
        try Self.change(planFolder) { try $0.updateControl("K2") { $0.responsible = "Rättshandläggare" } }
        try Self.change(planFolder) { try $0.updateControl("K1") { $0.followUp = .yearEnd } }
        #expect(try folder.journal.read().count == 2, "nothing to record for a plan not adopted")
    }

    @Test func switchingTheAssessmentLevelIsRefusedForEveryAssessmentItHides() throws {
        let (folder, planFolder) = try Self.assessedFolder()
        let error = try #require(throws: PlanError.self) {
            try Self.change(planFolder) { $0.assessmentLevel = .risk }
        }
        #expect(try folder.journal.read().count == 2, "nothing recorded")
        guard case .hidesAssessments(let hidden) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(hidden.map(\.target) == [.control("K2"), .control("K1")])
        #expect(hidden.allSatisfy { $0.reason == .level(.risk) })
        #expect(
            error.messages[1]
                == "the change would take the assessment of control point K1 at årsbokslut (2023-10-10, Grön; journal line 2) out of every report: the plan would assess risk areas, not control points"
        )
    }

    @Test func forcedTheChangeRecordsTheSupersessionAndTheAppendixSaysSo() throws {
        let (folder, planFolder) = try Self.assessedFolder()
        try Self.change(planFolder, force: true, decision: "SN 2023-10-11 § 88") {
            try $0.updateControl("K2") { $0.followUp = .yearEnd }
        }
        let events = try folder.journal.read()
        #expect(events.count == 3)
        guard case .supersession(let record) = events.last?.payload else {
            Issue.record("no supersession: \(String(describing: events.last))")
            return
        }
        #expect(record.date == Self.day("2023-10-11"), "dated by its decision")
        #expect(
            record.assessments == [
                SupersededAssessment(
                    target: .control("K2"), point: .interim, signal: "yellow", signalName: "Gul",
                    date: Self.day("2023-08-31"), line: 1)
            ])
        var state = YearState(events: events)
        #expect(state.assessment(.control("K2"), at: .interim) == nil)
        let sentence =
            "Bedömningen vid delårsbokslutet (2023-08-31, Gul) gjordes enligt planen i dess tidigare lydelse; den gäller inte längre sedan planen ändrades 2023-10-11 (SN 2023-10-11 § 88)."
        let plan = try planFolder.plan()
        let yearEnd = try Appendix.build(plan: plan, state: state, point: .yearEnd)
        let row = try #require(yearEnd.groups.first?.rows.first { $0.id == "K2" })
        #expect(row.generated.flatMap(\.texts).contains(sentence), "\(row.generated)")
        #expect(row.signal == nil, "the superseded yellow is not K2's signal")
        #expect(MarkdownRenderer.render(yearEnd).contains(sentence))

        // Put back, the plan does not revive it: what the journal says no longer holds stays so.
        try Self.change(planFolder) { try $0.updateControl("K2") { $0.followUp = .both } }
        state = YearState(events: try folder.journal.read())
        let interim = try Appendix.build(plan: try planFolder.plan(), state: state, point: .interim)
        let interimRow = try #require(interim.groups.first?.rows.first { $0.id == "K2" })
        #expect(interimRow.signal == nil)
        #expect(interimRow.generated.flatMap(\.texts).contains(sentence))
    }

    @Test func removingAShownLevelIsRefusedAndForcedKeepsItsNameInTheSentence() throws {
        let (folder, planFolder) = try Self.assessedFolder()
        let error = try #require(throws: PlanError.self) {
            try Self.change(planFolder) { try $0.signals.remove("yellow", assessments: [:]) }
        }
        #expect(
            error.messages.first
                == "the change would take the assessment of control point K2 at delårsbokslut (2023-08-31, Gul; journal line 1) out of every report: its signal 'yellow' would no longer be in the plan's scale"
        )
        try Self.change(planFolder, force: true, date: Self.day("2023-10-12")) {
            try $0.signals.remove("yellow", assessments: [:])
        }
        let state = YearState(events: try folder.journal.read())
        let appendix = try Appendix.build(plan: try planFolder.plan(), state: state, point: .interim)
        let row = try #require(appendix.groups.first?.rows.first { $0.id == "K2" })
        #expect(
            row.generated.flatMap(\.texts).contains(
                "Bedömningen vid delårsbokslutet (2023-08-31, Gul) gjordes enligt planen i dess tidigare lydelse; den gäller inte längre sedan planen ändrades 2023-10-12."
            ))
    }

    @Test func aHandEditedPlanThatHidesAnAssessmentIsNamed() throws {
        let (folder, _) = try Self.assessedFolder()
        var plan = PlanFileTests.samplePlan()
        try plan.updateControl("K2") { $0.followUp = .yearEnd }
        let state = YearState(events: try folder.journal.read())
        let hidden = AssessmentVisibility.hidden(in: plan, state: state)
        #expect(
            PlanError.assessmentsNotShown(hidden).messages == [
                "the journal's assessment of control point K2 at delårsbokslut (2023-08-31, Gul; journal line 1) is in no report of this plan: it is followed up at årsbokslut only; put the earlier plan.json back, then make the change with the CLI and --force, which records that it no longer holds"
            ])
        #expect(AssessmentVisibility.hidden(in: PlanFileTests.samplePlan(), state: state).isEmpty)
    }

    @Test func anAreaAssessmentIsHiddenWhenItsFollowUpOrItsLastControlPointGoes() throws {
        var plan = PlanFileTests.samplePlan()
        plan.assessmentLevel = .risk
        let record = AssessmentRecord(target: .risk("R1"), point: .interim, signal: "green", result: "", actions: "")
        #expect(AssessmentVisibility.reason(record, in: plan) == nil)
        var yearEndOnly = plan
        try yearEndOnly.updateControl("K1") { $0.followUp = .yearEnd }
        try yearEndOnly.updateControl("K2") { $0.followUp = .yearEnd }
        #expect(AssessmentVisibility.reason(record, in: yearEndOnly) == .notFollowedUp(.yearEnd))
        #expect(AssessmentVisibility.reason(record, in: PlanFileTests.samplePlan()) == .level(.controlPoint))
    }
}

/// Every record and every change is dated by what the user gives, and a past year's is never dated
/// by the machine's clock.
@Suite struct EventDayTests {
    static func day(_ text: String) -> Day { Day(text) ?? .placeholder }

    @Test func anAssessmentKeepsItsDateAndAPastYearsNeedsOne() throws {
        let plan = PlanFileTests.samplePlan()
        let dated = AssessmentRecord(
            target: .control("K1"), point: .yearEnd, signal: "green", result: "", actions: "",
            date: Self.day("2023-12-20"))
        guard case .assessment(let stored) = try Recording.assessment(dated, plan: plan, today: Self.day("2026-12-08"))
        else {
            Issue.record("not an assessment")
            return
        }
        #expect(stored.date == Self.day("2023-12-20"))
        var undated = dated
        undated.date = nil
        let error = try #require(throws: RecordError.self) {
            try Recording.assessment(undated, plan: plan, today: Self.day("2026-12-08"))
        }
        #expect(
            error.message
                == "give --date, the day it was assessed: today (2026-12-08) is outside the plan's year 2023")
        guard case .assessment(let today) = try Recording.assessment(undated, plan: plan, today: Self.day("2023-12-21"))
        else { return }
        #expect(today.date == Self.day("2023-12-21"), "today, within the plan's year")
        #expect(throws: RecordError.dateAfterToday(Self.day("2023-12-20"), today: Self.day("2023-12-19"))) {
            try Recording.assessment(dated, plan: plan, today: Self.day("2023-12-19"))
        }
        var late = dated
        late.date = Self.day("2024-02-01")
        #expect(throws: RecordError.dateOutsideWindow(Self.day("2024-02-01"), window: "2023-01-01 to 2024-01-31")) {
            try Recording.assessment(late, plan: plan, today: Self.day("2026-12-08"))
        }
    }

    @Test func aMeasurementAfterTodayIsRefused() throws {
        var plan = PlanFileTests.samplePlan()
        try plan.addControl(ControlPoint(id: "K3", text: "Andel e-ansökningar", method: .measurement), to: "R1")
        let record = MeasurementRecord(
            control: "K3", value: Measure("48") ?? Measure("0")!, unit: "%", date: Self.day("2023-12-31"))
        #expect(throws: RecordError.dateAfterToday(Self.day("2023-12-31"), today: Self.day("2023-12-30"))) {
            try Recording.measurement(record, plan: plan, today: Self.day("2023-12-30"))
        }
        #expect(throws: Never.self) { try Recording.measurement(record, plan: plan, today: Self.day("2024-01-02")) }
    }

    @Test func aChangeIsDatedByItsDecisionElseItsDateElseTodayOnlyWhileTheWindowLasts() throws {
        let today = Self.day("2026-12-08")
        #expect(
            try PlanAdoption.changeDay(given: nil, decision: "SN 2023-06-14 § 77", today: today, planYear: 2023)
                == Self.day("2023-06-14"))
        #expect(
            try PlanAdoption.changeDay(given: Self.day("2023-09-01"), decision: "§ 77", today: today, planYear: 2023)
                == Self.day("2023-09-01"))
        let error = try #require(throws: RecordError.self) {
            try PlanAdoption.changeDay(given: nil, decision: nil, today: today, planYear: 2023)
        }
        #expect(
            error.message
                == "give --date, the day of the change (or --decision with its date, e.g. 'SN 2023-06-14 § 77'): today (2026-12-08) is outside the plan's year 2023"
        )
        #expect(
            try PlanAdoption.changeDay(given: nil, decision: nil, today: Self.day("2022-12-20"), planYear: 2023)
                == Self.day("2022-12-20"), "a plan amended before its year begins")
        #expect(throws: RecordError.dateAfterToday(Self.day("2023-09-01"), today: Self.day("2023-08-01"))) {
            try PlanAdoption.changeDay(
                given: Self.day("2023-09-01"), decision: nil, today: Self.day("2023-08-01"), planYear: 2023)
        }
    }

    @Test func amendmentsAreToldInDateOrderWithTheirDecisions() {
        func amendment(_ date: String, _ decision: String?) -> JournalEvent {
            JournalEvent(
                sequence: 2, time: JournalTests.time, actor: "a",
                payload: .amendment(
                    AmendmentRecord(
                        summary: "", changes: [], previousSHA256: "", sha256: "", decision: decision,
                        date: Self.day(date))))
        }
        let adoption = JournalEvent(
            sequence: 1, time: JournalTests.time, actor: "a",
            payload: .adoption(AdoptionRecord(date: Self.day("2022-12-14"), paragraph: "§ 123", sha256: "")))
        let state = PlanAdoption(events: [
            adoption, amendment("2023-09-20", "SN 2023-09-20 § 101"), amendment("2023-06-14", "SN 2023-06-14 § 77"),
            amendment("2023-10-02", nil),
        ])
        #expect(
            state.sentence
                == "Internkontrollplanen antogs av nämnden 2022-12-14, § 123, och ändrades 2023-06-14 (SN 2023-06-14 § 77), 2023-09-20 (SN 2023-09-20 § 101) och 2023-10-02."
        )
    }
}
