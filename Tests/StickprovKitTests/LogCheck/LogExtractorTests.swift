import Foundation
import Testing

@testable import StickprovKit

@Suite struct LogExtractorTests {
    static let users = (1...40).map { "u\($0)" } + ["anna.berg", "bjorn.ek"]
    static let officers = ["u3", "u17", "anna.berg", "u40", "u99"]  // u99 has no rows at all
    static let week = ISOWeek(year: 2023, week: 11)

    /// Runs the extract over `bytes` with the fixture's officers and week.
    static func extract(
        _ bytes: [UInt8], in folder: LogCheckFolder, draw: DrawRecord = logCheckDraw(officers, week: week),
        grouping: LogGrouping = .officer, threads: Int = 1, strict: Bool = false, out: String = "ut"
    ) throws(LogCheckError) -> LogExtractReport {
        let export = (try? folder.write("logg.csv", bytes)) ?? ""
        var request = LogExtractRequest(
            draw: draw, exportPath: export, outputDirectory: folder.path + "/" + out, userColumn: "Användare",
            timeColumn: "Tidpunkt", grouping: grouping, isStrict: strict, threads: threads)
        request.splitThreshold = 1  // split even small files when two threads are asked for
        return try LogExtractor.run(request)
    }

    struct Variant: CustomTestStringConvertible, Sendable {
        var name: String
        var delimiter: UInt8
        var lineBreak: [UInt8]
        var hasBOM: Bool
        var isWindows1252: Bool
        var quotesEverything = false
        var testDescription: String { name }
    }

    static let variants = [
        Variant(
            name: "UTF-8 with BOM, CRLF, ;", delimiter: 0x3B, lineBreak: [0x0D, 0x0A], hasBOM: true,
            isWindows1252: false),
        Variant(name: "UTF-8, LF, ,", delimiter: 0x2C, lineBreak: [0x0A], hasBOM: false, isWindows1252: false),
        Variant(
            name: "Windows-1252, CRLF, ;", delimiter: 0x3B, lineBreak: [0x0D, 0x0A], hasBOM: false, isWindows1252: true),
        Variant(name: "Windows-1252, LF, tab", delimiter: 0x09, lineBreak: [0x0A], hasBOM: false, isWindows1252: true),
        Variant(
            name: "UTF-8 with BOM, every field quoted", delimiter: 0x3B, lineBreak: [0x0D, 0x0A], hasBOM: true,
            isWindows1252: false, quotesEverything: true),
    ]

    @Test(arguments: variants, [1, 2])
    func extractEqualsAnIndependentSelection(variant: Variant, threads: Int) throws {
        var fixture = ExportFixture.generated(count: 3000, users: Self.users, seed: 7)
        fixture.delimiter = variant.delimiter
        fixture.lineBreak = variant.lineBreak
        fixture.hasBOM = variant.hasBOM
        fixture.isWindows1252 = variant.isWindows1252
        fixture.quotesEverything = variant.quotesEverything
        let (file, header, rows) = fixture.bytes()
        let expected = try ExportFixture.expectedSelection(file: file, officers: Self.officers, week: Self.week)
        #expect(expected.values.reduce(0) { $0 + $1.count } > 50)  // the test selects something

        let folder = try LogCheckFolder()
        let report = try Self.extract(file, in: folder, threads: threads)
        #expect(report.threads == threads)
        #expect(report.anomalyCount == 0, "\(report.anomalies.map(\.message))")
        #expect(report.rowCount == 3000)
        #expect(report.encoding == (variant.isWindows1252 ? .windows1252 : variant.hasBOM ? .utf8WithBOM : .utf8))
        var files: [String] = []
        for officer in Self.officers {
            let indices = expected[officer] ?? []
            let summary = try #require(report.officers.first { $0.key == officer })
            #expect(summary.rows == indices.count)
            guard !indices.isEmpty else {
                #expect(summary.file == nil)
                continue
            }
            let name = "logg-K1-1-\(SafeFileName.part(officer)).csv"
            files.append(name)
            let bytes = try folder.read("ut/" + name)
            let want = (variant.hasBOM ? [0xEF, 0xBB, 0xBF] : []) + header + indices.flatMap { rows[$0] }
            #expect(bytes == want, "\(officer): \(bytes.count) bytes, expected \(want.count)")
            let mode = try FileManager.default.attributesOfItem(atPath: folder.path + "/ut/" + name)[.posixPermissions]
            #expect((mode as? Int) == 0o600)
        }
        #expect(folder.names("ut") == files.sorted())  // no temporary files left
        #expect(report.officersWithoutRows.map(\.key) == ["u99"])
    }

    @Test func groupsByManagerInFileOrder() throws {
        let fixture = ExportFixture.generated(count: 2000, users: Self.users, seed: 11)
        let (file, header, rows) = fixture.bytes()
        let expected = try ExportFixture.expectedSelection(file: file, officers: Self.officers, week: Self.week)
        let managers = [
            "u3": "Chef Åsa", "u17": "Chef Björn", "anna.berg": "Chef Åsa", "u40": "Chef Björn", "u99": "Chef Åsa",
        ]
        let draw = logCheckDraw(Self.officers, week: Self.week, managers: managers)
        for threads in [1, 2] {
            let folder = try LogCheckFolder()
            let report = try Self.extract(file, in: folder, draw: draw, grouping: .manager, threads: threads)
            #expect(folder.names("ut") == ["logg-K1-1-Chef-Asa.csv", "logg-K1-1-Chef-Bjorn.csv"])
            for (manager, name) in [("Chef Åsa", "logg-K1-1-Chef-Asa.csv"), ("Chef Björn", "logg-K1-1-Chef-Bjorn.csv")]
            {
                let mine = Self.officers.filter { managers[$0] == manager }
                let indices = mine.flatMap { expected[$0] ?? [] }.sorted()
                #expect(try folder.read("ut/" + name) == [0xEF, 0xBB, 0xBF] + header + indices.flatMap { rows[$0] })
            }
            #expect(report.officers.first { $0.key == "u17" }?.file == folder.path + "/ut/logg-K1-1-Chef-Bjorn.csv")
            #expect(report.officers.first { $0.key == "u99" }?.file == folder.path + "/ut/logg-K1-1-Chef-Asa.csv")
        }
    }

    @Test func weekBoundariesAreMondayMidnightToSundayOneSecondToMidnight() throws {
        var fixture = ExportFixture()
        fixture.hasBOM = false
        let cases: [(String, Bool)] = [
            ("2023-03-12 23:59:59", false),  // the Sunday before
            ("12.03.2023 23:59", false),
            ("2023-03-13 00:00:00", true),  // Monday
            ("13.03.2023 00:00", true),
            ("2023-03-13T00:00:00", true),
            ("2023-03-19 23:59:59", true),  // Sunday
            ("2023-03-19 23:59:59.999", true),
            ("19.03.2023 23:59:59", true),
            ("2023-03-19 23:59", true),
            ("2023-03-20 00:00:00", false),  // the next Monday
            ("20.03.2023 00:00", false),
        ]
        for (time, _) in cases { fixture.rows.append([time, "u3", "Åsa", "E", "SN-1", "Läsning", "x"]) }
        let (file, header, rows) = fixture.bytes()
        let folder = try LogCheckFolder()
        let report = try Self.extract(file, in: folder)
        let inside = cases.indices.filter { cases[$0].1 }
        #expect(try folder.read("ut/logg-K1-1-u3.csv") == header + inside.flatMap { rows[$0] })
        let u3 = try #require(report.officers.first { $0.key == "u3" })
        #expect(u3.first?.description == "2023-03-13 00:00:00")
        #expect(u3.last?.description == "2023-03-19 23:59:59")
    }

    @Test func aWeekRunningIntoTheNextYear() throws {
        // December 2020's last week is 2020-W53 (Thursday 31 December), which ends on 3 January 2021.
        let december = try #require(Month("2020-12"))
        #expect(
            december.candidateWeeks.map(\.description) == ["2020-W49", "2020-W50", "2020-W51", "2020-W52", "2020-W53"])
        let january = try #require(Month("2021-01"))
        #expect(january.candidateWeeks.map(\.description) == ["2021-W01", "2021-W02", "2021-W03", "2021-W04"])
        #expect(
            LogWindow(week: ISOWeek(year: 2021, week: 1)).description
                == "2021-W01 (Monday 2021-01-04 00:00:00 to Sunday 2021-01-10 23:59:59)")

        var fixture = ExportFixture()
        let cases: [(String, Bool)] = [
            ("2020-12-27 23:59:59", false), ("2020-12-28 00:00:00", true), ("31.12.2020 12:00", true),
            ("2021-01-01 00:00:00", true), ("2021-01-03 23:59:59", true), ("2021-01-04 00:00:00", false),
        ]
        for (time, _) in cases { fixture.rows.append([time, "u3", "Åsa", "E", "SN-1", "Läsning", "x"]) }
        let (file, header, rows) = fixture.bytes()
        let folder = try LogCheckFolder()
        let draw = logCheckDraw(["u3"], week: ISOWeek(year: 2020, week: 53))
        let report = try Self.extract(file, in: folder, draw: draw)
        #expect(report.window.description == "2020-W53 (Monday 2020-12-28 00:00:00 to Sunday 2021-01-03 23:59:59)")
        let inside = cases.indices.filter { cases[$0].1 }
        #expect(try folder.read("ut/logg-K1-1-u3.csv") == [0xEF, 0xBB, 0xBF] + header + inside.flatMap { rows[$0] })
    }

    @Test func aSplitInsideAQuotedFieldFallsBackToOneOrderlyPass() throws {
        // One record in the middle holds a quoted field with hundreds of line breaks; the split's
        // guess (the first line feed after the middle) lands inside it.
        // Its lines even look like records, so the guess is taken and must be found wrong.
        var fixture = ExportFixture.generated(count: 400, users: Self.users, seed: 3)
        let long = (0..<600).map { "2023-03-14 10:00:00;u3;Åsa;E;SN-\($0);Läsning;x" }.joined(separator: "\r\n")
        fixture.rows.insert(["2023-03-14 10:00:00", "u3", "Åsa", "E", "SN-1", "Läsning", long], at: 200)
        let (file, header, rows) = fixture.bytes()
        let expected = try ExportFixture.expectedSelection(file: file, officers: Self.officers, week: Self.week)
        #expect(expected["u3"]?.contains(200) == true)
        let folder = try LogCheckFolder()
        let report = try Self.extract(file, in: folder, threads: 2)
        #expect(report.threads == 1)
        #expect(report.anomalyCount == 0)
        #expect(
            try folder.read("ut/logg-K1-1-u3.csv") == [0xEF, 0xBB, 0xBF] + header
                + (expected["u3"] ?? []).flatMap { rows[$0] })
        #expect(folder.names("ut").allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func aLastRecordWithoutLineBreakGetsTheFilesLineBreak() throws {
        var file = Array("Tidpunkt;Användare\r\n2023-03-14 09:00:00;u3\r\n2023-03-15 09:00:00;u3".utf8)
        let folder = try LogCheckFolder()
        _ = try Self.extract(file, in: folder)
        #expect(
            try folder.read("ut/logg-K1-1-u3.csv")
                == Array("Tidpunkt;Användare\r\n2023-03-14 09:00:00;u3\r\n2023-03-15 09:00:00;u3\r\n".utf8))
        // The same with fields after the last one needed (they are only counted), right or wrong in number.
        file = Array(
            "Tidpunkt;Användare;Namn;Text\r\n2023-03-14 09:00:00;u3;Åsa;\"a;b\"\r\n2023-03-15 09:00:00;u3;Åsa;x;y".utf8)
        var report = try Self.extract(file, in: folder, out: "ut1")
        #expect(report.anomalies.map { "\($0.line): \($0.message)" } == ["3: row has 5 fields, the header has 4"])
        file.removeLast(2)
        report = try Self.extract(file, in: folder, out: "ut3")
        #expect(report.anomalyCount == 0)
        #expect(try folder.read("ut3/logg-K1-1-u3.csv") == file + [0x0D, 0x0A])
        // Blank lines are skipped but counted.
        file = Array("Tidpunkt;Användare\n\n2023-03-14 09:00:00;u3\n\r\n2023-03-15 09:00;u3;x\n".utf8)
        report = try Self.extract(file, in: folder, out: "ut2")
        #expect(report.anomalies.map { "\($0.line): \($0.message)" } == ["5: row has 3 fields, the header has 2"])
        #expect(report.rowCount == 2)
    }

    @Test func extractingAgainReplacesTheFilesAndRemovesThoseWithoutRowsNow() throws {
        let folder = try LogCheckFolder()
        let both = Array("Tidpunkt;Användare\n2023-03-14 09:00:00;u3\n2023-03-14 10:00:00;u17\n".utf8)
        _ = try Self.extract(both, in: folder)
        #expect(folder.names("ut") == ["logg-K1-1-u17.csv", "logg-K1-1-u3.csv"])
        let one = Array("Tidpunkt;Användare\n2023-03-15 09:00:00;u3\n".utf8)
        let report = try Self.extract(one, in: folder)
        #expect(folder.names("ut") == ["logg-K1-1-u3.csv"])
        #expect(report.removedFiles == [folder.path + "/ut/logg-K1-1-u17.csv"])
        #expect(try folder.read("ut/logg-K1-1-u3.csv") == one)
    }

    // MARK: bad input

    static let header = "Tidpunkt;Användare;Namn\r\n"

    @Test(arguments: [
        ("2023-03-14 09:00:00;u3;Åsa\r\n2023-03-14 09:00:00;u3\r\n", ["3: row has 2 fields, the header has 3"]),
        (
            "2023-03-14 09:00:00;u3;Åsa\r\n14/03/2023 09:00;u3;Åsa\r\n14/03/2023;u5;Åsa\r\n",
            [
                "3: cannot read the time '14/03/2023 09:00' in column 'Tidpunkt' (expected e.g. 2023-03-14 09:12:33 or 14.03.2023 09:12)"
            ]
        ),
        (
            "2023-03-14 09:00:00;u3;Åsa\r\n2023-03-14 09:00:00;u3;\"Åsa\"x\r\n",
            ["3: text after a closing quote; a quote inside a quoted field must be doubled (\"\")"]
        ),
        ("2023-03-14 09:00:00;u3;Åsa\r\n2023-03-14 09:00:00;u3;\"Åsa\r\n\r\n", ["3: quoted field never closed"]),
    ])
    func anomaliesAreCountedAndListedWithTheirLines(body: String, messages: [String]) throws {
        let folder = try LogCheckFolder()
        let report = try Self.extract(Array((Self.header + body).utf8), in: folder)
        #expect(report.anomalies.map { "\($0.line): \($0.message)" } == messages)
        #expect(report.anomalyCount == messages.count)
        #expect(report.officers.first { $0.key == "u3" }?.rows == 1)  // the sound row is extracted
    }

    @Test func anEncodingSwitchIsAnAnomalyOnItsLineWhicheverHalfItIsIn() throws {
        // Valid UTF-8 first (line 3), then Windows-1252 bytes (å = 0xE5) further on.
        var file = Array("Tidpunkt;Användare;Namn\r\n2023-03-14 09:00:00;u3;Per\r\n2023-03-14 09:00:00;u3;Åsa\r\n".utf8)
        for _ in 0..<300 { file += Array("2023-03-14 09:00:00;u5;Per\r\n".utf8) }
        file += Array("2023-03-14 09:00:00;u3;".utf8) + [0xC5, 0x73, 0x61] + [0x0D, 0x0A]  // "Åsa" in Windows-1252
        for threads in [1, 2] {
            let folder = try LogCheckFolder()
            let report = try Self.extract(file, in: folder, threads: threads)
            #expect(
                report.anomalies.map { "\($0.line): \($0.message)" } == [
                    "304: invalid UTF-8 (byte 0xC5) in a file that is UTF-8 from line 1: the encoding changes here"
                ])
            #expect(report.officers.first { $0.key == "u3" }?.rows == 3)
        }
        // The other way round: a Windows-1252 file (its header says so) with UTF-8 text later.
        var latin = [UInt8]("Tidpunkt;Anv".utf8) + [0xE4] + Array("ndare\r\n2023-03-14 09:00:00;u3\r\n".utf8)
        latin += Array("2023-03-14 09:00:00;u3 ".utf8) + [0xC3, 0xA5] + [0x0D, 0x0A]
        let folder = try LogCheckFolder()
        let report = try Self.extract(latin, in: folder)
        #expect(
            report.anomalies.map { "\($0.line): \($0.message)" } == [
                "3: UTF-8 text in a file that is Windows-1252 from line 1: the encoding changes here"
            ])
        #expect(report.encoding == .windows1252)
    }

    @Test func encodingDecidedInTheSecondHalfIsTheFiles() throws {
        // An ASCII header and first half; the second half decides UTF-8 and then switches.
        var file = Array("Tidpunkt;Anvandare\n".utf8)
        for _ in 0..<400 { file += Array("2023-03-14 09:00:00;u5\n".utf8) }
        file += Array("2023-03-14 09:00:00;u3 \u{E5}\n".utf8)  // line 402: UTF-8
        file += Array("2023-03-14 09:00:00;u3 ".utf8) + [0xE5, 0x0A]  // line 403: Windows-1252
        for threads in [1, 2] {
            let folder = try LogCheckFolder()
            var request = LogExtractRequest(
                draw: logCheckDraw(["u3"], week: Self.week), exportPath: try folder.write("logg.csv", file),
                outputDirectory: folder.path + "/ut", userColumn: "Anvandare", timeColumn: "Tidpunkt", threads: threads)
            request.splitThreshold = 1
            let report = try LogExtractor.run(request)
            #expect(report.threads == threads)
            #expect(report.encoding == .utf8)
            #expect(
                report.anomalies.map { "\($0.line): \($0.message)" } == [
                    "403: invalid UTF-8 (byte 0xE5) in a file that is UTF-8 from line 402: the encoding changes here"
                ])
        }
    }

    @Test func aByteOrderMarkMakesInvalidUTF8AnAnomalyFromTheStart() throws {
        let file = [0xEF, 0xBB, 0xBF] + Array("Tidpunkt;Användare\n2023-03-14 09:00:00;u3 ".utf8) + [0x81, 0x0A]
        let folder = try LogCheckFolder()
        let report = try Self.extract(file, in: folder)
        #expect(
            report.anomalies.map { "\($0.line): \($0.message)" } == [
                "2: invalid UTF-8 (byte 0x81), although the file starts with a UTF-8 byte order mark"
            ])
        let latin = Array("Tidpunkt;Anv".utf8) + [0xE4] + Array("ndare\n2023-03-14 09:00:00;u3 ".utf8) + [0x81, 0x0A]
        let second = try Self.extract(latin, in: folder, out: "ut2")
        #expect(
            second.anomalies.map { "\($0.line): \($0.message)" } == ["2: not UTF-8 or Windows-1252 text: byte 0x81"])
    }

    @Test func strictStopsAtTheFirstAnomalyAndWritesNothing() throws {
        var fixture = ExportFixture.generated(count: 3000, users: Self.users, seed: 5)
        fixture.rows[2500].removeLast()
        let (file, _, rows) = fixture.bytes()
        let line = 2 + rows.prefix(2500).reduce(0) { $0 + $1.filter { $0 == 0x0A }.count }
        for threads in [1, 2] {
            let folder = try LogCheckFolder()
            #expect(throws: LogCheckError.anomaly(LogAnomaly(line: line, kind: .fieldCount(expected: 7, found: 6)))) {
                try Self.extract(file, in: folder, threads: threads, strict: true)
            }
            #expect(folder.names("") == ["logg.csv"])  // not even the output folder
            // Without --strict the same file is extracted, with the anomaly counted.
            let report = try Self.extract(file, in: folder, threads: threads)
            #expect(report.anomalyCount == 1)
            #expect(!folder.names("ut").isEmpty)
        }
    }

    @Test func aQuoteThatNeverClosesStopsAtTheRecordLimitNotAtTheMemoryLimit() throws {
        // 20 MB after an opening quote: more than one record may hold, so the extract stops, naming the line.
        var file = Array("Tidpunkt;Användare;Namn\n2023-03-14 09:00:00;u3;Åsa\n2023-03-14 09:00:00;u3;\"".utf8)
        file += [UInt8](repeating: 0x61, count: 20 << 20)
        for threads in [1, 2] {
            let folder = try LogCheckFolder()
            #expect(throws: LogCheckError.recordTooLong(line: 3, limit: 16 << 20)) {
                try Self.extract(file, in: folder, threads: threads)
            }
            #expect(folder.names("") == ["logg.csv"])
        }
        #expect(
            LogCheckError.recordTooLong(line: 3, limit: 16 << 20).message
                == "a record from this line on is longer than 16 MB; is a closing quote missing?")
    }

    @Test func aMissingColumnListsTheHeader() throws {
        let folder = try LogCheckFolder()
        var request = LogExtractRequest(
            draw: logCheckDraw(["u3"], week: Self.week),
            exportPath: try folder.write("logg.csv", Array("\u{FEFF}Tid;Användare;Namn\r\n".utf8)),
            outputDirectory: folder.path + "/ut", userColumn: "Användare", timeColumn: "Tidpunkt")
        #expect(throws: LogCheckError.missingColumn("Tidpunkt", line: 1, available: ["Tid", "Användare", "Namn"])) {
            try LogExtractor.run(request)
        }
        request.timeColumn = "användare"
        #expect(throws: LogCheckError.sameColumn("Användare")) { try LogExtractor.run(request) }
        request.exportPath = try folder.write("tom.csv", [])
        #expect(throws: LogCheckError.emptyFile) { try LogExtractor.run(request) }
        #expect(folder.names("") == ["logg.csv", "tom.csv"])
    }

    @Test func refusesDrawsThatAreNotLogChecksAndManagersThatAreNotCarried() throws {
        var draw = logCheckDraw(["u3"], week: Self.week)
        draw.rule.managerColumn = nil
        let folder = try LogCheckFolder()
        #expect(throws: LogCheckError.noManagerColumn("K1-1")) {
            try Self.extract(Array(Self.header.utf8), in: folder, draw: draw, grouping: .manager)
        }
        draw.week = nil
        #expect(throws: LogCheckError.notALogCheckDraw("K1-1")) { try Self.extract([], in: folder, draw: draw) }
    }

    @Test func outputFoldersInsideThePlanAreRecognised() {
        #expect(PlanLocator.isInsidePlan("Plans/sn-2023/utdrag", planDirectory: "Plans/sn-2023"))
        #expect(PlanLocator.isInsidePlan("Plans/sn-2023", planDirectory: "Plans/sn-2023/"))
        #expect(PlanLocator.isInsidePlan("Plans/sn-2023/../sn-2023/x", planDirectory: "Plans/sn-2023"))
        #expect(!PlanLocator.isInsidePlan("Plans/sn-2023-utdrag", planDirectory: "Plans/sn-2023"))
        #expect(!PlanLocator.isInsidePlan("/tmp/utdrag", planDirectory: "Plans/sn-2023"))
    }
}
