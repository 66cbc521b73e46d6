import Foundation
import StickprovKit

#if canImport(Glibc)
    import Glibc
#endif

/// `stickprov-bench logcheck [--rows N] [--keep FILE]`: the log-check extract against `grep -F` and `mawk`.
///
/// Generates a realistic access-log export with a fixed seed (BOM, CRLF, `;`, Swedish names with å/ä/ö,
/// 300 users with uneven activity over March 2023, quoted descriptions holding `;`, `""` and now and then
/// a line break), draws 15 officers and a week from it as `logcheck draw` does, and times on the same
/// warm file: `cat`, our extract (the library's `LogExtractor.run`, called in a child process of this
/// benchmark so its peak RSS is its own), `grep -F -f users.txt` and a `mawk -F';'` program doing the same
/// selection (user in the set, time in the week; awk and grep cut records at line breaks inside quotes, so
/// they are not correct, only a yardstick). Each is run once to warm up, then the best of three counts.
enum LogCheckBenchmark {
    static let repetitions = 3

    static func run(_ arguments: [String]) -> Int32 {
        var rows = 1_000_000
        var keep: String?
        var rest = arguments[...]
        while let option = rest.popFirst() {
            switch option {
            case "--rows":
                guard let value = rest.popFirst(), let n = Int(value), n > 0 else { return usage() }
                rows = n
            case "--keep":
                guard let value = rest.popFirst() else { return usage() }
                keep = value
            case "--child":  // internal: the extract itself, in the child process
                guard let export = rest.popFirst(), let out = rest.popFirst(),
                    let threads = rest.popFirst().flatMap(Int.init)
                else { return usage() }
                return child(export: export, out: out, threads: threads)
            default:
                return usage()
            }
        }
        let folder = NSTemporaryDirectory() + "stickprov-bench-logcheck-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let export = keep ?? folder + "/behorighetslogg.csv"

        let clock = ContinuousClock()
        var generated = 0
        let generation = clock.measure { generated = ExportGenerator.write(rows: rows, to: export) }
        guard generated > 0, let draw = makeDraw() else {
            printError("logcheck: could not write \(export)")
            return 1
        }
        let ids = draw.items.map(\.key)
        let users = keep.map { $0 + ".users.txt" } ?? folder + "/users.txt"
        _ = FileManager.default.createFile(atPath: users, contents: Data((ids.joined(separator: "\n") + "\n").utf8))
        let window = LogWindow(week: draw.week ?? ISOWeek(year: 2023, week: 11))
        let megabytes = Double(generated) / 1e6
        print(
            "logcheck: \(rows) rows, \(format(megabytes, 1)) MB (\(export)), generated in "
                + "\(format(generation.seconds, 1)) s; \(draw.items.count) of \(ExportGenerator.userCount) users, week \(window)"
        )

        let awkProgram =
            "NR == FNR { u[$1]; next } ($2 in u) && $1 >= from && $1 <= to { n++; print > (out \"/\" $2 \".csv\") } END { print n + 0 }"
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let commands: [(String, [String])] = [
            ("cat", ["/bin/sh", "-c", "cat \"$0\" > /dev/null", export]),
            ("ours", [me, "logcheck", "--child", export, folder + "/ours", "2"]),
            ("ours 1 thr", [me, "logcheck", "--child", export, folder + "/ours1", "1"]),
            ("grep -F", ["/bin/sh", "-c", "grep -F -f \"$1\" \"$0\" > \"$2\"", export, users, folder + "/grep.out"]),
            (
                "mawk",
                [
                    "/bin/sh", "-c",
                    "mkdir -p \"$2\" && mawk -F';' -v from=\"$3\" -v to=\"$4\" -v out=\"$2\" '\(awkProgram)' \"$1\" \"$0\"",
                    export, users, folder + "/awk", window.start.description, window.end.description,
                ]
            ),
        ]
        print("             seconds      rows/s       MB/s   peak RSS")
        var results: [String: Measurement] = [:]
        for (name, command) in commands {
            guard let measurement = measure(command) else {
                printError("logcheck: '\(name)' failed: \(command.joined(separator: " "))")
                return 1
            }
            results[name] = measurement
            print(
                pad(name, 10) + pad(format(measurement.seconds, 3), 10, right: true)
                    + pad(format(Double(rows) / measurement.seconds / 1e6, 2) + " M", 12, right: true)
                    + pad(format(megabytes / measurement.seconds, 0), 11, right: true)
                    + pad(format(Double(measurement.peakKilobytes) / 1024, 1) + " MB", 11, right: true)
                    + (name.hasPrefix("ours")
                        ? "   " + measurement.output.trimmingCharacters(in: .whitespacesAndNewlines) : ""))
        }
        if let ours = results["ours"], let grep = results["grep -F"], let awk = results["mawk"] {
            print(
                "ours/grep: \(format(grep.seconds / ours.seconds, 2))× faster   ours/awk: \(format(awk.seconds / ours.seconds, 2))× faster"
                    + "   (mawk selected \(awk.output.trimmingCharacters(in: .whitespacesAndNewlines)) rows)")
        }
        return 0
    }

    /// The child: draws as the parent did and extracts, printing the rows selected and threads used.
    static func child(export: String, out: String, threads: Int) -> Int32 {
        guard let draw = makeDraw() else { return 1 }
        let request = LogExtractRequest(
            draw: draw, exportPath: export, outputDirectory: out, userColumn: "Användare", timeColumn: "Tidpunkt",
            threads: threads)
        do {
            let report = try LogExtractor.run(request)
            let selected = report.officers.reduce(0) { $0 + $1.rows }
            print("selected \(selected) rows, \(report.anomalyCount) anomalies, \(report.threads) threads")
            return 0
        } catch {
            printError("logcheck child: \(error.message)")
            return 1
        }
    }

    /// The log-check draw of March 2023 over the generator's users, as `logcheck draw` makes it.
    static func makeDraw() -> DrawRecord? {
        var csv = "Användare;Namn;Enhet;Chef\n"
        for user in ExportGenerator.users { csv += "\(user.id);\(user.name);\(user.unit);\(user.manager)\n" }
        guard let table = try? CSVTable.parse(Array(csv.utf8)),
            let population = try? Population(table, keyColumn: "Användare", carry: ["Enhet", "Chef"]),
            let seed = try? Seed("Socialnämnden loggkontroll 2023-03"), let month = Month("2023-03"),
            let today = Day("2023-04-03")
        else { return nil }
        let rule = SampleRule(
            size: .logCheck(users: 15), keyColumn: "Användare", carry: ["Enhet", "Chef"], unitColumn: "Enhet",
            managerColumn: "Chef")
        let request = Draw.Request(
            control: ControlID(rawValue: "K1"), rule: rule, seed: seed, isSeedGenerated: false, month: month,
            date: today, populationFile: "handlaggare.csv")
        return try? Draw.make(request, population: population, earlier: [])
    }

    struct Measurement {
        var seconds: Double
        var peakKilobytes: Int
        var output: String
        /// User plus system CPU time of the command (and the processes it waited for).
        var cpuSeconds: Double = 0
    }

    /// Runs `command` once to warm up and `repetitions` times more; the best time and the largest peak RSS.
    static func measure(_ command: [String]) -> Measurement? {
        var best: Measurement?
        for _ in 0...repetitions {
            guard let run = spawn(command) else { return nil }
            if best == nil || run.seconds < (best?.seconds ?? 0) {
                best = Measurement(
                    seconds: run.seconds, peakKilobytes: max(run.peakKilobytes, best?.peakKilobytes ?? 0),
                    output: run.output, cpuSeconds: run.cpuSeconds)
            }
        }
        return best
    }

    /// Runs a command under `/usr/bin/time` (when there is one) and times it.
    ///
    /// The peak RSS comes from `time`, which forks the command from its own small process: `getrusage`
    /// of a child spawned straight from this process would report this process's RSS, since Linux
    /// carries the high-water mark across `execve` of a `vfork`ed child.
    static func spawn(_ command: [String]) -> Measurement? {
        let timeTool = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: timeTool) else { return spawnDirectly(command) }
        let report = NSTemporaryDirectory() + "stickprov-bench-time-\(getpid()).txt"
        defer { unlink(report) }
        guard var run = spawnDirectly([timeTool, "-f", "%M", "-o", report] + command),
            let text = try? String(contentsOfFile: report, encoding: .utf8),
            let kilobytes = text.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
        else { return nil }
        run.peakKilobytes = kilobytes
        return run
    }

    /// Runs a command, waits for it with `wait4` and times it.
    static func spawnDirectly(_ command: [String]) -> Measurement? {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let argv = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        guard posix_spawn(&pid, command[0], &actions, nil, argv, environ) == 0 else { return nil }
        close(pipe[1])
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pipe[0], &chunk, chunk.count)
            if count <= 0 { break }
            output.append(contentsOf: chunk[0..<count])
        }
        close(pipe[0])
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { return nil }
        let elapsed = (ContinuousClock.now - start).seconds
        guard status == 0 else { return nil }
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Measurement(
            seconds: elapsed, peakKilobytes: usage.ru_maxrss, output: String(decoding: output, as: UTF8.self),
            cpuSeconds: cpu)
    }

    static func usage() -> Int32 {
        printError("usage: stickprov-bench logcheck [--rows N] [--keep FILE]")
        return 2
    }

    static func format(_ value: Double, _ places: Int) -> String { SHA256Benchmark.format(value, places) }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(width - text.count, 0))
        return right ? fill + text : text + fill
    }
}

/// A realistic access-log export, the same for the same row count: a seeded generator, no clock.
enum ExportGenerator {
    struct User {
        let id: String
        let name: String
        let unit: String
        let manager: String
        let weight: Double
    }

    static let userCount = 300

    static let firstNames = [
        "Åsa", "Björn", "Jörgen", "Märta", "Göran", "Linnéa", "Öjvind", "Sören", "Ingegärd", "Håkan", "Anna", "Erik",
        "Maria", "Lars", "Karin", "Per", "Sofia", "Mikael", "Eva", "Johan", "Birgitta", "Anders", "Kerstin", "Måns",
        "Ylva", "Torbjörn", "Gunnel", "Örjan", "Lena", "Nils",
    ]
    static let surnames = [
        "Åberg", "Öberg", "Sjöström", "Lindqvist", "Bäckström", "Nordén", "Hägglund", "Johansson", "Karlsson",
        "Nilsson", "Eriksson", "Larsson", "Ström", "Söderberg", "Ekström", "Holmgren", "Wallén", "Forsström",
        "Lundgren", "Bergström",
    ]
    static let units = [
        "Försörjningsstöd", "Barn och unga Öst", "Barn och unga Väst", "Vuxen missbruk", "Äldreomsorg Norr",
        "Äldreomsorg Söder", "LSS handläggning", "Familjerätt", "Mottagning", "Ensamkommande", "Socialpsykiatri",
        "Hemtjänst bistånd",
    ]
    static let events = [
        "Öppnat ärende", "Läst journalanteckning", "Ändrat beslut", "Skrivit ut dokument", "Sökt person",
        "Visat översikt", "Registrerat åtgärd",
    ]

    /// The users, with uneven activity (Zipf-like weights in a shuffled order).
    static let users: [User] = {
        var random = SplitMix(seed: 0x5EED_2023)
        var taken: Set<String> = []
        var result: [User] = []
        for index in 0..<userCount {
            let first = firstNames[Int(random.next() % UInt64(firstNames.count))]
            let last = surnames[Int(random.next() % UInt64(surnames.count))]
            var id = ascii(first).prefix(3).lowercased() + ascii(last).prefix(3).lowercased()
            id += String(format: "%02d", index % 100)
            while !taken.insert(id).inserted { id += "x" }
            let unit = units[Int(random.next() % UInt64(units.count))]
            let manager = "Enhetschef " + unit
            let rank = Double(random.next() % UInt64(userCount)) + 1
            result.append(
                User(id: id, name: "\(first) \(last)", unit: unit, manager: manager, weight: 1 / pow(rank, 0.9)))
        }
        return result
    }()

    /// Writes `rows` rows to `path`; returns the bytes written (0 on failure).
    static func write(rows: Int, to path: String) -> Int {
        guard let file = fopen(path, "w") else { return 0 }
        defer { fclose(file) }
        var random = SplitMix(seed: 0x10C_CEC4)
        var cumulative: [Double] = []
        var total = 0.0
        for user in users {
            total += user.weight
            cumulative.append(total)
        }
        let userBytes = users.map { (id: Array($0.id.utf8), rest: Array(";\($0.name);\($0.unit);".utf8)) }
        let eventBytes = events.map { Array(";\($0);".utf8) }
        var buffer: [UInt8] = [0xEF, 0xBB, 0xBF]
        buffer += Array("Tidpunkt;Användare;Namn;Enhet;Ärendenummer;Händelse;Beskrivning\r\n".utf8)
        buffer.reserveCapacity(8 << 20)
        var written = 0
        let start = LogTime(day: Day(year: 2023, month: 3, day: 1) ?? Day(daysSinceEpoch: 0)).seconds
        let span = 31 * 86_400
        for row in 0..<rows {
            let seconds = start + Int(Double(row) * Double(span) / Double(rows))
            appendTime(seconds, to: &buffer)
            buffer.append(0x3B)
            let pick = Double(random.next() >> 11) / Double(1 << 53) * total
            var lo = 0
            var hi = cumulative.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if cumulative[mid] < pick { lo = mid + 1 } else { hi = mid }
            }
            buffer += userBytes[lo].id
            buffer += userBytes[lo].rest
            buffer += Array("SN-2023-".utf8)
            appendNumber(Int(random.next() % 90_000) + 10_000, to: &buffer)
            buffer += eventBytes[Int(random.next() % UInt64(events.count))]
            let kind = random.next() % 1000
            if kind < 10 {
                buffer += Array("\"Anteckning \"\"Hembesök\"\" ändrad;\r\nrad två: vårdnadshavare kontaktad\"".utf8)
            } else if kind < 120 {
                buffer += Array("\"Sökning på \"\"Öberg\"\"; flik Beslut; 3 träffar\"".utf8)
            } else {
                buffer += Array("Visning av ärendets översikt och dokumentlista".utf8)
            }
            buffer += [0x0D, 0x0A]
            if buffer.count >= 4 << 20 {
                guard fwrite(buffer, 1, buffer.count, file) == buffer.count else { return 0 }
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        guard fwrite(buffer, 1, buffer.count, file) == buffer.count else { return 0 }
        return written + buffer.count
    }

    /// `YYYY-MM-DD HH:MM:SS`.
    static func appendTime(_ seconds: Int, to buffer: inout [UInt8]) {
        let day = Day(daysSinceEpoch: seconds / 86_400)
        let second = seconds % 86_400
        appendDigits(day.year, 4, &buffer)
        buffer.append(0x2D)
        appendDigits(day.month, 2, &buffer)
        buffer.append(0x2D)
        appendDigits(day.day, 2, &buffer)
        buffer.append(0x20)
        appendDigits(second / 3600, 2, &buffer)
        buffer.append(0x3A)
        appendDigits(second / 60 % 60, 2, &buffer)
        buffer.append(0x3A)
        appendDigits(second % 60, 2, &buffer)
    }

    static func appendDigits(_ value: Int, _ width: Int, _ buffer: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.append(UInt8(0x30 + rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    static func appendNumber(_ value: Int, to buffer: inout [UInt8]) {
        buffer += Array(String(value).utf8)
    }

    static func ascii(_ text: String) -> String {
        String(text.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.isASCII }.map(Character.init))
    }
}

/// SplitMix64, the seeded generator the benchmark's data comes from.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
