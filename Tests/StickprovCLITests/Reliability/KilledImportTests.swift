import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SIGKILL at any moment of a 5,000-row worksheet import leaves all 5,000 results or none:
/// `journal.head` is the commit point, and bytes past it are an uncommitted tail.
@Suite(.serialized) struct KilledImportTests {
    static let kills = 50
    static let rows = 5_000

    /// The committed outcome lines: those within the length `journal.head` names.
    static func committedOutcomes(in folder: TemporaryFolder) throws -> Int {
        let head = try String(contentsOf: folder.file("plan/journal.head"), encoding: .utf8).split(separator: " ")
        let length = try #require(head.count == 3 ? Int(head[1]) : nil, "head: \(head)")
        let bytes = try Data(contentsOf: folder.file("plan/journal.jsonl")).prefix(length)
        return String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            .filter { $0.contains("\"type\":\"outcome\"") }.count
    }

    /// The journal's size in bytes now (what the backup's journal has, until an import writes).
    static func journalSize(_ folder: TemporaryFolder) -> Int {
        var status = stat()
        return stat(folder.file("plan/journal.jsonl").path, &status) == 0 ? Int(status.st_size) : 0
    }

    /// Puts the plan folder back as it was before the import (removing any side file a kill left).
    static func restore(_ folder: TemporaryFolder, from backup: URL) throws {
        try FileManager.default.removeItem(at: folder.file("plan"))
        try FileManager.default.copyItem(at: backup, to: folder.file("plan"))
    }

    @Test func fiftyKillsDuringA5000RowImportEachLeaveAllOrNone() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        var population = "Ärendenummer;Handläggare\n"
        for i in 0..<Self.rows { population += "SN-2023-\(10_000 + i);Handläggare \(i % 9)\n" }
        try folder.write("stor.csv", population)
        let draw = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "stor.csv", "--size",
                "\(Self.rows)",
                "--seed", "s", "--out", "urval-K2-1.csv",
            ], in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        let sheet = try RecordCommandTests.fill(
            folder, name: "ifylld.csv", results: Array(repeating: ("utan anmärkning", "", ""), count: Self.rows))
        let backup = folder.file("plan-backup")
        try FileManager.default.copyItem(at: folder.file("plan"), to: backup)
        let key = try RecordCommandTests.sheetRows(folder)[1][3]

        // One whole import, to know how long it takes.
        let started = ContinuousClock.now
        let whole = try CLI.run(["record", "--worksheet", sheet, "--plan", "plan"], in: folder.url)
        let duration = ContinuousClock.now - started
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try Self.committedOutcomes(in: folder) == Self.rows)
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18

        let baseSize = Self.journalSize(folder)
        var outcomes: [Int: Int] = [:]
        var tails = 0
        for kill in 0..<Self.kills {
            try Self.restore(folder, from: backup)
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["record", "--worksheet", sheet, "--plan", "plan"]
            process.currentDirectoryURL = folder.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Delays spread evenly (golden-ratio steps: the same every run): every other kill over the whole
            // import and a little past it; the others while the lines are written and committed: at once or up to
            // 2 ms after the journal is seen to grow (the write and its commit take about a millisecond).
            let step = (Double(kill / 2) * 0.618_033_988_75).truncatingRemainder(dividingBy: 1)
            var fraction = step * 1.1
            if kill % 2 == 0 {
                usleep(UInt32(fraction * seconds * 1e6))
            } else {
                let growing = ContinuousClock.now
                while process.isRunning, Self.journalSize(folder) <= baseSize,
                    ContinuousClock.now - growing < .seconds(10)
                {
                    usleep(100)
                }
                if step > 0.5 { usleep(UInt32((step - 0.5) * 4_000)) }
                fraction = -1
            }
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
            #expect(verify.status == 0, "kill \(kill) (at \(Int(fraction * seconds * 1000)) ms): \(verify.stderr)")
            // The only thing verify may say besides its line: bytes past the commit point, ignored.
            if !verify.stderr.isEmpty {
                #expect(verify.stderr.contains("past journal.head were never committed"), "\(verify.stderr)")
                tails += 1
            }
            let count = try Self.committedOutcomes(in: folder)
            #expect(count == 0 || count == Self.rows, "kill \(kill): \(count) of \(Self.rows) results committed")
            outcomes[count, default: 0] += 1
            let next = try CLI.run(
                ["record", "K2-1", key, "--not-reviewed", "Akten saknas", "--date", "2023-02-20", "--plan", "plan"],
                in: folder.url)
            #expect(next.status == 0, "the next append after kill \(kill): \(next.stderr)")
            #expect(try CLI.run(["verify", "--plan", "plan"], in: folder.url).status == 0)
        }
        print(
            "killed import: \(Self.kills) kills over \(Int(seconds * 1000)) ms; results committed: \(outcomes); \(tails) left an uncommitted tail"
        )
    }
}
