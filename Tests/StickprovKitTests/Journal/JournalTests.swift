import Foundation
import Testing

@testable import StickprovKit

@Suite struct JournalTests {
    final class Folder {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("stickprov-journal-\(UUID())").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        var journal: Journal { Journal(planDirectory: path) }
        func bytes() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: journal.path))) }
        func write(_ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: journal.path)) }
        /// Writes a head that commits the file as it is now (what a writer that appended these bytes would do).
        func commitAsIs() throws {
            let lines = try self.lines()
            try journal.writeHead(
                count: lines.count, length: try bytes().count, hash: SHA256.hash(lines.last ?? []).hex)
        }
        func lines() throws -> [[UInt8]] {
            try bytes().split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map(
                Array.init)
        }
    }

    static func draw(_ number: Int) -> JournalPayload {
        let seed = (try? Seed("seed \(number)")) ?? Seed.generate()
        return .draw(
            DrawRecord(
                id: DrawID(rawValue: "K1-\(number)"), control: "K1", seed: seed, isSeedGenerated: false,
                rule: SampleRule(size: .count(2), keyColumn: "Ärendenummer"), period: "2023-03",
                date: Day(year: 2023, month: 3, day: 14) ?? .placeholder,
                population: PopulationSummary(file: "p.csv", count: 10, fingerprint: String(repeating: "a", count: 64)),
                items: [DrawnItem(key: "SN-1", carried: ["Handläggare": "Åsa"]), DrawnItem(key: "SN-2")]))
    }

    static let time = "2023-03-14T09:12:33+01:00"

    @Test func appendsChainedLinesAndReadsThemBack() throws {
        let folder = try Folder()
        try folder.journal.append([Self.draw(1)], time: Self.time, actor: "anna")
        try folder.journal.append([Self.draw(2), Self.draw(3)], time: Self.time, actor: "björn")
        let events = try folder.journal.read()
        #expect(events.map(\.sequence) == [1, 2, 3])
        #expect(events.map(\.actor) == ["anna", "björn", "björn"])
        #expect(events[1].payload == Self.draw(2))
        let lines = try folder.lines()
        #expect(lines.count == 3)
        let first = String(decoding: lines[0], as: UTF8.self)
        #expect(first.hasPrefix(#"{"actor":"anna","data":{"#))
        #expect(
            first.contains(
                #""prev":"0000000000000000000000000000000000000000000000000000000000000000","seq":1,"time":"2023-03-14T09:12:33+01:00","type":"draw"}"#
            ))
        let second = String(decoding: lines[1], as: UTF8.self)
        #expect(second.contains("\"prev\":\"\(SHA256.hash(lines[0]).hex)\""))
    }

    @Test func anAbsentJournalIsEmpty() throws {
        let folder = try Folder()
        #expect(try folder.journal.read().isEmpty)
        #expect(try folder.journal.damage() == nil)
    }

    @Test(arguments: [0, 1, 2])
    func aChangedByteInAnyLineIsReportedAtItsLine(line: Int) throws {
        let folder = try Folder()
        try folder.journal.append([Self.draw(1), Self.draw(2), Self.draw(3)], time: Self.time, actor: "anna")
        var lines = try folder.lines()
        // One character of a key: the line stays valid JSON, so only the hashes can tell.
        let text = String(decoding: lines[line], as: UTF8.self).replacingOccurrences(of: "SN-2", with: "SN-3")
        lines[line] = Array(text.utf8)
        try folder.write(lines.flatMap { $0 + [10] })
        // A changed line breaks the next line's prev; the last line is vouched for by journal.head.
        let expected = line < 2 ? JournalError.brokenChain(line: line + 2) : .headMismatch(line: 3)
        #expect(throws: expected) { try folder.journal.read() }
        if line == 2 {
            #expect(throws: expected) { try folder.journal.append([Self.draw(4)], time: Self.time, actor: "anna") }
        } else {
            // An append reads only the head and the last line (its cost does not grow with the year);
            // the change further up is still reported by every reader, at its line.
            try folder.journal.append([Self.draw(4)], time: Self.time, actor: "anna")
            #expect(throws: expected) { try folder.journal.read() }
        }
    }

    @Test(arguments: [0, 1, 2])
    func aDeletedLineIsReported(line: Int) throws {
        let folder = try Folder()
        try folder.journal.append([Self.draw(1), Self.draw(2), Self.draw(3)], time: Self.time, actor: "anna")
        var lines = try folder.lines()
        lines.remove(at: line)
        try folder.write(lines.flatMap { $0 + [10] })
        let expected = line < 2 ? JournalError.brokenChain(line: line + 1) : .missingLines(line: 3, expected: 3)
        #expect(throws: expected) { try folder.journal.read() }
    }

    @Test func aChangedLineIsReportedAndNeverCutByRepair() throws {
        let folder = try Folder()
        try folder.journal.append([Self.draw(1), Self.draw(2), Self.draw(3)], time: Self.time, actor: "anna")
        for changed in [1, 2] {
            var lines = try folder.lines()
            lines[changed] = Array(
                String(decoding: lines[changed], as: UTF8.self).replacingOccurrences(of: "anna", with: "eva").utf8)
            try folder.write(lines.flatMap { $0 + [10] })
            let before = try folder.bytes()
            #expect(throws: JournalError.self) {
                try folder.journal.repair(time: Self.time, actor: "admin", stamp: "s")
            }
            do {
                _ = try folder.journal.repair(time: Self.time, actor: "admin", stamp: "s")
            } catch {
                #expect(!error.isRepairable)
                if case .notRepairable(let damage) = error { #expect(damage.line == 3) }
                #expect(error.message.contains("repair never cuts recorded lines"))
            }
            #expect(try folder.bytes() == before, "repair changed the journal")
        }
    }

    @Test func verificationNamesTheLastLinesHashAndFindsANotedHash() throws {
        let folder = try Folder()
        try folder.journal.append([Self.draw(1), Self.draw(2)], time: Self.time, actor: "anna")
        let lines = try folder.lines()
        let first = SHA256.hash(lines[0]).hex
        let last = SHA256.hash(lines[1]).hex
        let found = try folder.journal.verification(expecting: first)
        #expect(
            found
                == JournalVerification(
                    eventCount: 2, lastLineHash: last, hasHead: true, expectedLine: 1, events: try folder.journal.read()
                ))
        #expect(try folder.journal.verification(expecting: String(repeating: "a", count: 64)).expectedLine == nil)
    }

    @Test func aTornLastLineIsReportedAndBlocksAppends() throws {
        let folder = try Folder()
        try folder.journal.append([Self.draw(1), Self.draw(2)], time: Self.time, actor: "anna")
        let whole = try folder.bytes()
        try folder.write(Array(whole.dropLast(40)))
        #expect(throws: JournalError.tornLastLine(line: 2)) { try folder.journal.read() }
        #expect(throws: JournalError.tornLastLine(line: 2)) {
            try folder.journal.append([Self.draw(3)], time: Self.time, actor: "anna")
        }
        #expect(try folder.bytes() == Array(whole.dropLast(40)))
    }

    @Test func aLineThatIsNotJSONIsReported() throws {
        let folder = try Folder()
        try folder.journal.append([Self.draw(1)], time: Self.time, actor: "anna")
        try folder.write(try folder.bytes() + Array("hello\n".utf8))
        try folder.commitAsIs()
        #expect(throws: JournalError.malformedLine(line: 2, detail: "not valid JSON")) { try folder.journal.read() }
    }

    @Test func anEventFromANewerVersionIsNamed() throws {
        let folder = try Folder()
        try folder.journal.append([Self.draw(1)], time: Self.time, actor: "anna")
        let prev = SHA256.hash(try folder.lines()[0]).hex
        let line = #"{"actor":"x","data":{},"prev":"\#(prev)","seq":2,"time":"t","type":"hologram"}"#
        try folder.write(try folder.bytes() + Array((line + "\n").utf8))
        try folder.commitAsIs()
        #expect(throws: JournalError.unknownEventType(line: 2, type: "hologram")) { try folder.journal.read() }
    }

    @Test func repairKeepsTheDamagedBytesAndAppendsARepairEvent() throws {
        let folder = try Folder()
        try folder.journal.append([Self.draw(1), Self.draw(2)], time: Self.time, actor: "anna")
        let sound = try folder.bytes()
        let torn = Array(#"{"actor":"anna","data":{"algo"#.utf8)
        try folder.write(sound + torn)
        let record = try #require(try folder.journal.repair(time: Self.time, actor: "admin", stamp: "20231114-091233"))
        #expect(record.firstLine == 3)
        #expect(record.lineCount == 1)
        #expect(record.sideFile == "journal.damaged-20231114-091233.jsonl")
        #expect(record.sha256 == SHA256.hash(torn).hex)
        let side = Array(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + record.sideFile)))
        #expect(side == torn)
        let events = try folder.journal.read()
        #expect(events.count == 3)
        #expect(events[2].payload == .repair(record))
        #expect(Array(try folder.bytes().prefix(sound.count)) == sound)
        try folder.journal.append([Self.draw(3)], time: Self.time, actor: "anna")
        #expect(try folder.journal.read().count == 4)
        #expect(try folder.journal.repair(time: Self.time, actor: "admin", stamp: "x") == nil)
    }

    @Test func twoProcessesWorthOfConcurrentAppendsLoseNothing() async throws {
        let folder = try Folder()
        let journal = folder.journal
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for i in 0..<50 {
                        _ = try? journal.append([Self.draw(writer * 100 + i)], time: Self.time, actor: "w\(writer)")
                    }
                }
            }
        }
        let events = try journal.read()
        #expect(events.count == 200)
        #expect(
            Set(
                events.map { event -> String in
                    if case .draw(let record) = event.payload { return record.id.rawValue }
                    return ""
                }
            ).count == 200)
    }
}
