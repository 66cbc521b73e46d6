import StickprovKit
import Testing

@Suite struct CSVRoundTripTests {
    /// Pieces fields are built from: delimiters, quotes, line breaks, Swedish letters, spaces, tabs inside.
    static let alphabet = [
        "a", "Z", "0", "9", ";", ",", "\"", "\n", "\r\n", "å", "Ö", "é", "€", " ", "x\ty", "'", "SN-",
    ]

    /// Fields are written neutralised against formulas, so a field starting with CR (from "\r\n") comes back
    /// with a `'` in front; everything else comes back exactly.
    @Test(arguments: [
        (CSVDelimiter.semicolon, true, 2024 as UInt64), (.comma, false, 7), (.tab, true, 42),
    ])
    func randomFieldsSurviveWriteThenParse(delimiter: CSVDelimiter, includeBOM: Bool, seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let columnCount = 4
        let header = (1...columnCount).map { "Kolumn \($0)" }
        let rows: [[String]] = (0..<500).map { _ in
            (0..<columnCount).map { _ in
                let length = Int.random(in: 0...6, using: &random)
                return (0..<length).map { _ in Self.alphabet.randomElement(using: &random) ?? "" }.joined()
            }
        }
        let writer = CSVWriter(delimiter: delimiter, includeBOM: includeBOM)
        let table = try CSVTable.parse(writer.encode(header: header, rows: rows))
        #expect(table.delimiter == delimiter)
        #expect(table.encoding == (includeBOM ? .utf8WithBOM : .utf8))
        #expect(table.header == header)
        #expect(table.rows.count == rows.count)
        for (row, written) in zip(table.rows, rows) {
            #expect(row.fields == written.map(CSVWriter.neutralisingFormula))
        }
        let lineBreaks = rows.map { row in row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count } }
        var expectedLine = 2
        for (row, breaks) in zip(table.rows, lineBreaks) {
            #expect(row.line == expectedLine)
            expectedLine += breaks + 1
        }
    }
}
