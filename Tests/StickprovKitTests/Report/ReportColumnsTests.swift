import Foundation
import Testing

@testable import StickprovKit

/// The columns a plan adds to its appendix (Id, Periodicitet, Uppföljningsansvarig), in every format.
@Suite struct ReportColumnsTests {
    static func example(layout: ReportLayout, columns: [ReportColumn]?) throws -> Appendix {
        var (plan, state) = try AppendixSnapshotTests.load()
        plan.reportLayout = layout
        plan.reportColumns = columns
        return try Appendix.build(plan: plan, state: state, point: .yearEnd)
    }

    @Test func theReferenceLayoutPlacesEachAddedColumn() throws {
        let appendix = try Self.example(layout: .reference, columns: [.responsible, .cadence, .id])
        let header =
            "| Identifierad risk | Id | Vad kontrolleras? | Periodicitet | Frekvens uppföljning | Metod | Uppföljningsansvarig | Bedömning | Resultat och åtgärder |"
        let markdown = MarkdownRenderer.render(appendix)
        #expect(
            markdown.contains(
                header
                    + "\n| ------------ | ----- | ------------- | -------- | -------- | --------- | ---------- | ------- | ------------------------------ |\n"
            ))
        #expect(
            markdown.contains(
                "| K1 | Att obehöriga personer ej går in i ärenden | Månadsvis | Del- och årsbokslut | Stickprov | Systemförvaltare | ● Grön |"
            ))
        let csv = try CSVTable.parse(CSVRenderer.render(appendix))
        #expect(
            csv.header == [
                "Identifierad risk", "Id", "Vad kontrolleras?", "Periodicitet", "Frekvens uppföljning", "Metod",
                "Uppföljningsansvarig", "Bedömning", "Resultat och åtgärder",
            ])
        #expect(csv.rows[0].fields[1] == "K1" && csv.rows[0].fields[6] == "Systemförvaltare")
        let html = HTMLRenderer.render(appendix)
        #expect(
            html.contains(
                "<th scope=\"col\" valign=\"top\">Id</th><th scope=\"col\" valign=\"top\">Vad kontrolleras?</th><th scope=\"col\" valign=\"top\">Periodi&shy;citet</th>"
            ))
        #expect(
            html.contains(
                "<td valign=\"top\">K1</td><td valign=\"top\">Att obehöriga personer ej går in i ärenden</td><td valign=\"top\">Månadsvis</td>"
            ))
        // The results column keeps the rest of the width, never below 30 %.
        let widths = AppendixColumn.percentages(AppendixTable(appendix).columns)
        #expect(abs(widths.reduce(0, +) - 100) < 0.001)
        #expect(try #require(widths.last) >= 29.9)
        let document = String(
            decoding: try #require(DOCXRenderer.parts(appendix).first { $0.path == "word/document.xml" }).bytes,
            as: UTF8.self)
        #expect(document.components(separatedBy: "<w:gridCol ").count - 1 == 9)
        #expect(document.contains(">Uppföljnings</w:t><w:softHyphen/><w:t xml:space=\"preserve\">ansvarig</w:t>"))
    }

    @Test func theAreasLayoutWidensTheAreaHeadingOverTheAddedColumns() throws {
        let appendix = try Self.example(layout: .areas, columns: [.id, .responsible, .cadence])
        let table = AppendixTable(appendix)
        #expect(
            table.header == [
                "Id", "Vad kontrolleras?", "Frekvens", "Metod", "Uppföljningsansvarig", "Bedömning", "Resultat",
                "Åtgärd",
            ])
        #expect(table.areaHeadingSpan == 5)
        let html = HTMLRenderer.render(appendix)
        #expect(
            html.contains("<tr class=\"area\"><th scope=\"rowgroup\" valign=\"top\" colspan=\"5\">1. Att vi till delar")
        )
        let document = String(
            decoding: try #require(DOCXRenderer.parts(appendix).first { $0.path == "word/document.xml" }).bytes,
            as: UTF8.self)
        #expect(document.contains("<w:gridSpan w:val=\"5\"/>"))
        let markdown = MarkdownRenderer.render(appendix)
        #expect(
            markdown.contains(
                "| **1. Att vi till delar inte har säkerställt att vi har en rättssäker myndighetsutövning** |  |  |  |  |  |  |  |"
            ))
    }

    @Test func withoutTheSettingTheTableAndThePlanFileAreAsBefore() throws {
        let plain = try Self.example(layout: .reference, columns: nil)
        let empty = try Self.example(layout: .reference, columns: [])
        #expect(MarkdownRenderer.render(plain) == MarkdownRenderer.render(empty))
        let saved = try JSONEncoder().encode(try AppendixSnapshotTests.load().0)
        #expect(!String(decoding: saved, as: UTF8.self).contains("reportColumns"))
        var (plan, _) = try AppendixSnapshotTests.load()
        plan.reportColumns = [.id, .responsible]
        let again = try JSONDecoder().decode(ControlPlan.self, from: try JSONEncoder().encode(plan))
        #expect(again.reportColumns == [.id, .responsible])
    }

    @Test func theExampleWithEveryColumnMatchesItsSnapshots() throws {
        let appendix = try Self.example(layout: .reference, columns: [.id, .cadence, .responsible])
        Snapshot.check(
            MarkdownRenderer.render(appendix, options: ReportOptions(legend: .used)),
            named: "columns-id-cadence-responsible.md")
        Snapshot.check(
            HTMLRenderer.render(appendix, options: ReportOptions(legend: .used)),
            named: "columns-id-cadence-responsible.html")
    }
}
