import Foundation
import StickprovKit
import Testing

/// Parses UTF-8 text given as a Swift string.
private func parse(_ text: String, delimiter: CSVDelimiter? = nil) throws(CSVError) -> CSVTable {
    try CSVTable.parse(Array(text.utf8), delimiter: delimiter)
}

@Suite struct CSVReaderTests {
    @Test func utf8WithoutBOMIsReadAsUTF8() throws {
        let table = try parse("Ärendenummer;Handläggare\nSN-1;Åsa Öberg\n")
        #expect(table.encoding == .utf8)
        #expect(table.header == ["Ärendenummer", "Handläggare"])
        #expect(table.rows == [CSVRow(line: 2, fields: ["SN-1", "Åsa Öberg"])])
    }

    @Test func utf8BOMIsDetectedAndNotPartOfTheFirstColumnName() throws {
        let table = try CSVTable.parse([0xEF, 0xBB, 0xBF] + Array("Ärendenummer;Beslut\r\nSN-1;Bifall\r\n".utf8))
        #expect(table.encoding == .utf8WithBOM)
        #expect(table.header == ["Ärendenummer", "Beslut"])
        #expect(table.columnIndex("ärendenummer") == 0)
    }

    @Test(arguments: [
        ("a;b;c\n1;2;3\n", CSVDelimiter.semicolon),
        ("a,b,c\n1,2,3\n", .comma),
        ("a\tb\tc\n1\t2\t3\n", .tab),
        ("Belopp;Kommentar, fri text\n1;x\n", .semicolon),
        ("\"a;b\",c,d\n1,2,3\n", .comma),
        ("a;b,c\n1;2,3\n", .semicolon),
        ("a,b\tc\n1,2\t3\n", .comma),
        ("Ärendenummer\nSN-1\n", .semicolon),
        ("\n\na,b\n1,2\n", .comma),
    ])
    func delimiterIsTheMostFrequentCandidateOutsideQuotesInTheHeader(text: String, expected: CSVDelimiter) throws {
        #expect(try parse(text).delimiter == expected)
    }

    @Test func explicitDelimiterOverridesDetection() throws {
        let table = try parse("a;b,c\n1;2,3\n", delimiter: .comma)
        #expect(table.delimiter == .comma)
        #expect(table.header == ["a;b", "c"])
        #expect(table.rows[0].fields == ["1;2", "3"])
    }

    @Test(arguments: [
        "a;b\r\n1;2\r\n3;4\r\n",
        "a;b\n1;2\n3;4\n",
        "a;b\r1;2\r3;4\r",
        "a;b\n1;2\n3;4",
        "a;b\r\n1;2\r\n3;4",
        "a;b\r\n1;2\n3;4\r",
    ])
    func lineEndingsAndAMissingFinalNewlineGiveTheSameRecords(text: String) throws {
        let table = try parse(text)
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [CSVRow(line: 2, fields: ["1", "2"]), CSVRow(line: 3, fields: ["3", "4"])])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let table = try parse("\r\na;b\r\n\r\n1;2\r\n\r\n\r\n3;4\r\n\r\n")
        #expect(table.headerLine == 2)
        #expect(table.rows.map(\.line) == [4, 7])
    }

    @Test func quotedFieldsHoldDelimitersDoubledQuotesAndLineBreaks() throws {
        let text =
            "Ärende;Text;Nr\r\n"
            + "SN-1;\"a;b\";1\r\n"
            + "SN-2;\"hon sa \"\"ja\"\"\";2\r\n"
            + "SN-3;\"rad ett\r\nrad två\";3\r\n"
            + "SN-4;\"\";4\r\n"
            + "\"SN-5\";\"x\ny\nz\";\"5\"\r\n"
            + "SN-6;\"\"\"\";6\r\n"
        let table = try parse(text)
        #expect(
            table.rows.map(\.fields) == [
                ["SN-1", "a;b", "1"],
                ["SN-2", "hon sa \"ja\"", "2"],
                ["SN-3", "rad ett\r\nrad två", "3"],
                ["SN-4", "", "4"],
                ["SN-5", "x\ny\nz", "5"],
                ["SN-6", "\"", "6"],
            ])
        #expect(table.rows.map(\.line) == [2, 3, 4, 6, 7, 10])
    }

    @Test func lineBreaksInsideQuotesCountTheSameWithLoneCR() throws {
        let table = try parse("a;b\r1;\"x\ry\"\r2;z\r")
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.rows[0].fields == ["1", "x\ry"])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsKeptLiterally() throws {
        let table = try parse("a;b\nab\"c;5\" skruv\n")
        #expect(table.rows[0].fields == ["ab\"c", "5\" skruv"])
    }

    @Test func fieldValuesAreNotTrimmed() throws {
        let table = try parse("a;b\n  x ; y\t\n")
        #expect(table.rows[0].fields == ["  x ", " y\t"])
    }

    @Test func emptyFieldsAtTheEdgesAreKept() throws {
        let table = try parse("a;b;c\n;;\n;x;\n")
        #expect(table.rows.map(\.fields) == [["", "", ""], ["", "x", ""]])
    }

    @Test func headerNamesAreTrimmedAndNFCNormalised() throws {
        let table = try parse(" A\u{30A}sa ;\tHandla\u{308}ggare\t;\"  Beslut \"\n1;2;3\n")
        #expect(table.header == ["Åsa", "Handläggare", "Beslut"])
        #expect(table.header[0].unicodeScalars.count == 3)
    }

    @Test(
        arguments: [
            ("Handläggare", 1), ("HANDLÄGGARE", 1), ("handläggare", 1), ("Handla\u{308}ggare", 1),
            ("Åsa", 0), ("åsa", 0), ("  Åsa ", 0), ("beslutstyp", 2), ("Beslut", nil), ("", nil),
        ] as [(String, Int?)])
    func columnLookupIsCaseInsensitiveAndNFC(name: String, expected: Int?) throws {
        let table = try parse("A\u{30A}sa;Handläggare;Beslutstyp\n1;2;3\n")
        #expect(table.columnIndex(name) == expected)
    }

    @Test func requireColumnReturnsTheIndex() throws {
        let table = try parse("Ärendenummer;Handläggare\nSN-1;x\n")
        #expect(try table.requireColumn("handläggare") == 1)
    }

    @Test func requireColumnNamesTheMissingColumnAndTheAvailableOnes() throws {
        let table = try parse("Ärendenummer;Beslut\nSN-1;x\n")
        let error = #expect(throws: CSVError.self) { try table.requireColumn("Handläggare") }
        #expect(error == .missingColumn(name: "Handläggare", available: ["Ärendenummer", "Beslut"]))
        #expect(error?.message == "missing column 'Handläggare' (columns: Ärendenummer, Beslut)")
        #expect(error?.line == nil)
    }

    @Test func headerOnlyFileHasNoRows() throws {
        let table = try parse("a;b\r\n")
        #expect(table.header == ["a", "b"])
        #expect(table.rows.isEmpty)
    }

    @Test func parsesData() throws {
        let table = try CSVTable.parse(Data("a,b\n1,2\n".utf8))
        #expect(table.rows[0].fields == ["1", "2"])
    }

    @Test func readsAFile() throws {
        let directory = try CSVTemporaryDirectory()
        let path = directory.path + "/in.csv"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("Nr;Namn\n1;Åsa\n".utf8)))
        let table = try CSVTable.read(contentsOf: path)
        #expect(table.rows == [CSVRow(line: 2, fields: ["1", "Åsa"])])
    }

    @Test func readingAMissingFileSaysWhy() throws {
        let directory = try CSVTemporaryDirectory()
        let path = directory.path + "/saknas.csv"
        let error = #expect(throws: CSVError.self) { try CSVTable.read(contentsOf: path) }
        #expect(error == .readFailed(path: path, reason: "No such file or directory"))
        #expect(error?.message == "cannot read the file: No such file or directory")
    }

    @Test func readingADirectorySaysWhy() throws {
        let directory = try CSVTemporaryDirectory()
        let error = #expect(throws: CSVError.self) { try CSVTable.read(contentsOf: directory.path) }
        #expect(error == .notRegularFile(kind: "a folder"))
        #expect(error?.message == "this is a folder, not a file; give a saved file")
    }
}
