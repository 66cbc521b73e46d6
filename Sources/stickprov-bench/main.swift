// stickprov-bench: prints throughput figures for the library's hot paths.
//
// Each benchmark is a subcommand registered in `Benchmarks.all`; add a file with an enum that has a
// `run(_:)` function and list it there. Only release builds give meaningful numbers:
//     swift run -c release stickprov-bench sha256

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The registry of benchmark subcommands.
enum Benchmarks {
    /// One subcommand: its name, a one-line summary for the usage text, and its entry point, which
    /// receives the arguments after the name and returns the process exit status.
    struct Entry: Sendable {
        let name: String
        let usage: String
        let summary: String
        let run: @Sendable ([String]) -> Int32
    }

    static let all: [Entry] = [
        Entry(
            name: "sha256",
            usage: "sha256 [--megabytes N]",
            summary: "SHA-256 throughput on an N MB buffer (default 256) and on 1,000,000 short sampler keys",
            run: SHA256Benchmark.run
        ),
        Entry(
            name: "sample",
            usage: "sample [--rows N] [--extra-columns C]",
            summary:
                "reading a population file of N rows (default 1,000,000) and drawing from it, in process and as stickprov sample (time, peak RSS) against reference.py",
            run: SamplingBenchmark.run
        ),
        Entry(
            name: "logcheck",
            usage: "logcheck [--rows N] [--keep FILE]",
            summary:
                "the log-check extract on a generated export of N rows (default 1,000,000) against grep -F and mawk",
            run: LogCheckBenchmark.run
        ),
        Entry(
            name: "journal",
            usage:
                "journal [--sizes 1000,10000,100000|none] [--append-sizes 1000,1000000|none] [--runs N] [--plan DIR] [--keep DIR] [--profile]",
            summary:
                "record append, status, report and verify on the example plan with journals of 1,000 to 100,000 events; measure, assess, provider, plan edit, worksheet import and record at 1,000 and 1,000,000",
            run: JournalBenchmark.run
        ),
    ]

    /// The usage text, listing every registered benchmark.
    static var usage: String {
        var text = "usage: stickprov-bench <benchmark> [options]\n\nbenchmarks:\n"
        for entry in all {
            text += "  \(entry.usage)\n      \(entry.summary)\n"
        }
        return text
    }
}

/// Writes `text` to standard error.
func printError(_ text: String) {
    let line = text.hasSuffix("\n") ? text : text + "\n"
    let bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        guard written > 0 else { return }
        offset += written
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let entry = Benchmarks.all.first(where: { $0.name == name }) else {
    if let name = arguments.first, name != "-h", name != "--help" {
        printError("stickprov-bench: unknown benchmark '\(name)'")
    }
    printError(Benchmarks.usage)
    exit(2)
}
exit(entry.run(Array(arguments.dropFirst())))
