import Foundation
import Testing

@Suite struct SizeCommandTests {
    @Test(arguments: [
        (["--tolerable-rate", "5%"], "59", "find no deviation, you can say"),
        (["--tolerable-rate", "5%", "--expected", "1"], "93", "at most 1 deviation,"),
        (["--tolerable-rate", "10 %", "--confidence", "95%"], "29", "at most 10 %"),
        (["--tolerable-rate", "2"], "149", "with 95 % confidence"),
        (
            ["--population-amount", "10000000", "--tolerable-misstatement", "500000"], "60",
            "10 000 000 kr are misstated by at most 500 000 kr"
        ),
        (
            ["--population-amount", "10 000 000,50", "--tolerable-misstatement", "500 000"], "60",
            "the 10 000 000,50 kr are misstated"
        ),
    ])
    func printsTheSpecCheckValuesWithASentence(options: [String], size: String, phrase: String) throws {
        let result = try CLI.run(["size"] + options)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines.first.map(String.init) == size)
        #expect(result.stdout.contains(phrase))
    }

    /// The planned size goes into the plan as the rule's count.
    @Test func thePlanTakesTheSize() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let size = try CLI.run(["size", "--tolerable-rate", "5%", "--expected", "1"])
        let count = String(size.stdout.prefix { $0 != "\n" })
        let edit = try CLI.run(["plan", "edit", "K2", "--plan", "plan", "--count", count], in: folder.url)
        #expect(edit.status == 0, "\(edit.stderr)")
        let show = try CLI.run(["plan", "show", "--plan", "plan"], in: folder.url)
        #expect(show.stdout.contains("Urval: 93 st"))
    }

    @Test(arguments: [
        (["--tolerable-rate", "0%"], "error: --tolerable-rate must be above 0% and below 100%"),
        (["--tolerable-rate", "fem"], "error: --tolerable-rate 'fem' is not a percentage with at most two decimals"),
        (
            ["--population-amount", "10 000 000"],
            "error: give --tolerable-rate P%, or --population-amount KRONOR with --tolerable-misstatement KRONOR"
        ),
        (
            ["--population-amount", "10 mnkr", "--tolerable-misstatement", "5"],
            "error: --population-amount '10 mnkr' is not a positive amount in kronor (e.g. '10 000 000')"
        ),
        (
            ["--population-amount", "100", "--tolerable-misstatement", "500000"],
            "error: --tolerable-misstatement (500 000 kr) is not below the population amount (100 kr): any error would be tolerable, so no sample is needed"
        ),
    ])
    func refusesWrongUsage(options: [String], message: String) throws {
        let result = try CLI.run(["size"] + options)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message + "\n"))
    }
}
