import Foundation
import Testing

/// Spares in their order and review days that can be true, end to end.
@Suite struct SpareOrderCommandTests {
    /// A plan with K2-1 drawn on 2023-02-15: three items and two spares; their keys in worksheet order.
    static func setUp() throws -> (TemporaryFolder, [String]) {
        let folder = try DrawCommandTests.setUp()
        let draw = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "utredningar.csv", "--seed",
                "s", "--size", "3", "--spares", "2", "--out", "urval-K2-1.csv",
            ], in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        let text = String(decoding: try Data(contentsOf: folder.file("urval-K2-1.csv")).dropFirst(3), as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ";") }
        return (folder, rows.dropFirst().map { $0[3] })
    }

    static func record(_ folder: TemporaryFolder, _ arguments: [String], today: String? = nil) throws -> CLI.Result {
        try CLI.run(
            ["record"] + arguments + ["--plan", "plan"], in: folder.url,
            environment: today.map { ["SOURCE_DATE_EPOCH": $0] } ?? [:])
    }

    @Test func sparesAreUsedInTheirOrderAndOnlyInThePlaceOfAnItemNotReviewed() throws {
        let (folder, keys) = try Self.setUp()
        #expect(keys.count == 5)
        let before = try Data(contentsOf: folder.file("plan/journal.jsonl"))
        var result = try Self.record(folder, ["K2-1", keys[4], "--ok", "--date", "2023-02-20"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "error: '\(keys[4])' is Reserv 2 of draw K2-1, and Reserv 1 ('\(keys[3])') is not used yet: spares are used in their order\n"
        )
        result = try Self.record(folder, ["K2-1", keys[3], "--ok", "--date", "2023-02-20"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "error: '\(keys[3])' (Reserv 1) of draw K2-1 has no item to replace: a spare replaces a sampled item recorded as not reviewed, and none is; record the item that cannot be reviewed with --not-reviewed REASON first\n"
        )
        #expect(try Data(contentsOf: folder.file("plan/journal.jsonl")) == before)

        for (key, result) in [(keys[0], "--ok"), (keys[2], "--ok")] {
            #expect(try Self.record(folder, ["K2-1", key, result, "--date", "2023-02-20"]).status == 0)
        }
        #expect(
            try Self.record(folder, ["K2-1", keys[1], "--not-reviewed", "Akten saknas", "--date", "2023-02-20"]).status
                == 0)
        result = try Self.record(folder, ["K2-1", keys[3], "--ok", "--date", "2023-02-21"])
        #expect(result.stdout == "Recorded K2-1 \(keys[3]): utan anmärkning (spare, in place of \(keys[1])).\n")
        result = try Self.record(folder, ["K2-1", keys[4], "--ok", "--date", "2023-02-21"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: '\(keys[4])' (Reserv 2) of draw K2-1 has no item to replace"))
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(
            status.stdout.contains(
                "3 drawn · 3 reviewed · 3 ok · 0 remarks · 1 not reviewed · 1 spares reviewed\n      Reserv 1 '\(keys[3])' replaces Nr 2 '\(keys[1])' (ej granskad): utan anmärkning\n"
            ), "\(status.stdout)")
        let report = try CLI.run(["report", "--plan", "plan", "--point", "delår"], in: folder.url)
        #expect(report.stdout.contains("15 februari granskades tre ärenden"), "\(report.stdout)")
    }

    @Test func aReviewDayBeforeTheDrawOrAfterTodayIsRefusedWithBothDays() throws {
        let (folder, keys) = try Self.setUp()
        let before = try Data(contentsOf: folder.file("plan/journal.jsonl"))
        var result = try Self.record(folder, ["K2-1", keys[0], "--ok", "--date", "2023-02-10"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: the review day 2023-02-10 is before K2-1 was drawn (2023-02-15)\n")
        // 2023-03-01 00:00 UTC.
        result = try Self.record(folder, ["K2-1", keys[0], "--ok", "--date", "2023-03-05"], today: "1677628800")
        #expect(result.status == 1)
        #expect(result.stderr == "error: the review day 2023-03-05 is after today (2023-03-01)\n")
        let sheet = String(decoding: try Data(contentsOf: folder.file("urval-K2-1.csv")).dropFirst(3), as: UTF8.self)
        var rows = sheet.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ";") }
        let resultColumn = try #require(rows[0].firstIndex(of: "Resultat"))
        let dateColumn = try #require(rows[0].firstIndex(of: "Datum"))
        rows[1][resultColumn] = "ok"
        rows[1][dateColumn] = "2023-02-14"
        try folder.write("ifylld.csv", rows.map { $0.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n")
        result = try CLI.run(["record", "--worksheet", "ifylld.csv", "--plan", "plan"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "ifylld.csv:2: the review day 2023-02-14 is before K2-1 was drawn (2023-02-15)\n")
        #expect(try Data(contentsOf: folder.file("plan/journal.jsonl")) == before)
    }
}
