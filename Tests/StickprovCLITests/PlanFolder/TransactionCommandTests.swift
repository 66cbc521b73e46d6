import Foundation
import Testing

/// Every change goes through PlanFolder's transactions: concurrent users are serialised, numbers are
/// assigned under the lock, and output failures end with a message, not a crash.
@Suite struct TransactionCommandTests {
    /// Starts `runs` copies of stickprov at once and waits for all of them.
    static func concurrently(_ runs: [[String]], in folder: TemporaryFolder) throws -> [CLI.Result] {
        nonisolated(unsafe) var results = [CLI.Result?](repeating: nil, count: runs.count)
        let lock = NSLock()
        let url = folder.url
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            let result = try? CLI.run(runs[index], in: url)
            lock.lock()
            results[index] = result
            lock.unlock()
        }
        return results.compactMap { $0 }
    }

    @Test func fourConcurrentDrawsGetFourIds() throws {
        let folder = try DrawCommandTests.setUp()
        let runs = (1...4).map { i in
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                "frö \(i)", "--out", "sheet-\(i).csv",
            ]
        }
        let results = try Self.concurrently(runs, in: folder)
        #expect(results.count == 4)
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let ids = Set(results.compactMap { $0.stdout.split(separator: " ").dropFirst().first.map(String.init) })
        #expect(ids == ["K2-1", "K2-2", "K2-3", "K2-4"])
        // Every worksheet names the draw its journal line has.
        for i in 1...4 {
            let sheet = try String(contentsOf: folder.file("sheet-\(i).csv"), encoding: .utf8)
            let id = results[i - 1].stdout.split(separator: " ")[1]
            #expect(sheet.contains("\n\(id);frö \(i);1;"))
        }
        #expect(try CLI.run(["verify", "--plan", "plan"], in: folder.url).status == 0)
    }

    @Test func sixConcurrentAddRisksGiveSixRisks() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let before = try CLI.run(["plan", "show", "--plan", "plan"], in: folder.url).stdout
        let runs = (1...6).map { i in ["plan", "add-risk", "--plan", "plan", "--text", "Samtidig risk \(i)"] }
        let results = try Self.concurrently(runs, in: folder)
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let plan = try String(contentsOf: folder.file("plan/plan.json"), encoding: .utf8)
        for i in 1...6 { #expect(plan.contains("Samtidig risk \(i)\"")) }
        let added = Set(results.map { $0.stdout })
        #expect(added.count == 6, "six distinct ids: \(added)")
        #expect(!before.contains("Samtidig"))
    }

    @Test func aDrawOfMoreThan5000ItemsNeedsLarge() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        var csv = "Ärendenummer;Handläggare\n"
        for i in 0..<5_200 { csv += "SN-\(i);H\n" }
        try folder.write("stor.csv", csv)
        let refused = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "stor.csv", "--size", "5001",
                "--seed", "s", "--out", "u.csv",
            ], in: folder.url)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("5001 items") && refused.stderr.contains("--large"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("u.csv").path))
        #expect(
            !((try? String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)) ?? "").contains("\"draw\""))
        let confirmed = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "stor.csv", "--size", "5001",
                "--seed", "s", "--out", "u.csv", "--large",
            ], in: folder.url)
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.file("u.csv").path))
    }

    @Test func aFailedDrawLeavesNoWorksheet() throws {
        let folder = try DrawCommandTests.setUp()
        // The journal cannot be written: a directory stands where it would be.
        try FileManager.default.createDirectory(
            at: folder.file("plan/journal.jsonl"), withIntermediateDirectories: true)
        let result = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                "s", "--out", "u.csv",
            ], in: folder.url)
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.file("u.csv").path))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".u.csv") }
        #expect(left.isEmpty)
    }

    @Test func statusToAFullDeviceEndsWithAMessage() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else {
            print("note: /dev/full is missing; skipping")
            return
        }
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["status", "--plan", "plan"]
        process.currentDirectoryURL = folder.url
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let errPipe = Pipe()
        process.standardError = errPipe
        try process.run()
        let stderr = String(decoding: errPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
        #expect(stderr == "error: cannot write to standard output: No space left on device\n")
    }

    @Test func aReportIntoAClosedPipeEndsQuietly() throws {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        // Like `stickprov report | head -c 1`: the reader goes away after one byte.
        let pipe = Pipe()
        let report = Process()
        report.executableURL = CLI.binary
        report.arguments = ["report", "--plan", "plan"]
        report.currentDirectoryURL = folder.url
        report.standardOutput = pipe
        let errPipe = Pipe()
        report.standardError = errPipe
        try report.run()
        _ = pipe.fileHandleForReading.readData(ofLength: 1)
        try pipe.fileHandleForReading.close()
        let stderr = String(decoding: errPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        report.waitUntilExit()
        #expect(report.terminationReason == .exit)
        #expect(report.terminationStatus == 1 || report.terminationStatus == 0)
        #expect(stderr.isEmpty, "\(stderr)")
    }
}

/// Where the folder's lock does not hold (a network share; `STICKPROV_TEST_NO_LOCKS` here), two writers
/// still never fork the journal: the append checks that the journal ends where the writer read it.
@Suite struct LocklessWritersTests {
    @Test func twoWritersWithoutTheFolderLockNeverForkTheJournal() throws {
        let folder = try DrawCommandTests.setUp()
        let perWriter = 12
        nonisolated(unsafe) var results: [[CLI.Result]] = [[], []]
        let lock = NSLock()
        let url = folder.url
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for i in 0..<perWriter {
                let run = [
                    "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv",
                    "--seed", "skrivare \(writer) nr \(i)", "--out", "sheet-\(writer)-\(i).csv",
                ]
                guard let result = try? CLI.run(run, in: url, environment: ["STICKPROV_TEST_NO_LOCKS": "1"]) else {
                    continue
                }
                lock.lock()
                results[writer].append(result)
                lock.unlock()
            }
        }
        let all = results.flatMap { $0 }
        #expect(all.count == 2 * perWriter)
        // Each writer either appended or was told another writer got there first (nothing recorded).
        let appended = all.filter { $0.status == 0 }
        for refused in all where refused.status != 0 {
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("another writer got there first"), "\(refused.stderr)")
        }
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        let lines = journal.split(separator: "\n")
        let sequences = lines.compactMap { line -> Int? in
            guard let range = line.range(of: "\"seq\":") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        #expect(sequences == Array(1...lines.count), "never two lines with the same sequence")
        let ids = appended.compactMap { $0.stdout.split(separator: " ").dropFirst().first.map(String.init) }
        #expect(Set(ids).count == appended.count, "every draw its own id: \(ids.sorted())")
        #expect(lines.filter { $0.contains("\"type\":\"draw\"") }.count == appended.count)
        #expect(try CLI.run(["verify", "--plan", "plan"], in: folder.url).status == 0)
    }
}

/// Creating a plan goes through the folder's lock too: of several `plan init` started at once into
/// one folder, one creates the plan and the others are told it exists.
@Suite struct PlanCreationRaceTests {
    @Test func fourConcurrentPlanInitsCreateOnePlan() throws {
        let folder = try TemporaryFolder()
        let runs = (1...4).map { i in
            ["plan", "init", "--plan", "plan", "--committee", "Nämnd \(i)", "--year", "2024"]
        }
        let results = try TransactionCommandTests.concurrently(runs, in: folder)
        #expect(results.count == 4)
        let created = results.filter { $0.status == 0 }
        #expect(created.count == 1, "\(results.map(\.stderr))")
        for refused in results where refused.status != 0 {
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("already exists"), "\(refused.stderr)")
        }
        let plan = try String(contentsOf: folder.file("plan/plan.json"), encoding: .utf8)
        let winner = try #require(created.first?.stdout)
        let committee = try #require(
            plan.range(of: #""committee" : "[^"]*""#, options: .regularExpression).map { String(plan[$0]) })
        #expect(winner.contains(committee.replacingOccurrences(of: "\"committee\" : \"", with: "").dropLast()))
    }
}
