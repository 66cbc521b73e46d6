import Foundation
import Testing

@testable import StickprovKit

@Suite struct PlanImportTests {
    /// The central administration's sheet as Excel saves it: Windows-1252, `;`, CRLF, a title row,
    /// headers with stray punctuation, trailing empty columns, no risk or follow-up column.
    static let centralSheet: [UInt8] = {
        let text =
            [
                "Internkontrollplan 2024 Centrala förvaltningen;;;;;;",
                "Id*;Kontrollmoment:;Metod:;Periodicitet***;Uppföljningsansvarig;;",
                "CENT 1;Att attesträtter är aktuella;kontroll lön;3 ggr/år;Lönechef;;",
                "CENT 2;\"Andel fakturor som betalas\r\nefter förfallodag\";Beräkning av andel;2 ggr/år;Ekonomichef;;",
                ";Att avtal följs vid inköp;;Löpande;;;",
                "CENT 7;Att delegationsordningen följs;Stickprov;Tertialvis;Kanslichef;;",
                ";;;;;;",
            ].joined(separator: "\r\n") + "\r\n"
        return text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }()

    static func importing(_ text: String) throws(PlanImport.Failure) -> PlanImport.Imported {
        let sheet = (try? SheetTable.csv(Array(text.utf8))) ?? SheetTable(rows: [])
        return try PlanImport.plan(from: sheet, committee: "Kommunstyrelsen", year: 2024)
    }

    @Test func readsAWindows1252SheetInTheCommitteesOwnColumnsAndWords() throws {
        let sheet = try SheetTable.csv(Self.centralSheet)
        let imported = try PlanImport.plan(from: sheet, committee: "Kommunstyrelsen", year: 2024)
        let plan = imported.plan
        #expect(plan.risks.map(\.text) == [PlanImport.defaultRiskText])
        let controls = plan.risks[0].controls
        #expect(controls.map(\.id.rawValue) == ["CENT 1", "CENT 2", "CENT 3", "CENT 7"])
        #expect(controls[1].text == "Andel fakturor som betalas efter förfallodag")
        #expect(controls.map(\.methodText) == ["kontroll lön", "Beräkning av andel", "", "Stickprov"])
        #expect(controls.map(\.method) == [nil, .measurement, nil, .sample])
        #expect(controls.map(\.cadenceText) == ["3 ggr/år", "2 ggr/år", "Löpande", "Tertialvis"])
        #expect(controls.map(\.cadence) == [.timesPerYear(3), .halfYearly, nil, .tertial])
        #expect(controls.map(\.followUpText) == Array(repeating: "Del- och årsbokslut", count: 4))
        #expect(controls.map(\.responsible) == ["Lönechef", "Ekonomichef", nil, "Kanslichef"])
        #expect(imported.headerLine == 2)
        #expect(imported.skippedLines == [1])
        #expect(imported.unused.isEmpty)
        #expect(imported.defaulted == [.risk, .followUp])
        #expect(
            imported.summary == [
                "1 risk area, 4 control points (header on line 2; skipped the line above it: 1).",
                "Columns read: 'Id*' as Id, 'Kontrollmoment:' as Vad kontrolleras?, 'Metod:' as Metod, 'Periodicitet***' as Frekvens, 'Uppföljningsansvarig' as Uppföljningsansvarig.",
                "Not in the sheet: Identifierad risk (one risk area, 'Kontrollmoment'); Frekvens uppföljning (reported at both, Del- och årsbokslut).",
                "Metod kept as written, of no kind the tool knows: 'kontroll lön' (a draw will ask for a sample rule).",
                "Frekvens kept as written, no schedule read from it: 'Löpande'.",
            ])
        // What is written reads back as the same plan.
        #expect(try PlanFile.decode(PlanFile.encode(plan), path: "plan.json") == plan)
    }

    @Test(arguments: [
        ("Id", PlanImportColumn.id), ("NR.", .id), (" identifierad risk ", .risk), ("Risk:", .risk),
        ("Riskområde", .risk), ("OMRÅDE*", .risk), ("Vad kontrolleras?", .text), ("Kontrollmoment:", .text),
        ("Metod:", .method), ("Frekvens", .cadence), ("Periodicitet***", .cadence), ("Kontrollfrekvens.", .cadence),
        ("Frekvens uppföljning", .followUp), ("Uppföljning:", .followUp), ("Uppföljningsansvarig", .responsible),
        ("Ansvarig *", .responsible),
    ])
    func recognisesTheHeaderNamesCommitteesUse(cell: String, column: PlanImportColumn) {
        #expect(PlanImportColumn.matching(PlanImportColumn.key(cell)) == column)
    }

    @Test func refusesAHeaderThatNamesAColumnTwice() {
        #expect(
            throws: PlanImport.Failure.ambiguousColumn(
                .responsible, names: ["Ansvarig", "Uppföljningsansvarig:"], line: 1)
        ) {
            try Self.importing("Kontrollmoment;Ansvarig;Uppföljningsansvarig:\nx;a;b\n")
        }
        let failure = PlanImport.Failure.ambiguousColumn(
            .responsible, names: ["Ansvarig", "Uppföljningsansvarig:"], line: 1)
        #expect(
            failure.messages.map(\.text) == [
                "the header is ambiguous: 'Ansvarig' and 'Uppföljningsansvarig:' all name the column 'Uppföljningsansvarig'; rename or remove all but one"
            ])
    }

    @Test func refusesASheetWithoutATextColumnNamingWhatItHas() {
        #expect(throws: PlanImport.Failure.noHeader(firstRow: ["Risk", "Metod"], line: 1)) {
            try Self.importing("Risk;Metod\nR;Stickprov\n")
        }
        #expect(
            PlanImport.Failure.noHeader(firstRow: ["Risk", "Metod", ""], line: 1).messages.map(\.text) == [
                "no header row: none of the first 10 rows has a column 'Vad kontrolleras?' or 'Kontrollmoment' (the first row has: Risk, Metod)"
            ])
    }

    @Test func namesTheColumnsItDoesNotUse() throws {
        let imported = try Self.importing("Kontrollmoment;Kommentar;;Bedömning\nx;;;\ny;;z;\n")
        #expect(imported.unused == ["Kommentar", "column 3 (no header)", "Bedömning"])
        #expect(imported.summary.contains("Not used: 'Kommentar', 'column 3 (no header)', 'Bedömning'."))
    }

    @Test func listsEveryBadRowAndImportsNothing() {
        #expect(
            throws: PlanImport.Failure.rows([
                .init(line: 2, message: "'Risk' is empty and there is no risk above to belong to"),
                .init(line: 3, message: "'Vad kontrolleras?' is empty"),
                .init(line: 4, message: "the id '.K' may not start with '.'"),
                .init(line: 6, message: "id 'A 1' is already on line 5"),
            ])
        ) {
            try Self.importing("Nr;Risk;Vad kontrolleras?\n;;x\n;R;\n.K;R;y\nA 1;R;z\nA 1;R;w\n")
        }
    }

    @Test func givesARowWithoutAnIdTheNextFreeOneOfItsSeries() throws {
        let plan = try Self.importing("Id;Kontrollmoment\n;a\nK2;b\n;c\nAB 9;d\n;e\n").plan
        #expect(plan.controlIDs.map(\.rawValue) == ["K1", "K2", "K3", "AB 9", "AB 1"])
    }

    @Test func readsNumberedAreaHeadingsWhenThereIsNoRiskColumn() throws {
        let plan = try Self.importing(
            "Vad kontrolleras?;Frekvens;Metod\n1. Brister i avgifter;;\nx;Årligen;Stickprov\n2. Digitalisering;;\ny;;\n"
        ).plan
        #expect(plan.risks.map(\.text) == ["Brister i avgifter", "Digitalisering"])
        #expect(plan.risks.map { $0.controls.map(\.text) } == [["x"], ["y"]])
    }

    @Test(arguments: [
        ("Del- och årsbokslut", FollowUp.both, nil as String?), ("Delår och årsbokslut", .both, "Delår och årsbokslut"),
        ("Delårsbokslut", .interim, nil), ("Delårsrapport", .interim, "Delårsrapport"), ("Årsbokslut", .yearEnd, nil),
        ("Helår", .yearEnd, "Helår"), ("Löpande", .both, "Löpande"),
    ])
    func keepsTheFollowUpAsWrittenAndInfersWhenItIsReported(text: String, followUp: FollowUp, label: String?) throws {
        let imported = try Self.importing("Kontrollmoment;Uppföljning\nx;\(text)\n")
        let control = try #require(imported.plan.controlPoints.first?.control)
        #expect(control.followUp == followUp)
        #expect(control.followUpLabel == label)
        #expect(control.followUpText == text)
        #expect(imported.notes.count == (text == "Löpande" ? 1 : 0))
    }

    /// A plan in the appendix's own columns: what the CSV appendix prints of it imports back equal.
    @Test func theAppendixCSVImportsBackIntoAnEqualPlan() throws {
        var plan = ControlPlan(committee: "Socialnämnden", year: 2023)
        plan.addRisk(Risk(id: "R1", text: "Att vi inte har en rättssäker myndighetsutövning"))
        plan.addRisk(Risk(id: "R2", text: "Att vi inte nyttjar digitala möjligheter; i tillräcklig grad"))
        try plan.addControl(
            ControlPoint(id: "K1", text: "Att obehöriga ej går in i ärenden", method: .sample), to: "R1")
        try plan.addControl(
            ControlPoint(id: "K2", text: "Granskning \"enligt\" SOSFS 2014:5", method: .caseReview, followUp: .yearEnd),
            to: "R1")
        try plan.addControl(
            ControlPoint(
                id: "K3", text: "Andel e-ansökningar", method: .measurement,
                methodLabel: "Kontroll av antal e-ansökningar",
                followUpLabel: "Delår och årsbokslut"),
            to: "R2")
        try plan.addControl(ControlPoint(id: "K4", text: "Rutiner finns", method: nil), to: "R2")
        let appendix = try Appendix.build(plan: plan, state: YearState(events: []), point: .yearEnd)
        let csv = CSVRenderer.render(appendix)
        let imported = try PlanImport.plan(from: try SheetTable.csv(csv), committee: "Socialnämnden", year: 2023)
        #expect(imported.plan == plan)
        #expect(imported.unused == ["Bedömning", "Resultat och åtgärder"])
    }

    /// The bundled example's year-end appendix (its golden file) imports back with the same
    /// risks, texts, methods and follow-ups.
    @Test func theBundledExamplesAppendixImportsBack() throws {
        let root = PlanFileTests.packageRoot
        let plan = try PlanFile.load(from: root.appendingPathComponent("Plans/socialnamnden-2023").path)
        let csv = try SheetTable.csv(
            contentsOf: root.appendingPathComponent("Tests/StickprovKitTests/Snapshots/socialnamnden-2023-year-end.csv")
                .path)
        let again = try PlanImport.plan(from: csv, committee: plan.committee, year: plan.year).plan
        // Risks handled outside the plan (a goal, elsewhere) have no row in the appendix.
        #expect(again.risks.map(\.text) == plan.risks.filter { !$0.controls.isEmpty }.map(\.text))
        #expect(again.controlPoints.map(\.control.id) == plan.controlPoints.map(\.control.id))
        #expect(again.controlPoints.map(\.control.text) == plan.controlPoints.map(\.control.text))
        #expect(again.controlPoints.map(\.control.methodText) == plan.controlPoints.map(\.control.methodText))
        #expect(again.controlPoints.map(\.control.method) == plan.controlPoints.map(\.control.method))
        #expect(again.controlPoints.map(\.control.followUpText) == plan.controlPoints.map(\.control.followUpText))
    }
}

@Suite struct PlanImportAreasLayoutTests {
    /// The areas layout's CSV (numbered area headings, the follow-up under *Frekvens* where a point
    /// has no cadence) imports back into the same plan.
    @Test func theAreasLayoutsCSVImportsBackIntoAnEqualPlan() throws {
        var plan = ControlPlan(committee: "Kommunstyrelsen", year: 2024)
        plan.reportLayout = .areas
        plan.addRisk(Risk(id: "R1", text: "Brister i attesthanteringen"))
        plan.addRisk(Risk(id: "R2", text: "Inköp utanför avtal"))
        try plan.addControl(
            ControlPoint(
                id: "K1", text: "Att attesträtter är aktuella", method: nil, methodLabel: "kontroll lön",
                cadence: .timesPerYear(3)), to: "R1")
        try plan.addControl(
            ControlPoint(id: "K2", text: "Att avtal följs", method: .sample, followUp: .yearEnd), to: "R2")
        try plan.addControl(
            ControlPoint(
                id: "K3", text: "Andel fakturor", method: .measurement, methodLabel: "Beräkning av andel",
                cadence: .halfYearly, cadenceLabel: "2 ggr/år"), to: "R2")
        let csv = CSVRenderer.render(try Appendix.build(plan: plan, state: YearState(events: []), point: .yearEnd))
        var imported = try PlanImport.plan(from: try SheetTable.csv(csv), committee: "Kommunstyrelsen", year: 2024).plan
        imported.reportLayout = .areas
        #expect(imported == plan)
    }
}
