import Foundation
import StickprovKit
import Testing

@Suite struct CSVWriterTests {
    @Test func writesBOMSemicolonsAndCRLF() {
        let bytes = CSVWriter().encode(header: ["Ärende", "Namn"], rows: [["SN-1", "Åsa"]])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == "Ärende;Namn\r\nSN-1;Åsa\r\n")
    }

    @Test func bomAndDelimiterAreOptions() {
        let bytes = CSVWriter(delimiter: .comma, includeBOM: false).encode(header: ["a", "b"], rows: [["1;2", "3,4"]])
        #expect(String(decoding: bytes, as: UTF8.self) == "a,b\r\n1;2,\"3,4\"\r\n")
    }

    @Test(arguments: [
        ("vanlig text", "vanlig text"),
        ("", ""),
        ("a;b", "\"a;b\""),
        ("hon sa \"ja\"", "\"hon sa \"\"ja\"\"\""),
        ("rad ett\nrad två", "\"rad ett\nrad två\""),
        ("rad ett\r\nrad två", "\"rad ett\r\nrad två\""),
        (" inledande", "\" inledande\""),
        ("avslutande ", "\"avslutande \""),
        ("avslutande\t", "\"avslutande\t\""),
        ("inne i mitten", "inne i mitten"),
        ("a,b", "a,b"),
    ])
    func fieldsAreQuotedOnlyWhenNeeded(value: String, written: String) {
        #expect(CSVWriter().cell(value) == written)
    }

    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("@x", "'@x"),
        ("+46 70 123 45 67", "'+46 70 123 45 67"),
        ("-", "'-"),
        ("--5", "'--5"),
        ("-5-", "'-5-"),
        ("-1e5", "'-1e5"),
        ("-12,5,0", "'-12,5,0"),
        ("=1+2", "'=1+2"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("=HYPERLINK(\"http://x\";\"klicka\")", "\"'=HYPERLINK(\"\"http://x\"\";\"\"klicka\"\")\""),
        ("-5", "-5"),
        ("+3", "+3"),
        ("-12,5", "-12,5"),
        ("-0.5", "-0.5"),
        ("-12,", "'-12,"),
        ("5", "5"),
        ("a=b", "a=b"),
        ("'=redan", "'=redan"),
    ])
    func formulaStartsAreNeutralisedButPlainNumbersAreNot(value: String, written: String) {
        #expect(CSVWriter().cell(value) == written)
    }

    @Test func aLoneEmptyFieldIsWrittenQuotedSoTheLineIsNotBlank() throws {
        let bytes = CSVWriter().encode(header: ["Kommentar"], rows: [[""], ["x"], [""]])
        let table = try CSVTable.parse(bytes)
        #expect(table.rows.map(\.fields) == [[""], ["x"], [""]])
    }

    @Test func writtenFileParsesBackToTheSameFields() throws {
        let header = ["Ärendenummer", "Handläggare", "Kommentar"]
        let rows = [
            ["SN-1", "Åsa Öberg", "beslut; se \"bilaga\"\r\nrad 2"],
            ["SN-2", " Émile ", ""],
            ["SN-3", "Ödön", "-12,5"],
            ["SN-4", "", "€ 100 – “citat”"],
        ]
        let table = try CSVTable.parse(CSVWriter().encode(header: header, rows: rows))
        #expect(table.encoding == .utf8WithBOM)
        #expect(table.delimiter == .semicolon)
        #expect(table.header == header)
        #expect(table.rows.map(\.fields) == rows)
        #expect(table.rows.map(\.line) == [2, 4, 5, 6])
    }

    @Test func neutralisedCellsReadBackWithTheirPrefix() throws {
        let table = try CSVTable.parse(CSVWriter().encode(header: ["a", "b"], rows: [["=1+1", "-5"]]))
        #expect(table.rows[0].fields == ["'=1+1", "-5"])
    }

    @Test(arguments: [0o600, 0o644] as [UInt32])
    func atomicWriteLeavesOnlyTheFileWithTheRequestedPermissions(permissions: UInt32) throws {
        let directory = try CSVTemporaryDirectory()
        let path = directory.path + "/urval.csv"
        try CSVWriter().write(header: ["a"], rows: [["1"]], to: path, permissions: permissions)
        #expect(try directory.names() == ["urval.csv"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.uint32Value == permissions)
        #expect(try CSVTable.read(contentsOf: path).rows == [CSVRow(line: 2, fields: ["1"])])
    }

    @Test func atomicWriteReplacesAnExistingFileAndItsPermissions() throws {
        let directory = try CSVTemporaryDirectory()
        let path = directory.path + "/urval.csv"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("gammal".utf8), attributes: nil))
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: path)
        try CSVWriter().write(header: ["ny"], rows: [], to: path, permissions: 0o600)
        #expect(try directory.names() == ["urval.csv"])
        #expect(try CSVTable.read(contentsOf: path).header == ["ny"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.uint32Value == 0o600)
    }

    @Test func writingIntoAMissingDirectoryFailsAndLeavesNothing() throws {
        let directory = try CSVTemporaryDirectory()
        let path = directory.path + "/saknas/urval.csv"
        let error = #expect(throws: CSVError.self) {
            try CSVWriter().write(header: ["a"], rows: [], to: path)
        }
        #expect(error == .writeFailed(path: path, reason: "No such file or directory"))
        #expect(try directory.names().isEmpty)
    }

    @Test func renameFailureRemovesTheTemporaryFile() throws {
        let directory = try CSVTemporaryDirectory()
        let path = directory.path + "/upptagen"
        try FileManager.default.createDirectory(atPath: path + "/inuti", withIntermediateDirectories: true)
        let error = #expect(throws: CSVError.self) {
            try CSVWriter().write(header: ["a"], rows: [], to: path)
        }
        #expect(error?.line == nil)
        #expect(try directory.names() == ["upptagen"])
    }
}
