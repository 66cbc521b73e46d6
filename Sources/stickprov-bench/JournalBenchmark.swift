import Foundation
import StickprovKit

#if canImport(Glibc)
    import Glibc
#endif

/// `stickprov-bench journal [--sizes 1000,10000,100000|none] [--append-sizes 1000,1000000|none] [--runs N] [--plan DIR]
/// [--keep DIR] [--profile]`: what a long year costs.
///
/// For each size, copies the example plan (`Plans/socialnamnden-2023`) to a temporary folder and grows its
/// journal to that many events with the library, in one transaction: case reviews of K3 drawn from a
/// generated population of 5,000 cases (500 items each), every item's outcome (mostly without remark, some
/// remarks with their kind, a few not reviewed with the reason) and now and then a measurement of K4. Then it
/// runs the release `stickprov` binary (beside this benchmark) as a child process and times one `record`
/// append, `status`, `report --point årsbokslut` and `verify`: one run to warm up, then the median of `--runs`
/// (default 5), with the largest peak RSS (from `/usr/bin/time`, as the log-check benchmark measures it).
/// Prints a table and the issue's targets: an append at 100,000 events costs at most 1.5× one at 1,000 and at
/// most 40 ms; `status` and `report` at 100,000 events take at most 500 ms and 200 MB. Then the appends
/// (``JournalAppendBenchmark``) at `--append-sizes` (default 1,000 and 1,000,000 events).
enum JournalBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        var sizes = [1_000, 10_000, 100_000]
        var appendSizes = [1_000, 1_000_000]
        var runs = 5
        var example = "Plans/socialnamnden-2023"
        var profile = false
        var keep: String?
        var rest = arguments[...]
        while let option = rest.popFirst() {
            switch option {
            case "--sizes", "--append-sizes":
                guard let value = rest.popFirst() else { return usage() }
                let parsed = value == "none" ? [] : value.split(separator: ",").compactMap { Int($0) }
                guard value == "none" || !parsed.isEmpty, parsed.allSatisfy({ $0 > 0 }) else { return usage() }
                if option == "--sizes" { sizes = parsed } else { appendSizes = parsed }
            case "--runs":
                guard let value = rest.popFirst(), let n = Int(value), n > 0 else { return usage() }
                runs = n
            case "--keep":
                guard let value = rest.popFirst() else { return usage() }
                keep = value
            case "--profile":
                profile = true
            case "--plan":
                guard let value = rest.popFirst() else { return usage() }
                example = value
            default:
                return usage()
            }
        }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let binary = me.deletingLastPathComponent().appendingPathComponent("stickprov").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            printError("journal: \(binary) is missing: run 'swift build -c release' first")
            return 1
        }
        guard FileManager.default.fileExists(atPath: example + "/plan.json") else {
            printError("journal: \(example)/plan.json is missing: run in the repository's folder or give --plan DIR")
            return 1
        }
        let folder = keep ?? NSTemporaryDirectory() + "stickprov-bench-journal-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: folder) } }

        if !sizes.isEmpty {
            print(
                "journal: the example plan with its journal grown to each size; median of \(runs) runs after one warm-up"
            )
            let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
                .joined(separator: " ")
            print(
                "wall time, CPU time (user + system) and peak RSS of each command; load average \(load ?? "unknown") on \(ProcessInfo.processInfo.activeProcessorCount) cores"
            )
            print(
                "  events   journal   append                        status                        report                        verify"
            )
        }
        var rows: [Int: Row] = [:]
        for size in sizes {
            let plan = folder + "/plan-\(size)"
            let clock = ContinuousClock()
            var grown: Int?
            let building = clock.measure { grown = grow(copyOf: example, to: plan, events: size) }
            guard let grown else {
                printError("journal: could not build a journal of \(size) events in \(plan)")
                return 1
            }
            let bytes = (try? FileManager.default.attributesOfItem(atPath: plan + "/journal.jsonl")[.size] as? Int) ?? 0
            let key = firstKey(in: plan) ?? ""
            // Each append changes the item's result (a correction), so every run appends a line.
            let results = [["--ok"], ["--remark", "Kommunicering av beslutsunderlag ej dokumenterad"]]
            let commands: [(String, [[String]])] = [
                (
                    "append",
                    results.map { [binary, "record", "K3-1", key] + $0 + ["--date", "2023-12-20", "--plan", plan] }
                ),
                ("status", [[binary, "status", "--plan", plan]]),
                ("report", [[binary, "report", "--point", "årsbokslut", "--plan", plan]]),
                ("verify", [[binary, "verify", "--plan", plan]]),
            ]
            var row = Row(events: grown, bytes: bytes, timings: [:])
            for (name, command) in commands {
                guard let timing = median(command, runs: runs) else {
                    printError("journal: '\(name)' failed at \(size) events: \(command[0].joined(separator: " "))")
                    return 1
                }
                row.timings[name] = timing
            }
            rows[size] = row
            if profile { printProfile(plan) }
            let cells = commands.map { name, _ in
                row.timings[name].map {
                    pad(milliseconds($0.seconds), 9, right: true) + pad(milliseconds($0.cpuSeconds), 10, right: true)
                        + " "
                        + pad(megabytes($0.peakKilobytes), 6, right: true)
                } ?? ""
            }
            print(
                pad(LogCheckBenchmark.format(Double(grown), 0), 8, right: true)
                    + pad(LogCheckBenchmark.format(Double(bytes) / 1e6, 1) + " MB", 10, right: true) + "  "
                    + cells.map { pad($0, 30) }.joined()
                    + "   (built in \(LogCheckBenchmark.format(building.seconds, 1)) s)")
        }
        printTargets(rows)
        guard
            appendSizes.isEmpty
                || JournalAppendBenchmark.run(
                    sizes: appendSizes, runs: runs, example: example, folder: folder, binary: binary)
        else { return 1 }
        return 0
    }

    /// Times the library's steps in this process (`--profile`): reading, decoding and folding the journal,
    /// and rendering the status listing.
    static func printProfile(_ plan: String) {
        let clock = ContinuousClock()
        let folder = PlanFolder(at: plan)
        var events: [JournalEvent] = []
        let bytes = clock.measure { _ = FileManager.default.contents(atPath: plan + "/journal.jsonl") }
        let read = clock.measure { events = (try? folder.events()) ?? [] }
        var state = YearState(events: [])
        let fold = clock.measure { state = YearState(events: events) }
        var planValue: ControlPlan?
        let load = clock.measure { planValue = try? folder.plan() }
        let render = clock.measure { if let planValue { _ = StatusListing.render(planValue, state) } }
        let verify = clock.measure { _ = try? folder.journal.verification() }
        print(
            "    profile: file \(milliseconds(bytes.seconds)), read+check \(milliseconds(read.seconds)), "
                + "fold \(milliseconds(fold.seconds)), plan \(milliseconds(load.seconds)), status render \(milliseconds(render.seconds)), "
                + "verification \(milliseconds(verify.seconds))")
    }

    /// One size's figures.
    struct Row {
        var events: Int
        var bytes: Int
        var timings: [String: LogCheckBenchmark.Measurement]
    }

    /// Prints the issue's targets, met or missed, for the sizes measured.
    static func printTargets(_ rows: [Int: Row]) {
        guard let large = rows.keys.max(), let bigRow = rows[large] else { return }
        var lines: [String] = []
        if let small = rows.keys.min(), small < large, let smallAppend = rows[small]?.timings["append"],
            let bigAppend = bigRow.timings["append"]
        {
            for (clock, first, last) in [
                ("wall", smallAppend.seconds, bigAppend.seconds), ("CPU", smallAppend.cpuSeconds, bigAppend.cpuSeconds),
            ] {
                let met = last / first <= 1.5 && last <= 0.040
                lines.append(
                    "append at \(LogCheckBenchmark.format(Double(large), 0)) events: \(LogCheckBenchmark.format(last / first, 2))× the append at "
                        + "\(LogCheckBenchmark.format(Double(small), 0)), \(milliseconds(last)) \(clock) (target ≤ 1.5× and ≤ 40 ms): "
                        + (met ? "met" : "MISSED"))
            }
        }
        for name in ["status", "report"] {
            guard let timing = bigRow.timings[name] else { continue }
            for (clock, seconds) in [("wall", timing.seconds), ("CPU", timing.cpuSeconds)] {
                let met = seconds <= 0.5 && Double(timing.peakKilobytes) / 1024 <= 200
                lines.append(
                    "\(name) at \(LogCheckBenchmark.format(Double(large), 0)) events: \(milliseconds(seconds)) \(clock), "
                        + "\(megabytes(timing.peakKilobytes)) (target ≤ 500 ms and ≤ 200 MB): "
                        + (met ? "met" : "MISSED"))
            }
        }
        for line in lines { print(line) }
    }

    /// Runs the commands in turn, once to warm up and `runs` times more: the median time and the largest peak RSS.
    static func median(_ commands: [[String]], runs: Int) -> LogCheckBenchmark.Measurement? {
        var measured: [LogCheckBenchmark.Measurement] = []
        for run in 0...runs {
            guard let measurement = LogCheckBenchmark.spawn(commands[run % commands.count]) else { return nil }
            if run > 0 { measured.append(measurement) }
        }
        let sorted = measured.sorted { $0.seconds < $1.seconds }
        guard var middle = sorted.dropFirst(sorted.count / 2).first else { return nil }
        middle.peakKilobytes = measured.map(\.peakKilobytes).max() ?? middle.peakKilobytes
        return middle
    }

    /// Copies the example plan folder to `target` and appends events until its journal holds `events`
    /// (in one transaction through ``PlanFolder``); returns the count reached.
    static func grow(copyOf example: String, to target: String, events: Int) -> Int? {
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            for name in ["plan.json", "journal.jsonl", "journal.head"] {
                try FileManager.default.copyItem(atPath: example + "/" + name, toPath: target + "/" + name)
            }
            let folder = PlanFolder(at: target)
            let population = try casePopulation()
            try folder.transact(time: "2023-12-31T12:00:00+01:00", actor: "bench") { _, state in
                try payloads(count: events - state.eventCount, population: population, earlier: state.draws)
            }
            return try folder.events().count
        } catch {
            printError("journal: \(error)")
            return nil
        }
    }

    /// The generated population the case reviews are drawn from: 5,000 cases with 60 officers.
    static func casePopulation() throws -> Population {
        var csv = "Ärendenummer;Handläggare\n"
        for index in 1...5_000 {
            csv += "SN-2023-\(String(format: "%05d", index));hl\(String(format: "%03d", index % 60 + 1))\n"
        }
        return try Population(try CSVTable.parse(Array(csv.utf8)), keyColumn: "Ärendenummer", carry: ["Handläggare"])
    }

    static let drawSize = 500

    /// `count` realistic events: K3 case reviews of 500 items with each item's outcome, and a K4
    /// measurement after each review; the last review may be cut short.
    static func payloads(count: Int, population: Population, earlier: [DrawRecord]) throws -> [JournalPayload] {
        var result: [JournalPayload] = []
        var draws = earlier
        var round = 0
        while result.count < count {
            round += 1
            guard let day = Day(year: 2023, month: round % 12 + 1, day: round % 28 + 1),
                let seed = try? Seed("Socialnämnden granskning bänk \(round)")
            else { break }
            let rule = SampleRule(size: .count(drawSize), keyColumn: "Ärendenummer", carry: ["Handläggare"])
            let request = Draw.Request(
                control: ControlID(rawValue: "K3"), rule: rule, seed: seed, isSeedGenerated: false, date: day,
                populationFile: "utredningar-bank-\(round).csv")
            let draw = try Draw.make(request, population: population, earlier: draws)
            draws.append(draw)
            result.append(.draw(draw))
            for (index, item) in draw.items.enumerated() where result.count < count {
                let outcome: OutcomeRecord
                switch index % 50 {
                case 0, 17, 33:
                    outcome = OutcomeRecord(
                        draw: draw.id, key: item.key, result: .remark,
                        remarkKind: "Kommunicering av beslutsunderlag ej dokumenterad",
                        reviewer: "Rättshandläggare", reviewedOn: day)
                case 41:
                    outcome = OutcomeRecord(
                        draw: draw.id, key: item.key, result: .notReviewed, note: "Akten var utlånad",
                        reviewer: "Rättshandläggare", reviewedOn: day)
                default:
                    outcome = OutcomeRecord(
                        draw: draw.id, key: item.key, result: .ok, reviewer: "Rättshandläggare", reviewedOn: day)
                }
                result.append(.outcome(outcome))
            }
            if result.count < count, let value = Measure("\(40 + round % 10)"), let target = Measure("50") {
                result.append(
                    .measurement(
                        MeasurementRecord(
                            control: ControlID(rawValue: "K4"), value: value, unit: "%", target: target, date: day)))
            }
        }
        return Array(result.prefix(max(0, count)))
    }

    /// The first item of draw K3-1, which the timed `record` records again (a correction).
    static func firstKey(in plan: String) -> String? {
        guard let events = try? PlanFolder(at: plan).events() else { return nil }
        for event in events {
            if case .draw(let draw) = event.payload, draw.id.rawValue == "K3-1" { return draw.items.first?.key }
        }
        return nil
    }

    static func milliseconds(_ seconds: Double) -> String { LogCheckBenchmark.format(seconds * 1000, 1) + " ms" }

    static func megabytes(_ kilobytes: Int) -> String { LogCheckBenchmark.format(Double(kilobytes) / 1024, 0) + " MB" }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        LogCheckBenchmark.pad(text, width, right: right)
    }

    static func usage() -> Int32 {
        printError(
            "usage: stickprov-bench journal [--sizes 1000,10000,100000|none] [--append-sizes 1000,1000000|none] [--runs N] [--plan DIR] [--keep DIR] [--profile]"
        )
        return 2
    }
}
