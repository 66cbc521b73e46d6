import Foundation
import Testing

/// No input can make the journal unreadable (issue 21): the writer refuses a line the reader would
/// refuse, so the largest draw the tool records is still read by every command after it.
@Suite struct BoundedJournalLineTests {
    /// A plan whose K2 draws from `rows` rows each carrying a field of `fieldBytes` bytes.
    static func setUp(rows: Int, fieldBytes: Int) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        let text = String(repeating: "x", count: fieldBytes)
        var csv = "Ärendenummer;Handläggare;Beskrivning\n"
        for i in 0..<rows { csv += "SN-2023-\(1000 + i);Handläggare \(i % 3);\(text)\n" }
        try folder.write("utredningar.csv", csv)
        return folder
    }

    static func draw(_ folder: TemporaryFolder, size: Int) throws -> CLI.Result {
        try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                "s", "--size", String(size), "--carry", "Beskrivning", "--carry", "Handläggare", "--out", "urval.csv",
            ], in: folder.url)
    }

    @Test func aDrawTooLargeForOneJournalLineIsRefusedAndNothingIsRecorded() throws {
        // 17 rows carrying a field of 1 MB (the largest field read) make a line over 16 MB.
        let folder = try Self.setUp(rows: 17, fieldBytes: 1 << 20)
        let before = try? Data(contentsOf: folder.file("plan/journal.jsonl"))
        let result = try Self.draw(folder, size: 17)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "plan/journal.jsonl: the draw would be a journal line of 17.1 MB, and a line holds at most 16 MB; "
                + "nothing was recorded: carry fewer or shorter columns (--carry), or draw fewer items\n")
        #expect((try? Data(contentsOf: folder.file("plan/journal.jsonl"))) ?? Data() == before ?? Data())
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan/journal.head").path))
        #expect(!FileManager.default.fileExists(atPath: folder.file("urval.csv").path))
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.status == 0, "\(verify.stderr)")
    }

    @Test func theLargestDrawThatFitsIsReadByEveryCommandAfterIt() throws {
        // 15 rows of 1 MB: just under the bound, so it is recorded, and every reader reads it.
        let folder = try Self.setUp(rows: 15, fieldBytes: 1 << 20)
        let draw = try Self.draw(folder, size: 15)
        #expect(draw.status == 0, "\(draw.stderr.prefix(300))")
        let line = try #require(
            try Data(contentsOf: folder.file("plan/journal.jsonl")).split(separator: UInt8(ascii: "\n")).last)
        #expect(line.count > 15 << 20 && line.count <= 16 << 20)
        let commands: [[String]] = [
            ["verify", "--plan", "plan"],
            ["status", "--plan", "plan"],
            ["report", "--plan", "plan", "--point", "årsbokslut"],
            ["record", "K2-1", "SN-2023-1000", "--ok", "--plan", "plan", "--date", "2023-02-20"],
            ["verify", "--plan", "plan"],
        ]
        for arguments in commands {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 0, "\(arguments): \(result.stderr.prefix(300))")
        }
    }
}
