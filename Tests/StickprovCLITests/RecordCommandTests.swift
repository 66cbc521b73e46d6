import Foundation
import Testing

@Suite struct RecordCommandTests {
    /// A plan with a drawn K2-1 (5 items, 1 spare) and the worksheet the draw wrote.
    static func setUp() throws -> TemporaryFolder {
        let folder = try DrawCommandTests.setUp()
        let draw = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                "s", "--size", "5", "--spares", "1", "--out", "urval-K2-1.csv",
            ], in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        return folder
    }

    static func sheetRows(_ folder: TemporaryFolder) throws -> [[String]] {
        let text = String(decoding: try Data(contentsOf: folder.file("urval-K2-1.csv")).dropFirst(3), as: UTF8.self)
        return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ";") }
    }

    /// Fills the worksheet's result columns and saves it as Windows-1252, as Swedish Excel does.
    static func fill(_ folder: TemporaryFolder, name: String, results: [(String, String, String)]) throws -> String {
        var rows = try sheetRows(folder)
        for (index, (result, kind, note)) in results.enumerated() {
            rows[index + 1][5] = result
            rows[index + 1][6] = kind
            rows[index + 1][7] = note
        }
        let text = rows.map { $0.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        let bytes = try #require(text.data(using: .windowsCP1252))
        return try folder.write(name, Array(bytes))
    }

    @Test func recordsSingleItemsAndCorrections() throws {
        let folder = try Self.setUp()
        let key = try Self.sheetRows(folder)[1][3]
        var result = try CLI.run(
            ["record", "K2-1", key, "--ok", "--plan", "plan", "--date", "2023-02-20"], in: folder.url)
        #expect(result.stdout == "Recorded K2-1 \(key): utan anmärkning.\n")
        result = try CLI.run(["record", "K2-1", key, "--ok", "--plan", "plan", "--date", "2023-02-20"], in: folder.url)
        #expect(result.stdout == "Already recorded with this result; nothing changed.\n")
        result = try CLI.run(
            [
                "record", "K2-1", key, "--remark", "Kommunicering ej dokumenterad", "--plan", "plan", "--date",
                "2023-02-20",
            ], in: folder.url)
        #expect(result.stdout == "Recorded K2-1 \(key): anmärkning — a correction superseding line 2.\n")
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        #expect(journal.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 3)
        #expect(journal.contains("\"type\":\"correction\""))
    }

    @Test(arguments: [
        (
            ["record", "K2-1", "SN-1", "--ok", "--remark", "x"], Int32(2),
            "error: give one of --ok, --remark KIND, --not-reviewed REASON, --not-applicable\n"
        ),
        (["record", "K2-1", "SN-0000", "--ok"], 1, "error: 'SN-0000' is not an item or spare of draw K2-1\n"),
        (["record", "K2-9", "SN-1", "--ok"], 1, "error: no draw 'K2-9' in the journal (draws: K2-1)\n"),
        (
            ["record", "K2-1", "KEY", "--ok", "--note", "Ring 811218-9876"], 1,
            "error: the note holds what looks like a personnummer (811218-****); personal data does not belong in the record\n"
        ),
        (
            ["measure", "K2", "--value", "48", "--unit", "%", "--date", "2023-12-31"], 1,
            "error: control point 'K2' is checked by case-review; record its items with 'stickprov record'\n"
        ),
        (
            ["measure", "K1", "--value", "många", "--unit", "%", "--date", "2023-12-31"], 2,
            "error: --value 'många' is not a number (e.g. 48 or 37,5)\n"
        ),
        (
            ["assess", "K2", "--point", "delår", "--signal", "lila"], 1,
            "error: 'lila' is not a signal of the plan (green (Grön), yellow (Gul), red (Röd))\n"
        ),
        (
            ["assess", "K2", "--point", "jul", "--signal", "green"], 2,
            "error: --point 'jul' is not one of: interim, year-end\n"
        ),
    ])
    func refusesBadRecordsAndWritesNothing(arguments: [String], status: Int32, message: String) throws {
        let folder = try Self.setUp()
        let key = try Self.sheetRows(folder)[1][3]
        let before = try Data(contentsOf: folder.file("plan/journal.jsonl"))
        let result = try CLI.run(arguments.map { $0 == "KEY" ? key : $0 } + ["--plan", "plan"], in: folder.url)
        #expect(result.status == status)
        #expect(result.stderr.hasPrefix(message))
        #expect(try Data(contentsOf: folder.file("plan/journal.jsonl")) == before)
    }

    @Test func importsAWindows1252WorksheetOnceAndOnlyWhole() throws {
        let folder = try Self.setUp()
        let bad = try Self.fill(
            folder, name: "bad.csv",
            results: [
                ("ok", "", ""), ("Anmärkning", "", ""), ("kanske", "", ""), ("ej granskad", "", ""),
                ("ok", "", "Se 811218-9876"),
            ])
        let before = try Data(contentsOf: folder.file("plan/journal.jsonl"))
        let refused = try CLI.run(["record", "--worksheet", bad, "--plan", "plan"], in: folder.url)
        #expect(refused.status == 1)
        #expect(
            refused.stderr == """
                \(bad):3: a remark needs its kind (the worksheet's column 'Typ av anmärkning')
                \(bad):4: 'kanske' is not a result; write ok / utan anmärkning, anmärkning, ej granskad or ej tillämpligt
                \(bad):5: 'not reviewed' needs a reason (the worksheet's column 'Kommentar')
                \(bad):6: the note holds what looks like a personnummer (811218-****); personal data does not belong in the record

                """)
        #expect(try Data(contentsOf: folder.file("plan/journal.jsonl")) == before)

        let good = try Self.fill(
            folder, name: "good.csv",
            results: [
                ("ok", "", ""), ("Anmärkning", "Underrättelse om beslut saknas", ""), ("utan anmärkning", "", ""),
                ("ej granskad", "", "Ärendet överflyttat"), ("", "", ""), ("OK", "", ""),
            ])
        let imported = try CLI.run(["record", "--worksheet", good, "--plan", "plan"], in: folder.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "\(good): recorded 5 results (5 new, 0 corrections), lines 2–6.\n")
        let again = try CLI.run(["record", "--worksheet", good, "--plan", "plan"], in: folder.url)
        #expect(again.stdout == "\(good): nothing new to record (every filled-in row is already recorded)\n")
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(status.stdout.contains("K2-1  "))
        #expect(
            status.stdout.contains(
                "5 drawn · 4 reviewed · 3 ok · 1 remark · 1 not reviewed · 1 spares reviewed · 1 pending"))
        #expect(status.stdout.contains("Remark kinds: Underrättelse om beslut saknas 1"))
    }

    @Test func measuresAndAssesses() throws {
        let folder = try Self.setUp()
        try folder.write("resultat.txt", "Totalt har 79 utredningar granskats.\n")
        var result = try CLI.run(["plan", "add-risk", "--plan", "plan", "--text", "Digitalisering"], in: folder.url)
        result = try CLI.run(
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R2", "--text", "E-ansökningar ökar", "--method",
                "measurement",
            ], in: folder.url)
        result = try CLI.run(
            [
                "measure", "K3", "--plan", "plan", "--value", "37,5", "--unit", "%", "--target", "50", "--date",
                "2023-08-31",
            ], in: folder.url)
        #expect(result.stdout == "Recorded K3: 37,5 % per 2023-08-31 (target 50 %).\n")
        result = try CLI.run(
            [
                "assess", "K2", "--plan", "plan", "--point", "årsbokslut", "--signal", "yellow", "--result-file",
                "resultat.txt", "--actions", "Handläggarskola.", "--date", "2023-12-20",
            ], in: folder.url)
        #expect(result.stdout == "Assessed K2 at årsbokslut: yellow (2023-12-20).\n")
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(status.stdout.contains("    Measured 37,5 % per 2023-08-31 (target 50 %)\n"))
        #expect(status.stdout.contains("delårsbokslut: not assessed · årsbokslut: Gul"))
        #expect(status.stdout.contains("\n2. Digitalisering\n2.1 K3  E-ansökningar ökar  (Kontroll av antal)\n"))
    }

    @Test func aCountIsMeasuredWithWhatItIsACountOf() throws {
        let folder = try Self.setUp()
        _ = try CLI.run(["plan", "add-risk", "--plan", "plan", "--text", "Hälsosamtal"], in: folder.url)
        _ = try CLI.run(
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R2", "--text", "Deltagande i hälsosamtal",
                "--method", "measurement",
            ], in: folder.url)
        let measured = try CLI.run(
            [
                "measure", "K3", "--plan", "plan", "--value", "324", "--unit", "st", "--of", "1422", "--of-what",
                "inbjudna", "--date", "2023-12-31", "--note", "Påminnelse i oktober.",
            ],
            in: folder.url)
        #expect(measured.status == 0, "\(measured.stderr)")
        #expect(measured.stdout == "Recorded K3: 324 st of 1422 per 2023-12-31.\n")
        let report = try CLI.run(["report", "--plan", "plan", "--table-only"], in: folder.url)
        #expect(
            report.stdout.contains(
                "Antalet var 324 av 1 422 inbjudna (22,8 procent) per 2023-12-31. Påminnelse i oktober."),
            "\(report.stdout)")
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(status.stdout.contains("    Measured 324 st of 1422 inbjudna per 2023-12-31 · Påminnelse i oktober.\n"))
        let wrong = try CLI.run(
            [
                "measure", "K3", "--plan", "plan", "--value", "324", "--unit", "st", "--of", "300", "--date",
                "2023-12-31",
            ], in: folder.url)
        #expect(wrong.status == 1)
        #expect(
            wrong.stderr
                == "error: --of 300 cannot be what 324 is counted of: it must be above zero and at least the value\n")
        let alone = try CLI.run(
            [
                "measure", "K3", "--plan", "plan", "--value", "3", "--unit", "st", "--of-what", "inbjudna", "--date",
                "2023-12-31",
            ], in: folder.url)
        #expect(alone.status == 2)
    }

    @Test func twoProcessesAppendingAtOnceLoseNothing() throws {
        let folder = try Self.setUp()
        _ = try CLI.run(["plan", "add-risk", "--plan", "plan", "--text", "Digitalisering"], in: folder.url)
        _ = try CLI.run(
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R2", "--text", "E-ansökningar", "--method",
                "measurement",
            ], in: folder.url)
        let count = 500
        let writers = (0..<2).map { writer -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                "-c",
                "i=0; while [ $i -lt \(count) ]; do \"$0\" measure K3 --plan plan --value $i --unit st --date 2023-12-31 --note w\(writer) >/dev/null || exit 1; i=$((i+1)); done",
                CLI.binary.path,
            ]
            process.currentDirectoryURL = folder.url
            return process
        }
        for writer in writers { try writer.run() }
        // Readers during the writes always see a sound prefix: every run succeeds.
        var reads = 0
        var failedReads: [String] = []
        while writers.contains(where: \.isRunning) {
            let command = reads % 2 == 0 ? ["status", "--plan", "plan"] : ["verify", "--plan", "plan"]
            let read = try CLI.run(command, in: folder.url)
            if read.status != 0 { failedReads.append(read.stderr) }
            reads += 1
        }
        for writer in writers { writer.waitUntilExit() }
        #expect(failedReads.isEmpty, "\(failedReads.prefix(3))")
        #expect(reads > 5)
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("plan/journal.jsonl: \(2 * count + 1) events, chain intact"))
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        for writer in 0..<2 {
            #expect(journal.components(separatedBy: "\"note\":\"w\(writer)\"").count - 1 == count)
        }
    }
}
