import Foundation
import Testing

@Suite struct SampleCommandTests {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
        ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    static let reference = CLI.packageRoot.appendingPathComponent("Tests/StickprovCLITests/Fixtures/reference.py").path

    /// Runs SPEC.md's independent reference implementation.
    static func runReference(_ arguments: [String], input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python ?? "python3")
        process.arguments = [reference] + arguments
        let inPipe = Pipe(), outPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        try process.run()
        let writer = inPipe.fileHandleForWriting
        DispatchQueue.global().async {
            writer.write(Data(input.utf8))
            try? writer.close()
        }
        let output = outPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    /// 10,000 keys with Swedish letters, some in decomposed form and with stray spaces.
    static func population() -> (csv: String, keys: [String]) {
        let names = ["Åsa", "Örjan", "Ängla", "Björn", "Märta", "Göran", "A\u{30A}ke", "Zoë", "Ola"]
        var keys: [String] = []
        var csv = "\u{FEFF}Ärendenummer;Handläggare\r\n"
        for i in 0..<10_000 {
            let key = "\(names[i % names.count])-\(i * 7919 % 100_003)"
            keys.append(key)
            csv += (i % 17 == 0 ? " \(key) " : key) + ";\(names[(i / 3) % names.count])\r\n"
        }
        return (csv, keys)
    }

    @Test(.enabled(if: python != nil, "python3 is missing: the comparison with reference.py is skipped"))
    func agreesWithTheReferenceImplementation() throws {
        let folder = try TemporaryFolder()
        let (csv, keys) = Self.population()
        let file = try folder.write("population.csv", csv)
        let seed = "Socialnämnden 2023 § 12"
        let ours = try CLI.run(["sample", file, "--key", "ärendenummer", "--seed", seed, "--size", "25"])
        #expect(ours.status == 0, "\(ours.stderr)")
        let theirs = try Self.runReference(["simple", seed, "25"], input: keys.joined(separator: "\n") + "\n")
        #expect(ours.stdout == theirs)
        #expect(ours.stdout.split(separator: "\n").count == 25)

        let percent = try CLI.run(["sample", file, "--key", "Ärendenummer", "--seed", seed, "--percent", "2,5"])
        let theirPercent = try Self.runReference(["percent", seed, "2.5"], input: keys.joined(separator: "\n") + "\n")
        #expect(percent.stdout == theirPercent)
        #expect(percent.stdout.split(separator: "\n").count == 250)

        let fingerprint = try CLI.run(["sample", file, "--key", "Ärendenummer", "--fingerprint"])
        let theirFingerprint = try Self.runReference(["fingerprint"], input: keys.joined(separator: "\n") + "\n")
        #expect(fingerprint.stdout == theirFingerprint)

        let week = try CLI.run(["sample", "--week", "--seed", seed, "--month", "2020-12"])
        #expect(week.stdout == (try Self.runReference(["week", seed, "2020-12"], input: "")))
    }

    @Test func printsStrataInTheOrderOfTheRules() throws {
        let folder = try TemporaryFolder()
        var csv = "Beslut,Typ\n"
        for i in 0..<40 { csv += "B\(i),\(["LSS", "Hemtjänst SoL", "Övrigt"][i % 3])\n" }
        let file = try folder.write("beslut.csv", csv)
        let result = try CLI.run(["sample", file, "--key", "Beslut", "--seed", "s", "--stratum", "Typ",
                                  "--rule", "LSS=25%", "--rule", "Hemtjänst SoL=2", "--rule", "Saknas=1"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.map { $0[0] } == ["LSS", "LSS", "LSS", "LSS", "Hemtjänst SoL", "Hemtjänst SoL"])
        #expect(result.stderr == """
            note: stratum 'Saknas' is not in the population; its part is empty
            note: 13 items in strata the draw does not name were left out ('Övrigt')

            """)
    }

    @Test(arguments: [
        ("Ärende;Namn\nA1;x\n;y\n", ["--key", "Ärende", "--seed", "s", "--size", "1"], "population.csv:3: empty key in column 'Ärende'"),
        ("Ärende;Namn\nA1;x\nA2;y\n A1 ;z\n", ["--key", "Ärende", "--seed", "s", "--size", "1"], "population.csv:4: duplicate key 'A1' (lines 2 and 4)"),
        ("Ärende;Namn\nA1;x\n", ["--key", "Personnummer", "--seed", "s", "--size", "1"], "population.csv: missing column 'Personnummer' (columns: Ärende, Namn)"),
        ("Ärende;Namn\nA1;x;y\n", ["--key", "Ärende", "--seed", "s", "--size", "1"], "population.csv:2: row has 3 fields, the header has 2"),
        ("\u{FFFE}", ["--key", "Ärende", "--seed", "s", "--size", "1"], "population.csv: UTF-16 text is not supported; save the file as UTF-8 CSV"),
    ])
    func refusesBadPopulationsWithFileAndLine(csv: String, options: [String], message: String) throws {
        let folder = try TemporaryFolder()
        var bytes = Array(csv.utf8)
        if csv == "\u{FFFE}" { bytes = [0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00] }
        try folder.write("population.csv", bytes)
        let result = try CLI.run(["sample", "population.csv"] + options, in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == message + "\n")
    }

    @Test(arguments: [
        (["sample", "p.csv", "--key", "K", "--seed", "s"], "error: give one of --size, --percent or --rule"),
        (["sample", "p.csv", "--key", "K", "--seed", "s", "--percent", "101"], "error: --percent '101' is not a percentage between 0 and 100 with at most two decimals"),
        (["sample", "p.csv", "--key", "K", "--seed", "", "--size", "1"], "error: --seed: the seed is empty"),
        (["sample", "p.csv", "--key", "K", "--seed", "s", "--rule", "LSS=5%"], "error: --rule needs --stratum COLUMN"),
        (["sample", "--week", "--seed", "s", "--month", "2023-13"], "error: --month '2023-13' is not a month YYYY-MM"),
    ])
    func refusesWrongUsageWithStatusTwo(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("p.csv", "K\nA\n")
        let result = try CLI.run(arguments, in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message + "\nUsage: stickprov sample [FILE] [options]\n"))
    }
}
