import Foundation
import Testing

/// No `--out` can replace the record or a command's own input (issue 21, item 2): `report`,
/// `report --risk-matrix`, `report --appendix 2` and `rollup` onto a plan's journal.jsonl, plan.json or
/// journal.head (by any spelling, or through a hard link) are refused with exit 1, and the file is
/// left byte for byte as it was, with its mode; `logcheck extract` never writes over its own `--log`.
@Suite struct OutputTargetTests {
    /// The bundled 2023 example copied to `plan` in a fresh folder.
    static func example() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("Plans/socialnamnden-2023"), to: folder.file("plan"))
        return folder
    }

    /// A file's bytes and permissions.
    static func snapshot(_ url: URL) throws -> (Data, Int) {
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int ?? -1
        return (try Data(contentsOf: url), mode)
    }

    static let inside = ", which holds only the record; nothing was written: write it elsewhere\n"

    @Test(
        arguments: [
            ["report", "--plan", "plan"], ["report", "--plan", "plan", "--risk-matrix"],
            ["report", "--plan", "plan", "--appendix", "2"], ["report", "--plan", "plan", "--format", "docx"],
            ["rollup", "plan"],
        ],
        ["journal.jsonl", "plan.json", "journal.head"])
    func aDocumentIsNeverWrittenOverTheRecord(command: [String], file: String) throws {
        let folder = try Self.example()
        let target = folder.file("plan/" + file)
        let before = try Self.snapshot(target)
        for spelling in ["plan/" + file, "./plan/../plan/" + file] {
            let result = try CLI.run(command + ["--out", spelling], in: folder.url)
            #expect(result.status == 1, "\(command) \(spelling)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "\(spelling): is inside the plan folder plan" + Self.inside)
            let after = try Self.snapshot(target)
            #expect(after.0 == before.0, "\(command) changed \(file)")
            #expect(after.1 == before.1, "\(command) changed \(file)'s mode")
        }
        #expect(!folder.listing().contains { $0.hasPrefix("plan/.") }, "a temporary file was left")
    }

    @Test(arguments: [
        ["report", "--plan", "plan"], ["report", "--plan", "plan", "--risk-matrix"], ["rollup", "plan"],
    ])
    func aHardLinkToTheJournalIsTheJournal(command: [String]) throws {
        let folder = try Self.example()
        let journal = folder.file("plan/journal.jsonl")
        try FileManager.default.linkItem(at: journal, to: folder.file("link.jsonl"))
        let before = try Self.snapshot(journal)
        let result = try CLI.run(command + ["--out", "link.jsonl"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "link.jsonl: is the plan's own file plan/journal.jsonl (the same file); nothing was written: give another --out\n"
        )
        let after = try Self.snapshot(journal)
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        let linkCount = try FileManager.default.attributesOfItem(atPath: journal.path)[.referenceCount] as? Int
        #expect(linkCount == 2, "the link was replaced")
    }

    @Test func rollupRefusesEveryGivenPlanFolder() throws {
        let folder = try Self.example()
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("Plans/vardomsorg-2024"), to: folder.file("vard"))
        let head = folder.file("vard/journal.head")
        let before = try Self.snapshot(head)
        let result = try CLI.run(["rollup", "plan", "vard", "--out", "vard/journal.head"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "vard/journal.head: is inside the plan folder vard" + Self.inside)
        #expect(try Self.snapshot(head).0 == before.0)
        #expect(try Self.snapshot(head).1 == before.1)
    }

    @Test func aReportBesideThePlanIsStillWritten() throws {
        let folder = try Self.example()
        let result = try CLI.run(["report", "--plan", "plan", "--out", "bilaga1.md"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.file("bilaga1.md").path))
    }

    @Test func providerWorksheetIsNeverWrittenOverAPlanFile() throws {
        let folder = try Self.example()
        let plan = folder.file("plan/plan.json")
        try FileManager.default.linkItem(at: plan, to: folder.file("bilaga2.csv"))
        let before = try Self.snapshot(plan)
        let result = try CLI.run(["provider", "worksheet", "--plan", "plan", "--out", "bilaga2.csv"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "bilaga2.csv: is the plan's own file plan/plan.json (the same file); nothing was written: give another --out\n"
        )
        #expect(try Self.snapshot(plan).0 == before.0)
        #expect(try Self.snapshot(plan).1 == before.1)
    }

    @Test func aDrawNeverWritesItsWorksheetOverItsPopulation() throws {
        let folder = try DrawCommandTests.setUp()
        let population = folder.file("utredningar.csv")
        let before = try Self.snapshot(population)
        let journal = try? Data(contentsOf: folder.file("plan/journal.jsonl"))
        let result = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--out",
                "./utredningar.csv",
            ], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "./utredningar.csv: is the input utredningar.csv (the same file); nothing was written: give another --out\n"
        )
        #expect(try Self.snapshot(population).0 == before.0)
        #expect(try Self.snapshot(population).1 == before.1)
        #expect((try? Data(contentsOf: folder.file("plan/journal.jsonl"))) == journal, "a draw was recorded")
    }

    @Test func anExtractIsNeverWrittenOverItsOwnLog() throws {
        let folder = try LogCheckCommandTests.setUp(officers: 3)
        #expect(try LogCheckCommandTests.draw(folder).status == 0)
        // The export is kept in the extract folder under the name the extract of officer u1 gets.
        let log = try folder.write(
            "ut/logg-K1-1-u1.csv",
            LogCheckCommandTests.exportHeader + "2023-03-14 09:00:00;u1;Åsa\r\n2023-03-14 09:00:00;u2;Per\r\n")
        let url = URL(fileURLWithPath: log)
        let before = try Self.snapshot(url)
        let journal = try Self.snapshot(folder.file("plan/journal.jsonl"))
        let result = try CLI.run(
            [
                "logcheck", "extract", "K1-1", "--plan", "plan", "--log", "./ut/logg-K1-1-u1.csv", "--out", "ut",
                "--time-column", "Tidpunkt",
            ], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "ut/logg-K1-1-u1.csv: is the input ./ut/logg-K1-1-u1.csv (the same file); nothing was written: give another --out\n"
        )
        #expect(try Self.snapshot(url).0 == before.0)
        #expect(try Self.snapshot(url).1 == before.1)
        #expect(try Self.snapshot(folder.file("plan/journal.jsonl")).0 == journal.0)
        #expect(folder.listing().filter { $0.hasPrefix("ut/") } == ["ut/logg-K1-1-u1.csv"])
    }
}
