import Foundation
import Testing

@testable import StickprovKit

/// The bundled example (Plans/socialnamnden-2023) rendered in every format, against golden files.
@Suite struct AppendixSnapshotTests {
    static let example = PlanFileTests.packageRoot.appendingPathComponent("Plans/socialnamnden-2023").path

    static func load(_ folder: String = example) throws -> (ControlPlan, YearState) {
        (try PlanFile.load(from: folder), YearState(events: try Journal(planDirectory: folder).read()))
    }

    /// The second example (Plans/vardomsorg-2024, built by `scripts/build-example vardomsorg-2024`): a
    /// care committee assessed per area, with a half-yearly stratified review against four criteria.
    static let careExample = PlanFileTests.packageRoot.appendingPathComponent("Plans/vardomsorg-2024").path

    static func loadCare() throws -> (ControlPlan, YearState) { try load(careExample) }

    /// Each example at each report point, in Markdown, HTML and CSV, named
    /// `<example>-<point>.<format>` (e.g. `socialnamnden-2023-yearEnd.md`).
    @Test(arguments: [example, careExample], [ReportPoint.interim, .yearEnd])
    func exampleAppendixMatchesItsSnapshots(folder: String, point: ReportPoint) throws {
        let (plan, state) = try Self.load(folder)
        let appendix = try Appendix.build(plan: plan, state: state, point: point)
        let name = "\((folder as NSString).lastPathComponent)-\(point.rawValue)"
        Snapshot.check(MarkdownRenderer.render(appendix), named: "\(name).md")
        Snapshot.check(HTMLRenderer.render(appendix), named: "\(name).html")
        Snapshot.check(CSVRenderer.render(appendix), named: "\(name).csv")
    }

    /// The year end lists all five areas and all ten control points, those concluded at the
    /// interim included, and the summary counts the five.
    @Test func careExampleYearEndListsEveryAreaAndControlPoint() throws {
        let (plan, state) = try Self.loadCare()
        let markdown = MarkdownRenderer.render(try Appendix.build(plan: plan, state: state, point: .yearEnd))
        let areas = plan.risks.filter { !$0.controls.isEmpty }
        #expect(areas.count == 5)
        #expect(areas.flatMap(\.controls).count == 10)
        for (number, risk) in areas.enumerated() {
            #expect(markdown.contains("| **\(number + 1). \(risk.text)** |"), "area \(risk.id)")
            for control in risk.controls {
                #expect(markdown.contains("| \(control.text) |"), "control point \(control.id)")
            }
        }
        #expect(
            markdown.contains(
                "Vid årsbokslutet visar kontrollen att två av nämndens fem kontrollområden har genomförts utan anmärkning eller med försumbar anmärkning."
            ))
        #expect(markdown.contains("Kontrollområdet slutredovisades vid delårsbokslutet."))
        #expect(markdown.contains("Kontrollpunkten slutredovisades vid delårsbokslutet."))
        // The second half-year's draw, made in January, counts in the year it covers.
        #expect(markdown.contains("per period: första halvåret 94 procent, andra halvåret 96 procent"))
    }

    @Test func areasLayoutAssessedPerRiskMatchesItsSnapshots() throws {
        var (plan, state) = try Self.load()
        plan.reportLayout = .areas
        plan.assessmentLevel = .risk
        state.apply(
            JournalEvent(
                sequence: state.eventCount + 1, time: "t", actor: "a",
                payload: .assessment(
                    AssessmentRecord(
                        target: .risk("R1"), point: .yearEnd, signal: "yellow",
                        result: "Den samlade bedömningen är att kontrollen är genomförd med anmärkning.",
                        actions: "- Handläggarskola under hösten\n- Manual för avgifter"))))
        let appendix = try Appendix.build(plan: plan, state: state, point: .yearEnd)
        Snapshot.check(MarkdownRenderer.render(appendix), named: "areas-per-risk.md")
        Snapshot.check(HTMLRenderer.render(appendix), named: "areas-per-risk.html")
        Snapshot.check(CSVRenderer.render(appendix), named: "areas-per-risk.csv")
    }
}
