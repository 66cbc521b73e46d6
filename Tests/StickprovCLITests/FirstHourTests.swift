import Foundation
import Testing

/// The first hour of a new user (issue 17): what a newcomer runs while following the README.
@Suite struct FirstHourTests {
    @Test(arguments: [["plan", "--help"], ["logcheck", "--help"], ["help", "plan"], ["help", "logcheck"]])
    func commandGroupsListTheirCommandsOnHelp(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let group = arguments.first == "help" ? arguments[1] : arguments[0]
        #expect(result.stdout.hasPrefix("Usage: stickprov \(group) COMMAND [options]"))
        #expect(result.stdout.contains("  \(group) " + (group == "plan" ? "init" : "draw")))
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: [["plan", "signal", "--help"], ["help", "plan", "signal"], ["plan", "signal", "-h"]])
    func aGroupOfTwoWordsListsItsCommandsOnHelp(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Usage: stickprov plan signal COMMAND [options]"))
        #expect(result.stdout.contains("  plan signal add ") && result.stdout.contains("  plan signal remove "))
        #expect(!result.stdout.contains("  plan init"))
    }

    @Test func aGroupWithoutItsCommandNamesItsCommands() throws {
        let bare = try CLI.run(["plan", "signal"])
        #expect(bare.status == 2)
        #expect(
            bare.stderr
                == "error: 'plan signal' needs a command\nCommands: plan signal add, plan signal edit, plan signal remove\n"
        )
        let unknown = try CLI.run(["help", "nonsense"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: unknown command 'nonsense'; see 'stickprov --help'\n")
    }

    @Test func aMissingTextFileSaysSoInsteadOfBlamingItsEncoding() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let missing = try CLI.run(
            [
                "assess", "K1", "--plan", "plan", "--point", "årsbokslut", "--signal", "green", "--result-file",
                "k1.txt", "--date", "2023-12-20",
            ], in: folder.url)
        #expect(missing.status == 1)
        #expect(missing.stderr == "k1.txt: cannot read the file: No such file or directory\n")
        // A text saved by Windows Notepad in Windows-1252 reads as the CSV files do.
        try folder.write("k1.txt", [0x47, 0x72, 0xE4, 0x6E, 0x73, 0x0A])
        let legacy = try CLI.run(
            [
                "assess", "K1", "--plan", "plan", "--point", "årsbokslut", "--signal", "green", "--result-file",
                "k1.txt", "--date", "2023-12-20",
            ], in: folder.url)
        #expect(legacy.status == 0, "\(legacy.stderr)")
        let report = try CLI.run(["report", "--plan", "plan", "--point", "årsbokslut"], in: folder.url)
        #expect(report.stdout.contains("Gräns"))
    }

    /// The makePlan plan is of 2023: a draw without a day in a later year would be dated today and
    /// then left out of the 2023 report, so its day is asked for (the walk in the README gives it).
    @Test func aDrawWithoutItsDayIsRefusedWhenTodayIsOutsideThePlansYear() throws {
        guard Calendar.current.component(.year, from: Date()) != 2023 else { return }
        let folder = try DrawCommandTests.setUp()
        let journal = try? Data(contentsOf: folder.file("plan/journal.jsonl"))
        let refused = try CLI.run(
            ["draw", "K2", "--plan", "plan", "--population", "utredningar.csv", "--seed", "s", "--out", "u.csv"],
            in: folder.url)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("error: give --date, the day of the draw (or --period): today ("))
        #expect(
            refused.stderr.hasSuffix(
                ") is outside the plan's year 2023, and a draw dated today would be left out of its report\n"))
        #expect((try? Data(contentsOf: folder.file("plan/journal.jsonl"))) == journal)
        #expect(!FileManager.default.fileExists(atPath: folder.file("u.csv").path))
        let dated = try CLI.run(
            [
                "draw", "K2", "--plan", "plan", "--population", "utredningar.csv", "--seed", "s", "--date",
                "2023-02-15", "--out", "u.csv",
            ], in: folder.url)
        #expect(dated.status == 0, "\(dated.stderr)")
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(status.stdout.contains("K2-1  2023-02-15"), "\(status.stdout)")
    }

    @Test func severalPlansUnderPlansAreNamedWhenNoneIsChosen() throws {
        let folder = try TemporaryFolder()
        for name in ["socialnamnden-2024", "bun-2024"] {
            let made = try CLI.run(
                ["plan", "init", "--plan", "Plans/\(name)", "--committee", "S", "--year", "2024"], in: folder.url)
            #expect(made.status == 0)
        }
        let result = try CLI.run(["plan", "show"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "error: there are 2 plans under ./Plans (Plans/bun-2024, Plans/socialnamnden-2024); name one with --plan DIR or run the command inside its folder\n"
        )
    }

    @Test func validateCountsInCorrectPlurals() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let result = try CLI.run(["plan", "validate", "--plan", "plan"], in: folder.url)
        #expect(result.stdout == "plan/plan.json: ok (1 risk, 2 control points)\n")
    }

    @Test func drawInsideThePlanFolderWritesItsWorksheetBesidePlansAndSaysWhere() throws {
        let folder = try DrawCommandTests.setUp()
        // Lay the plan out as the README does: Plans/<plan>, and stand inside it.
        try FileManager.default.createDirectory(at: folder.file("Plans"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder.file("plan"), to: folder.file("Plans/socialnamnden-2023"))
        let inside = folder.file("Plans/socialnamnden-2023")
        let result = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--population", "../../utredningar.csv", "--seed", "s", "--size",
                "3",
            ], in: inside)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Worksheet: ../../urval-K2-1.xlsx\n"), "\(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.file("urval-K2-1.xlsx").path))
        #expect(!folder.listing().contains { $0.hasPrefix("Plans/") && $0.contains("urval") })
    }

    @Test func keysStartingWithADashAreRecordedAfterDoubleDash() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        try folder.write("pop.csv", "Ärendenummer;Handläggare\n-5;A\n-6;B\n")
        let draw = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "pop.csv", "--seed", "s",
                "--size", "2",
            ], in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        let result = try CLI.run(
            ["record", "--plan", "plan", "--ok", "--date", "2023-02-20", "--", "K2-1", "-5"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Recorded K2-1 -5: utan anmärkning.\n")
        let help = try CLI.run(["record", "--help"], in: folder.url)
        #expect(help.stdout.contains("--"))
        #expect(help.stdout.contains("stickprov record --ok -- K3-1 -0412"))
    }
}

@Suite struct DrawLogCheckSummaryTests {
    @Test func drawWithMonthPrintsUnitManagerAndTheWeeksReperformLineAsLogcheckDrawDoes() throws {
        let folder = try LogCheckCommandTests.setUp(officers: 5)
        let edit = try CLI.run(
            [
                "plan", "edit", "K1", "--plan", "plan", "--key-column", "Användare", "--unit-column", "Enhet",
                "--manager-column", "Chef",
            ], in: folder.url)
        #expect(edit.status == 0, "\(edit.stderr)")
        let draw = try CLI.run(
            ["draw", "K1", "--plan", "plan", "--population", "handlaggare.csv", "--month", "2023-03", "--seed", "v"],
            in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        #expect(draw.stdout.contains("Enhet ") && draw.stdout.contains("Chef "), "\(draw.stdout)")
        #expect(draw.stdout.contains("; stickprov sample --week --seed v --month 2023-03\n"), "\(draw.stdout)")
        let logcheck = try LogCheckCommandTests.draw(folder, seed: "v")
        #expect(logcheck.stdout.contains("; stickprov sample --week --seed v --month 2023-03\n"))
        #expect(logcheck.stdout.components(separatedBy: "--week").count == 2)
    }
}

@Suite struct RequiredOptionsTests {
    /// Each option a command reports as missing is marked "Required" in that command's help.
    @Test(arguments: [
        ["plan", "init", "--plan", "new"], ["plan", "add-control", "--risk", "R1", "--plan", "plan"],
        ["sample", "x.csv"],
        ["measure", "K1", "--plan", "plan"], ["assess", "K1", "--plan", "plan"],
    ])
    func aMissingOptionIsMarkedRequiredInTheHelp(command: [String]) throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        try folder.write("x.csv", "Nr\nA\n")
        let result = try CLI.run(command, in: folder.url)
        #expect(result.status == 2, "\(command): \(result.stderr)")
        let missing = try #require(result.stderr.firstMatch(of: /missing (--[a-z-]+)/)).1
        let help = try CLI.run(
            Array(command.prefix { !$0.hasPrefix("-") && !$0.hasSuffix(".csv") && $0 != "K1" }) + ["--help"],
            in: folder.url)
        let line = try #require(help.stdout.split(separator: "\n").first { $0.hasPrefix("  \(missing) ") })
        #expect(line.contains("Required"), "\(command): \(line)")
    }
}
