import Testing

@testable import StickprovKit

@Suite struct WorksheetImportTests {
    static let state = YearState(
        events: YearStateTests.events([
            .draw(YearStateTests.draw("K2-1", keys: ["SN-1", "SN-2", "SN-3"], spares: ["SN-4"], officers: ["Åsa"]))
        ]))

    static func sheet(_ rows: [String]) throws -> CSVTable {
        let header = "Dragning;Frö;Nr;Ärendenummer;Handläggare;Resultat;Typ av anmärkning;Kommentar;Granskad av;Datum"
        return try CSVTable.parse(Array(([header] + rows).joined(separator: "\r\n").utf8))
    }

    @Test func recordsEveryFilledRowAndSkipsBlankResults() throws {
        let table = try Self.sheet([
            "K2-1;s;1;SN-1;Åsa;ok;;;Eva;2023-02-20",
            "K2-1;s;2;SN-2;Åsa;Anmärkning;Kommunicering ej dokumenterad;;Eva;2023-02-20",
            "K2-1;s;3;SN-3;Åsa;ej granskad;;Akten saknas;;",
            "K2-1;s;Reserv 1;SN-4;Åsa;utan anmärkning;;;;",
            ";;;;;;;;;",
        ])
        let events = try WorksheetImport.events(
            from: table, plan: YearStateTests.plan, state: Self.state, today: YearStateTests.today)
        #expect(events.count == 4)
        #expect(
            events[1]
                == .outcome(
                    OutcomeRecord(
                        draw: "K2-1", key: "SN-2", result: .remark, remarkKind: "Kommunicering ej dokumenterad",
                        reviewer: "Eva",
                        reviewedOn: Day("2023-02-20"))))
        // A row without a date takes its draw's day, never today; the spare stands in for the item not reviewed.
        var spare = OutcomeRecord(
            draw: "K2-1", key: "SN-4", result: .ok, reviewedOn: Self.state.draw("K2-1")?.date, isSpare: true)
        spare.replaces = "SN-3"
        #expect(events[3] == .outcome(spare))
    }

    @Test func aSheetWithOneBadRowRecordsNothingAndListsTheRow() throws {
        let table = try Self.sheet([
            "K2-1;s;1;SN-1;Åsa;ok;;;;",
            "K2-1;s;2;SN-2;Åsa;kanske;;;;",
            "K2-1;s;3;SN-9;Åsa;ok;;;;",
            "K2-1;s;1;SN-1;Åsa;ok;;;;",
            "K2-1;s;3;SN-3;Åsa;ok;;;;2023-02-30",
            "K7-1;s;3;SN-3;Åsa;ok;;;;",
        ])
        #expect(
            throws: RecordError.rows([
                .init(line: 3, error: .unknownResult("kanske")),
                .init(line: 4, error: .unknownItem("SN-9", draw: "K2-1")),
                .init(line: 5, error: .repeatedItem("SN-1", firstLine: 2)),
                .init(line: 6, error: .invalidDate("2023-02-30")),
                .init(line: 7, error: .unknownDraw("K7-1", known: ["K2-1"])),
            ])
        ) {
            try WorksheetImport.events(
                from: table, plan: YearStateTests.plan, state: Self.state, today: YearStateTests.today)
        }
    }

    @Test func namesAMissingResultColumn() throws {
        let table = try CSVTable.parse(Array("Dragning;Ärendenummer\r\nK2-1;SN-1\r\n".utf8))
        #expect(throws: RecordError.missingColumn("Resultat", available: ["Dragning", "Ärendenummer"])) {
            try WorksheetImport.events(
                from: table, plan: YearStateTests.plan, state: Self.state, today: YearStateTests.today)
        }
    }

    @Test func readsTheWorksheetItWroteItself() throws {
        let draw = try #require(Self.state.draw("K2-1"))
        let (header, rows) = Worksheet.table(for: draw)
        let filled = rows.map { row -> [String] in
            var row = row
            if !row.contains(where: { $0.hasPrefix("Reserv") }) { row[header.firstIndex(of: "Resultat") ?? 0] = "ok" }
            return row
        }
        let table = try CSVTable.parse(CSVWriter().encode(header: header, rows: filled))
        let events = try WorksheetImport.events(
            from: table, plan: YearStateTests.plan, state: Self.state, today: YearStateTests.today)
        #expect(events.count == 3)
    }
}
