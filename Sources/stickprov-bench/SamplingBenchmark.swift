import Foundation
import StickprovKit

#if canImport(Glibc)
    import Glibc
#endif

/// `stickprov-bench sample [--rows N] [--extra-columns C]`: drawing from a large population file, as
/// `stickprov sample` does, on a generated CSV (UTF-8 with BOM, CRLF, `;`, quoted fields with `;`,
/// `""` and line breaks, strata, amounts).
///
/// Prints, on the same warm file:
/// - in this process: the streaming read (``PopulationReader``) in seconds and MB/s, then draws of
///   25, 5 %, three strata and 60 by amount, and the fingerprint;
/// - whole processes: `stickprov sample FILE --key Nr --seed S --size 100` (the built binary beside this
///   one), its time and peak RSS (from `/usr/bin/time`, see ``LogCheckBenchmark/spawn(_:)``); the same on
///   the keys in another order (an export sorted by its key needs no table to find duplicates; any other
///   order does) and on a file with C more columns (memory must not grow with them); and the independent
///   `reference.py simple` with its CSV reading (Python's `csv` module) on the same file, whose keys
///   must be ours. reference.py is found by `STICKPROV_REFERENCE_PY` or `../shared/sampling/reference.py`;
///   without it (or python3) that line is skipped with a notice.
enum SamplingBenchmark {
    static let seedText = "Socialnämnden 2023 § 12"

    static func run(_ arguments: [String]) -> Int32 {
        var rows = 1_000_000
        var extraColumns = 20
        var rest = arguments[...]
        while let option = rest.popFirst() {
            guard let value = rest.popFirst().flatMap({ Int($0) }), value >= 0 else { return usage() }
            switch option {
            case "--rows", "--keys": rows = max(value, 1)
            case "--extra-columns": extraColumns = value
            default: return usage()
            }
        }
        let folder = NSTemporaryDirectory() + "stickprov-bench-sample-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/population.csv"
        let wideRows = min(rows, 1_000_000)  // the wide file of 5 M rows would be 1.3 GB
        let wide = folder + "/population-wide.csv"
        let shuffled = folder + "/population-shuffled.csv"
        guard write(generate(rows: rows, extraColumns: 0), to: path),
            write(generate(rows: wideRows, extraColumns: extraColumns), to: wide),
            write(generate(rows: rows, extraColumns: 0, isShuffled: true), to: shuffled)
        else {
            printError("sample: cannot write the population to \(folder)")
            return 1
        }
        let megabytes = Double(fileSize(path)) / 1e6
        print(
            String(
                format: "sample: %d rows, %.1f MB (MB = 10^6 bytes); %d rows with %d more columns, %.1f MB", rows,
                megabytes, wideRows, extraColumns, Double(fileSize(wide)) / 1e6))

        // In this process: the parts.
        let clock = ContinuousClock()
        var population: Population?
        _ = try? PopulationReader(path: path, keyColumn: "Nr").read()  // warm the page cache
        let read = clock.measure {
            population = try? PopulationReader(
                path: path, keyColumn: "Nr", stratumColumn: "Beslutstyp", amountColumn: "Belopp"
            ).read()
        }
        guard let population, let seed = try? Seed(seedText) else {
            printError("sample: the generated population was refused")
            return 1
        }
        print(
            String(format: "read (keys, strata, amounts):   %.3f s  %6.0f MB/s", read.seconds, megabytes / read.seconds)
        )
        let cases: [(String, SampleSize)] = [
            ("draw 25", .count(25)),
            ("draw 5 %", .percent(Percentage(hundredths: 500))),
            (
                "draw strata 5/10/25 %",
                .strata([
                    StratumRule(stratum: "Hemtjänst SoL", size: .percent(Percentage(hundredths: 500))),
                    StratumRule(stratum: "Särskilt boende SoL", size: .percent(Percentage(hundredths: 1000))),
                    StratumRule(stratum: "LSS", size: .percent(Percentage(hundredths: 2500))),
                ])
            ),
        ]
        for (name, size) in cases {
            var drawn = 0
            let time = clock.measure { drawn = Sample.draw(population, size: size, seed: seed).items.count }
            print(pad(name + ":", 32) + String(format: "%.3f s  (%d items)", time.seconds, drawn))
        }
        var byAmount = 0
        let amountTime = clock.measure {
            byAmount =
                (try? AmountSampler.draw(population, seed: seed, count: 60, certainFrom: Amount(ore: 14_999_000)))
                .map { $0.certain.count + $0.drawn.count } ?? -1
        }
        print(pad("draw 60 by amount (pps):", 32) + String(format: "%.3f s  (%d items)", amountTime.seconds, byAmount))
        let fingerprint = clock.measure { _ = population.fingerprint }
        print(pad("fingerprint (key<TAB>stratum):", 32) + String(format: "%.3f s", fingerprint.seconds))

        // Whole processes.
        let stickprov = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("stickprov").path
        guard FileManager.default.isExecutableFile(atPath: stickprov) else {
            printError("sample: no stickprov binary beside this one (\(stickprov)); build it: swift build -c release")
            return 1
        }
        print("whole processes (best of \(LogCheckBenchmark.repetitions), peak RSS from /usr/bin/time):")
        print("                                   seconds       MB/s   peak RSS   CPU s")
        let sample = [stickprov, "sample", path, "--key", "Nr", "--seed", seedText, "--size", "100"]
        guard let ours = LogCheckBenchmark.measure(sample),
            let oursShuffled = LogCheckBenchmark.measure([stickprov, "sample", shuffled] + sample.dropFirst(3)),
            let oursWide = LogCheckBenchmark.measure([stickprov, "sample", wide] + sample.dropFirst(3))
        else {
            printError("sample: stickprov sample failed")
            return 1
        }
        line("stickprov sample --size 100", ours, megabytes)
        line("  keys not in ascending order", oursShuffled, megabytes)
        line("  \(wideRows / 1000)k rows, \(extraColumns) more columns", oursWide, Double(fileSize(wide)) / 1e6)
        guard let reference = referenceScript(), FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            print(
                "note: skipped reference.py (set STICKPROV_REFERENCE_PY or put ../shared/sampling/reference.py beside; needs /usr/bin/python3)"
            )
            return 0
        }
        let program = """
            import csv, sys
            sys.path.insert(0, sys.argv[1])
            import reference
            with open(sys.argv[2], encoding="utf-8-sig", newline="") as f:
                rows = csv.reader(f, delimiter=";")
                column = next(rows).index("Nr")
                keys = [row[column] for row in rows if row]
            print("\\n".join(reference.simple(sys.argv[3], keys, 100)))
            """
        let directory = URL(fileURLWithPath: reference).deletingLastPathComponent().path
        guard let python = LogCheckBenchmark.spawn(["/usr/bin/python3", "-c", program, directory, path, seedText])
        else {
            printError("sample: reference.py failed")
            return 1
        }
        line("reference.py simple (csv module)", python, megabytes)
        let same = python.output == ours.output
        print(
            String(
                format: "ours against reference.py: %.1f× faster; the same 100 keys: %@", python.seconds / ours.seconds,
                same ? "yes" : "NO"))
        return same ? 0 : 1
    }

    /// A population of `rows` rows, the same for the same arguments.
    /// `isShuffled`: the keys not in ascending order (a permutation of the same keys).
    static func generate(rows: Int, extraColumns: Int, isShuffled: Bool = false) -> [UInt8] {
        let types = ["Hemtjänst SoL", "Särskilt boende SoL", "LSS", "Korttidsboende SoL"]
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(rows * (60 + extraColumns * 12))
        var header = "Nr;Handläggare;Beslutstyp;Belopp;Anteckning"
        for column in 0..<extraColumns { header += ";Extra \(column + 1)" }
        out.append(contentsOf: (header + "\r\n").utf8)
        var extra = ""
        for column in 0..<extraColumns { extra += ";värde \(column)" }
        for i in 0..<rows {
            let kronor = (i &* 2_654_435_761) % 150_000
            let note =
                i % 8 == 0
                ? "\"beslut; \"\"överklagat\"\"\"" : i % 97 == 0 ? "\"två\r\nrader\"" : "anteckning \(i % 1000)"
            let number = isShuffled ? Int((UInt64(i) &* 2_654_435_761) % UInt64(rows)) : i
            let line =
                "2023-\(1_000_000 + number);Handläggare \(i % 300);\(types[i % 4]);\(kronor / 1000) \(String(kronor % 1000 + 1000).dropFirst()),\(i % 100);\(note)\(extra)\r\n"
            out.append(contentsOf: line.utf8)
        }
        return out
    }

    static func referenceScript() -> String? {
        let candidates = [
            ProcessInfo.processInfo.environment["STICKPROV_REFERENCE_PY"], "../shared/sampling/reference.py",
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    static func line(_ name: String, _ measurement: LogCheckBenchmark.Measurement, _ megabytes: Double) {
        print(
            pad(name, 32)
                + String(
                    format: "%9.3f %10.0f %8.1f MB %7.3f", measurement.seconds, megabytes / measurement.seconds,
                    Double(measurement.peakKilobytes) / 1024, measurement.cpuSeconds))
    }

    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    static func pad(_ text: String, _ width: Int) -> String { LogCheckBenchmark.pad(text, width) }

    static func usage() -> Int32 {
        printError("usage: stickprov-bench sample [--rows N] [--extra-columns C]")
        return 2
    }
}
