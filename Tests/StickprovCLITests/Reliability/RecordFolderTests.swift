import Foundation
import Testing

/// The plan folder holds the record: its journal is never a link into another folder, it is made
/// private whatever the umask, a plan is never made inside another plan's folder, and mistakes in
/// naming the folder or a noted hash are told as what they are.
@Suite struct RecordFolderTests {
    /// A plan with one draw of K2, and a second plan folder `other` with the same plan.json.
    static func twoPlans() throws -> TemporaryFolder {
        let folder = try DrawCommandTests.setUp()
        let draw = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                "a", "--size", "3", "--out", "u-a.csv",
            ], in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        try FileManager.default.createDirectory(at: folder.file("other"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder.file("plan/plan.json"), to: folder.file("other/plan.json"))
        return folder
    }

    static func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    /// Runs `stickprov` under `umask 000` in `folder`.
    static func runOpenUmask(_ arguments: [String], in folder: TemporaryFolder) throws -> CLI.Result {
        try CLI.run(
            program: URL(fileURLWithPath: "/bin/sh"),
            ["-c", "umask 000; exec \"$0\" \"$@\"", CLI.binary.path] + arguments, in: folder.url)
    }

    @Test func aJournalLinkedToAnotherPlansJournalIsRefusedByEveryReaderAndWriter() throws {
        let folder = try Self.twoPlans()
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("other/journal.jsonl").path, withDestinationPath: "../plan/journal.jsonl")
        let before = try Data(contentsOf: folder.file("plan/journal.jsonl"))
        let message =
            "other/journal.jsonl: is a symbolic link; the journal must be a plain file in its own plan folder"
        for arguments in [
            [
                "draw", "K2", "--date", "2023-02-16", "--plan", "other", "--population", "utredningar.csv", "--seed",
                "b",
                "--size", "3", "--out", "u-b.csv",
            ],
            ["verify", "--plan", "other"], ["status", "--plan", "other"], ["report", "--plan", "other"],
            ["record", "K2-1", "SN-2023-1000", "--ok", "--plan", "other"],
            ["repair", "--plan", "other", "--yes"],
        ] {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 1, "\(arguments): \(result.stdout) \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("restore journal.jsonl"), "\(arguments): \(result.stderr)")
        }
        #expect(try Data(contentsOf: folder.file("plan/journal.jsonl")) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.file("u-b.csv").path))
    }

    @Test func aLinkedHeadIsRefusedToo() throws {
        let folder = try Self.twoPlans()
        try FileManager.default.copyItem(
            at: folder.file("plan/journal.jsonl"), to: folder.file("other/journal.jsonl"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("other/journal.head").path, withDestinationPath: "../plan/journal.head")
        let head = try Data(contentsOf: folder.file("plan/journal.head"))
        for arguments in [
            ["verify", "--plan", "other"], ["record", "K2-1", "SN-2023-1000", "--ok", "--plan", "other"],
        ] {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(
                result.stderr.contains("other/journal.head: is a symbolic link; the journal must be a plain file"),
                "\(arguments): \(result.stderr)")
        }
        #expect(try Data(contentsOf: folder.file("plan/journal.head")) == head)
    }

    @Test func planFoldersAndTheirFilesAreOnlyTheOwnersUnderAnOpenUmask() throws {
        let folder = try DrawCommandTests.setUp()
        let steps: [[String]] = [
            ["plan", "init", "--plan", "Plans/ny", "--committee", "Socialnämnden", "--year", "2023"],
            ["plan", "add-risk", "--plan", "Plans/ny", "--text", "Att vi inte har en rättssäker myndighetsutövning"],
            [
                "plan", "add-control", "--plan", "Plans/ny", "--risk", "R1", "--text", "Granskning av utredningar",
                "--method", "case-review", "--count", "5", "--key-column", "Ärendenummer",
            ],
            [
                "draw", "K1", "--date", "2023-02-15", "--plan", "Plans/ny", "--population", "utredningar.csv", "--seed",
                "s", "--out", "u.csv",
            ],
            ["report", "--plan", "Plans/ny", "--point", "delår", "--format", "csv", "--out", "bilaga1.csv"],
            [
                "plan", "import", "bilaga1.csv", "--plan", "importerad", "--committee", "Socialnämnden", "--year",
                "2023",
            ],
            [
                "plan", "init", "--plan", "nasta",
                "--from", CLI.packageRoot.appendingPathComponent("Plans/socialnamnden-2023").path,
            ],
        ]
        for step in steps {
            let result = try Self.runOpenUmask(step, in: folder)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        for name in ["Plans", "Plans/ny", "importerad", "nasta"] {
            #expect(try Self.mode(folder.file(name)) == 0o700, "\(name)")
        }
        for name in [
            "Plans/ny/plan.json", "Plans/ny/journal.jsonl", "Plans/ny/journal.head", "importerad/plan.json",
            "nasta/plan.json",
        ] {
            #expect(try Self.mode(folder.file(name)) == 0o600, "\(name)")
        }
    }

    @Test func aPlanIsNeverMadeInsideAnotherPlansFolder() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let example = CLI.packageRoot.appendingPathComponent("Plans/socialnamnden-2023").path
        let csv = try CLI.run(
            ["report", "--plan", "plan", "--point", "delår", "--format", "csv", "--out", "bilaga1.csv"], in: folder.url)
        #expect(csv.status == 0, "\(csv.stderr)")
        let before = folder.listing()
        for (arguments, inner) in [
            (["plan", "init", "--plan", "plan/inre", "--committee", "Socialnämnden", "--year", "2024"], "plan/inre"),
            (["plan", "init", "--plan", "plan/a/b", "--committee", "Socialnämnden", "--year", "2024"], "plan/a/b"),
            (["plan", "init", "--plan", "plan/2024", "--from", example], "plan/2024"),
            (["plan", "import", "bilaga1.csv", "--plan", "plan/x", "--committee", "S", "--year", "2024"], "plan/x"),
        ] {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(
                result.stderr.hasPrefix(
                    "\(inner)/plan.json: this folder is inside the plan folder \(folder.url.resolvingSymlinksInPath().path)/plan (it has a plan.json)"
                )
                    || result.stderr.hasPrefix(
                        "\(inner)/plan.json: this folder is inside the plan folder \(folder.path)/plan"),
                "\(arguments): \(result.stderr)")
        }
        #expect(folder.listing() == before)
        // Beside it is fine, a one-letter name too.
        for name in ["andra", "b"] {
            let beside = try CLI.run(
                ["plan", "init", "--plan", name, "--committee", "Socialnämnden", "--year", "2024"], in: folder.url)
            #expect(beside.status == 0, "\(beside.stderr)")
            #expect(try Self.mode(folder.file(name)) == 0o700)
        }
    }

    @Test func repairOfAFolderThatIsNotThereIsAnError() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path + "/finns-inte"
        let result = try CLI.run(["repair", "--plan", missing, "--yes"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "\(missing): no plan.json here; create one with 'stickprov plan init --plan \(missing)' or name it with --plan DIR\n"
        )
        #expect(!result.stdout.contains("no damage"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test(arguments: [
        String(repeating: "ab", count: 31) + "a",  // one digit short
        String(repeating: "ab", count: 32) + "0",  // one too many
        String(repeating: "g", count: 64),  // not hexadecimal
        "3f2a",
    ])
    func aMalformedExpectedHashIsAUsageError(_ hash: String) throws {
        let (folder, noted) = try TamperingTests.recorded()
        let truncated = hash == "3f2a" ? String(noted.prefix(12)) : hash
        let result = try CLI.run(["verify", "--plan", "plan", "--expect", truncated], in: folder.url)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            result.stderr.hasPrefix(
                "error: --expect '\(truncated)' is not a line's hash: a hash is 64 hexadecimal digits (0-9, a-f), as verify prints it after 'last line'; give all of them\n"
            ), "\(result.stderr)")
        #expect(!result.stderr.contains("rewritten"))
        // Upper case is the same hash.
        let upper = try CLI.run(["verify", "--plan", "plan", "--expect", noted.uppercased()], in: folder.url)
        #expect(upper.status == 0, "\(upper.stderr)")
    }
}
