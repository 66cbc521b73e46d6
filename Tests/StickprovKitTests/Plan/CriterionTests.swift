import Foundation
import Testing

@testable import StickprovKit

@Suite struct CriterionTests {
    @Test func theBuiltInChecklistIsSOSFS2014_5() {
        #expect(
            ControlPoint.builtInCriteria(named: "sosfs") == [
                "Handläggningsåtgärder dokumenterade", "Kommunicering av beslutsunderlag", "Underrättelse om beslut",
                "Motivering av beslutsskäl",
            ])
        #expect(ControlPoint.builtInCriteria(named: "SOSFS 2014:5") == ControlPoint.sosfsCriteria)
        #expect(ControlPoint.builtInCriteria(named: "iso") == nil)
    }

    @Test func criteriaAreAddedOnceAndRemovedByName() throws {
        var control = ControlPoint(id: "K3", text: "Granskning", method: .caseReview)
        control.addCriteria(ControlPoint.sosfsCriteria)
        control.addCriteria(["kommunicering av beslutsunderlag", " Uppföljning mot mål ", ""])
        #expect(control.criteria.count == 5)
        #expect(control.criteria.last == "Uppföljning mot mål")
        try control.removeCriterion("UNDERRÄTTELSE OM BESLUT")
        #expect(!control.criteria.contains("Underrättelse om beslut"))
        #expect(throws: PlanError.self) { try control.removeCriterion("Finns inte") }
        #expect(control.criterion(matching: "motivering av beslutsskäl") == "Motivering av beslutsskäl")
        #expect(control.criterion(matching: "2") == "Kommunicering av beslutsunderlag")
        #expect(control.criterion(matching: "9") == nil)
    }

    @Test func aPlanWithoutCriteriaLoadsAndSavesUnchanged() throws {
        let bytes = PlanFile.encode(PlanFileTests.samplePlan())
        #expect(!String(decoding: bytes, as: UTF8.self).contains("criteria"))
        var plan = try PlanFile.decode(bytes, path: "plan.json")
        #expect(plan.controlIDs.allSatisfy { plan.control($0)?.criteria == [] })
        #expect(PlanFile.encode(plan) == bytes)
        let id = try #require(plan.controlIDs.last)
        try plan.updateControl(id) { $0.addCriteria(ControlPoint.sosfsCriteria) }
        let saved = PlanFile.encode(plan)
        #expect(String(decoding: saved, as: UTF8.self).contains("\"criteria\""))
        #expect(try PlanFile.decode(saved, path: "plan.json").control(id)?.criteria == ControlPoint.sosfsCriteria)
    }
}
