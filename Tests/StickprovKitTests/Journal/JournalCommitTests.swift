import Foundation
import Testing

@testable import StickprovKit

/// journal.head is the commit point: a transaction is wholly recorded or not at all, at any byte.
@Suite struct JournalCommitTests {
    typealias Folder = JournalTests.Folder

    static func payloads(_ count: Int) -> [JournalPayload] { (1...count).map(JournalTests.draw) }

    @Test func aFullDiskAtAnyByteOfA5000LineAppendRecordsAllOrNone() throws {
        let folder = try Folder()
        try folder.journal.append([JournalTests.draw(0)], time: JournalTests.time, actor: "anna")
        let committed = try folder.bytes()
        let rows = Self.payloads(5_000)
        // The size of the transaction's lines, found by writing them once elsewhere.
        let probe = try Folder()
        try probe.journal.append([JournalTests.draw(0)] + rows, time: JournalTests.time, actor: "anna")
        let total = try probe.bytes().count - committed.count
        let stride = total / 23
        let points = [0, 1, 2, total / 2, total - 2, total - 1] + Array(Swift.stride(from: 17, to: total, by: stride))
        for point in points {
            var journal = folder.journal
            journal.faultAfterBytes = point
            #expect(throws: JournalError.io(path: journal.path, reason: "No space left on device")) {
                try journal.append(rows, time: JournalTests.time, actor: "anna")
            }
            // None: the failed write was cut back, no torn line, and the reader sees the one line.
            #expect(try folder.bytes() == committed, "after failing at byte \(point)")
            #expect(try folder.journal.read().count == 1)
            #expect(try folder.journal.damage() == nil)
        }
        // The next append works, and all 5,000 are there.
        try folder.journal.append(rows, time: JournalTests.time, actor: "anna")
        #expect(try folder.journal.read().count == 5_001)
        #expect(try folder.journal.damage() == nil)
        let head = try String(contentsOfFile: folder.journal.headPath, encoding: .utf8)
        #expect(head.hasPrefix("5001 \(try folder.bytes().count) "))
    }

    @Test func linesPastTheHeadAreIgnoredThenSetAside() throws {
        let folder = try Folder()
        try folder.journal.append([JournalTests.draw(1)], time: JournalTests.time, actor: "anna")
        let committed = try folder.bytes()
        let head = try String(contentsOfFile: folder.journal.headPath, encoding: .utf8)
        // A writer killed after its lines reached the disk but before the head named them.
        try folder.journal.append([JournalTests.draw(2), JournalTests.draw(3)], time: JournalTests.time, actor: "anna")
        let uncommitted = Array(try folder.bytes()[committed.count...])
        try head.write(toFile: folder.journal.headPath, atomically: true, encoding: .utf8)
        #expect(try folder.journal.read().count == 1)
        #expect(folder.journal.uncommittedBytes() == uncommitted.count)
        try folder.journal.append([JournalTests.draw(4)], time: JournalTests.time, actor: "anna")
        let events = try folder.journal.read()
        #expect(events.map(\.sequence) == [1, 2])
        #expect(events.last?.payload == JournalTests.draw(4))
        let side = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix("journal.damaged-uncommitted-")
        }
        #expect(side.count == 1)
        let kept = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + (side.first ?? "")))
        #expect(Array(kept) == uncommitted)
    }

    @Test func theOlderHeadFormatIsReadAndReplacedOnTheNextAppend() throws {
        let folder = try Folder()
        try folder.journal.append([JournalTests.draw(1), JournalTests.draw(2)], time: JournalTests.time, actor: "anna")
        let lines = try folder.lines()
        try "2 \(SHA256.hash(lines[1]).hex)\n".write(toFile: folder.journal.headPath, atomically: true, encoding: .utf8)
        #expect(try folder.journal.read().count == 2)
        try folder.journal.append([JournalTests.draw(3)], time: JournalTests.time, actor: "anna")
        #expect(try folder.journal.read().count == 3)
        let head = try String(contentsOfFile: folder.journal.headPath, encoding: .utf8)
        #expect(head.split(separator: " ").count == 3)
        #expect(head.hasPrefix("3 \(try folder.bytes().count) "))
    }

    @Test func theExampleJournalWithItsOlderHeadVerifies() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Plans/socialnamnden-2023")
            .path
        let journal = Journal(planDirectory: example)
        #expect(try journal.read().count > 300)
        #expect(try journal.damage() == nil)
    }

    @Test func aDeletedJournalWithItsHeadLeftIsAnError() throws {
        let folder = try Folder()
        try folder.journal.append([JournalTests.draw(1)], time: JournalTests.time, actor: "anna")
        try FileManager.default.removeItem(atPath: folder.journal.path)
        #expect(throws: JournalError.journalMissing(expected: 1)) { try folder.journal.read() }
        #expect(throws: JournalError.journalMissing(expected: 1)) {
            try folder.journal.append([JournalTests.draw(2)], time: JournalTests.time, actor: "anna")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.journal.path))
    }
}

/// An append checks under its lock that the journal still ends where the writer read it.
@Suite struct JournalAnotherWriterTests {
    typealias Folder = JournalTests.Folder

    @Test func anAppendDecidedOnAnOlderEndIsRefusedAndWritesNothing() throws {
        let folder = try Folder()
        #expect(try folder.journal.lastCommitted() == Journal.CommitPoint(count: 0, hash: JournalLine.firstPrev))
        try folder.journal.append([JournalTests.draw(1)], time: JournalTests.time, actor: "anna")
        let read = try #require(try folder.journal.lastCommitted())
        #expect(read.count == 1)
        // Another writer appends after this one read the year.
        try folder.journal.append([JournalTests.draw(2)], time: JournalTests.time, actor: "björn", expecting: read)
        let before = try folder.bytes()
        #expect(throws: JournalError.anotherWriter(read: 1, found: 2)) {
            try folder.journal.append([JournalTests.draw(2)], time: JournalTests.time, actor: "anna", expecting: read)
        }
        #expect(try folder.bytes() == before)
        #expect(JournalError.anotherWriter(read: 1, found: 2).message.hasPrefix("another writer got there first"))
        // Read again, it appends.
        try folder.journal.append(
            [JournalTests.draw(3)], time: JournalTests.time, actor: "anna",
            expecting: try folder.journal.lastCommitted())
        #expect(try folder.journal.read().map(\.sequence) == [1, 2, 3])
    }
}
