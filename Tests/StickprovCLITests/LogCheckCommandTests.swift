import Foundation
import Testing

@Suite struct LogCheckCommandTests {
    /// A plan (K1 a log check of 15 officers, K2 a case review), and an officer list of `officers` officers
    /// u1, u2, … with units and managers.
    static func setUp(officers: Int = 40) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        var list = "Användare;Namn;Enhet;Chef\r\n"
        for i in 1...officers {
            list += "u\(i);Handläggare \(i);Enhet \(i % 3);\(["Chef Åsa", "Chef Björn", "Chef Örjan"][i % 3])\r\n"
        }
        try folder.write("handlaggare.csv", list)
        return folder
    }

    static func draw(
        _ folder: TemporaryFolder, month: String = "2023-03", seed: String = "2023-03 loggkontroll",
        date: String? = nil
    ) throws -> CLI.Result {
        try CLI.run(
            [
                "logcheck", "draw", "K1", "--plan", "plan", "--month", month, "--officers", "handlaggare.csv", "--key",
                "Användare",
                "--unit", "Enhet", "--manager", "Chef", "--seed", seed,
            ] + (date.map { ["--date", $0] } ?? []), in: folder.url)
    }

    /// An export for March 2023 of officers u1…u`officers`: four events a day each, some with a quoted
    /// description holding `;`, `"` and a line break. Returns the file's bytes and each record's bytes.
    static func export(officers: Int) -> (
        file: [UInt8], header: [UInt8], rows: [(user: String, day: Int, bytes: [UInt8])]
    ) {
        let header = Array("\u{FEFF}Tidpunkt;Användare;Namn;Ärendenummer;Händelse;Beskrivning\r\n".utf8)
        var file = header
        var rows: [(String, Int, [UInt8])] = []
        for day in 1...31 {
            for hour in [8, 11, 14, 23] {
                for i in 1...officers {
                    let description =
                        (day + hour + i) % 5 == 0 ? "\"Anteckning \"\"Hembesök\"\";\r\nrad två\"" : "Visning"
                    let time =
                        i % 2 == 0
                        ? "2023-03-\(day < 10 ? "0" : "")\(day) \(hour < 10 ? "0" : "")\(hour):59:59"
                        : "\(day < 10 ? "0" : "")\(day).03.2023 \(hour < 10 ? "0" : "")\(hour):00"
                    let bytes = Array(
                        "\(time);u\(i);Handläggare \(i);SN-2023-\(100 + i);Läsning;\(description)\r\n".utf8)
                    file += bytes
                    rows.append(("u\(i)", day, bytes))
                }
            }
        }
        return (file, Array(header.dropFirst(3)), rows)
    }

    /// The drawn officers as `logcheck draw` lists them: (id, unit, manager).
    static func drawn(_ stdout: String) -> [(String, String, String)] {
        stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(". ") }.map { line in
            let cells = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            return (cells[1], cells[2] + " " + cells[3], cells[4] + " " + cells[5])
        }
    }

    @Test func drawExtractAndRecordTheManagersAnswers() throws {
        let folder = try Self.setUp()
        // Drawn after the week, before the managers answer (an answer dated before its draw is refused).
        let draw = try Self.draw(folder, date: "2023-03-20")
        #expect(draw.status == 0, "\(draw.stderr)")
        #expect(
            draw.stdout.hasPrefix(
                "Draw K1-1 for K1: Att obehöriga personer ej går in i ärenden\nSeed: 2023-03 loggkontroll\n"))
        #expect(draw.stdout.contains("Week: 2023-W11 (Monday 2023-03-13 00:00:00 to Sunday 2023-03-19 23:59:59)\n"))
        #expect(
            draw.stdout.contains(
                "Drawn: 15 of 40 officers, in rank order (sha256-rank-v1)\n  Nr   Användare  Enhet    Chef\n"))
        let officers = Self.drawn(draw.stdout)
        #expect(officers.count == 15)
        // The same officers as the sampler draws under the sub-seed 'users' (SPEC.md §7).
        let sample = try CLI.run(
            [
                "sample", "handlaggare.csv", "--key", "Användare", "--seed", "2023-03 loggkontroll/users", "--size",
                "15",
            ], in: folder.url)
        #expect(officers.map(\.0).joined(separator: "\n") + "\n" == sample.stdout)
        for (id, unit, manager) in officers {
            let number = Int(id.dropFirst()) ?? 0
            #expect(unit == "Enhet \(number % 3)")
            #expect(manager == ["Chef Åsa", "Chef Björn", "Chef Örjan"][number % 3])
        }
        #expect(
            draw.stdout.contains(
                "Re-perform: stickprov sample handlaggare.csv --key Användare --seed '2023-03 loggkontroll/users' --size 15; stickprov sample --week --seed '2023-03 loggkontroll' --month 2023-03\n"
            ))
        let verify = try CLI.run(
            ["verify", "K1-1", "--plan", "plan", "--population", "handlaggare.csv"], in: folder.url)
        #expect(verify.stdout.hasPrefix("K1-1: re-performed from handlaggare.csv: the same 15 items in the same order"))
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        #expect(journal.contains("\"managerColumn\":\"Chef\""))
        #expect(!journal.contains("Handläggare 1"))  // names are not carried

        // The export has officers u1…u30 only: drawn officers above 30 have no rows at all.
        let (file, header, rows) = Self.export(officers: 30)
        try folder.write("logg.csv", file)
        let edit = try CLI.run(
            ["plan", "edit", "K1", "--plan", "plan", "--log-time-column", "Tidpunkt"], in: folder.url)
        #expect(edit.status == 0)
        let extract = try CLI.run(
            ["logcheck", "extract", "K1-1", "--plan", "plan", "--log", "logg.csv", "--out", "ut"], in: folder.url)
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(extract.stderr.isEmpty)
        #expect(
            extract.stdout.hasPrefix(
                "Extract of K1-1 from logg.csv: week 2023-W11 (Monday 2023-03-13 00:00:00 to Sunday 2023-03-19 23:59:59)\nRead 3720 rows ("
            ))
        let silent = officers.map(\.0).filter { (Int($0.dropFirst()) ?? 0) > 30 }
        #expect(!silent.isEmpty)
        #expect(
            extract.stdout.contains(
                "No rows in the week for \(silent.count) of 15 officers: \(silent.joined(separator: ", ")) (a finding in itself: ask their managers).\n"
            ))
        var written: [String] = []
        for (id, _, _) in officers where !silent.contains(id) {
            let mine = rows.filter { $0.user == id && (13...19).contains($0.day) }
            let bytes = Array(try Data(contentsOf: folder.file("ut/logg-K1-1-\(id).csv")))
            #expect(bytes == [0xEF, 0xBB, 0xBF] + header + mine.flatMap(\.bytes))
            #expect(extract.stdout.contains(" \(mine.count)  "))
            written.append("ut/logg-K1-1-\(id).csv")
            let mode = try FileManager.default.attributesOfItem(atPath: folder.file("ut/logg-K1-1-\(id).csv").path)[
                .posixPermissions]
            #expect((mode as? Int) == 0o600)
        }
        #expect(folder.listing().filter { $0.hasPrefix("ut/") } == written.sorted())
        #expect(
            extract.stdout.hasSuffix(
                "Wrote \(15 - silent.count) files to ut (readable only by you).\nRecord each answer: stickprov record K1-1 OFFICER --ok (authorised) or --remark KIND\n"
            ))

        // Per manager: one file each, holding their officers' rows in the export's order.
        let byManager = try CLI.run(
            [
                "logcheck", "extract", "K1-1", "--plan", "plan", "--log", "logg.csv", "--out", "chefer", "--by",
                "manager",
            ], in: folder.url)
        #expect(byManager.status == 0)
        let managers = Set(officers.filter { !silent.contains($0.0) }.map(\.2))
        #expect(folder.listing().filter { $0.hasPrefix("chefer/") }.count == managers.count)
        let asa = Set(officers.filter { $0.2 == "Chef Åsa" }.map(\.0))
        if !asa.isDisjoint(with: rows.map(\.user)) {
            let bytes = Array(try Data(contentsOf: folder.file("chefer/logg-K1-1-Chef-Asa.csv")))
            let mine = rows.filter { asa.contains($0.user) && (13...19).contains($0.day) }
            #expect(bytes == [0xEF, 0xBB, 0xBF] + header + mine.flatMap(\.bytes))
        }

        // Each manager's answer per officer goes into the journal with 'record'.
        let first = officers[0].0
        let second = officers[1].0
        let ok = try CLI.run(
            ["record", "K1-1", first, "--ok", "--plan", "plan", "--reviewer", officers[0].2, "--date", "2023-03-24"],
            in: folder.url)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout == "Recorded K1-1 \(first): utan anmärkning.\n")
        let remark = try CLI.run(
            ["record", "K1-1", second, "--remark", "Obehörig åtkomst", "--plan", "plan", "--date", "2023-03-24"],
            in: folder.url)
        #expect(remark.stdout == "Recorded K1-1 \(second): anmärkning.\n")
        let unknown = try CLI.run(["record", "K1-1", "u999", "--ok", "--plan", "plan"], in: folder.url)
        #expect(unknown.status == 1)
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(status.stdout.contains("K1-1"))
        #expect(status.stdout.contains("2023-W11"))
    }

    @Test func aWeekThatRunsIntoTheNextYear() throws {
        let folder = try Self.setUp(officers: 3)
        // A draw's month lies in the plan's year: make this a 2020 plan.
        let planPath = folder.file("plan/plan.json")
        let json = try String(contentsOf: planPath, encoding: .utf8)
        try json.replacingOccurrences(of: "2023", with: "2020").write(to: planPath, atomically: true, encoding: .utf8)
        let draw = try Self.draw(folder, month: "2020-12", seed: "loggkontroll 5")
        #expect(draw.stdout.contains("Week: 2020-W53 (Monday 2020-12-28 00:00:00 to Sunday 2021-01-03 23:59:59)\n"))
        #expect(draw.stdout.contains("Drawn: 3 of 3 officers"))
        let rows = [
            "2020-12-27 23:59:59;u1;x", "2020-12-28 00:00:00;u1;x", "2021-01-03 23:59:59;u1;x",
            "2021-01-04 00:00:00;u1;x",
        ]
        try folder.write("logg.csv", "Tidpunkt;Användare;Namn\n" + rows.joined(separator: "\n") + "\n")
        let extract = try CLI.run(
            [
                "logcheck", "extract", "K1-1", "--plan", "plan", "--log", "logg.csv", "--out", "ut", "--time-column",
                "tidpunkt",
            ], in: folder.url)
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(
            try String(contentsOf: folder.file("ut/logg-K1-1-u1.csv"), encoding: .utf8)
                == "Tidpunkt;Användare;Namn\n2020-12-28 00:00:00;u1;x\n2021-01-03 23:59:59;u1;x\n")
        #expect(extract.stdout.contains("2020-12-28 00:00:00  2021-01-03 23:59:59  logg-K1-1-u1.csv"))
        #expect(extract.stdout.contains("No rows in the week for 2 of 3 officers: "))
        // January 2021 has its own four weeks; 2020-W53 is not one of them.
        // (A 2020 plan draws no January 2021 month: that belongs to next year's plan.)
        let refused = try CLI.run(
            [
                "logcheck", "draw", "K1", "--plan", "plan", "--month", "2021-01", "--officers", "handlaggare.csv",
                "--key", "Användare", "--seed", "loggkontroll 5",
            ], in: folder.url)
        #expect(refused.stderr.hasPrefix("error: --month 2021-01 is outside the plan's year (2020-01 to 2020-12)\n"))
        let january = try CLI.run(
            ["sample", "--week", "--month", "2021-01", "--seed", "loggkontroll 5"], in: folder.url)
        #expect(
            ["2021-W01", "2021-W02", "2021-W03", "2021-W04"].contains { january.stdout.hasPrefix($0) },
            "\(january.stdout)")
    }

    static let exportHeader = "Tidpunkt;Användare;Namn\r\n"

    @Test(arguments: [
        (
            "2023-03-14 09:00:00;u1;Åsa\r\n2023-03-14 09:00:00;u2\r\n", ["--time-column", "Tidpunkt"], Int32(0),
            "logg.csv:3: row has 2 fields, the header has 3\n"
        ),
        (
            "2023-03-14 09:00:00;u1;Åsa\r\n2023-03-14 09:00:00;u2\r\n", ["--time-column", "Tidpunkt", "--strict"], 1,
            "logg.csv:3: row has 2 fields, the header has 3\nNothing was written (--strict).\n"
        ),
        (
            "2023-03-14 09:00:00;u1;Åsa\r\n14/03/2023 09:00;u2;Per\r\n", ["--time-column", "Tidpunkt"], 0,
            "logg.csv:3: cannot read the time '14/03/2023 09:00' in column 'Tidpunkt' (expected e.g. 2023-03-14 09:12:33 or 14.03.2023 09:12)\n"
        ),
        (
            "2023-03-14 09:00:00;u1;Åsa\r\n2023-03-14 09:00:00;u2;\"Per\r\n",
            ["--time-column", "Tidpunkt", "--strict"], 1,
            "logg.csv:3: quoted field never closed\nNothing was written (--strict).\n"
        ),
        (
            "2023-03-14 09:00:00;u1;Åsa\r\n2023-03-14 09:00:00;u2;\u{FFFD}\r\n", ["--time-column", "Tid"], 1,
            "logg.csv:1: missing column 'Tid' (columns: Tidpunkt, Användare, Namn)\n"
        ),
    ])
    func badExportsAreReportedByLine(body: String, flags: [String], status: Int32, stderr: String) throws {
        let folder = try Self.setUp(officers: 3)
        _ = try Self.draw(folder)
        try folder.write("logg.csv", Self.exportHeader + body)
        let result = try CLI.run(
            ["logcheck", "extract", "K1-1", "--plan", "plan", "--log", "logg.csv", "--out", "ut"] + flags,
            in: folder.url)
        #expect(result.status == status)
        #expect(result.stderr == stderr)
        #expect(!result.wasSignalled)
        if status == 0 {
            #expect(
                result.stdout.contains(
                    "1 anomaly in the export (listed on standard error); rows with the wrong number of fields or an unreadable time are not in the extract.\n"
                ))
            #expect(folder.listing().contains("ut/logg-K1-1-u1.csv"))
        } else {
            #expect(!folder.listing().contains { $0.hasPrefix("ut") })
        }
    }

    @Test func anEncodingSwitchIsNamedByLine() throws {
        let folder = try Self.setUp(officers: 3)
        _ = try Self.draw(folder)
        let bytes =
            Array((Self.exportHeader + "2023-03-14 09:00:00;u1;Åsa\r\n2023-03-14 09:00:00;u2;Per\r\n").utf8)
            + Array("2023-03-14 09:00:00;u2;".utf8) + [0xC5, 0x73, 0x61, 0x0D, 0x0A]
        try folder.write("logg.csv", bytes)
        let result = try CLI.run(
            [
                "logcheck", "extract", "K1-1", "--plan", "plan", "--log", "logg.csv", "--out", "ut", "--time-column",
                "Tidpunkt",
            ], in: folder.url)
        #expect(result.status == 0)
        #expect(
            result.stderr
                == "logg.csv:4: invalid UTF-8 (byte 0xC5) in a file that is UTF-8 from line 1: the encoding changes here\n"
        )
        // The row's bytes are copied unchanged.
        let extract = Array(try Data(contentsOf: folder.file("ut/logg-K1-1-u2.csv")))
        #expect(extract.suffix(5) == [0xC5, 0x73, 0x61, 0x0D, 0x0A])
        let strict = try CLI.run(
            [
                "logcheck", "extract", "K1-1", "--plan", "plan", "--log", "logg.csv", "--out", "ut2", "--time-column",
                "Tidpunkt", "--strict",
            ], in: folder.url)
        #expect(strict.status == 1)
        #expect(!folder.listing().contains { $0.hasPrefix("ut2") })
    }

    @Test(arguments: [
        (
            ["logcheck", "extract", "K1-1", "--log", "logg.csv", "--out", "plan/ut", "--time-column", "Tidpunkt"],
            Int32(1),
            "plan/ut: is inside the plan folder plan, which holds only the record; nothing was written: write it elsewhere\n"
        ),
        (
            ["logcheck", "extract", "K1-1", "--log", "logg.csv", "--out", "ut"], 2,
            "error: no time column for the export; give --time-column NAME or set it with 'stickprov plan edit K1 --log-time-column NAME'\n"
        ),
        (
            ["logcheck", "extract", "K1-9", "--log", "logg.csv", "--out", "ut"], 1,
            "error: no draw 'K1-9' in the journal (draws: K1-1)\n"
        ),
        (
            ["logcheck", "extract", "K1-1", "--log", "saknas.csv", "--out", "ut", "--time-column", "Tidpunkt"], 1,
            "saknas.csv: cannot read the file: No such file or directory\n"
        ),
        (
            ["logcheck", "extract", "K1-1", "--log", "logg.csv", "--out", "ut", "--by", "unit"], 2,
            "error: --by 'unit' is not officer or manager\n"
        ),
        (
            ["logcheck", "draw", "K2", "--month", "2023-03", "--officers", "handlaggare.csv"], 1,
            "error: control point 'K2' is not a log check (its rule: 25 st); set one with 'stickprov plan edit K2 --log-check-users 15', or use 'stickprov draw'\n"
        ),
        (
            ["logcheck", "draw", "K1", "--officers", "handlaggare.csv", "--key", "Användare"], 2,
            "error: missing --month\n"
        ),
        (
            ["logcheck", "draw", "K1", "--month", "2023-03", "--officers", "handlaggare.csv"], 1,
            "error: no key column for 'K1'; give --key COLUMN or set it with 'stickprov plan edit K1 --key-column COLUMN'\n"
        ),
        (
            [
                "logcheck", "draw", "K1", "--month", "2023-03", "--officers", "handlaggare.csv", "--key", "Användare",
                "--manager", "Chefen",
            ], 1,
            "handlaggare.csv: missing column 'Chefen' (columns: Användare, Namn, Enhet, Chef)\n"
        ),
    ])
    func refusesWrongUseAndWritesNothing(arguments: [String], status: Int32, message: String) throws {
        let folder = try Self.setUp(officers: 3)
        _ = try Self.draw(folder)
        try folder.write("logg.csv", Self.exportHeader)
        let before = try Data(contentsOf: folder.file("plan/journal.jsonl"))
        let result = try CLI.run(arguments + ["--plan", "plan"], in: folder.url)
        #expect(result.status == status)
        #expect(result.stderr.hasPrefix(message))
        #expect(try Data(contentsOf: folder.file("plan/journal.jsonl")) == before)
        #expect(!folder.listing().contains { $0.hasPrefix("ut") || $0.hasPrefix("plan/ut") })
    }

    @Test func extractingADrawThatIsNotALogCheckIsRefused() throws {
        let folder = try Self.setUp(officers: 3)
        var csv = "Ärendenummer;Handläggare\n"
        for i in 0..<30 { csv += "SN-\(i);u1\n" }
        try folder.write("utredningar.csv", csv)
        _ = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--out",
                "urval.csv",
            ], in: folder.url)
        try folder.write("logg.csv", Self.exportHeader)
        let result = try CLI.run(
            [
                "logcheck", "extract", "K2-1", "--plan", "plan", "--log", "logg.csv", "--out", "ut", "--time-column",
                "Tidpunkt",
            ], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "error: draw 'K2-1' is not a log check (it has no week)\n")
    }

    @Test func helpExplainsTheMonthlySteps() throws {
        let help = try CLI.run(["logcheck", "extract", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Usage: stickprov logcheck extract DRAW-ID [options]"))
        #expect(help.stdout.contains("--by officer|manager"))
        let record = try CLI.run(["record", "--help"])
        #expect(record.stdout.contains("For a log check ('logcheck draw'), ITEM-KEY is the officer's id"))
        let overview = try CLI.run(["--help"])
        #expect(overview.stdout.contains("  logcheck draw "))
        #expect(overview.stdout.contains("  logcheck extract "))
    }
}
