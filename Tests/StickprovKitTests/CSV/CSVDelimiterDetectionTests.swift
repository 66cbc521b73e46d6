import Testing

@testable import StickprovKit

/// The delimiter of a sheet to import is read from its rows, data included, so commas inside
/// headings and free text cannot outvote the `;` every row of a Swedish Excel CSV has.
@Suite struct CSVDelimiterDetectionTests {
    static func detect(_ text: String) -> CSVDelimiter {
        Array(text.utf8).withUnsafeBufferPointer { CSVDelimiter.detect(inRecordsOf: $0) }
    }

    @Test func commasInsideHeadingsAndTextsDoNotOutvoteTheSemicolon() throws {
        let sheet =
            "Berört avtal;Vad har följts upp?;Om nej, beskriv bristerna, t.ex. krav\n"
            + "Hemtjänst, Omsorgshuset AB;Planer, journaler, avvikelser, klagomål;Saknades, i 4 av 10, och mer\n"
            + "Boendestöd, Stödkompaniet AB;Besök;\n"
        #expect(Self.detect(sheet) == .semicolon)
        // The header alone would have said ','; the old rule (the widest record) said ',' too.
        #expect(CSVDelimiter.detect(inHeaderOf: Array("a, b, c;d\n".utf8)) == .comma)
        #expect(try SheetTable.csv(Array(sheet.utf8)).rows.map(\.cells.count) == [3, 3, 3])
    }

    @Test func eachDelimiterIsFoundWhereItSplitsEveryRowAlike() {
        #expect(Self.detect("Avtal,Uppföljning,Uppfyllt\n\"A; B\",Besök,Ja\nC,Besök; mer,Nej\n") == .comma)
        #expect(Self.detect("Avtal\tUppföljning\nA, B\tBesök\n") == .tab)
        #expect(Self.detect("Titel\nAvtal;Uppföljning\nA;B\nC;D\n") == .semicolon)
        #expect(Self.detect("en enda kolumn\nA\n") == .semicolon)
        #expect(Self.detect("") == .semicolon)
    }
}
