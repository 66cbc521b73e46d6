import Foundation
import Testing

/// Sizes and ranges (issue 17): inputs that never end, fields and texts beyond their limits,
/// rules that draw nothing, dates outside the plan's window, and messages kept short.
@Suite struct InputBoundsTests {
    @Test func devicesAndFIFOsAreRefusedNotReadForever() throws {
        let folder = try RecordCommandTests.setUp()
        let fifo = folder.file("fifo.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for (arguments, message) in [
            (
                ["sample", "/dev/zero", "--key", "Nr", "--seed", "s", "--size", "1"],
                "/dev/zero: this is a device, not a file; give a saved file\n"
            ),
            (
                ["record", "--worksheet", "/dev/zero", "--plan", "plan"],
                "/dev/zero: this is a device, not a file; give a saved file\n"
            ),
            (
                ["draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "fifo.csv", "--seed", "s"],
                "fifo.csv: this is a FIFO (named pipe), not a file; give a saved file\n"
            ),
            (
                ["sample", ".", "--key", "Nr", "--seed", "s", "--size", "1"],
                ".: this is a folder, not a file; give a saved file\n"
            ),
        ] {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
        }
    }

    @Test func aFieldOverOneMegabyteIsRefusedWithItsLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("pop.csv", "Nr;Text\nA;kort\nB;\"" + String(repeating: "x", count: (1 << 20) + 1) + "\"\n")
        let result = try CLI.run(["sample", "pop.csv", "--key", "Nr", "--seed", "s", "--size", "1"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "pop.csv:3: field 2 is longer than 1 MB; is this the right file?\n")
    }

    @Test func aJournalLineOverSixteenMegabytesIsRefusedWithItsLine() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        try folder.write("plan/journal.jsonl", Array(repeating: UInt8(ascii: "x"), count: (16 << 20) + 1) + [0x0A])
        let result = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("plan/journal.jsonl:1: not a journal event: the line is longer than 16 MB"),
            "\(result.stderr.prefix(300))")
    }

    @Test func freeTextsHaveTheirStatedLimits() throws {
        let folder = try RecordCommandTests.setUp()
        let key = try RecordCommandTests.sheetRows(folder)[1][3]
        let before = try Data(contentsOf: folder.file("plan/journal.jsonl"))
        var result = try CLI.run(
            [
                "record", "K2-1", key, "--ok", "--note", String(repeating: "a", count: 10_001), "--plan", "plan",
                "--date", "2023-02-20",
            ], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "error: the note is 10,001 characters; at most 10,000 characters\n")
        result = try CLI.run(
            [
                "record", "K2-1", key, "--remark", String(repeating: "b", count: 201), "--plan", "plan", "--date",
                "2023-02-20",
            ], in: folder.url)
        #expect(result.stderr == "error: the remark kind is 201 characters; at most 200 characters\n")
        #expect(try Data(contentsOf: folder.file("plan/journal.jsonl")) == before)
        result = try CLI.run(
            ["plan", "add-risk", "--plan", "plan", "--text", String(repeating: "r", count: 10_001)], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("risks[1].text: is 10,001 characters; at most 10,000 characters"), "\(result.stderr)"
        )
        // The help texts state the limits.
        let help = try CLI.run(["record", "--help"], in: folder.url)
        #expect(help.stdout.contains("10,000 characters"))
    }

    @Test(
        arguments: [
            (
                [
                    "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                    "s", "--percent", "0",
                ], "error: --percent: 0 % draws nothing; a percentage is above 0"
            ),
            (
                [
                    "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                    "s", "--stratum", "Handläggare", "--rule", "Handläggare 1=0%",
                ],
                "error: --rule: 'Handläggare 1=0%' draws nothing; each stratum's size is above 0"
            ),
            (
                ["sample", "utredningar.csv", "--key", "Ärendenummer", "--seed", "s", "--size", "0"],
                "error: --size must be at least 1"
            ),
            (
                ["sample", "utredningar.csv", "--key", "Ärendenummer", "--seed", "s", "--percent", "0,00"],
                "error: --percent: 0 % draws nothing; a percentage is above 0"
            ),
            (
                [
                    "plan", "add-control", "--plan", "plan", "--risk", "R1", "--text", "t", "--method", "sample",
                    "--percent", "0",
                ], "error: --percent: 0 % draws nothing; a percentage is above 0"
            ),
            (
                ["plan", "edit", "K2", "--plan", "plan", "--stratum-rule", "X=0", "--stratum-column", "Enhet"],
                "error: --stratum-rule: 'X=0' draws nothing; each stratum's size is above 0"
            ),
            (
                ["plan", "edit", "K2", "--plan", "plan", "--count", "0"],
                "error: --count: 0 draws nothing; a sample size is at least 1"
            ),
        ] as [([String], String)])
    func rulesThatDrawNothingAreRefusedAsSizeZeroIs(arguments: [String], message: String) throws {
        let folder = try DrawCommandTests.setUp()
        let before = folder.listing()
        let result = try CLI.run(arguments, in: folder.url)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.hasPrefix(message + "\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(folder.listing() == before)
    }

    @Test func monthsAndDatesOutsideThePlansWindowAreRefusedNamingTheWindow() throws {
        let folder = try RecordCommandTests.setUp()
        let key = try RecordCommandTests.sheetRows(folder)[1][3]
        for month in ["2024-02", "9999-12", "2022-12"] {
            let result = try CLI.run(
                [
                    "draw", "K1", "--plan", "plan", "--population", "handlaggare.csv", "--key", "Användare", "--month",
                    month,
                ], in: folder.url)
            #expect(result.status == 2, "\(month)")
            let expected =
                month == "9999-12"
                ? "error: --month '9999-12' is not a month YYYY-MM\n"
                : "error: --month \(month) is outside the plan's year (2023-01 to 2023-12)\n"
            #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
        }
        for date in ["2099-01-01", "1999-01-01", "2024-02-01", "2022-12-31"] {
            let result = try CLI.run(["record", "K2-1", key, "--ok", "--plan", "plan", "--date", date], in: folder.url)
            #expect(result.status == 1, "\(date)")
            #expect(
                result.stderr == "error: \(date) is outside the plan's window for dates (2023-01-01 to 2024-01-31)\n")
        }
        // A review in January of the next year is in the window.
        let january = try CLI.run(
            ["record", "K2-1", key, "--ok", "--plan", "plan", "--date", "2024-01-31"], in: folder.url)
        #expect(january.status == 0, "\(january.stderr)")
        // A measurement may be the starting value from the year before, and no earlier.
        let added = try CLI.run(
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--text", "E-ansökningar ökar", "--method",
                "measurement",
            ], in: folder.url)
        #expect(added.status == 0, "\(added.stderr)")
        let baseline = try CLI.run(
            ["measure", "K3", "--value", "37", "--unit", "%", "--date", "2022-12-31", "--plan", "plan"], in: folder.url)
        #expect(baseline.status == 0, "\(baseline.stderr)")
        let tooEarly = try CLI.run(
            ["measure", "K3", "--value", "37", "--unit", "%", "--date", "2021-12-31", "--plan", "plan"], in: folder.url)
        #expect(tooEarly.status == 1)
        #expect(
            tooEarly.stderr == "error: 2021-12-31 is outside the plan's window for dates (2022-01-01 to 2024-01-31)\n")
        let week = try CLI.run(["sample", "--week", "--seed", "s", "--month", "9999-12"], in: folder.url)
        #expect(week.status == 2)
        #expect(!week.stdout.contains("1-01-01"))
    }

    @Test func longListsAreCutWithACountAndForeignContentIsClipped() throws {
        let folder = try TemporaryFolder()
        let header = (1...200_000).map { "K\($0)" }.joined(separator: ";")
        try folder.write("wide.csv", header + "\n" + (1...200_000).map { "\($0)" }.joined(separator: ";") + "\n")
        var result = try CLI.run(
            ["sample", "wide.csv", "--key", "Ärendenummer", "--seed", "s", "--size", "1"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "wide.csv: missing column 'Ärendenummer' (columns: \((1...20).map { "K\($0)" }.joined(separator: ", ")) … and 199,980 more)\n"
        )
        // A worksheet that is a link to a foreign file: its content is echoed no further than 60 characters.
        let line = "root:x:0:0:root:/root:/bin/bash-" + String(repeating: "s", count: 200)
        try folder.write("foreign.txt", line + "\nnext:x\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("urval-K2-1.csv").path, withDestinationPath: folder.file("foreign.txt").path)
        try PlanCommandTests.makePlan(in: folder)
        result = try CLI.run(["record", "--worksheet", "urval-K2-1.csv", "--plan", "plan"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains(String(line.prefix(60)) + "…"), "\(result.stderr)")
        #expect(!result.stderr.contains(String(line.prefix(61))))
        #expect(result.stderr.utf8.count < 600)
    }
}
