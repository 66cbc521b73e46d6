import Foundation
import Testing

/// A rule given on the command line passes the plan's own checks (issue 21): a stratum named twice
/// drew the same item twice and counted one review as two.
@Suite struct CommandLineRuleTests {
    static func setUp() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        var csv = "Ärendenummer;Typ\n"
        for i in 0..<30 { csv += "SN-\(i);\(i % 2 == 0 ? "Alfa" : "Beta")\n" }
        try folder.write("beslut.csv", csv)
        return folder
    }

    @Test(arguments: [
        (["--rule", "Alfa=1", "--rule", "Alfa=2"], "error: --rule: duplicate stratum 'Alfa'\n"),
        (["--rule", "Alfa=101%"], "error: --rule: 101 % is outside 0–100 %\n"),
        (["--rule", "Alfa=1", "--rule", "Beta=150%"], "error: --rule: 150 % is outside 0–100 %\n"),
    ])
    func aRuleThePlanWouldRefuseIsRefusedOnTheCommandLine(rules: [String], message: String) throws {
        let folder = try Self.setUp()
        let result = try CLI.run(
            [
                "draw", "K2", "--plan", "plan", "--population", "beslut.csv", "--stratum", "Typ", "--date",
                "2023-03-01", "--out", "urval.csv",
            ] + rules, in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan/journal.jsonl").path))
        #expect(!FileManager.default.fileExists(atPath: folder.file("urval.csv").path))
    }
}
