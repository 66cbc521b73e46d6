import Foundation
import Testing

@testable import StickprovKit

/// Signals read without colour: a distinct shape per level and colours apart in lightness,
/// in every format; the legend can list only the levels used.
@Suite struct SignalMarkTests {
    static func scale(_ count: Int) -> [SignalLevel] {
        (0..<count).map { SignalLevel(id: "l\($0)", colour: "#123456", label: "Nivå \($0)", name: "N\($0)") }
    }

    @Test(arguments: [2, 3, 5, 9])
    func everyLevelOfAScaleHasItsOwnShape(count: Int) {
        let marks = Self.scale(count).enumerated().map { SignalMark(level: $1, position: $0) }
        #expect(Set(marks.map(\.shape)).count == count)
        #expect(Set(marks.map(\.shapeName)).count == count)
        #expect(marks.prefix(3).map(\.shape) == ["●", "▲", "■"].prefix(count).map { $0 })
    }

    @Test func theStandardColoursDifferInLightnessNotOnlyInHue() throws {
        let colours = SignalScale.standard.levels.map(\.colour)
        for (index, first) in colours.enumerated() {
            for second in colours[(index + 1)...] {
                let ratio = try #require(SignalMark.contrast(first, second))
                #expect(ratio >= 1.8, "\(first) and \(second): \(ratio):1")
            }
        }
        // The colours the issue measured: green and red were the same grey.
        #expect(try #require(SignalMark.contrast("#2e7d32", "#c62828")) < 1.2)
    }

    @Test func aColourThatIsNotHexIsNeverWrittenIntoADocument() {
        let mark = SignalMark(level: SignalLevel(id: "x", colour: "red; background: url(x)", label: "X"), position: 0)
        #expect(mark.colour == "#000000")
        #expect(
            SignalMark(level: SignalLevel(id: "x", colour: "#a1B2c3", label: "X"), position: 0).hexDigits == "A1B2C3")
    }

    @Test func everyFormatShowsTheShapeAndTheWord() throws {
        let appendix = try AppendixFixture.single(signal: "yellow")
        let markdown = MarkdownRenderer.render(appendix)
        #expect(markdown.contains("| Loggkontroll | Del- och årsbokslut | Dokumentkontroll | ▲ Gul |"))
        #expect(markdown.contains("- ● Grön: Kontrollen är genomförd utan anmärkning/med försumbar anmärkning\n"))
        #expect(!markdown.unicodeScalars.contains { $0.properties.isEmojiPresentation })
        let html = HTMLRenderer.render(appendix)
        #expect(
            html.contains(
                #"<span class="mark" style="color: #f9a825" aria-hidden="true">▲</span> <span title="Kontrollen är genomförd med anmärkning">Gul</span>"#
            ))
        let csv = try CSVTable.parse(CSVRenderer.render(appendix))
        #expect(csv.rows[0].fields[4] == "▲ Gul")
    }

    @Test func theLegendCanListOnlyTheLevelsUsed() throws {
        let appendix = try AppendixFixture.single(signal: "red")
        #expect(appendix.usedLevels.map(\.id) == ["red"])
        let all = MarkdownRenderer.render(appendix)
        let used = MarkdownRenderer.render(appendix, options: ReportOptions(legend: .used))
        #expect(all.contains("- ● Grön:") && all.contains("- ■ Röd:"))
        #expect(
            !used.contains("- ● Grön:") && !used.contains("- ▲ Gul:")
                && used.contains("- ■ Röd: Kontrollen är inte genomförd\n"))
        let html = HTMLRenderer.render(appendix, options: ReportOptions(legend: .used))
        #expect(!html.contains(">Grön<") && html.contains(">Röd<"))
        #expect(LegendLevels(userText: "använda") == .used)
    }

    @Test func withNothingAssessedTheUsedLegendIsLeftOut() throws {
        var plan = ControlPlan(committee: "Socialnämnden", year: 2023)
        plan.addRisk(Risk(id: "R1", text: "Rättssäkerhet"))
        try plan.addControl(ControlPoint(id: "K1", text: "Loggkontroll", method: .documentCheck), to: "R1")
        let appendix = try Appendix.build(plan: plan, state: YearState(events: []), point: .yearEnd)
        let used = ReportOptions(legend: .used)
        #expect(appendix.usedLevels.isEmpty)
        #expect(!MarkdownRenderer.render(appendix, options: used).contains("Följande signaler"))
        #expect(!HTMLRenderer.render(appendix, options: used).contains("Följande signaler"))
        let document = try #require(
            DOCXRenderer.parts(appendix, options: used).first { $0.path == "word/document.xml" })
        #expect(!String(decoding: document.bytes, as: UTF8.self).contains("Följande signaler"))
        #expect(MarkdownRenderer.render(appendix).contains("Följande signaler"))
    }

    @Test func tableOnlyLeavesOutTheSummaryAndTheLegend() throws {
        let appendix = try AppendixFixture.single()
        let markdown = MarkdownRenderer.render(appendix, options: ReportOptions(isTableOnly: true))
        #expect(
            markdown.hasPrefix("# Bilaga 1. Uppföljning av internkontroll vid årsbokslut 2023\n\n| Identifierad risk |")
        )
        #expect(!markdown.contains("Följande signaler"))
    }
}
