import Foundation
import StickprovKit

/// `stickprov-bench sha256 [--megabytes N]`: bulk throughput and short-input hash rate.
///
/// The short inputs mirror the sampler, which hashes `seed || 0x00 || key` once per population row,
/// so that figure bounds how fast a sample of a million rows can be drawn.
enum SHA256Benchmark {
    /// How many timed repetitions each measurement takes; the best one is reported.
    static let repetitions = 5
    /// How many short strings the per-hash measurement hashes.
    static let shortCount = 1_000_000

    /// Parses the options, runs both measurements and prints one line for each.
    static func run(_ arguments: [String]) -> Int32 {
        var megabytes = 256
        var rest = arguments[...]
        while let option = rest.popFirst() {
            switch option {
            case "--megabytes":
                guard let value = rest.popFirst(), let n = Int(value), n > 0 else {
                    printError("stickprov-bench sha256: --megabytes needs a positive whole number")
                    return 2
                }
                megabytes = n
            default:
                printError(
                    "stickprov-bench sha256: unknown option '\(option)'\nusage: stickprov-bench sha256 [--megabytes N]")
                return 2
            }
        }
        bulk(megabytes: megabytes)
        opensslSpeed()
        tools(megabytes: megabytes)
        short()
        return 0
    }

    /// The same N MB hashed by `openssl dgst -sha256` and `sha256sum` from a file (warm in the page
    /// cache after a first read), best of three each, so our figure has its yardsticks from this run.
    static func tools(megabytes: Int) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stickprov-bench-sha256-\(getpid()).bin"
        ).path
        let count = megabytes << 20
        var buffer = [UInt8](repeating: 0, count: count)
        for i in 0..<count { buffer[i] = UInt8(truncatingIfNeeded: i &* 131 &+ i >> 9) }
        guard FileManager.default.createFile(atPath: path, contents: Data(buffer)) else {
            print("sha256 tools: could not write \(path); openssl and sha256sum not measured")
            return
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ours = buffer.withUnsafeBytes { SHA256.hash($0) }.hex
        for (name, arguments) in [("openssl", ["dgst", "-sha256", path]), ("sha256sum", [path])] {
            guard let tool = which(name) else {
                print("sha256 \(name): not installed, not measured")
                continue
            }
            var best = Double.infinity
            var output = ""
            for _ in 0..<3 {
                let start = ContinuousClock.now
                output = run(tool, arguments)
                best = min(best, (ContinuousClock.now - start).seconds)
            }
            let agrees = output.contains(ours) ? "same digest" : "DIGEST DIFFERS"
            print(
                "sha256 \(name): \(megabytes) MB in \(format(best, 2)) s = \(format(Double(megabytes) / best, 0)) MB/s"
                    + " (best of 3, file in page cache, process start included; \(agrees))")
        }
    }

    /// `openssl speed -evp sha256` on 16 KB blocks in memory: OpenSSL's own figure without file or
    /// process costs, the fairest yardstick for the in-memory figure above.
    static func opensslSpeed() {
        guard let tool = which("openssl") else { return }
        let output = run(tool, ["speed", "-seconds", "2", "-bytes", "16384", "-evp", "sha256"])
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("sha256") }),
            let field = line.split(separator: " ").last, field.hasSuffix("k"),
            let kilobytes = Double(field.dropLast())
        else {
            print("sha256 openssl speed: could not read its output")
            return
        }
        let mebibytes = kilobytes * 1000 / 1_048_576
        print("sha256 openssl speed -evp sha256, 16 KB blocks in memory: \(format(mebibytes, 0)) MB/s")
    }

    /// The first executable called `name` on PATH.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs a program and returns its standard output.
    static func run(_ tool: String, _ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Hashes an N MB buffer `repetitions` times and prints the best rate in MB/s (1 MB = 2^20 bytes).
    static func bulk(megabytes: Int) {
        let count = megabytes << 20
        var buffer = [UInt8](repeating: 0, count: count)
        for i in 0..<count { buffer[i] = UInt8(truncatingIfNeeded: i &* 131 &+ i >> 9) }

        var best = Duration.seconds(Int64.max)
        var digest = SHA256.hash([])
        let clock = ContinuousClock()
        for _ in 0..<repetitions {
            let elapsed = clock.measure {
                digest = buffer.withUnsafeBytes { SHA256.hash($0) }
            }
            best = min(best, elapsed)
        }
        let seconds = best.seconds
        print(
            "sha256: \(megabytes) MB in \(format(seconds, 2)) s = \(format(Double(megabytes) / seconds, 0)) MB/s"
                + " (best of \(repetitions)) digest \(digest)")
    }

    /// Hashes 1,000,000 strings `"seed\0SN-123456-7"` and prints the best rate in hashes per second.
    static func short() {
        let seed = "2023-03 loggkontroll"
        let inputs = (0..<shortCount).map { i in "\(seed)\u{0}SN-\(100_000 + i)-\(i % 10)" }

        var best = Duration.seconds(Int64.max)
        var smallest = SHA256.hash("")
        let clock = ContinuousClock()
        for _ in 0..<repetitions {
            let elapsed = clock.measure {
                var least = SHA256.hash(inputs[0])
                for input in inputs {
                    let digest = SHA256.hash(input)
                    if digest < least { least = digest }
                }
                smallest = least
            }
            best = min(best, elapsed)
        }
        let seconds = best.seconds
        let perSecond = Double(shortCount) / seconds
        let length = inputs[0].utf8.count
        print(
            "sha256 short: \(shortCount) hashes of \(length)-byte strings in \(format(seconds, 3)) s"
                + " = \(format(perSecond / 1e6, 2)) M hashes/s (\(format(1e9 / perSecond, 0)) ns each,"
                + " best of \(repetitions)) smallest \(smallest.hex.prefix(16))")
    }

    /// `value` with `places` decimals.
    static func format(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if places == 0 { return String(Int(rounded)) }
        let text = String(rounded)
        let decimals = text.split(separator: ".").last.map(\.count) ?? 0
        return decimals < places ? text + String(repeating: "0", count: places - decimals) : text
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
