import Foundation
import Testing

@testable import StickprovKit

/// The hand reader of outcome lines and draw items gives exactly what `JSONDecoder` gives, and leaves
/// every line it does not fully understand to the decoder.
@Suite struct JournalLineReaderTests {
    typealias Folder = JournalTests.Folder

    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Plans/socialnamnden-2023").path

    /// Decodes `line` both ways and expects the same event and prev.
    static func expectBothAgree(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fast = try JournalLine.decode(line[...], line: 1)
        let slow = try JournalLine.decodeByFoundation(line[...], line: 1)
        #expect(fast.event == slow.event, sourceLocation: sourceLocation)
        #expect(fast.prev == slow.prev, sourceLocation: sourceLocation)
    }

    @Test func everyLineOfTheExampleJournalDecodesAsTheDecoderDecodesIt() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.example + "/journal.jsonl")))
        let lines = bytes.split(separator: UInt8(ascii: "\n")).map(Array.init)
        #expect(lines.count > 300)
        var read = 0
        for line in lines {
            try Self.expectBothAgree(line)
            if JournalLineReader.read(line[...]) != nil { read += 1 }
        }
        #expect(read > 250, "the outcomes are read by hand")
    }

    @Test(arguments: [
        OutcomeRecord(draw: "K3-1", key: "SN-2023-0412", result: .ok),
        OutcomeRecord(
            draw: "K3-1", key: "SN \"citat\" \\ / \t\n slut", result: .remark,
            remarkKind: "Kommunicering ej dokumenterad",
            note: "Åäö é 𝄞 \u{1} \u{7F} \u{2028}", reviewer: "Rättshandläggare", reviewedOn: Day("2023-12-31"),
            isSpare: true,
            supersedes: 12),
        OutcomeRecord(
            draw: "K1-3", key: "anna.berg", result: .notReviewed, note: "Tjänstledig", reviewedOn: Day("2024-01-31")),
        {
            var shared = OutcomeRecord(draw: "K13+K14-1", key: "LSS-7", result: .ok)
            shared.control = "K14"
            return shared
        }(),
        OutcomeRecord(draw: "K3-1", key: "SN-2023-0500", result: .notApplicable, reviewedOn: Day("2023-03-01")),
        {
            var spare = OutcomeRecord(draw: "K3-1", key: "SN-2023-0777", result: .ok, isSpare: true)
            spare.replaces = "SN-2023-0412"
            return spare
        }(),
    ])
    func outcomesWrittenByTheToolReadTheSame(record: OutcomeRecord) throws {
        for payload in [JournalPayload.outcome(record), .correction(record)] {
            let line = JournalLine.encode(
                payload, sequence: 7, time: "2023-03-14T09:12:33+01:00", actor: "anna \"A\"",
                prev: JournalLine.firstPrev)
            #expect(JournalLineReader.read(line[...]) != nil, "read by hand: \(String(decoding: line, as: UTF8.self))")
            try Self.expectBothAgree(line)
        }
    }

    @Test(arguments: [
        // Whitespace, a field the reader does not know, a duplicated key, a number with a fraction, a null,
        // a day that does not exist, an escaped surrogate pair and a lone one, a result word of another kind.
        #"{"actor":"a", "data":{"draw":"K3-1","isSpare":false,"key":"x","result":"ok"},"prev":"p","seq":1,"time":"t","type":"outcome"}"#,
        #"{"actor":"a","data":{"draw":"K3-1","isSpare":false,"key":"x","result":"ok","extra":1},"prev":"p","seq":1,"time":"t","type":"outcome"}"#,
        #"{"actor":"a","data":{"draw":"K3-1","isSpare":false,"key":"x","key":"y","result":"ok"},"prev":"p","seq":1,"time":"t","type":"outcome"}"#,
        #"{"actor":"a","data":{"draw":"K3-1","isSpare":false,"key":"x","result":"ok"},"prev":"p","seq":1.5,"time":"t","type":"outcome"}"#,
        #"{"actor":"a","data":{"draw":"K3-1","isSpare":false,"key":"x","note":null,"result":"ok"},"prev":"p","seq":1,"time":"t","type":"outcome"}"#,
        #"{"actor":"a","data":{"draw":"K3-1","isSpare":false,"key":"x","result":"ok","reviewedOn":"2023-02-30"},"prev":"p","seq":1,"time":"t","type":"outcome"}"#,
        #"{"actor":"a","data":{"draw":"K3-1","isSpare":false,"key":"\ud834\udd1e","result":"ok"},"prev":"p","seq":1,"time":"t","type":"outcome"}"#,
        #"{"actor":"a","data":{"draw":"K3-1","isSpare":false,"key":"\ud834","result":"ok"},"prev":"p","seq":1,"time":"t","type":"outcome"}"#,
        #"{"actor":"a","data":{"draw":"K3-1","isSpare":false,"key":"x","result":"kanske"},"prev":"p","seq":1,"time":"t","type":"outcome"}"#,
    ])
    func oddLinesGoToTheDecoderWhichHasTheLastWord(text: String) throws {
        let line = Array(text.utf8)
        let fast = Result { () throws(JournalError) in try JournalLine.decode(line[...], line: 4) }
        let slow = Result { () throws(JournalError) in try JournalLine.decodeByFoundation(line[...], line: 4) }
        switch (fast, slow) {
        case (.success(let a), .success(let b)):
            #expect(a.event == b.event)
            #expect(a.prev == b.prev)
        case (.failure(let a), .failure(let b)):
            #expect(a == b)
        default:
            Issue.record("the two ways disagree on \(text): \(fast) against \(slow)")
        }
    }

    @Test func aDrawsItemsAreReadByHandAndTheRestByTheDecoder() throws {
        let seed = try Seed("frö")
        var items = (1...600).map {
            DrawnItem(
                key: "SN-\($0)", stratum: $0 % 2 == 0 ? "LSS" : nil,
                carried: ["Handläggare": "hl\($0 % 7)", "Enhet": "Vuxen \"Öst\""])
        }
        items.append(DrawnItem(key: "utan kolumner"))
        let record = DrawRecord(
            id: "K3-2", control: "K3", seed: seed, isSeedGenerated: true,
            rule: SampleRule(size: .count(601), keyColumn: "Ärendenummer", carry: ["Handläggare", "Enhet"]),
            period: "2023-05-15", date: Day(year: 2023, month: 5, day: 15) ?? .placeholder,
            population: PopulationSummary(file: "p.csv", count: 5_000, fingerprint: String(repeating: "b", count: 64)),
            items: items, spares: [DrawnItem(key: "SN-9999")], notices: ["ett \"citat\""])
        let line = JournalLine.encode(.draw(record), sequence: 3, time: "t", actor: "a", prev: JournalLine.firstPrev)
        let split = try #require(JournalLineReader.drawItems(line[...]))
        #expect(split.items == items)
        try Self.expectBothAgree(line)
        // An amount-weighted item is left to the decoder, whole.
        var weighted = record
        weighted.items[0].amount = Amount("1 234,50")
        let weightedLine = JournalLine.encode(
            .draw(weighted), sequence: 3, time: "t", actor: "a", prev: JournalLine.firstPrev)
        #expect(JournalLineReader.drawItems(weightedLine[...]) == nil)
        try Self.expectBothAgree(weightedLine)
    }

    @Test func aTransactionAboutOneDrawSeesThatDrawAndItsResults() throws {
        let folder = try Folder()
        try folder.journal.append(
            [JournalTests.draw(1), JournalTests.draw(2), JournalTests.draw(10)], time: JournalTests.time, actor: "anna")
        let outcomes = [("K1-1", "SN-1"), ("K1-2", "SN-1"), ("K1-10", "SN-2"), ("K1-1", "SN-2")].map { draw, key in
            JournalPayload.outcome(OutcomeRecord(draw: DrawID(rawValue: draw), key: key, result: .ok))
        }
        try folder.journal.append(outcomes, time: JournalTests.time, actor: "anna")
        let found = try folder.journal.events(mentioning: ["K1-1"])
        #expect(found.map(\.sequence) == [1, 4, 7], "the draw K1-1 and its two results, not K1-10's")
        let all = try folder.journal.read()
        #expect(found == all.filter { [1, 4, 7].contains($0.sequence) })
    }
}
