import Foundation
import Testing

/// Every number a user can type into an option, at the edges of the machine's integers and beyond
/// (issue 21): a clear error or a result, never a trap with a backtrace.
@Suite struct NumericOptionFuzzTests {
    /// Values at and past the edges of a 64-bit integer, and shapes that are not whole numbers.
    static let values = [
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "99999999999999999999999",
        "4294967296", "1000000001", "-1", "0", "1e309", "NaN", "0x10", "1,5",
    ]

    /// One command per numeric option, with `#` where the value goes.
    static let commands: [[String]] = [
        ["size", "--tolerable-rate", "5%", "--expected", "#"],
        ["size", "--tolerable-rate", "#%"],
        ["size", "--tolerable-rate", "5%", "--confidence", "#%"],
        ["size", "--population-amount", "#", "--tolerable-misstatement", "1"],
        ["size", "--population-amount", "1000", "--tolerable-misstatement", "#"],
        ["sample", "utredningar.csv", "--key", "Ärendenummer", "--seed", "s", "--size", "#"],
        ["sample", "utredningar.csv", "--key", "Ärendenummer", "--seed", "s", "--percent", "#"],
        ["draw", "K2", "--plan", "plan", "--population", "utredningar.csv", "--date", "2023-03-01", "--spares", "#"],
        ["draw", "K2", "--plan", "plan", "--population", "utredningar.csv", "--date", "2023-03-01", "--size", "#"],
        [
            "draw", "K2", "--plan", "plan", "--population", "utredningar.csv", "--date", "2023-03-01", "--size", "#",
            "--spares", "5",
        ],
        ["draw", "K2", "--plan", "plan", "--population", "utredningar.csv", "--date", "2023-03-01", "--percent", "#"],
        ["plan", "edit", "K2", "--plan", "plan", "--count", "#"],
        ["plan", "edit", "K1", "--plan", "plan", "--log-check-users", "#"],
        ["plan", "edit", "K2", "--plan", "plan", "--percent", "#"],
        ["plan", "add-risk", "--plan", "plan", "--text", "Risk", "--probability", "#", "--consequence", "2"],
        ["plan", "move", "K2", "--plan", "plan", "--to", "#"],
        ["plan", "show", "--plan", "plan", "--width", "#"],
        ["plan", "init", "--plan", "ny", "--committee", "Nämnden", "--year", "#"],
        ["measure", "K3", "--plan", "plan", "--value", "#", "--unit", "st", "--date", "2023-03-01"],
        ["measure", "K3", "--plan", "plan", "--value", "5", "--unit", "st", "--of", "#", "--date", "2023-03-01"],
        ["measure", "K3", "--plan", "plan", "--value", "5", "--unit", "%", "--target", "#", "--date", "2023-03-01"],
        ["plan", "signal", "add", "--plan", "plan", "--id", "Blå", "--label", "Blå", "--position", "#"],
    ]

    static func setUp() throws -> TemporaryFolder {
        let folder = try DrawCommandTests.setUp()
        let add = try CLI.run(
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--text", "Antal anmälningar",
                "--method", "measurement",
            ], in: folder.url)
        #expect(add.status == 0, "\(add.stderr)")
        return folder
    }

    @Test func noNumberInAnyOptionCrashesTheTool() throws {
        let folder = try Self.setUp()
        for command in Self.commands {
            for value in Self.values {
                let arguments = command.map { $0.replacingOccurrences(of: "#", with: value) }
                let result = try CLI.run(arguments, in: folder.url)
                #expect(!result.wasSignalled, "\(arguments) crashed: \(result.stderr.prefix(700))")
                #expect([0, 1, 2].contains(result.status), "\(arguments): \(result.status)")
                #expect(!result.stderr.contains("Fatal error"), "\(arguments): \(result.stderr.suffix(300))")
                #expect(!result.stderr.contains("Backtrace"), "\(arguments)")
                // A draw that went through would have left a sheet: none may, to keep the runs apart.
                try? FileManager.default.removeItem(at: folder.file("urval-K2-1.csv"))
            }
        }
    }

    @Test func theCrashesTheTesterFoundAreClearErrors() throws {
        let folder = try Self.setUp()
        let cases: [([String], Int32, String)] = [
            (
                ["size", "--tolerable-rate", "5%", "--expected", "9223372036854775807"], 2,
                "error: --expected 9223372036854775807 is too large (at most 1,000,000,000)\n"
            ),
            (
                [
                    "draw", "K2", "--plan", "plan", "--population", "utredningar.csv", "--date", "2023-03-01",
                    "--spares", "9223372036854775807",
                ], 2, "error: --spares 9223372036854775807 is too large (at most 1,000,000,000)\n"
            ),
        ]
        for (arguments, status, message) in cases {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test func aHandEditedPlanCountOfIntMaxFailsValidationAndTheDrawDoesNotTrap() throws {
        let folder = try Self.setUp()
        let path = folder.file("plan/plan.json")
        let text = try String(contentsOf: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"count\" : 25", with: "\"count\" : 9223372036854775807")
            .write(to: path, atomically: true, encoding: .utf8)
        let validate = try CLI.run(["plan", "validate", "--plan", "plan"], in: folder.url)
        #expect(validate.status == 1)
        #expect(
            validate.stderr.contains(
                "sampleRule.count: 9223372036854775807 is not a sample size (at most 1,000,000,000)"),
            "\(validate.stderr)")
        let draw = try CLI.run(
            [
                "draw", "K2", "--plan", "plan", "--population", "utredningar.csv", "--date", "2023-03-01",
                "--spares", "5",
            ], in: folder.url)
        #expect(!draw.wasSignalled)
        #expect(draw.status == 1, "\(draw.stderr)")
    }
}
