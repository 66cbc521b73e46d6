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
        let marks = Self.scale(count).enumerated().map { SignalMark(level: $1, position: $0, count: count) }
        #expect(Set(marks.map(\.shape)).count == count)
        #expect(Set(marks.map(\.shapeName)).count == count)
        // The best is a circle and the worst a square, whatever the number of levels.
        #expect(marks.first?.shape == "●")
        #expect(marks.last?.shape == "■")
    }

    @Test func theStandardColoursDifferInLightnessNotOnlyInHue() throws {
        let colours = SignalScale.standard.levels.compactMap(\.colour)
        for (index, first) in colours.enumerated() {
            for second in colours[(index + 1)...] {
                let ratio = try #require(SignalMark.contrast(first, second))
                #expect(ratio >= 1.8, "\(first) and \(second): \(ratio):1")
            }
        }
        // The colours the issue measured: green and red were the same grey.
        #expect(try #require(SignalMark.contrast("#2e7d32", "#c62828")) < 1.2)
    }

    /// The README's recipe adds four levels below the standard three and removes those: the first
    /// added took the palette's fourth colour, red, and the last its first, green ("● Utan
    /// anmärkning" in red, "◆ Ej genomförd" in green).
    static func readmeScale() throws -> SignalScale {
        var scale = SignalScale.standard
        for level in try SignalScaleTests.fourLevels().levels {
            try scale.add(label: level.label, name: level.name, countsAsWithoutRemark: level.countsAsWithoutRemark)
        }
        for id in ["green", "yellow", "red"] { try scale.remove(id, assessments: [:]) }
        return scale
    }

    @Test func aCustomScaleIsDrawnByMeaningBestGreenWorstRed() throws {
        let scale = try Self.readmeScale()
        let marks = scale.levels.map(scale.mark)
        #expect(marks.map(\.shape) == ["●", "▲", "◆", "■"])
        #expect(marks.map(\.colour) == ["#1b5e20", "#7cb342", "#f9a825", "#e53935"])
        #expect(scale.levels.allSatisfy { $0.colour == nil })
        #expect(
            scale.describedLevels == [
                "1. ● Utan anmärkning (utan-anmarkning), dark green, counted as without remark in the summary",
                "2. ▲ Försumbar anmärkning (forsumbar-anmarkning), light green, counted as without remark in the summary",
                "3. ◆ Med anmärkning (med-anmarkning), amber",
                "4. ■ Ej genomförd (ej-genomford), red",
            ])
        // The best level is never red nor the worst green, in any scale of two to nine levels.
        for count in 2...9 {
            let levels = (0..<count).map { SignalLevel(id: "l\($0)", label: "Nivå \($0)") }
            let colours = levels.map(SignalScale(levels: levels).mark).map(\.colour)
            #expect(colours.first == "#1b5e20" && colours.last == "#e53935", "\(count): \(colours)")
        }
    }

    @Test func aCustomScaleRendersByMeaningInEveryFormat() throws {
        var plan = ControlPlan(committee: "Socialnämnden", year: 2023)
        plan.signals = try Self.readmeScale()
        plan.addRisk(Risk(id: "R1", text: "Rättssäkerhet"))
        try plan.addControl(ControlPoint(id: "K1", text: "Loggkontroll", method: .documentCheck), to: "R1")
        let appendix = try Appendix.build(plan: plan, state: YearState(events: []), point: .yearEnd)
        let markdown = MarkdownRenderer.render(appendix)
        #expect(markdown.contains("- ● Utan anmärkning: Kontrollen är genomförd utan anmärkning\n"))
        #expect(markdown.contains("- ■ Ej genomförd: Kontrollen är inte genomförd\n"))
        let html = HTMLRenderer.render(appendix)
        #expect(
            html.contains(
                #"<span class="mark" style="color: #1b5e20" aria-hidden="true">●</span> <span title="Kontrollen är genomförd utan anmärkning">Utan anmärkning</span>"#
            ))
        #expect(
            html.contains(
                #"<span class="mark" style="color: #e53935" aria-hidden="true">■</span> <span title="Kontrollen är inte genomförd">Ej genomförd</span>"#
            ))
        let document = try #require(DOCXRenderer.parts(appendix).first { $0.path == "word/document.xml" })
        let xml = String(decoding: document.bytes, as: UTF8.self)
        #expect(xml.contains("1B5E20") && xml.contains("E53935"))
    }

    @Test func aColourThatIsNotHexIsNeverWrittenIntoADocument() {
        let mark = SignalMark(
            level: SignalLevel(id: "x", colour: "red; background: url(x)", label: "X"), position: 0, count: 1)
        #expect(mark.colour == "#000000")
        #expect(
            SignalMark(level: SignalLevel(id: "x", colour: "#a1B2c3", label: "X"), position: 0, count: 1).hexDigits
                == "A1B2C3")
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
