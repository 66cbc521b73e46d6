import Foundation
import Testing

@testable import StickprovKit

@Suite struct CriterionResultsTests {
    static let plan: ControlPlan = {
        var plan = YearStateTests.plan
        try? plan.updateControl("K2") { $0.criteria = ControlPoint.sosfsCriteria }
        return plan
    }()

    static let state = YearState(
        events: YearStateTests.events([
            .draw(YearStateTests.draw("K2-1", keys: ["SN-1", "SN-2", "SN-3"], spares: ["SN-4"]))
        ]))

    @Test func readsVerdictWordsAndAssignments() {
        #expect(CriterionVerdict(word: " Uppfyllt ") == .fulfilled)
        #expect(CriterionVerdict(word: "ej uppfyllt") == .remark)
        #expect(CriterionVerdict(word: "E.T.") == .notApplicable)
        #expect(CriterionVerdict(word: "kanske") == nil)
        #expect(
            CriterionResult(assignment: "Kommunicering av beslutsunderlag=anmärkning")
                == CriterionResult(criterion: "Kommunicering av beslutsunderlag", verdict: .remark))
        #expect(
            CriterionResult(assignment: "3 = ej granskad: akten saknas")
                == CriterionResult(criterion: "3", verdict: .notReviewed, reason: "akten saknas"))
        #expect(CriterionResult(assignment: "Kommunicering") == nil)
        #expect(CriterionResult(assignment: "=uppfyllt") == nil)
        #expect(CriterionResult(assignment: "A=kanske") == nil)
    }

    @Test func theItemsResultFollowsFromItsCriteria() {
        func results(_ verdicts: [CriterionVerdict]) -> [CriterionResult] {
            verdicts.enumerated().map {
                CriterionResult(criterion: "C\($0)", verdict: $1, reason: $1 == .notReviewed ? "skäl \($0)" : nil)
            }
        }
        #expect(CriterionResult.overall(results([.fulfilled, .remark, .remark])) == (.remark, "C1", nil))
        #expect(CriterionResult.overall(results([.fulfilled, .notApplicable, .notReviewed])) == (.ok, nil, nil))
        #expect(CriterionResult.overall(results([.notApplicable])) == (.notApplicable, nil, nil))
        #expect(
            CriterionResult.overall(results([.notReviewed, .notReviewed])) == (.notReviewed, nil, "skäl 0; skäl 1"))
    }

    @Test func criteriaRecordedLaterAreMergedAndTheResultFollows() throws {
        var state = Self.state
        let first = try Recording.applyingCriteria(
            OutcomeRecord(
                draw: "K2-1", key: "SN-1", result: .ok,
                criteria: [
                    CriterionResult(criterion: "kommunicering av beslutsunderlag", verdict: .remark),
                    CriterionResult(criterion: "1", verdict: .fulfilled),
                ]), resultGiven: false, plan: Self.plan, state: state)
        #expect(first.result == .remark)
        #expect(first.remarkKind == "Kommunicering av beslutsunderlag")
        #expect(
            first.criteria?.map(\.criterion) == [
                "Handläggningsåtgärder dokumenterade", "Kommunicering av beslutsunderlag",
            ])
        let payload = try #require(try Recording.outcome(first, plan: Self.plan, state: state))
        state.apply(JournalEvent(sequence: state.eventCount + 1, time: "t", actor: "a", payload: payload))
        // The plan lists remark kinds for K2, but a criterion not met is a kind of its own.
        #expect(payload == .outcome(first))

        let corrected = try Recording.applyingCriteria(
            OutcomeRecord(
                draw: "K2-1", key: "SN-1", result: .ok,
                criteria: [
                    CriterionResult(criterion: "Kommunicering av beslutsunderlag", verdict: .fulfilled),
                    CriterionResult(criterion: "Underrättelse om beslut", verdict: .notApplicable, reason: "ignored"),
                ]), resultGiven: false, plan: Self.plan, state: state)
        #expect(corrected.result == .ok)
        #expect(
            corrected.criteria == [
                CriterionResult(criterion: "Handläggningsåtgärder dokumenterade", verdict: .fulfilled),
                CriterionResult(criterion: "Kommunicering av beslutsunderlag", verdict: .fulfilled),
                CriterionResult(criterion: "Underrättelse om beslut", verdict: .notApplicable),
            ])
        guard case .correction = try #require(try Recording.outcome(corrected, plan: Self.plan, state: state)) else {
            Issue.record("a changed criterion is a correction")
            return
        }
    }

    @Test func aGivenResultIsKeptAndNotReviewedTakesTheNoteAsReason() throws {
        let record = try Recording.applyingCriteria(
            OutcomeRecord(
                draw: "K2-1", key: "SN-2", result: .notReviewed, note: "Akten saknas",
                criteria: [
                    CriterionResult(criterion: "Motivering av beslutsskäl", verdict: .notReviewed),
                    CriterionResult(criterion: "Kommunicering av beslutsunderlag", verdict: .remark),
                ]), resultGiven: true, plan: Self.plan, state: Self.state)
        #expect(record.result == .notReviewed)
        #expect(
            record.criteria?.last
                == CriterionResult(
                    criterion: "Motivering av beslutsskäl", verdict: .notReviewed, reason: "Akten saknas"))
    }

    @Test func refusesUnknownCriteriaMissingReasonsAndControlsWithoutAChecklist() {
        func apply(_ result: CriterionResult, plan: ControlPlan = Self.plan) throws(RecordError) {
            _ = try Recording.applyingCriteria(
                OutcomeRecord(draw: "K2-1", key: "SN-1", result: .ok, criteria: [result]), resultGiven: false,
                plan: plan, state: Self.state)
        }
        #expect(throws: RecordError.unknownCriterion("Motivering", known: ControlPoint.sosfsCriteria)) {
            try apply(CriterionResult(criterion: "Motivering", verdict: .fulfilled))
        }
        #expect(throws: RecordError.criterionReasonRequired("Motivering av beslutsskäl")) {
            try apply(CriterionResult(criterion: "4", verdict: .notReviewed))
        }
        #expect(throws: RecordError.noCriteria("K2")) {
            try apply(CriterionResult(criterion: "1", verdict: .fulfilled), plan: YearStateTests.plan)
        }
        #expect(
            RecordError.unknownCriterion("Motivering", known: ["A", "B"]).message
                == "'Motivering' is not a criterion of the control point (criteria: 1 A, 2 B)")
    }

    @Test func theWorksheetHasOneColumnPerCriterionWithADropDown() throws {
        let draw = try #require(Self.state.draw("K2-1"))
        let (header, rows) = Worksheet.table(for: draw, criteria: ControlPoint.sosfsCriteria)
        #expect(
            header == ["Dragning", "Frö", "Nr", "Ärendenummer"] + ControlPoint.sosfsCriteria
                + ["Resultat", "Typ av anmärkning", "Kommentar", "Granskad av", "Datum"])
        #expect(rows.allSatisfy { $0.count == header.count })
        #expect(Worksheet.table(for: draw).header.count == header.count - 4)

        let book = Worksheet.workbook(
            for: draw, remarkKinds: [], controlText: "Granskning", fileName: "u.xlsx",
            criteria: ControlPoint.sosfsCriteria)
        let sheet = try #require(book.sheets.first)
        let list = try #require(book.lists.first { $0.name == "Kriterieresultat" })
        #expect(list.values == ["uppfyllt", "anmärkning", "ej tillämpligt", "ej granskad"])
        let criterionColumns = sheet.dropDowns.filter { $0.list == "Kriterieresultat" }.map(\.column)
        #expect(criterionColumns == [4, 5, 6, 7])
        #expect(Set(criterionColumns).isSubset(of: sheet.editableColumns))
        let instructions = try #require(book.sheets.first { $0.name == "Instruktioner" })
        #expect(instructions.rows.contains { $0.first == "Kriterier" })
        // The workbook's XML offers the list on each criterion column.
        let entries = try ZipArchive.read(try book.xlsx())
        let xml = String(
            decoding: try #require(entries.first { $0.name == "xl/worksheets/sheet1.xml" }).data, as: UTF8.self)
        #expect(xml.contains("Kriterieresultat"))
    }

    @Test func theWorksheetReadsCriterionColumnsAndDerivesTheResult() throws {
        let header =
            (["Dragning", "Frö", "Nr", "Ärendenummer"] + ControlPoint.sosfsCriteria
            + ["Resultat", "Typ av anmärkning", "Kommentar", "Granskad av", "Datum"]).joined(separator: ";")
        func table(_ rows: [String]) throws -> CSVTable {
            try CSVTable.parse(Array(([header] + rows).joined(separator: "\r\n").utf8))
        }
        let events = try WorksheetImport.events(
            from: try table([
                "K2-1;s;1;SN-1;uppfyllt;anmärkning;uppfyllt;uppfyllt;;;;;",
                "K2-1;s;2;SN-2;uppfyllt;ej tillämpligt;ej granskad;uppfyllt;;;Akten saknas;;",
                "K2-1;s;3;SN-3;;;;;;;;;",
            ]), plan: Self.plan, state: Self.state, today: YearStateTests.today)
        #expect(events.count == 2)
        guard case .outcome(let first) = events[0], case .outcome(let second) = events[1] else {
            Issue.record("two outcomes expected")
            return
        }
        #expect(first.result == .remark && first.remarkKind == "Kommunicering av beslutsunderlag")
        #expect(second.result == .ok)
        #expect(
            second.criteria?[2]
                == CriterionResult(criterion: "Underrättelse om beslut", verdict: .notReviewed, reason: "Akten saknas"))

        #expect(
            throws: RecordError.rows([
                .init(line: 2, error: .unknownCriterionResult("kanske")),
                .init(line: 3, error: .criterionReasonRequired("Underrättelse om beslut")),
            ])
        ) {
            try WorksheetImport.events(
                from: try table([
                    "K2-1;s;1;SN-1;kanske;;;;;;;;",
                    "K2-1;s;2;SN-2;;;ej granskad;;;;;;",
                ]), plan: Self.plan, state: Self.state, today: YearStateTests.today)
        }
    }
}
