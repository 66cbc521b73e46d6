import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A plan folder that cannot be written while its journal can: the commit (replacing journal.head)
/// fails, so the command exits 1 with nothing recorded and no worksheet left, and a retry records once.
@Suite(.serialized) struct ReadOnlyFolderTests {
    /// Makes the folder read-only, its files staying writable, and returns how to undo it: `chmod 0555`,
    /// or, for root (whom `chmod` does not stop, as access(2) shows), the immutable attribute (`chattr +i`).
    /// `nil`, with a notice, when neither works here.
    static func makeReadOnly(_ folder: URL) throws -> (() -> Void)? {
        let path = folder.path
        chmod(path, 0o555)
        if access(path, W_OK) != 0 { return { chmod(path, 0o755) } }
        chmod(path, 0o755)
        guard
            let chattr = ["/usr/bin/chattr", "/bin/chattr"].first(where: FileManager.default.isExecutableFile(atPath:))
        else {
            print("note: skipped: running as root (chmod does not stop root) and chattr is missing")
            return nil
        }
        func run(_ flag: String) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chattr)
            process.arguments = [flag, path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        let probe = folder.appendingPathComponent(".probe")
        guard try run("+i") == 0, !FileManager.default.createFile(atPath: probe.path, contents: Data()) else {
            _ = try? run("-i")
            try? FileManager.default.removeItem(at: probe)
            print("note: skipped: running as root and this file system has no immutable attribute (chattr +i)")
            return nil
        }
        return { _ = try? run("-i") }
    }

    /// A plan with a measured point K3 and one measurement already recorded (so the journal exists).
    static func setUp() throws -> TemporaryFolder {
        let folder = try DrawCommandTests.setUp()
        let steps = [
            [
                "plan", "add-control", "--plan", "plan", "--risk", "R1", "--text", "E-ansökningar", "--method",
                "measurement",
            ],
            ["measure", "K3", "--plan", "plan", "--value", "37", "--unit", "%", "--date", "2023-01-31"],
        ]
        for step in steps {
            let result = try CLI.run(step, in: folder.url)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        return folder
    }

    @Test func measureInAReadOnlyFolderRecordsNothingAndSaysSo() throws {
        let folder = try Self.setUp()
        let before = try Data(contentsOf: folder.file("plan/journal.jsonl"))
        guard let undo = try Self.makeReadOnly(folder.file("plan")) else { return }
        let measure = ["measure", "K3", "--plan", "plan", "--value", "48", "--unit", "%", "--date", "2023-12-31"]
        let refused = try CLI.run(measure, in: folder.url)
        undo()
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty, "nothing reported as recorded: \(refused.stdout)")
        #expect(refused.stderr.contains("journal.head"), "\(refused.stderr)")
        #expect(try Data(contentsOf: folder.file("plan/journal.jsonl")) == before, "the event is not in the journal")
        #expect(try CLI.run(["verify", "--plan", "plan"], in: folder.url).status == 0)
        // Retrying once the folder is writable records it once.
        let retried = try CLI.run(measure, in: folder.url)
        #expect(retried.status == 0, "\(retried.stderr)")
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        #expect(journal.components(separatedBy: "\"value\":\"48\"").count == 2)
    }

    @Test func drawInAReadOnlyFolderRecordsNothingAndLeavesNoWorksheet() throws {
        let folder = try Self.setUp()
        let before = try Data(contentsOf: folder.file("plan/journal.jsonl"))
        guard let undo = try Self.makeReadOnly(folder.file("plan")) else { return }
        let draw = [
            "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed", "s",
            "--out", "urval-K2-1.csv",
        ]
        let refused = try CLI.run(draw, in: folder.url)
        undo()
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("journal.head"), "\(refused.stderr)")
        #expect(try Data(contentsOf: folder.file("plan/journal.jsonl")) == before, "the draw is not in the journal")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("urval-K2-1") }
        #expect(left.isEmpty, "no worksheet, not even a temporary one: \(left)")
        // Retrying once the folder is writable draws K2-1, once.
        let retried = try CLI.run(draw, in: folder.url)
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.hasPrefix("Draw K2-1 "))
        #expect(FileManager.default.fileExists(atPath: folder.file("urval-K2-1.csv").path))
    }
}
