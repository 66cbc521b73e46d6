import Foundation
import StickprovKit

/// The second half of `stickprov-bench journal`: what one append costs at 1,000 events and at 10⁶.
///
/// For each size, copies the example plan and writes its journal directly: the example's lines, then
/// rounds of a K3 case review (one draw of 500 items, each item's result, a K4 measurement), the first
/// round recorded through the library and the later ones its lines with the draw id, sequence number
/// and chain changed (each line's `prev` is the SHA-256 of the line before, and `journal.head` names the
/// last), so 10⁶ events take seconds, not the minutes of deciding each draw. Then it times, as child
/// processes of the release `stickprov`: `measure`, `assess`, `provider comment` (one event), a plan change
/// (`plan edit --title`, an amendment of the adopted plan), a worksheet import of five rows of the first
/// generated draw,
/// and `record` of one item; each alternates between two values, so every run appends. Prints each
/// figure beside the smallest size's, with the ratio (the issue's target: within 1.5×).
enum JournalAppendBenchmark {
    /// The commands, by name, each as its alternating runs; `plan` is the plan folder and `sheets` two worksheets.
    static func commands(binary: String, plan: String, draw: String, key: String, sheets: [String]) -> [(
        String, [[String]]
    )] {
        let folder = ["--plan", plan]
        return [
            (
                "measure",
                ["48", "49"].map {
                    [binary, "measure", "K4", "--value", $0, "--unit", "%", "--target", "50", "--date", "2023-12-31"]
                        + folder
                }
            ),
            (
                "assess",
                ["Målet nåddes.", "Målet nåddes inte helt."].map {
                    [binary, "assess", "K3", "--point", "årsbokslut", "--signal", "green", "--result", $0] + folder
                }
            ),
            (
                "provider",
                ["Inga avvikelser.", "Inga avvikelser i år."].map {
                    [binary, "provider", "comment", "--text", $0] + folder
                }
            ),
            (
                "plan edit",
                ["Internkontrollplan 2023", "Internkontrollplan 2023 (reviderad)"].map {
                    [binary, "plan", "edit", "--title", $0, "--decision", "SN 2023-06-14 § 77"] + folder
                }
            ),
            ("worksheet", sheets.map { [binary, "record", "--worksheet", $0] + folder }),
            (
                "record",
                [["--ok"], ["--remark", "Kommunicering av beslutsunderlag ej dokumenterad"]].map {
                    [binary, "record", draw, key] + $0 + ["--date", "2023-12-20"] + folder
                }
            ),
        ]
    }

    /// Builds each size's plan, times the commands and prints the table; false when something failed.
    static func run(
        sizes: [Int], runs: Int, example: String, folder: String, binary: String
    ) -> Bool {
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
            .joined(separator: " ")
        print("")
        print(
            "appends: the example plan with its journal written directly to each size; median of \(runs) runs after one warm-up; "
                + "load average \(load ?? "unknown") on \(ProcessInfo.processInfo.activeProcessorCount) cores"
        )
        var rows: [(events: Int, bytes: Int, timings: [String: LogCheckBenchmark.Measurement])] = []
        var names: [String] = []
        for size in sizes {
            let plan = folder + "/appends-\(size)"
            let clock = ContinuousClock()
            var made: (events: Int, draw: DrawRecord)?
            let building = clock.measure { made = generate(copyOf: example, to: plan, events: size) }
            guard let made, let key = made.draw.items.first?.key else {
                printError("journal: could not write a journal of \(size) events in \(plan)")
                return false
            }
            let sheets: [String]
            do {
                sheets = try worksheets(for: made.draw, plan: plan)
            } catch {
                printError("journal: could not write the worksheets: \(error)")
                return false
            }
            let bytes = (try? FileManager.default.attributesOfItem(atPath: plan + "/journal.jsonl")[.size] as? Int) ?? 0
            let commands = commands(binary: binary, plan: plan, draw: made.draw.id.rawValue, key: key, sheets: sheets)
            names = commands.map(\.0)
            var timings: [String: LogCheckBenchmark.Measurement] = [:]
            for (name, command) in commands {
                guard let timing = JournalBenchmark.median(command, runs: runs) else {
                    printError("journal: '\(name)' failed at \(size) events: \(command[0].joined(separator: " "))")
                    return false
                }
                timings[name] = timing
            }
            rows.append((made.events, bytes, timings))
            print(
                "  \(LogCheckBenchmark.format(Double(made.events), 0)) events, "
                    + "\(LogCheckBenchmark.format(Double(bytes) / 1e6, 1)) MB, written in \(LogCheckBenchmark.format(building.seconds, 1)) s"
            )
        }
        guard let first = rows.first else { return true }
        print(
            "wall / CPU time and peak RSS of each command; each size's beside the first's, with the ratio (wall, CPU)")
        var header = pad("command", 11)
        for row in rows {
            header += pad("\(LogCheckBenchmark.format(Double(row.events), 0)) events", 26)
        }
        if rows.count > 1 { header += "ratio to \(LogCheckBenchmark.format(Double(first.events), 0))" }
        print("  " + header)
        var missed: [String] = []
        for name in names {
            var line = pad(name, 11)
            for row in rows {
                guard let timing = row.timings[name] else { continue }
                line += pad(
                    "\(milliseconds(timing.seconds)) / \(milliseconds(timing.cpuSeconds)) \(JournalBenchmark.megabytes(timing.peakKilobytes))",
                    26)
            }
            if let base = first.timings[name], let last = rows.last?.timings[name], rows.count > 1 {
                let wall = last.seconds / base.seconds
                let cpu = last.cpuSeconds / base.cpuSeconds
                line += "\(LogCheckBenchmark.format(wall, 2))×, \(LogCheckBenchmark.format(cpu, 2))×"
                if cpu > 1.5 { missed.append(name) }
            }
            print("  " + line)
        }
        if rows.count > 1, let last = rows.last {
            print(
                "target: each at \(LogCheckBenchmark.format(Double(last.events), 0)) events within 1.5× of its cost at "
                    + "\(LogCheckBenchmark.format(Double(first.events), 0)) (CPU time; wall time on a loaded machine is mostly waiting): "
                    + (missed.isEmpty ? "met" : "MISSED by \(missed.joined(separator: ", "))"))
        }
        return true
    }

    /// Copies the example plan folder to `target` and writes its journal to `events` lines (at least the
    /// example's and one round); returns the count and the first generated draw (K3-1).
    static func generate(copyOf example: String, to target: String, events: Int) -> (events: Int, draw: DrawRecord)? {
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            for name in ["plan.json", "journal.jsonl", "journal.head"] {
                try FileManager.default.copyItem(atPath: example + "/" + name, toPath: target + "/" + name)
            }
            let folder = PlanFolder(at: target)
            let population = try JournalBenchmark.casePopulation()
            // The first round through the library: its lines are the pattern of every later round.
            var draw: DrawRecord?
            let written = try folder.transact(time: "2023-12-31T12:00:00+01:00", actor: "bench") { _, state in
                let round = try JournalBenchmark.payloads(
                    count: JournalBenchmark.drawSize + 2, population: population, earlier: state.draws)
                if case .draw(let record) = round.first { draw = record }
                return round
            }
            guard let draw, !written.isEmpty else { return nil }
            let journalPath = target + "/journal.jsonl"
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: journalPath)))
            let lines = bytes.split(separator: UInt8(ascii: "\n")).map(Array.init)
            let quoted = Array("\"\(draw.id.rawValue)\"".utf8)
            let pattern = lines.suffix(written.count).map { Pattern($0, drawID: quoted) }
            guard pattern.allSatisfy({ $0 != nil }), let dash = draw.id.rawValue.lastIndex(of: "-"),
                let number = Int(draw.id.rawValue[draw.id.rawValue.index(after: dash)...])
            else { return nil }
            let prefix = draw.id.rawValue[...dash]
            var count = lines.count
            var hash = SHA256.hash(lines[lines.count - 1]).hex
            var length = bytes.count
            guard let handle = FileHandle(forWritingAtPath: journalPath) else { return nil }
            defer { try? handle.close() }
            try handle.seekToEnd()
            var round = 1
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 24)
            while count < events {
                round += 1
                let id = Array("\"\(prefix)\(number + round - 1)\"".utf8)
                for line in pattern.compactMap({ $0 }) where count < events {
                    count += 1
                    let encoded = line.encode(drawID: id, prev: hash, sequence: count)
                    hash = SHA256.hash(encoded).hex
                    buffer += encoded
                    buffer.append(UInt8(ascii: "\n"))
                }
                if buffer.count > 1 << 23 || count >= events {
                    try handle.write(contentsOf: buffer)
                    length += buffer.count
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.synchronize()
            try Array("\(count) \(length) \(hash)\n".utf8).write(to: target + "/journal.head")
            return (count, draw)
        } catch {
            printError("journal: \(error)")
            return nil
        }
    }

    /// One line of the first round, in the parts a later round changes.
    struct Pattern {
        /// `{"actor":…,"data":{…}` with the quoted draw id cut out: the pieces around each occurrence.
        var pieces: [[UInt8]]
        /// `,"time":"…","type":"…"}`.
        var tail: [UInt8]

        init?(_ line: [UInt8], drawID: [UInt8]) {
            let prev = Array(#","prev":""#.utf8)
            let seq = Array(#"","seq":"#.utf8)
            let time = Array(#","time":"#.utf8)
            guard let at = Self.lastRange(of: prev, in: line), let timeAt = Self.lastRange(of: time, in: line),
                Self.lastRange(of: seq, in: line) != nil
            else { return nil }
            let head = Array(line[..<at])
            pieces = Self.split(head, on: drawID)
            tail = Array(line[timeAt...])
        }

        /// The line for `sequence`, chained to `prev`, with `drawID` (quoted) for the pattern's.
        func encode(drawID: [UInt8], prev: String, sequence: Int) -> [UInt8] {
            var line: [UInt8] = []
            for (index, piece) in pieces.enumerated() {
                if index > 0 { line += drawID }
                line += piece
            }
            line += Array(#","prev":""#.utf8) + Array(prev.utf8) + Array(#"","seq":"#.utf8)
            line += Array(String(sequence).utf8) + tail
            return line
        }

        static func lastRange(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
            guard bytes.count >= needle.count else { return nil }
            var index = bytes.count - needle.count
            while index >= 0 {
                if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
                index -= 1
            }
            return nil
        }

        static func split(_ bytes: [UInt8], on needle: [UInt8]) -> [[UInt8]] {
            var pieces: [[UInt8]] = []
            var start = 0
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index..<(index + needle.count)].elementsEqual(needle) {
                    pieces.append(Array(bytes[start..<index]))
                    index += needle.count
                    start = index
                } else {
                    index += 1
                }
            }
            pieces.append(Array(bytes[start...]))
            return pieces
        }
    }

    /// What went wrong building the benchmark's files.
    struct BenchError: Error { var message: String }

    /// Two CSV worksheets of the first generated draw as `draw` writes them (every item), the first five rows filled in: all without
    /// remark, and all with a remark, so importing them in turn records five corrections each time.
    static func worksheets(for draw: DrawRecord, plan: String) throws -> [String] {
        let (header, rows) = Worksheet.table(for: draw)
        guard let result = header.firstIndex(of: Worksheet.Column.result),
            let kind = header.firstIndex(of: Worksheet.Column.remarkKind),
            let reviewer = header.firstIndex(of: Worksheet.Column.reviewer),
            let date = header.firstIndex(of: Worksheet.Column.date)
        else { throw BenchError(message: "the worksheet of \(draw.id) has no result columns") }
        let folder = (plan as NSString).deletingLastPathComponent
        return try [("utan anmärkning", ""), ("anmärkning", "Kommunicering av beslutsunderlag ej dokumenterad")]
            .enumerated().map { index, filled in
                var lines = [header.joined(separator: ";")]
                for var row in rows.prefix(5) {
                    row[result] = filled.0
                    row[kind] = filled.1
                    row[reviewer] = "Rättshandläggare"
                    row[date] = "2023-12-20"
                    lines.append(row.joined(separator: ";"))
                }
                lines += rows.dropFirst(5).map { $0.joined(separator: ";") }
                let path = folder + "/urval-\((plan as NSString).lastPathComponent)-\(index + 1).csv"
                try Array((lines.joined(separator: "\n") + "\n").utf8).write(to: path)
                return path
            }
    }

    static func milliseconds(_ seconds: Double) -> String { JournalBenchmark.milliseconds(seconds) }

    static func pad(_ text: String, _ width: Int) -> String { LogCheckBenchmark.pad(text, width) }
}

extension Array where Element == UInt8 {
    /// Writes the bytes to `path`, replacing it.
    func write(to path: String) throws {
        try Data(self).write(to: URL(fileURLWithPath: path))
    }
}
