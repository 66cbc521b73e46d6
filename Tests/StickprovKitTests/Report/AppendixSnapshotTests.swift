import Foundation
import Testing

@testable import StickprovKit

/// The bundled example (Plans/socialnamnden-2023) rendered in every format, against golden files.
@Suite struct AppendixSnapshotTests {
    static let example = PlanFileTests.packageRoot.appendingPathComponent("Plans/socialnamnden-2023").path

    static func load() throws -> (ControlPlan, YearState) {
        let plan = try PlanFile.load(from: example)
        let state = YearState(events: try Journal(planDirectory: example).read())
        return (plan, state)
    }

    @Test(arguments: [ReportPoint.interim, .yearEnd])
    func exampleAppendixMatchesItsSnapshots(point: ReportPoint) throws {
        let (plan, state) = try Self.load()
        let appendix = try Appendix.build(plan: plan, state: state, point: point)
        let name = "socialnamnden-2023-\(point.rawValue)"
        Snapshot.check(MarkdownRenderer.render(appendix), named: "\(name).md")
        Snapshot.check(HTMLRenderer.render(appendix), named: "\(name).html")
        Snapshot.check(CSVRenderer.render(appendix), named: "\(name).csv")
    }

    @Test func areasLayoutAssessedPerRiskMatchesItsSnapshots() throws {
        var (plan, state) = try Self.load()
        plan.reportLayout = .areas
        plan.assessmentLevel = .risk
        state.apply(JournalEvent(sequence: state.eventCount + 1, time: "t", actor: "a", payload: .assessment(AssessmentRecord(
            target: .risk("R1"), point: .yearEnd, signal: "yellow",
            result: "Den samlade bedömningen är att kontrollen är genomförd med anmärkning.",
            actions: "- Handläggarskola under hösten\n- Manual för avgifter"))))
        let appendix = try Appendix.build(plan: plan, state: state, point: .yearEnd)
        Snapshot.check(MarkdownRenderer.render(appendix), named: "areas-per-risk.md")
        Snapshot.check(HTMLRenderer.render(appendix), named: "areas-per-risk.html")
        Snapshot.check(CSVRenderer.render(appendix), named: "areas-per-risk.csv")
    }
}
