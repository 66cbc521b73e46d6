import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Kills the CLI with SIGKILL while it appends, hundreds of times, and checks that nothing
/// that was reported as recorded is lost and that the journal is always intact or has
/// exactly one torn tail that `repair` sets aside.
@Suite(.serialized) struct CrashSafetyTests {
    static let kills = Int(ProcessInfo.processInfo.environment["STICKPROV_CRASH_KILLS"] ?? "") ?? 200

    @Test func killedAppendsLoseNothingThatWasReported() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        _ = try CLI.run(["plan", "add-risk", "--plan", "plan", "--text", "Digitalisering"], in: folder.url)
        _ = try CLI.run(
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R2", "--text", "E-ansökningar", "--method",
                "measurement",
            ], in: folder.url)
        var generator = SystemRandomNumberGenerator()
        var reported: [String] = []
        var killed = 0
        var repairs = 0
        var attempt = 0
        while killed < Self.kills {
            attempt += 1
            let note = "försök \(attempt)"
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = [
                "measure", "K3", "--plan", "plan", "--value", "\(attempt)", "--unit", "st", "--date", "2023-12-31",
                "--note", note,
            ]
            process.currentDirectoryURL = folder.url
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Kill somewhere in the process's life: during start-up, reading, or appending.
            usleep(UInt32.random(in: 0...25_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            let printed = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            if process.terminationReason == .exit && process.terminationStatus == 0
                && String(decoding: printed, as: UTF8.self).hasPrefix("Recorded")
            {
                reported.append(note)
            }
            let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
            if verify.status != 0 {
                // The only damage a kill may leave is one torn last line.
                #expect(verify.stderr.contains("the last line is incomplete"), "\(verify.stderr)")
                let repair = try CLI.run(["repair", "--plan", "plan", "--yes"], in: folder.url)
                #expect(repair.status == 0, "\(repair.stderr)")
                repairs += 1
            }
        }
        let final = try CLI.run(
            [
                "measure", "K3", "--plan", "plan", "--value", "1", "--unit", "st", "--date", "2023-12-31", "--note",
                "efter",
            ], in: folder.url)
        #expect(final.status == 0, "the next append works: \(final.stderr)")
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.status == 0)
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        let missing = reported.filter { !journal.contains("\"note\":\"\($0)\"") }
        #expect(missing.isEmpty, "reported as recorded but missing: \(missing)")
        #expect(killed >= Self.kills)
        let leftovers = folder.listing().filter {
            $0.hasPrefix("plan/") && $0 != "plan/plan.json" && $0 != "plan/journal.jsonl" && $0 != "plan/journal.head"
                && !$0.hasPrefix("plan/journal.damaged-")
        }
        #expect(leftovers.isEmpty, "temporary files left behind: \(leftovers)")
        print(
            "crash safety: \(attempt) runs, \(killed) killed, \(reported.count) reported recorded, \(repairs) repairs")
    }
}
