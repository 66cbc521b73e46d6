import Foundation
import Testing

/// Text that prints the same but is not (issue 21): ids with a zero-width joiner or full-width
/// letters beside `K9`, population keys differing only by an invisible or full-width character,
/// a right-to-left override reversing the tool's own words, escape sequences reaching the
/// terminal, and texts entering the journal unchecked. Each is refused naming the place, or
/// dropped on the way out, and nothing is recorded.
@Suite struct LookAlikeTests {
    @Test(arguments: [
        (
            "K\u{200D}9",
            "the id 'K<U+200D>9' holds the invisible character U+200D; use letters, digits, spaces and - _ . :\n"
        ),
        ("\u{FF2B}\u{FF19}", "the id 'Ｋ９' has the look-alike 'Ｋ' (U+FF2B); type 'K'\n"),
        ("K²", "the id 'K²' has '²' (U+00B2); use letters, digits, spaces and - _ . :\n"),
        ("a/b", "the id 'a/b' has '/'; use letters, digits, spaces and - _ . :\n"),
    ])
    func anIdThatLooksLikeAnotherIsRefused(id: String, message: String) throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let before = try Data(contentsOf: folder.file("plan/plan.json"))
        let result = try CLI.run(
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--id", id, "--text", "Kontroll", "--method",
                "measurement",
            ],
            in: folder.url)
        #expect(result.status != 0)
        #expect(result.stderr.hasSuffix(message), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: the change would make the plan invalid: risks[0].controls[2].id: "))
        #expect(try Data(contentsOf: folder.file("plan/plan.json")) == before)
    }

    @Test func populationKeysThatOnlyLookDifferentAreRefusedNamingBothRows() throws {
        let folder = try TemporaryFolder()
        try folder.write("fullwidth.csv", "Nr\nK1\nK2\n\u{FF2B}1\n")
        var result = try CLI.run(
            ["sample", "fullwidth.csv", "--key", "Nr", "--seed", "s", "--size", "2"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "fullwidth.csv:4: keys 'Ｋ1' (line 4) and 'K1' (line 2) look alike (they are equal after NFKC, e.g. "
                + "full-width and plain letters); a look-alike is never a second item: correct the export\n")
        try folder.write("invisible.csv", "Nr\nK1\nK\u{200B}1\n")
        result = try CLI.run(["sample", "invisible.csv", "--key", "Nr", "--seed", "s", "--size", "2"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "invisible.csv:3: the value in column 'Nr' holds a line break, control or invisible character "
                + "(U+200B); keys and strata must be one line of visible text\n")
        // The streaming reader (a draw) says the same as the table reader.
        try PlanCommandTests.makePlan(in: folder)
        try folder.write("beslut.csv", "Ärendenummer;Handläggare\nSN-1;A\nSN-2;B\n\u{FF33}\u{FF2E}-1;C\n")
        result = try CLI.run(
            ["draw", "K2", "--plan", "plan", "--population", "beslut.csv", "--date", "2023-03-01", "--out", "u.csv"],
            in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("beslut.csv:4: keys 'ＳＮ-1' (line 4) and 'SN-1' (line 2) look alike"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan/journal.jsonl").path))
    }

    @Test func aKeyStoredInNFDRanksAsItsNFCFormAndIsNotALookAlike() throws {
        let folder = try TemporaryFolder()
        // "Å" decomposed (A + U+030A) and other keys: NFKC equals NFC here, so nothing is refused.
        try folder.write("nfd.csv", "Nr\nA\u{030A}1\nB2\n")
        try folder.write("nfc.csv", "Nr\n\u{00C5}1\nB2\n")
        let nfd = try CLI.run(["sample", "nfd.csv", "--key", "Nr", "--seed", "s", "--size", "2"], in: folder.url)
        let nfc = try CLI.run(["sample", "nfc.csv", "--key", "Nr", "--seed", "s", "--size", "2"], in: folder.url)
        #expect(nfd.status == 0, "\(nfd.stderr)")
        #expect(nfd.stdout == nfc.stdout)
    }

    @Test func aDirectionOverrideIsRefusedInWhatIsRecordedAndDroppedFromDocuments() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        var result = try CLI.run(
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--text", "Andel e-ansökningar", "--method",
                "measurement",
            ],
            in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        result = try CLI.run(
            ["measure", "K3", "--plan", "plan", "--value", "48", "--unit", "%\u{202E}", "--date", "2023-12-31"],
            in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "error: the unit holds the invisible direction character U+202E, which reverses the text after it; type it without\n"
        )
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan/journal.jsonl").path))
        // A hand edit cannot bring one in: the plan's checks refuse it on every load.
        let planPath = folder.file("plan/plan.json")
        let plan = try String(contentsOf: planPath, encoding: .utf8)
        try plan.replacingOccurrences(of: "Andel e-ansökningar", with: "Andel \u{202E}e-ansökningar")
            .write(to: planPath, atomically: true, encoding: .utf8)
        result = try CLI.run(["plan", "validate", "--plan", "plan"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("holds the invisible direction character U+202E"), "\(result.stderr)")
    }

    @Test func escapeSequencesInCarriedColumnsNeverReachTheTerminal() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        var csv = "Ärendenummer;Handläggare\n"
        for i in 0..<30 { csv += "SN-\(i);\"\u{1B}]0;pwned\u{07}\u{1B}[2JAnna\u{202E}\"\n" }
        try folder.write("beslut.csv", csv)
        let result = try CLI.run(
            ["draw", "K2", "--plan", "plan", "--population", "beslut.csv", "--date", "2023-03-01", "--out", "u.csv"],
            in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Anna"))
        let shown = result.stdout + result.stderr
        #expect(!shown.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
    }

    @Test(arguments: [
        (
            ["--by", "Anna 19811218-9876"],
            "error: who records (--by) holds what looks like a personnummer (19811218-****); nothing was recorded\n"
        ),
        (
            ["--by", "Anna\u{1B}[2J"],
            "error: who records (--by) holds the control character U+001B; nothing was recorded\n"
        ),
        (
            ["--seed", "19811218-9876"],
            "error: the seed holds what looks like a personnummer (19811218-****); it would stay in the journal; nothing was recorded\n"
        ),
        (
            ["--period", "mars\u{202E}"],
            "error: the period holds the invisible direction character U+202E, which reverses the text after it; nothing was recorded\n"
        ),
    ])
    func textsThatEnterTheJournalAsGivenAreChecked(options: [String], message: String) throws {
        let folder = try Self.planWithPopulation(named: "beslut.csv")
        let result = try CLI.run(
            ["draw", "K2", "--plan", "plan", "--population", "beslut.csv", "--date", "2023-03-01", "--out", "u.csv"]
                + options, in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan/journal.jsonl").path))
        #expect(!FileManager.default.fileExists(atPath: folder.file("u.csv").path))
    }

    @Test func aPopulationFileNamedWithAPersonnummerIsNotRecorded() throws {
        let folder = try Self.planWithPopulation(named: "utdrag 19811218-9876.csv")
        let result = try CLI.run(
            [
                "draw", "K2", "--plan", "plan", "--population", "utdrag 19811218-9876.csv", "--date", "2023-03-01",
                "--out", "u.csv",
            ],
            in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("the population file's name holds what looks like a personnummer (19811218-****)"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan/journal.jsonl").path))
    }

    /// The first example's plan beside a population of 30 decisions named `name`.
    static func planWithPopulation(named name: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        var csv = "Ärendenummer;Handläggare\n"
        for i in 0..<30 { csv += "SN-\(i);H\(i % 3)\n" }
        try folder.write(name, csv)
        return folder
    }

    @Test func theRollupMasksAPersonnummerInAFolderItCouldNotRead() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let broken = folder.file("nämnd 19811218-9876")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try "{ \"committee\": \"19811218-9876\" ".write(
            to: broken.appendingPathComponent("plan.json"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["rollup", "plan", "nämnd 19811218-9876"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("## nämnd 19811218-\\*\\*\\*\\*: kunde inte läsas"), "\(result.stdout)")
        #expect(!result.stdout.contains("9876"))
        #expect(!result.stderr.contains("9876"), "\(result.stderr)")
    }
}
