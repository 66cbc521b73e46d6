import Foundation
import Testing

@testable import StickprovKit

/// Bilaga 2: private-provider follow-ups, their rules, the sheet import, the journal and the appendix.
@Suite struct ProviderAppendixTests {
    static func followUp(_ contract: String, _ isFulfilled: Bool, shortcomings: String = "") throws -> ContractFollowUp
    {
        try ContractFollowUp(
            contract: contract, followedUp: "Avtalsuppföljning", isFulfilled: isFulfilled, shortcomings: shortcomings)
    }

    @Test func refusesANejWithoutShortcomings() {
        #expect(throws: ProviderError.shortcomingsRequired(contract: "HVB (Vägvalet AB)")) {
            try ContractFollowUp(
                contract: " HVB (Vägvalet AB) ", followedUp: "Bemanning", isFulfilled: false, shortcomings: "  ")
        }
        #expect(throws: ProviderError.emptyField("Berört avtal")) {
            try ContractFollowUp(contract: "", followedUp: "Bemanning", isFulfilled: true)
        }
    }

    @Test func refusesPersonalDataInAnyText() {
        #expect(throws: ProviderError.personalData(field: "Vilka åtgärder har vidtagits?", masked: "811218-****")) {
            try ContractFollowUp(contract: "A", followedUp: "B", isFulfilled: true, actions: "Samtal med 811218-9876")
        }
        #expect(throws: ProviderError.personalData(field: "Kommentar", masked: "811218-****")) {
            try ProviderRecord.comment(checking: "Gäller 811218-9876")
        }
    }

    @Test func aContractRecordedAgainReplacesItsFollowUpInPlace() throws {
        let first = try Self.followUp("Avtal A", false, shortcomings: "Brist")
        let second = try Self.followUp("Avtal B", true)
        let corrected = try Self.followUp("avtal a", true)
        let state = ProviderFollowUps([
            .followUp(first), .followUp(second), .comment("x"), .followUp(corrected), .comment("y"),
        ])
        #expect(state.contracts == [corrected, second])
        #expect(state.comment == "y")
        #expect(state.changes([.followUp(second), .comment("y")]).isEmpty)
        #expect(state.changes([.followUp(first), .followUp(second)]) == [.followUp(first)])
    }

    @Test func theSheetIsReadAllOrNoneWithEveryProblemByLine() throws {
        let sheet = """
            Avtal;Uppföljning;Uppfyllt;Brister
            A;Besök;ja;
            B;Besök;Nej;
            C;Besök;kanske;
            a;Besök;ja;

            """
        let table = try SheetTable.csv(Array(sheet.utf8))
        #expect(
            throws: ProviderError.rows([
                .init(line: 3, error: .shortcomingsNotDescribed(contract: "B", heading: "Brister", text: "")),
                .init(line: 4, error: .unknownAnswer("kanske")),
                .init(line: 5, error: .repeatedContract("a", firstLine: 2)),
            ])
        ) { try ProviderWorksheet.records(from: table) }
        let missing = try SheetTable.csv(Array("Avtal;Uppfyllt\nA;ja\n".utf8))
        #expect(throws: ProviderError.missingColumn("Vad har följts upp?", available: ["Avtal", "Uppfyllt"])) {
            try ProviderWorksheet.records(from: missing)
        }
    }

    @Test func aTitleRowAboveTheHeaderIsSkipped() throws {
        let sheet = try SheetTable.csv(
            Array("Bilaga 2 – underlag 2023;;\nBERÖRT AVTAL:;Vad har följts upp;Uppfyllt*\nA;Besök;Ja\n".utf8))
        let records = try ProviderWorksheet.records(from: sheet)
        #expect(records == [.followUp(try ContractFollowUp(contract: "A", followedUp: "Besök", isFulfilled: true))])
    }

    @Test func recordsGoThroughTheJournalAndBackUnchanged() throws {
        let folder = try JournalTests.Folder()
        let records: [ProviderRecord] = [
            .followUp(try Self.followUp("Avtal A", false, shortcomings: "Brist")), .comment("Kommentar"),
        ]
        try folder.journal.append(records.map(JournalPayload.provider), time: JournalTests.time, actor: "anna")
        let events = try folder.journal.read()
        #expect(events.map(\.payload) == records.map(JournalPayload.provider))
        #expect(YearState(events: events).providerRecords == records)
        let line = String(decoding: try folder.lines()[1], as: UTF8.self)
        #expect(line.contains(#""data":{"comment":"Kommentar"}"#) && line.contains(#""type":"provider""#))
    }

    @Test(arguments: [
        (
            [true],
            "Under 2023 har nämnden följt upp ett avtal med privata utförare. Leverantören har i huvudsak uppfyllt väsentliga mål och krav."
        ),
        (
            [true, true],
            "Under 2023 har nämnden följt upp två avtal med privata utförare. I båda har leverantören i huvudsak uppfyllt väsentliga mål och krav."
        ),
        (
            [false, false, false],
            "Under 2023 har nämnden följt upp tre avtal med privata utförare. I inget av avtalen har leverantören i huvudsak uppfyllt väsentliga mål och krav."
        ),
        (
            [true, false, false],
            "Under 2023 har nämnden följt upp tre avtal med privata utförare. I två av avtalen har leverantören inte i huvudsak uppfyllt väsentliga mål och krav: Avtal 2 och Avtal 3."
        ),
    ])
    func theSummarySaysHowManyAndWhichFellShort(answers: [Bool], expected: String) throws {
        let rows = try answers.enumerated().map {
            try Self.followUp("Avtal \($0.offset + 1)", $0.element, shortcomings: "Brist")
        }
        #expect(ProviderAppendix.summary(rows, year: 2023) == expected)
    }

    @Test func thereIsNoBilaga2WithoutFollowUps() throws {
        let plan = ControlPlan(committee: "Socialnämnden", year: 2023)
        #expect(throws: ProviderError.nothingRecorded(year: 2023)) {
            try ProviderAppendix.build(plan: plan, state: YearState(events: []))
        }
    }

    @Test func theExamplesBilaga2MatchesItsSnapshots() throws {
        let (plan, state) = try AppendixSnapshotTests.load()
        let appendix = try ProviderAppendix.build(plan: plan, state: state)
        #expect(appendix.rows.count == 2)
        Snapshot.check(appendix.markdown(), named: "socialnamnden-2023-bilaga2.md")
        Snapshot.check(appendix.html(), named: "socialnamnden-2023-bilaga2.html")
        Snapshot.check(appendix.csv(), named: "socialnamnden-2023-bilaga2.csv")
    }
}
