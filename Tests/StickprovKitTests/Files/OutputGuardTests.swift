import Foundation
import Testing

@testable import StickprovKit

/// ``OutputGuard`` decides by the file, not by its name.
@Suite struct OutputGuardTests {
    /// A temporary folder holding `plan/` with a journal and an input `export.csv` beside it.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("guard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent("plan"), withIntermediateDirectories: true)
        try Data("{}\n".utf8).write(to: url.appendingPathComponent("plan/journal.jsonl"))
        try Data("a;b\n".utf8).write(to: url.appendingPathComponent("export.csv"))
        return url
    }

    @Test func aSymbolicLinkToThePlanFolderIsThePlanFolder() throws {
        let url = try Self.folder()
        defer { try? FileManager.default.removeItem(at: url) }
        try FileManager.default.createSymbolicLink(
            at: url.appendingPathComponent("alias"), withDestinationURL: url.appendingPathComponent("plan"))
        let plan = url.appendingPathComponent("plan").path
        let guarding = OutputGuard(planFolders: [plan])
        let output = url.appendingPathComponent("alias/new/deeper/x.html").path
        #expect(throws: OutputError.insidePlanFolder(output: output, planFolder: plan)) { try guarding.check(output) }
        #expect(throws: OutputError.insidePlanFolder(output: plan, planFolder: plan)) {
            try guarding.check(folder: plan, names: [])
        }
        try guarding.check(url.appendingPathComponent("plan-copy/x.html").path)
        try guarding.check(url.appendingPathComponent("x.html").path)
    }

    @Test func aSymbolicLinkToAnInputIsTheInput() throws {
        let url = try Self.folder()
        defer { try? FileManager.default.removeItem(at: url) }
        let input = url.appendingPathComponent("export.csv").path
        let link = url.appendingPathComponent("out.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: URL(fileURLWithPath: input))
        let guarding = OutputGuard(inputs: [input])
        #expect(throws: OutputError.input(output: link.path, input: input)) { try guarding.check(link.path) }
        let extract = url.path + "/./"
        #expect(throws: OutputError.input(output: extract + "export.csv", input: input)) {
            try guarding.check(folder: extract, names: ["other.csv", "export.csv"])
        }
    }

    @Test func messagesNameBothFiles() {
        #expect(
            OutputError.recordFile(output: "l.jsonl", file: "Plans/p/journal.jsonl").message
                == "l.jsonl: is the plan's own file Plans/p/journal.jsonl (the same file); nothing was written: give another --out"
        )
        #expect(
            OutputError.input(output: "ut/a.csv", input: "a.csv").message
                == "ut/a.csv: is the input a.csv (the same file); nothing was written: give another --out")
    }
}
