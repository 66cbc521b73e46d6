import Foundation
import Testing

/// Text that is not what it seems (issue 17): mixed encodings, a BOM inside a file, keys with
/// line breaks, seeds that are not UTF-8, plan.json with duplicate or unknown keys. Each is an
/// error naming the place, exit 1 (data) or 2 (usage), and nothing is written.
@Suite struct MisleadingTextTests {
    @Test func aPopulationMixingUTF8AndWindows1252IsRefusedAtItsFirstBadByte() throws {
        let folder = try TemporaryFolder()
        // Header in UTF-8 (Ä = C3 84), a key with Windows-1252 å (E5) on line 3.
        let bytes = Array("Ärendenummer;Namn\nSN-1;Åsa\n".utf8) + Array("SN-2;".utf8) + [0xE5, 0x6B, 0x65, 0x0A]
        try folder.write("pop.csv", bytes)
        let result = try CLI.run(
            ["sample", "pop.csv", "--key", "Ärendenummer", "--seed", "s", "--size", "1"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "pop.csv:3: byte 0xE5 (byte 6 of the line) is not UTF-8, but line 1 is: the file mixes encodings; save it again as UTF-8\n"
        )
    }

    @Test(arguments: [
        ("\u{FEFF}\u{FEFF}Ärendenummer\nA\nB\n", 1),
        ("\u{FEFF}Ärendenummer\nA\n\u{FEFF}Ärendenummer\nB\n", 3),
        ("Ärendenummer\nA\n\u{FEFF}B\n", 3),
    ])
    func aByteOrderMarkInsideTheFileIsRefusedWithItsLine(text: String, line: Int) throws {
        let folder = try TemporaryFolder()
        try folder.write("pop.csv", text)
        let result = try CLI.run(
            ["sample", "pop.csv", "--key", "Ärendenummer", "--seed", "s", "--size", "1"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "pop.csv:\(line): a byte order mark (U+FEFF) inside the file, not at its start: were two files joined? remove it\n"
        )
    }

    @Test func keysAndStrataWithLineBreaksOrControlCharactersAreRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("keys.csv", "Nr;Enhet\nA;X\n\"B\nC\";X\nD;Y\n")
        var result = try CLI.run(["sample", "keys.csv", "--key", "Nr", "--seed", "s", "--size", "3"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "keys.csv:3: the value in column 'Nr' holds a line break, control or invisible character (U+000A); keys and strata must be one line of visible text\n"
        )
        try folder.write("strata.csv", "Nr;Enhet\nA;X\nB;\"X\u{1B}[2J\"\n")
        result = try CLI.run(
            ["sample", "strata.csv", "--key", "Nr", "--seed", "s", "--size", "1", "--stratum", "Enhet"], in: folder.url)
        #expect(result.status != 0)
        #expect(
            result.stderr.contains(
                "strata.csv:3: the value in column 'Enhet' holds a line break, control or invisible character (U+001B)"),
            "\(result.stderr)")
    }

    @Test func aSeedThatIsNotUTF8IsAUsageErrorNotAReplacementCharacter() throws {
        let folder = try TemporaryFolder()
        try folder.write("pop.csv", "Nr\nA\nB\n")
        // Process passes arguments as C strings; build one with the raw bytes FF FE through the shell.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "\"$0\" sample pop.csv --key Nr --size 1 --seed \"$(printf '\\377\\376')\"", CLI.binary.path,
        ]
        process.currentDirectoryURL = folder.url
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(
            stderr
                == "error: the value of --seed is not UTF-8 text (byte 0xFF at position 1); seeds, keys and texts must be UTF-8\n"
        )
    }

    @Test func planValidateAndEveryLoadRefuseDuplicateAndUnknownKeys() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let path = folder.file("plan/plan.json")
        var json = try String(contentsOf: path, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"count\" : 25,", with: "\"count\" : 25,\n\"count\" : 3,")
        json = json.replacingOccurrences(of: "\"keyColumn\"", with: "\"keyColum\"")
        try json.write(to: path, atomically: true, encoding: .utf8)
        let lines = json.components(separatedBy: "\n")
        let first = try #require(lines.firstIndex { $0.contains("\"count\" : 25") }) + 1
        let typo = try #require(lines.firstIndex { $0.contains("\"keyColum\"") }) + 1
        for arguments in [
            ["plan", "validate", "--plan", "plan"], ["status", "--plan", "plan"], ["plan", "show", "--plan", "plan"],
        ] {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 1, "\(arguments)")
            #expect(
                result.stderr.contains(
                    "risks[0].controls[1].sampleRule.count: duplicate key (lines \(first) and \(first + 1)); readers disagree on which one counts, keep one"
                ), "\(result.stderr)")
            #expect(
                result.stderr.contains(
                    "risks[0].controls[1].sampleRule.keyColum: unknown key on line \(typo), which the tool would ignore; did you mean 'keyColumn'?"
                ), "\(result.stderr)")
        }
    }
}
