import Foundation
import Testing

@Suite struct DrawCommandTests {
    static func setUp() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        var csv = "\u{FEFF}Ärendenummer;Handläggare;Personnummer\r\n"
        for i in 0..<120 { csv += "SN-2023-\(1000 + i);Handläggare \(i % 9);19\(50 + i % 40)0101-0000\r\n" }
        try folder.write("utredningar.csv", csv)
        var officers = "Användare,Namn,Enhet\n"
        for i in 0..<40 { officers += "u\(i),Namn \(i),Enhet \(i % 3)\n" }
        try folder.write("handlaggare.csv", officers)
        return folder
    }

    @Test func recordsTheDrawAndWritesAWorksheetForExcel() throws {
        let folder = try Self.setUp()
        let result = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                "Socialnämnden 2023-02-15", "--spares", "2", "--out", "urval-K2-1.csv",
            ], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.hasPrefix("Draw K2-1 for K2: Granskning av utredningar\nSeed: Socialnämnden 2023-02-15\n"))
        #expect(
            result.stdout.contains(
                "Re-perform: stickprov sample utredningar.csv --key Ärendenummer --seed 'Socialnämnden 2023-02-15' --size 25\n"
            ))
        // The re-perform line gives the same keys.
        let sample = try CLI.run(
            [
                "sample", "utredningar.csv", "--key", "Ärendenummer", "--seed", "Socialnämnden 2023-02-15", "--size",
                "25",
            ], in: folder.url)
        let sheet = try Data(contentsOf: folder.file("urval-K2-1.csv"))
        #expect(Array(sheet.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: sheet.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "Dragning;Frö;Nr;Ärendenummer;Handläggare;Resultat;Typ av anmärkning;Kommentar;Granskad av;Datum")
        let keys = lines.dropFirst().prefix(25).map { $0.components(separatedBy: ";")[3] }
        #expect(keys.joined(separator: "\n") + "\n" == sample.stdout)
        #expect(lines[26].hasPrefix("K2-1;Socialnämnden 2023-02-15;Reserv 1;"))
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("urval-K2-1.csv").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // The journal holds the draw but nothing of the population beyond the sampled keys and carried columns.
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        #expect(journal.contains("\"fingerprint\":"))
        #expect(!journal.contains("0101-0000"))
        #expect(journal.components(separatedBy: "\"key\":\"SN-2023-").count - 1 == 27)
        let verify = try CLI.run(
            ["verify", "K2-1", "--plan", "plan", "--population", "utredningar.csv"], in: folder.url)
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("K2-1: re-performed from utredningar.csv: the same 25 items in the same order"))
    }

    @Test func drawsTheLogCheckWeekAndOfficers() throws {
        let folder = try Self.setUp()
        let result = try CLI.run(
            [
                "draw", "K1", "--plan", "plan", "--population", "handlaggare.csv", "--key", "Användare", "--carry",
                "enhet", "--month", "2023-03", "--seed", "2023-03 loggkontroll",
            ], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Week: 2023-W11 (Monday 2023-03-13 00:00:00 to Sunday 2023-03-19 23:59:59)\n"))
        #expect(result.stdout.contains("Sample: 15 of 40 items"))
        let users = try CLI.run(
            [
                "sample", "handlaggare.csv", "--key", "Användare", "--seed", "2023-03 loggkontroll/users", "--size",
                "15",
            ], in: folder.url)
        let listed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }.map {
            $0.split(separator: " ")[1]
        }
        #expect(listed.joined(separator: "\n") + "\n" == users.stdout)
    }

    @Test func aLargerDrawWithTheSameSeedExtendsTheEarlierOne() throws {
        let folder = try Self.setUp()
        _ = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                "x", "--size", "5",
            ], in: folder.url)
        let second = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                "x", "--size", "8",
            ], in: folder.url)
        #expect(second.stdout.contains("Note: extends K2-1: its 5 items come first, in the same order, then 3 more\n"))
    }

    @Test(arguments: [
        (
            ["draw", "K9", "--population", "utredningar.csv"], Int32(1),
            "error: no control point 'K9' in the plan (control points: K1, K2)\n"
        ),
        (
            ["draw", "K1", "--population", "handlaggare.csv", "--key", "Användare"], 1,
            "error: control point 'K1' is a log check; give --month YYYY-MM\n"
        ),
        (
            ["draw", "K2", "--date", "2023-02-15", "--population", "handlaggare.csv"], 1,
            "handlaggare.csv: missing column 'Ärendenummer' (columns: Användare, Namn, Enhet)\n"
        ),
        (
            ["draw", "K2", "--date", "2023-02-15", "--population", "saknas.csv"], 1,
            "saknas.csv: cannot read the file: No such file or directory\n"
        ),
        (
            ["draw", "K2", "--date", "2023-02-15", "--population", "utredningar.csv", "--out", "plan/urval.csv"], 1,
            "plan/urval.csv: is inside the plan folder plan, which holds only the record; nothing was written: write it elsewhere\n"
        ),
    ])
    func refusesBadDrawsAndRecordsNothing(arguments: [String], status: Int32, message: String) throws {
        let folder = try Self.setUp()
        let result = try CLI.run(arguments + ["--plan", "plan"], in: folder.url)
        #expect(result.status == status)
        #expect(result.stderr.hasPrefix(message))
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan/journal.jsonl").path))
        #expect(!folder.listing().contains { $0.hasPrefix("urval") })
    }

    @Test func anUncommittedTailIsIgnoredAndSetAsideByTheNextDraw() throws {
        let folder = try Self.setUp()
        _ = try CLI.run(
            ["draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed", "x"],
            in: folder.url)
        // A write cut off before journal.head named it: bytes past the commit point.
        let handle = try FileHandle(forWritingTo: folder.file("plan/journal.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"actor\":\"x\",\"da".utf8))
        try handle.close()
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(status.status == 0)
        #expect(status.stderr.contains("16 bytes past journal.head were never committed"), "\(status.stderr)")
        let again = try CLI.run(
            ["draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv"], in: folder.url)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("Draw K2-2 for K2"))
        let side = try FileManager.default.contentsOfDirectory(atPath: folder.file("plan").path)
            .filter { $0.hasPrefix("journal.damaged-uncommitted-") }
        #expect(side.count == 1)
        if let name = side.first {
            #expect(try String(contentsOf: folder.file("plan/\(name)"), encoding: .utf8) == "{\"actor\":\"x\",\"da")
        }
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.stdout.hasPrefix("plan/journal.jsonl: 2 events, chain intact; last line "))
    }

    @Test func aDamagedJournalStopsDrawsUntilRepaired() throws {
        let folder = try Self.setUp()
        _ = try CLI.run(
            ["draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed", "x"],
            in: folder.url)
        // The committed last line is cut short: the journal is shorter than journal.head says.
        let journal = folder.file("plan/journal.jsonl")
        let bytes = try Data(contentsOf: journal)
        try bytes.dropLast(20).write(to: journal)
        let blocked = try CLI.run(
            ["draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv"], in: folder.url)
        #expect(blocked.status == 1)
        #expect(
            blocked.stderr
                == "plan/journal.jsonl:1: the last line is incomplete (a write was cut off)\nNothing was recorded. See 'stickprov repair --help' to set the damage aside.\n"
        )
        let repaired = try CLI.run(["repair", "--plan", "plan", "--yes"], in: folder.url)
        #expect(repaired.status == 0)
        #expect(repaired.stdout.contains("Moved 1 line from line 1 to journal.damaged-"))
        // The set-aside draw's sheet has the name the new K2-1 would take: it is never overwritten.
        let kept = try CLI.run(
            ["draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv"], in: folder.url)
        #expect(kept.status == 1)
        #expect(kept.stderr.hasPrefix("urval-K2-1.xlsx: the file exists"))
        try FileManager.default.removeItem(at: folder.file("urval-K2-1.xlsx"))
        let again = try CLI.run(
            ["draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv"], in: folder.url)
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("Draw K2-1 for K2"))
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.stdout.hasPrefix("plan/journal.jsonl: 2 events, chain intact; last line "))
    }

    /// A control point named in the committee's words (`CENT 1`) gets a worksheet name without
    /// spaces, which a shell and a mail attachment take as they are; it reads back.
    @Test func aControlIdWithSpacesGivesAWorksheetNameWithout() throws {
        let folder = try Self.setUp()
        let renamed = try CLI.run(["plan", "edit", "K2", "--plan", "plan", "--id", "CENT 1"], in: folder.url)
        #expect(renamed.status == 0, "\(renamed.stderr)")
        let draw = try CLI.run(
            [
                "draw", "CENT 1", "--plan", "plan", "--population", "utredningar.csv", "--seed", "s", "--size", "3",
                "--date", "2023-03-01",
            ], in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        #expect(draw.stdout.contains("Worksheet: urval-CENT-1-1.xlsx\n"), "\(draw.stdout)")
        let record = try CLI.run(["record", "--worksheet", "urval-CENT-1-1.xlsx", "--plan", "plan"], in: folder.url)
        #expect(record.status == 0, "\(record.stderr)")
        #expect(
            record.stdout.hasPrefix("urval-CENT-1-1.xlsx: nothing to record: no row has a result"), "\(record.stdout)")
    }

    /// A sheet of the same name may be one being filled in: a draw never writes over it, whether
    /// named with --out or by default, and records nothing.
    @Test func anExistingSheetIsNeverOverwrittenAndNothingIsRecorded() throws {
        let folder = try Self.setUp()
        try folder.write("ifylld.xlsx", "half filled in")
        try folder.write("urval-K2-1.xlsx", "another copy's sheet")
        for out in [["--out", "ifylld.xlsx"], []] {
            let result = try CLI.run(
                [
                    "draw", "K2", "--plan", "plan", "--population", "utredningar.csv", "--seed", "s", "--date",
                    "2023-03-01",
                ] + out, in: folder.url)
            #expect(result.status == 1, "\(out)")
            let name = out.last ?? "urval-K2-1.xlsx"
            #expect(
                result.stderr
                    == "\(name): the file exists (a sheet being filled in?); nothing was recorded or written: give another --out, or move the file away first\n",
                "\(result.stderr)")
            let journal = (try? String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)) ?? ""
            #expect(!journal.contains("\"type\":\"draw\""))
        }
        #expect(try String(contentsOf: folder.file("ifylld.xlsx"), encoding: .utf8) == "half filled in")
        #expect(try String(contentsOf: folder.file("urval-K2-1.xlsx"), encoding: .utf8) == "another copy's sheet")
        let provider = try CLI.run(["provider", "worksheet", "--plan", "plan", "--out", "ifylld.xlsx"], in: folder.url)
        #expect(provider.status == 1)
        #expect(try String(contentsOf: folder.file("ifylld.xlsx"), encoding: .utf8) == "half filled in")
        let inside = try CLI.run(
            ["provider", "worksheet", "--plan", "plan", "--out", "plan/bilaga2.xlsx"], in: folder.url)
        #expect(inside.status == 1, "\(inside.stderr)")
        #expect(
            inside.stderr
                == "plan/bilaga2.xlsx: is inside the plan folder plan, which holds only the record; nothing was written: write it elsewhere\n"
        )
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan/bilaga2.xlsx").path))
    }
}
