import Foundation
import Testing

@Suite struct SampleCommandTests {
    static let python: String? =
        ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
        ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    static let reference = CLI.packageRoot.appendingPathComponent("Tests/StickprovCLITests/Fixtures/reference.py").path

    /// Runs SPEC.md's independent reference implementation.
    static func runReference(_ arguments: [String], input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python ?? "python3")
        process.arguments = [reference] + arguments
        let inPipe = Pipe()
        let outPipe = Pipe()
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

    /// 100,000 payments with amounts in every form SPEC.md §11 reads: spaces, no-break and narrow
    /// no-break spaces, comma and point, one or two decimals, both minus signs, zero.
    static func payments() -> (csv: String, tsv: String) {
        var csv = "Verifikation;Belopp;Leverantör\n"
        var tsv = ""
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for i in 0..<100_000 {
            let r = next()
            let kronor = r % 7 == 0 ? r % 400_000 : r % 30_000
            let ore = (r >> 20) % 100
            let grouped =
                kronor >= 1000
                ? "\(kronor / 1000)\(["\u{20}", "\u{A0}", "\u{202F}"][Int(r >> 40) % 3])\(String(kronor % 1000 + 1000).dropFirst())"
                : "\(kronor)"
            var text: String
            switch (r >> 33) % 8 {
            case 0: text = "\(grouped),\(String(ore + 100).dropFirst())"
            case 1: text = "\(kronor).\(ore / 10)"
            case 2: text = "\(kronor)"
            case 3: text = "\(grouped)"
            case 4: text = "-\(grouped),\(ore % 10)"
            case 5: text = "\u{2212}\(kronor).\(String(ore + 100).dropFirst())"
            case 6: text = i % 50 == 0 ? "0" : "\(kronor),\(ore / 10)"
            default: text = " \(grouped) "
            }
            let key = "V-\(2023_000_000 + i)"
            csv += "\(key);\(text);Lev \(i % 97)\n"
            tsv += "\(key)\t\(text)\n"
        }
        return (csv, tsv)
    }

    @Test(.enabled(if: python != nil, "python3 is missing: the comparison with reference.py is skipped"))
    func amountDrawAgreesWithTheReferenceImplementation() throws {
        let folder = try TemporaryFolder()
        let (csv, tsv) = Self.payments()
        let file = try folder.write("utbetalningar.csv", csv)
        let seed = "Lönekontroll 2023-1"
        let ours = try CLI.run([
            "sample", file, "--key", "Verifikation", "--seed", seed, "--amount", "belopp", "--size", "60",
            "--certain-from", "300 000",
        ])
        #expect(ours.status == 0, "\(ours.stderr)")
        let theirs = try Self.runReference(["pps", seed, "60", "300 000"], input: tsv)
        #expect(ours.stdout == theirs)
        let lines = ours.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("certain\t") }.count > 10)
        #expect(lines.filter { !$0.hasPrefix("certain\t") }.count == 60)
        #expect(ours.stderr.contains("cannot be drawn by amount and were left out"))
        #expect(ours.stderr.contains("tau = "))

        let plain = try CLI.run([
            "sample", file, "--key", "Verifikation", "--seed", seed, "--amount", "Belopp", "--size", "25",
        ])
        #expect(plain.stdout == (try Self.runReference(["pps", seed, "25"], input: tsv)))
    }

    @Test func amountThatDoesNotParseIsRefusedWithFileAndLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("p.csv", "Ver;Belopp\nA;1 234,50\nB;1.234\n")
        let result = try CLI.run(
            ["sample", "p.csv", "--key", "Ver", "--seed", "s", "--amount", "Belopp", "--size", "1"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "p.csv:3: '1.234' in column 'Belopp' is not an amount in kronor (write e.g. 1 234,50 or -250 or 1234.5)\n"
        )
    }

    @Test func printsStrataInTheOrderOfTheRules() throws {
        let folder = try TemporaryFolder()
        var csv = "Beslut,Typ\n"
        for i in 0..<40 { csv += "B\(i),\(["LSS", "Hemtjänst SoL", "Övrigt"][i % 3])\n" }
        let file = try folder.write("beslut.csv", csv)
        let result = try CLI.run([
            "sample", file, "--key", "Beslut", "--seed", "s", "--stratum", "Typ",
            "--rule", "LSS=25%", "--rule", "Hemtjänst SoL=2", "--rule", "Saknas=1",
        ])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.map { $0[0] } == ["LSS", "LSS", "LSS", "LSS", "Hemtjänst SoL", "Hemtjänst SoL"])
        #expect(
            result.stderr == """
                note: stratum 'Saknas' is not in the population; its part is empty
                note: 13 items in strata the draw does not name were left out ('Övrigt')

                """)
    }

    @Test(arguments: [
        (
            "Ärende;Namn\nA1;x\n;y\n", ["--key", "Ärende", "--seed", "s", "--size", "1"],
            "population.csv:3: empty key in column 'Ärende'"
        ),
        (
            "Ärende;Namn\nA1;x\nA2;y\n A1 ;z\n", ["--key", "Ärende", "--seed", "s", "--size", "1"],
            "population.csv:4: duplicate key 'A1' (lines 2 and 4)"
        ),
        (
            "Ärende;Namn\nA1;x\n", ["--key", "Personnummer", "--seed", "s", "--size", "1"],
            "population.csv: missing column 'Personnummer' (columns: Ärende, Namn)"
        ),
        (
            "Ärende;Namn\nA1;x;y\n", ["--key", "Ärende", "--seed", "s", "--size", "1"],
            "population.csv:2: row has 3 fields, the header has 2"
        ),
        (
            "\u{FFFE}", ["--key", "Ärende", "--seed", "s", "--size", "1"],
            "population.csv: UTF-16 text is not supported; save the file as UTF-8 CSV"
        ),
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
        (
            ["sample", "p.csv", "--key", "K", "--seed", "s", "--percent", "101"],
            "error: --percent '101' is not a percentage between 0 and 100 with at most two decimals"
        ),
        (["sample", "p.csv", "--key", "K", "--seed", "", "--size", "1"], "error: --seed: the seed is empty"),
        (["sample", "p.csv", "--key", "K", "--seed", "s", "--rule", "LSS=5%"], "error: --rule needs --stratum COLUMN"),
        (["sample", "--week", "--seed", "s", "--month", "2023-13"], "error: --month '2023-13' is not a month YYYY-MM"),
        (
            ["sample", "p.csv", "--key", "K", "--seed", "s", "--size", "1", "--certain-from", "5"],
            "error: --certain-from needs --amount COLUMN"
        ),
        (
            ["sample", "p.csv", "--key", "K", "--seed", "s", "--amount", "K", "--size", "1", "--certain-from", "5 kr"],
            "error: --certain-from '5 kr' is not a positive amount in kronor (e.g. '100 000')"
        ),
        (
            ["sample", "p.csv", "--key", "K", "--seed", "s", "--amount", "K", "--percent", "5"],
            "error: --amount draws --size K items; it takes no --percent or --rule"
        ),
    ])
    func refusesWrongUsageWithStatusTwo(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("p.csv", "K\nA\n")
        let result = try CLI.run(arguments, in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message + "\nUsage: stickprov sample [FILE] [options]\n"))
    }
}
