import Foundation
import Testing

/// Broken and hostile input: the tool must answer with a message and exit 1 or 2 —
/// never a crash (exit by signal), never a hang, never a write outside the plan folder
/// and the named output.
@Suite struct HostileInputTests {
    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    enum Case: String, CaseIterable {
        case randomBytes, truncatedQuote, nulBytes, invalidUTF8InUTF8, utf16, controlCharacters, emptyFile, onlyBOM

        var bytes: [UInt8] {
            switch self {
            case .randomBytes: HostileInputTests.randomBytes(50_000, seed: 7)
            case .truncatedQuote: Array("Ärendenummer;Handläggare\nSN-1;\"Åsa\nSN-2;Björn".utf8)
            case .nulBytes: Array("Ärendenummer;Handläggare\nSN-1;Å\u{0}sa\n".utf8)
            case .invalidUTF8InUTF8: Array("Ärendenummer;Handläggare\nSN-1;Åsa\n".utf8) + [0xC3, 0x28, 0x0A]
            case .utf16:
                [0xFF, 0xFE] + Array("Ärendenummer;Handläggare\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            case .controlCharacters: Array("Ärendenummer;Handläggare\nSN-1\u{1B}[2J;\u{7}Åsa\n".utf8)
            case .emptyFile: []
            case .onlyBOM: [0xEF, 0xBB, 0xBF]
            }
        }
    }

    @Test(arguments: Case.allCases)
    func brokenPopulationsGetAnAnswerNotACrash(_ input: Case) throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        try folder.write("population.csv", input.bytes)
        let before = folder.listing()
        for arguments in [
            ["sample", "population.csv", "--key", "Ärendenummer", "--seed", "s", "--size", "2"],
            ["draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "population.csv", "--seed", "s"],
            ["plan", "import", "population.csv", "--plan", "other", "--committee", "S", "--year", "2024"],
            ["record", "--worksheet", "population.csv", "--plan", "plan"],
            ["scan", "population.csv"],
        ] {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(!result.wasSignalled, "\(input) \(arguments[0]) crashed")
            #expect(!result.stderr.contains("Fatal error"))
            if result.status != 0 {
                #expect(
                    result.stderr.hasPrefix("population.csv") || result.stderr.hasPrefix("error:"),
                    "\(input) \(arguments[0]): \(result.stderr)")
            }
        }
        // A draw that succeeded writes its worksheet; nothing else appears.
        let added = Set(folder.listing()).subtracting(before).filter {
            !$0.hasPrefix("urval-") && !$0.hasPrefix("plan/journal")
        }
        #expect(added.isEmpty, "\(input) wrote \(added)")
    }

    @Test func aGigabyteOnOneLineIsRefusedWithItsLine() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("huge.csv")
        FileManager.default.createFile(atPath: url.path, contents: Data("Key;Name\n".utf8))
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        let megabytes = Int(ProcessInfo.processInfo.environment["STICKPROV_HUGE_LINE_MB"] ?? "") ?? 1024
        for _ in 0..<megabytes { handle.write(chunk) }
        try handle.close()
        let result = try CLI.run(["sample", "huge.csv", "--key", "Key", "--seed", "s", "--size", "1"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "huge.csv:2: field 1 is longer than 1 MB; is this the right file?\n")
    }

    @Test func aHundredMegabytePlanIsRefusedQuickly() throws {
        let folder = try TemporaryFolder()
        var plan = Array("{\"committee\": \"S\", \"year\": 2023, \"title\": \"".utf8)
        plan += [UInt8](repeating: UInt8(ascii: "a"), count: 100 << 20)
        plan += Array("\"}".utf8)
        try folder.write("p/plan.json", plan)
        let result = try CLI.run(["plan", "show", "--plan", "p"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "p/plan.json: the file is 100 MB; a plan is at most 10 MB — is this the right file?\n")
    }

    @Test func formulasInCarriedColumnsAreNeutralisedInTheWorksheet() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        try folder.write(
            "population.csv",
            "Ärendenummer;Handläggare\nSN-1;\"=HYPERLINK(\"\"http://x\"\";\"\"klicka\"\")\"\nSN-2;@SUM(A1)\nSN-3;+SUM(1,2)\nSN-4;-5\nSN-5;+46701234567\n"
        )
        let result = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "population.csv", "--seed", "s",
                "--size", "5", "--out", "urval-K2-1.csv",
            ], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let sheet = String(decoding: try Data(contentsOf: folder.file("urval-K2-1.csv")), as: UTF8.self)
        #expect(sheet.contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"klicka\"\")\""))
        #expect(sheet.contains(";'@SUM(A1);"))
        #expect(sheet.contains(";'+SUM(1,2);"))
        // Plain numbers are data, not formulas: they stay as they are.
        #expect(sheet.contains(";-5;"))
        #expect(sheet.contains(";+46701234567;"))
    }

    @Test func aJournalLineFromANewerVersionStopsTheReaderWithItsLine() throws {
        let folder = try DrawCommandTests.setUp()
        _ = try CLI.run(
            ["draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed", "s"],
            in: folder.url)
        let journal = folder.file("plan/journal.jsonl")
        let first = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")[0]
        let prev = sha256Hex(Array(first.utf8))
        let line = "{\"actor\":\"x\",\"data\":{},\"prev\":\"\(prev)\",\"seq\":2,\"time\":\"t\",\"type\":\"hologram\"}\n"
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
        try handle.close()
        // As the newer version would have committed it: journal.head names the new line.
        let size = try Data(contentsOf: journal).count
        try folder.write("plan/journal.head", "2 \(size) \(sha256Hex(Array(line.dropLast().utf8)))\n")
        let result = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "plan/journal.jsonl:2: event type 'hologram' is from a newer Stickprov; update the tool to read this journal\n"
            ))
    }

    /// SHA-256 by the system's sha256sum, a second implementation.
    func sha256Hex(_ bytes: [UInt8]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try? input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
