import Testing

@testable import StickprovKit

/// "Ej tillämpligt" at the level of a control point: read, recorded and kept apart from "not reviewed".
@Suite struct ApplicabilityTests {
    @Test(arguments: ["ej tillämpligt", "Ej tillämplig", "ej aktuell", "not applicable", "not-applicable", "e.t."])
    func theWordsForNotApplicableReadAsNotApplicable(word: String) {
        #expect(ReviewResult(word: word) == .notApplicable)
    }

    @Test func notReviewedStaysDistinct() {
        #expect(ReviewResult(word: "ej granskad") == .notReviewed)
        #expect(ReviewResult(word: "utgår") == .notReviewed)
        #expect(ReviewResult.notApplicable.swedish == "ej tillämpligt")
        #expect(!ReviewResult.notApplicable.isAssessed && !ReviewResult.notReviewed.isAssessed)
    }

    @Test func anItemWhoseEveryCriterionDoesNotApplyDoesNotApplyToThePoint() {
        let none = ["A", "B"].map { CriterionResult(criterion: $0, verdict: .notApplicable) }
        #expect(CriterionResult.overall(none).result == .notApplicable)
        // Not applicable and not reviewed, nothing fulfilled: it was not reviewed, never "utan anmärkning".
        let mixed = [
            CriterionResult(criterion: "A", verdict: .notApplicable),
            CriterionResult(criterion: "B", verdict: .notReviewed, reason: "Akten saknas"),
        ]
        #expect(CriterionResult.overall(mixed) == (.notReviewed, nil, "Akten saknas"))
        let one = [
            CriterionResult(criterion: "A", verdict: .notApplicable),
            CriterionResult(criterion: "B", verdict: .fulfilled),
        ]
        #expect(CriterionResult.overall(one).result == .ok)
    }

    @Test func isRecordedWithoutAReasonAndCountsNowhere() throws {
        var state = YearState(
            events: YearStateTests.events([.draw(YearStateTests.draw("K2-1", keys: ["A", "B", "C"]))]))
        let payload = try YearStateTests.record(&state, OutcomeRecord(draw: "K2-1", key: "B", result: .notApplicable))
        #expect(payload == .outcome(OutcomeRecord(draw: "K2-1", key: "B", result: .notApplicable)))
        _ = try YearStateTests.record(&state, OutcomeRecord(draw: "K2-1", key: "A", result: .ok))
        let stats = ReviewStatistics(draws: state.draws, in: state)
        #expect(
            (stats.drawn, stats.reviewed, stats.ok, stats.notApplicable, stats.notReviewed, stats.pending) == (
                3, 1, 1, 1, 0, 1
            ))
        #expect(stats.upperBound95 == ClopperPearson.upperBound(deviations: 0, sampleSize: 1))
    }

    @Test func aPointThatDoesNotApplyHasNoCriterionThatDoes() throws {
        var plan = YearStateTests.plan
        try plan.updateControl("K2") {
            $0.criteria = ["Kommunicering av beslutsunderlag", "Motivering av beslutsskäl"]
        }
        let state = YearState(
            events: YearStateTests.events([.draw(YearStateTests.draw("K2-1", keys: ["A", "B", "C"]))]))
        var proposed = OutcomeRecord(draw: "K2-1", key: "A", result: .notApplicable)
        proposed.criteria = [CriterionResult(criterion: "Motivering av beslutsskäl", verdict: .fulfilled)]
        let applied = try Recording.applyingCriteria(proposed, resultGiven: true, plan: plan, state: state)
        #expect(throws: RecordError.notApplicableWithCriterion("Motivering av beslutsskäl", verdict: .fulfilled)) {
            try Recording.outcome(applied, plan: plan, state: state)
        }
        #expect(
            RecordError.notApplicableWithCriterion("Motivering av beslutsskäl", verdict: .fulfilled).message
                == "the item is marked not applicable (ej tillämpligt) but criterion 'Motivering av beslutsskäl' is 'uppfyllt'; a control point that does not apply has no criterion that does: give the item's result, or mark the criterion ej tillämpligt"
        )
        // Without a result given, criteria that all do not apply make the item not applicable.
        proposed.criteria = [
            CriterionResult(criterion: "1", verdict: .notApplicable),
            CriterionResult(criterion: "2", verdict: .notApplicable),
        ]
        proposed.result = .ok
        let derived = try Recording.applyingCriteria(proposed, resultGiven: false, plan: plan, state: state)
        #expect(derived.result == .notApplicable)
        #expect(try Recording.outcome(derived, plan: plan, state: state) != nil)
    }
}

extension ApplicabilityTests {
    @Test func theWorkbooksResultListOffersEjTillampligt() {
        let workbook = Worksheet.workbook(
            for: YearStateTests.draw("K2-1", keys: ["A"]), remarkKinds: [], controlText: "Granskning",
            fileName: "urval-K2-1.xlsx")
        #expect(workbook.lists.first { $0.name == "Resultatord" }?.values.contains("ej tillämpligt") == true)
    }
}
