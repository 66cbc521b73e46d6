import Arguments
import Testing

@Suite struct ArgumentParserTests {
    let spec = CommandSpec(
        path: ["sample"], abstract: "Draw.",
        arguments: [ArgumentSpec("FILE", help: "The file.", isOptional: true)],
        options: [
            .option("seed", "SEED", help: "Seed."),
            .option("rule", "RULE", help: "Rule.", repeatable: true),
            .flag("week", help: "Week."),
        ])

    @Test func readsOptionsFlagsAndArguments() throws {
        let parsed = try ArgumentParser.parse(
            ["pop.csv", "--seed", "abc", "--week", "--rule=LSS=25%", "--rule", "A=3"], as: spec)
        #expect(parsed.arguments == ["pop.csv"])
        #expect(parsed.value("seed") == "abc")
        #expect(parsed.has("week"))
        #expect(parsed.values("rule") == ["LSS=25%", "A=3"])
    }

    @Test func takesAValueThatStartsWithADash() throws {
        let parsed = try ArgumentParser.parse(["--seed", "-x"], as: spec)
        #expect(parsed.value("seed") == "-x")
    }

    @Test func treatsWordsAfterDoubleDashAsArguments() throws {
        let parsed = try ArgumentParser.parse(["--", "--seed"], as: spec)
        #expect(parsed.arguments == ["--seed"])
    }

    @Test func stopsAtHelpWithoutCheckingTheRest() throws {
        let parsed = try ArgumentParser.parse(["--help", "--nonsense"], as: spec)
        #expect(parsed.isHelpRequested)
    }

    @Test(arguments: [
        (["--sede", "x"], "unknown option '--sede'; did you mean --seed?"),
        (["--seed"], "--seed needs a value (SEED)"),
        (["--seed", "a", "--seed", "b"], "--seed is given more than once"),
        (["--week=yes"], "--week takes no value"),
        (["a.csv", "b.csv"], "unexpected argument 'b.csv'"),
        (
            ["-s", "x"],
            "unknown option '-s'; options are written --name (a key or text starting with '-' goes after the options and '--': -- '-s')"
        ),
    ])
    func refusesMalformedLines(words: [String], message: String) {
        #expect(throws: UsageError(message)) { try ArgumentParser.parse(words, as: spec) }
    }

    @Test func reportsMissingRequiredArgument() {
        let required = CommandSpec(path: ["x"], abstract: "", arguments: [ArgumentSpec("ID", help: "")])
        #expect(throws: UsageError("missing ID")) { try ArgumentParser.parse([], as: required) }
    }

    @Test func convertsIntegersWithAClearError() throws {
        let spec = CommandSpec(path: ["x"], abstract: "", options: [.option("size", "K", help: "")])
        #expect(try ArgumentParser.parse(["--size", "15"], as: spec).integer("size") == 15)
        #expect(throws: UsageError("--size takes a whole number, not 'femton'")) {
            try ArgumentParser.parse(["--size", "femton"], as: spec).integer("size")
        }
    }

    @Test func helpListsOptionsAndExamples() {
        var withExample = spec
        withExample.examples = ["stickprov sample pop.csv --seed x"]
        let text = HelpText.render(withExample)
        #expect(text.contains("Usage: stickprov sample [FILE] [options]"))
        #expect(text.contains("--seed SEED"))
        #expect(text.contains("--rule RULE"))
        #expect(text.contains("(repeatable)"))
        #expect(text.contains("Examples:\n  stickprov sample pop.csv --seed x"))
    }
}

@Suite struct RawArgumentsTests {
    @Test func validUTF8PassesUnchanged() throws {
        #expect(
            try RawArguments.strings([Array("sample".utf8), Array("Socialnämnden".utf8)]) == [
                "sample", "Socialnämnden",
            ])
    }

    @Test func invalidUTF8IsRefusedNamingTheOptionAndTheByte() {
        #expect(
            throws: UsageError(
                "the value of --seed is not UTF-8 text (byte 0xFF at position 3); seeds, keys and texts must be UTF-8")
        ) {
            try RawArguments.strings([Array("--seed".utf8), [0x61, 0x62, 0xFF, 0xFE]])
        }
        #expect(
            throws: UsageError(
                "argument 1 is not UTF-8 text (byte 0xC3 at position 2); seeds, keys and texts must be UTF-8")
        ) {
            try RawArguments.strings([[0x61, 0xC3]])
        }
    }
}
