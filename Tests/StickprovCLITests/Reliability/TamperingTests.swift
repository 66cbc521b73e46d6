import Foundation
import Testing

/// Changes to the record made behind the tool's back show in `verify`, and `repair` never
/// cuts recorded lines to make them pass.
@Suite struct TamperingTests {
    /// A plan with three draws recorded, and the hash `verify` printed for its last line.
    static func recorded() throws -> (TemporaryFolder, String) {
        let folder = try DrawCommandTests.setUp()
        for seed in ["a", "b", "c"] {
            let draw = try CLI.run(
                [
                    "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                    seed, "--size", "3", "--out", "u-\(seed).csv",
                ], in: folder.url)
            #expect(draw.status == 0, "\(draw.stderr)")
        }
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.status == 0, "\(verify.stderr)")
        let hash = String(verify.stdout.split(separator: " ").last?.prefix(64) ?? "")
        return (folder, hash)
    }

    static func journalLines(_ folder: TemporaryFolder) throws -> [String] {
        try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8).split(separator: "\n").map(
            String.init)
    }

    @Test func verifyPrintsTheHashOfTheLastLineActuallyThere() throws {
        let (folder, hash) = try Self.recorded()
        let last = try #require(try Self.journalLines(folder).last)
        #expect(hash == SHA256Hex.of(last))
        let noted = try CLI.run(["verify", "--plan", "plan", "--expect", hash], in: folder.url)
        #expect(noted.status == 0)
        #expect(noted.stdout.contains("\(hash) is line 3 of the chain"))
    }

    @Test func aDeletedJournalIsAnError() throws {
        let (folder, _) = try Self.recorded()
        try FileManager.default.removeItem(at: folder.file("plan/journal.jsonl"))
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("the journal is missing, but journal.head records 3 lines"))
    }

    @Test func aDeletedHeadLeavesTheEndUnconfirmed() throws {
        let (folder, _) = try Self.recorded()
        try FileManager.default.removeItem(at: folder.file("plan/journal.head"))
        var lines = try Self.journalLines(folder)
        lines[2] = lines[2].replacingOccurrences(of: "testare", with: "någon")
        try (lines.joined(separator: "\n") + "\n").write(
            to: folder.file("plan/journal.jsonl"), atomically: true, encoding: .utf8)
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("journal.head: missing: the end of the journal cannot be confirmed"))
    }

    @Test func aRewrittenHistoryFailsTheHashNotedInTheMinutes() throws {
        let (folder, noted) = try Self.recorded()
        // Rewrite the whole record consistently: a fresh journal and head with other draws.
        try FileManager.default.removeItem(at: folder.file("plan/journal.jsonl"))
        try FileManager.default.removeItem(at: folder.file("plan/journal.head"))
        let draw = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                "z", "--size", "3", "--out", "u-z.csv",
            ], in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        #expect(try CLI.run(["verify", "--plan", "plan"], in: folder.url).status == 0)
        let verify = try CLI.run(["verify", "--plan", "plan", "--expect", noted], in: folder.url)
        #expect(verify.status == 1)
        #expect(
            verify.stderr.contains("\(noted) is not the hash of any line of this journal: the record was rewritten"))
    }

    @Test func repairNeverCutsRecordedLines() throws {
        let (folder, _) = try Self.recorded()
        var lines = try Self.journalLines(folder)
        lines[1] = lines[1].replacingOccurrences(of: "testare", with: "någon")
        try (lines.joined(separator: "\n") + "\n").write(
            to: folder.file("plan/journal.jsonl"), atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: folder.file("plan/journal.jsonl"))
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.status == 1)
        #expect(verify.stderr.hasPrefix("plan/journal.jsonl:3: the chain is broken"))
        #expect(verify.stderr.contains("restore journal.jsonl and journal.head from a backup"))
        let repair = try CLI.run(["repair", "--plan", "plan", "--yes"], in: folder.url)
        #expect(repair.status == 1)
        #expect(repair.stderr.contains("plan/journal.jsonl:3: the chain is broken"))
        #expect(repair.stderr.contains("repair never cuts recorded lines"))
        #expect(try Data(contentsOf: folder.file("plan/journal.jsonl")) == before)
    }
}

/// SHA-256 of a text's UTF-8 bytes as lowercase hex, by the system's `sha256sum`-compatible
/// CryptoKit-free route: Python's hashlib (a second implementation).
enum SHA256Hex {
    static func of(_ text: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SampleCommandTests.python ?? "/usr/bin/python3")
        process.arguments = ["-c", "import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return "" }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
