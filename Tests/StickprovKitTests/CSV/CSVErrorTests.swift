import StickprovKit
import Testing

@Suite struct CSVErrorTests {
    @Test(
        arguments: [
            ("", CSVError.emptyFile, "the file is empty; expected a header line"),
            ("\r\n\r\n", .emptyFile, "the file is empty; expected a header line"),
            ("a;b;c\r\n1;2;3;4\r\n", .raggedRow(line: 2, expected: 3, found: 4), "row has 4 fields, the header has 3"),
            (
                "a;b;c\r\n1;2;3\r\n\r\nx\r\n", .raggedRow(line: 4, expected: 3, found: 1),
                "row has 1 field, the header has 3"
            ),
            (
                "a;b\r\n\"1\r\n2\";3\r\n4\r\n", .raggedRow(line: 4, expected: 2, found: 1),
                "row has 1 field, the header has 2"
            ),
            ("a;b\r\n1;\"öppen\r\n2;3\r\n", .unterminatedQuote(line: 2), "quoted field never closed"),
            ("a;b\r\n1;2\r\n\"", .unterminatedQuote(line: 3), "quoted field never closed"),
            (
                "a;b\r\n1;\"ab\"c\r\n", .textAfterClosingQuote(line: 2),
                "text after a closing quote; a quote inside a quoted field must be doubled (\"\")"
            ),
            (
                "a;b\r\n1;\"x\r\ny\" z\r\n", .textAfterClosingQuote(line: 3),
                "text after a closing quote; a quote inside a quoted field must be doubled (\"\")"
            ),
            ("a;;c\r\n1;2;3\r\n", .emptyColumnName(line: 1, column: 2), "column 2 of the header has no name"),
            ("\r\na;b; \r\n1;2;3\r\n", .emptyColumnName(line: 2, column: 3), "column 3 of the header has no name"),
            ("a;b;\r\n1;2;\r\n", .emptyColumnName(line: 1, column: 3), "column 3 of the header has no name"),
            ("Datum;Belopp;datum\r\n", .duplicateColumn(line: 1, name: "datum"), "duplicate column 'datum'"),
            ("Datum;Belopp; Datum \r\n", .duplicateColumn(line: 1, name: "Datum"), "duplicate column 'Datum'"),
            ("Åsa;A\u{30A}SA\r\n", .duplicateColumn(line: 1, name: "ÅSA"), "duplicate column 'ÅSA'"),
        ] as [(String, CSVError, String)])
    func parseErrorsCarryTheirLineAndMessage(text: String, expected: CSVError, message: String) {
        let error = #expect(throws: CSVError.self) { try CSVTable.parse(Array(text.utf8)) }
        #expect(error == expected)
        #expect(error?.message == message)
        #expect(error?.line == expected.line)
    }

    @Test(
        arguments: [
            (CSVError.undecodableByte(byte: 0x81, line: 7), "not UTF-8 or Windows-1252 text: byte 0x81", 7 as Int?),
            (.undecodableByte(byte: 0x9D, line: 1), "not UTF-8 or Windows-1252 text: byte 0x9D", 1),
            (.unsupportedEncoding(name: "UTF-16"), "UTF-16 text is not supported; save the file as UTF-8 CSV", nil),
            (.raggedRow(line: 9, expected: 3, found: 4), "row has 4 fields, the header has 3", 9),
            (.raggedRow(line: 9, expected: 1, found: 0), "row has 0 fields, the header has 1", 9),
            (.duplicateColumn(line: 1, name: "Datum"), "duplicate column 'Datum'", 1),
            (.unterminatedQuote(line: 12), "quoted field never closed", 12),
            (
                .missingColumn(name: "Handläggare", available: ["Ärendenummer", "Beslut"]),
                "missing column 'Handläggare' (columns: Ärendenummer, Beslut)", nil
            ),
            (.readFailed(path: "in.csv", reason: "Permission denied"), "cannot read the file: Permission denied", nil),
            (
                .writeFailed(path: "ut/urval.csv", reason: "No such file or directory"),
                "cannot write 'ut/urval.csv': No such file or directory", nil
            ),
        ] as [(CSVError, String, Int?)])
    func messagesAreShortAndNameWhatIsNeeded(error: CSVError, message: String, line: Int?) {
        #expect(error.message == message)
        #expect(error.line == line)
    }
}
