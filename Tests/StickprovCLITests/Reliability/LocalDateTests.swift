import Foundation
import Testing

/// "Today" is the date in Europe/Stockholm (or TZ), and a SOURCE_DATE_EPOCH that is not an integer in
/// range is a usage error for every command (issue 21, item 6).
@Suite struct LocalDateTests {
    /// 2022-12-31 23:30:00 UTC: half an hour into 1 January 2023 in Stockholm.
    static let newYearInStockholm = "1672529400"

    @Test func aDrawHalfAnHourIntoTheNewYearIsDatedNewYearsDay() throws {
        let folder = try DrawCommandTests.setUp()
        let draw = [
            "draw", "K2", "--plan", "plan", "--population", "utredningar.csv", "--seed", "s", "--out", "u.csv",
        ]
        let result = try CLI.run(
            draw, in: folder.url, environment: ["SOURCE_DATE_EPOCH": Self.newYearInStockholm, "TZ": ""])
        #expect(result.status == 0, "\(result.stderr)")
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        let line = try #require(journal.split(separator: "\n").last)
        #expect(line.contains("\"date\":\"2023-01-01\""), "\(line)")
        #expect(line.contains("\"time\":\"2023-01-01T00:30:00+01:00\""), "\(line)")
    }

    @Test func tzIsHonoured() throws {
        let folder = try DrawCommandTests.setUp()
        let journal = try? Data(contentsOf: folder.file("plan/journal.jsonl"))
        let result = try CLI.run(
            ["draw", "K2", "--plan", "plan", "--population", "utredningar.csv", "--seed", "s", "--out", "u.csv"],
            in: folder.url, environment: ["SOURCE_DATE_EPOCH": Self.newYearInStockholm, "TZ": "UTC"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "error: give --date, the day of the draw (or --period): today (2022-12-31) is outside the plan's year 2023, and a draw dated today would be left out of its report\n"
        )
        #expect((try? Data(contentsOf: folder.file("plan/journal.jsonl"))) == journal)
    }

    @Test(arguments: [
        (
            "abc",
            "error: SOURCE_DATE_EPOCH 'abc' is not a whole number of seconds since 1970-01-01 00:00:00 UTC; unset it or give e.g. 1700000000\n"
        ),
        (
            "1.5",
            "error: SOURCE_DATE_EPOCH '1.5' is not a whole number of seconds since 1970-01-01 00:00:00 UTC; unset it or give e.g. 1700000000\n"
        ),
        (
            "-1",
            "error: SOURCE_DATE_EPOCH '-1' is out of range: give 0 (1970-01-01) up to the end of 9999-12-31 in Europe/Stockholm\n"
        ),
        (
            "253402300799",
            "error: SOURCE_DATE_EPOCH '253402300799' is out of range: give 0 (1970-01-01) up to the end of 9999-12-31 in Europe/Stockholm\n"
        ),
        (
            "99999999999999999999",
            "error: SOURCE_DATE_EPOCH '99999999999999999999' is out of range: give 0 (1970-01-01) up to the end of 9999-12-31 in Europe/Stockholm\n"
        ),
    ])
    func aBadEpochIsAUsageErrorForEveryCommand(epoch: String, message: String) throws {
        let folder = try DrawCommandTests.setUp()
        let journal = try? Data(contentsOf: folder.file("plan/journal.jsonl"))
        for command in [
            ["status", "--plan", "plan"], ["report", "--plan", "plan"], ["verify", "--plan", "plan"],
            ["plan", "validate", "--plan", "plan"],
            [
                "draw", "K2", "--plan", "plan", "--population", "utredningar.csv", "--seed", "s", "--date",
                "2023-02-15", "--out", "u.csv",
            ],
            ["measure", "K1", "--plan", "plan", "--value", "3", "--date", "2023-02-15"],
            ["sample", "utredningar.csv", "--key", "Ärendenummer", "--seed", "s", "--size", "2"],
        ] {
            let result = try CLI.run(command, in: folder.url, environment: ["SOURCE_DATE_EPOCH": epoch, "TZ": ""])
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.hasPrefix(message), "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command)")
        }
        #expect((try? Data(contentsOf: folder.file("plan/journal.jsonl"))) == journal)
        #expect(!FileManager.default.fileExists(atPath: folder.file("u.csv").path))
    }

    @Test func anUnknownTZIsAUsageError() throws {
        let folder = try DrawCommandTests.setUp()
        let result = try CLI.run(["status", "--plan", "plan"], in: folder.url, environment: ["TZ": "Mars/Olympus"])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "error: TZ 'Mars/Olympus' is not a time zone this system knows; give one such as Europe/Stockholm or UTC, or unset it\n"
            ))
    }
}
