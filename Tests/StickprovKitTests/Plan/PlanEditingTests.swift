import Testing

@testable import StickprovKit

@Suite struct PlanEditingTests {
    @Test func givesTheNextFreeIDs() {
        var plan = PlanFileTests.samplePlan()
        #expect(plan.nextRiskID == "R2")
        #expect(plan.nextControlID == "K3")
        plan.addRisk(Risk(id: "R2", text: "x"))
        #expect(plan.nextRiskID == "R3")
    }

    @Test func refusesAControlUnderAnUnknownRisk() {
        var plan = PlanFileTests.samplePlan()
        #expect(throws: PlanError.unknownRisk("R9", known: ["R1"])) {
            try plan.addControl(ControlPoint(id: "K9", text: "x", method: .survey), to: "R9")
        }
    }

    @Test func removesAControlPointButKeepsARiskWithControlsUnlessAsked() throws {
        var plan = PlanFileTests.samplePlan()
        #expect(throws: PlanError.riskHasControls("R1", controls: ["K1", "K2"])) { try plan.remove("R1") }
        #expect(try plan.remove("K2") == .control("K2"))
        #expect(plan.controlIDs == ["K1"])
        #expect(try plan.remove("R1", withControls: true) == .risk("R1"))
        #expect(plan.risks.isEmpty)
        #expect(throws: PlanError.unknownID("R1")) { try plan.remove("R1") }
    }

    @Test func listsThePlanReadably() {
        let text = PlanListing.render(PlanFileTests.samplePlan(), width: 80)
        #expect(text.hasPrefix("Socialnämnden — Internkontrollplan 2023\nAntagen 2022-12-14, § 123"))
        #expect(
            text.contains(
                "1. Att vi inte har en rättssäker myndighetsutövning (R1, risk 3×4 = 12)\n   1.1  K1  Att obehöriga"))
        #expect(text.contains("Urval: 15 handläggare och en vecka per månad · nyckel: Användare"))
        #expect(text.contains("Frekvens: 15 februari och 15 maj\n            · Uppföljning"))
        #expect(
            text.contains("Signaler:\n  green   Kontrollen är genomförd utan anmärkning/med försumbar anmärkning\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}

@Suite struct CommitteeWordsTests {
    @Test(arguments: [
        ("monthly", Cadence.monthly as Cadence?, nil as String?), ("Månadsvis", .monthly, nil),
        ("3 ggr/år", .timesPerYear(3), nil),
        ("2 ggr/år", .halfYearly, "2 ggr/år"), ("Tertialvis", .tertial, "Tertialvis"), ("Löpande", nil, "Löpande"),
        (
            "2023-02-15,2023-05-15",
            .dates([
                Day(year: 2023, month: 2, day: 15) ?? .placeholder, Day(year: 2023, month: 5, day: 15) ?? .placeholder,
            ]), nil
        ),
    ])
    func keepsTheFrequencyAsWrittenAndReadsWhatItCan(words: String, cadence: Cadence?, label: String?) {
        var control = ControlPoint(id: "K1", text: "x", method: nil)
        control.setCadence(words)
        #expect(control.cadence == cadence)
        #expect(control.cadenceLabel == label)
        if words != "monthly" && !words.hasPrefix("2023") { #expect(control.cadenceText == words) }
    }

    @Test func keepsTheFollowUpAsWrittenOrRefusesWordsNamingNeitherReport() {
        var control = ControlPoint(id: "K1", text: "x", method: nil, followUp: .interim)
        var understood = control.setFollowUp("Delår och årsbokslut")
        #expect(understood)
        #expect(control.followUp == .both)
        #expect(control.followUpText == "Delår och årsbokslut")
        understood = control.setFollowUp("year-end")
        #expect(understood)
        #expect(control.followUpLabel == nil)
        #expect(control.followUpText == "Årsbokslut")
        understood = control.setFollowUp("Kvartalsvis")
        #expect(!understood)
        #expect(control.followUp == .yearEnd)
    }

    @Test func aBlankMethodPrintsBlankAndALabelNamesItsKindWhenItCan() {
        var control = ControlPoint(id: "K1", text: "x", method: nil)
        #expect(control.methodText == "")
        control.setMethodLabel("kontroll lön")
        #expect(control.method == nil)
        #expect(control.methodText == "kontroll lön")
        control.setMethodLabel("")
        control.setMethodLabel("Beräkning av andel")
        #expect(control.method == .measurement)
        #expect(control.methodText == "Beräkning av andel")
        control.setMethodLabel("kontroll av antal")
        #expect(control.methodLabel == nil)
        #expect(control.methodText == "Kontroll av antal")
    }

    @Test func numbersAreasAndControlPointsInPlanOrder() {
        let plan = PlanFileTests.samplePlan()
        #expect(plan.areaNumber(of: "R1") == 1)
        #expect(plan.number(of: "K2") == "1.2")
        #expect(plan.areaTitle(of: "R1") == "1. Att vi inte har en rättssäker myndighetsutövning")
        #expect(plan.controlTitle(of: "K1") == "1.1 Att obehöriga personer ej går in i ärenden")
        #expect(plan.number(of: "K9") == nil)
    }

    @Test func aControlWithoutAMethodStillLoadsAndSavesAsWritten() throws {
        var plan = PlanFileTests.samplePlan()
        try plan.addControl(ControlPoint(id: "CENT 1", text: "Rutiner", method: nil, cadenceLabel: "Löpande"), to: "R1")
        let bytes = PlanFile.encode(plan)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\"method\" : null"))
        #expect(try PlanFile.decode(bytes, path: "plan.json") == plan)
    }
}
