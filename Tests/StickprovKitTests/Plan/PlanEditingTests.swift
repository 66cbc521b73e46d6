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
        #expect(text.contains("R1    Att vi inte har en rättssäker myndighetsutövning [risk 3×4 = 12]"))
        #expect(text.contains("Urval: 15 handläggare och en vecka per månad · nyckel: Användare"))
        #expect(text.contains("Frekvens: 15 februari och 15\n              maj"))
        #expect(text.contains("Signaler:\n  green   Kontrollen är genomförd utan anmärkning/med försumbar anmärkning\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
