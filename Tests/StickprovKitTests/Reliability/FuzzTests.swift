import Foundation
import Testing

@testable import StickprovKit

/// Seeded mutation fuzzing of the readers that take outside input. Each runs for a couple
/// of seconds in the normal test run; set STICKPROV_FUZZ_SECONDS for longer runs (and
/// STICKPROV_FUZZ_SEED to vary the inputs). A crash fails the whole run; a thrown error
/// must be the reader's own, with a line inside the input.
@Suite struct FuzzTests {
    static let seconds = Double(ProcessInfo.processInfo.environment["STICKPROV_FUZZ_SECONDS"] ?? "") ?? 2
    static let seed = UInt64(ProcessInfo.processInfo.environment["STICKPROV_FUZZ_SEED"] ?? "") ?? 20_231_231

    static let interesting: [UInt8] =
        Array(";,\t\"\r\n\0".utf8) + [
            0xC3, 0xA5, 0xE4, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF, 0x80, 0x81, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A,
        ]

    /// One random change: flip, insert, delete, duplicate or truncate.
    static func mutate(_ input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.insert(interesting.randomElement(using: &random) ?? 0, at: position)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...16, using: &random)))
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            case 4: bytes = Array(bytes.prefix(position))
            default: if !bytes.isEmpty { bytes[position] = interesting.randomElement(using: &random) ?? 0 }
            }
        }
        return bytes
    }

    static func fuzz(_ corpus: [[UInt8]], _ body: ([UInt8]) -> Void) -> Int {
        var random = SplitMix64(seed: seed)
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0
        while Date() < deadline {
            for _ in 0..<50 {
                body(mutate(corpus[runs % corpus.count], &random))
                runs += 1
            }
        }
        return runs
    }

    static func lineCount(_ bytes: [UInt8]) -> Int { bytes.filter { $0 == 10 || $0 == 13 }.count + 1 }

    @Test func csvReaderNeverCrashesAndNamesLinesInside() {
        let corpus = [
            Array(
                "\u{FEFF}Ärendenummer;Handläggare;Beslut\r\nSN-1;Åsa Öberg;\"Bifall; delvis\"\r\nSN-2;\"Björn \"\"B\"\" Ek\";\"rad1\nrad2\"\r\n"
                    .utf8),
            Array("a,b\n1,2\n3,4".utf8),
            [0x4E, 0x61, 0x6D, 0x6E, 0x3B, 0x42, 0x0A, 0xC5, 0x73, 0x61, 0x3B, 0xD6, 0x0A],
        ]
        var failures: [String] = []
        let runs = Self.fuzz(corpus) { bytes in
            do {
                let table = try CSVTable.parse(bytes)
                if table.rows.contains(where: { $0.fields.count != table.header.count }) {
                    failures.append("ragged row accepted")
                }
            } catch let error as CSVError {
                if let line = error.line, !(1...Self.lineCount(bytes)).contains(line) {
                    failures.append("line \(line) outside 1...\(Self.lineCount(bytes))")
                }
            } catch {
                failures.append("unexpected error \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(runs > 100)
    }

    @Test func journalReaderNeverCrashesAndNeverAcceptsAChange() throws {
        let folder = try JournalTests.Folder()
        try folder.journal.append((1...4).map(JournalTests.draw), time: JournalTests.time, actor: "anna")
        let sound = try folder.bytes()
        var failures: [String] = []
        let runs = Self.fuzz([sound]) { bytes in
            do {
                try folder.write(bytes)
                let damage = try folder.journal.damage()
                // The chain and journal.head pin every committed byte: a random change is never sound.
                // Bytes only added past the committed length are an uncommitted tail: ignored, and named.
                let onlyATail = bytes.count > sound.count && bytes.starts(with: sound)
                if onlyATail && folder.journal.uncommittedBytes() != bytes.count - sound.count {
                    failures.append("tail not named")
                }
                if damage == nil && bytes != sound && !onlyATail { failures.append("accepted a changed journal") }
                if let line = damage?.line, line < 1 || line > Self.lineCount(bytes) + 4 {
                    failures.append("line \(line)")
                }
                let (parsed, _) = Journal.scan(bytes, decodingEvents: true)
                if parsed.events.count != parsed.lineCount {
                    failures.append("events \(parsed.events.count) vs lines \(parsed.lineCount)")
                }
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(runs > 100)
    }

    @Test func planDecoderNeverCrashes() {
        let corpus = [Array(PlanFile.encode(PlanFileTests.samplePlan()))]
        var failures = 0
        let runs = Self.fuzz(corpus) { bytes in
            do {
                let plan = try PlanFile.decode(Data(bytes), path: "plan.json")
                if !plan.issues.isEmpty { failures += 1 }
            } catch {
                // Any PlanError is an answer.
            }
        }
        #expect(failures == 0)
        #expect(runs > 100)
    }

    @Test func personnummerScannerNeverCrashesOnRandomText() {
        var random = SplitMix64(seed: Self.seed)
        for _ in 0..<2_000 {
            let text = String(
                decoding: (0..<Int.random(in: 0...40, using: &random)).map { _ in
                    "0123456789-+ a".utf8.randomElement(using: &random) ?? 48
                }, as: UTF8.self)
            for match in PersonalIdentityNumber.find(in: text) {
                #expect(match.masked.hasSuffix("****"))
            }
        }
    }

    /// A real number, disguised at random (full-width or Arabic-Indic digits, invisible
    /// characters between digits, spaces and dashes between the parts) inside random
    /// Swedish text, is always found and always masked to plain digits; random mutations of
    /// such texts never crash the detector and never yield a mask with anything but digits.
    @Test func personnummerDetectorSeesThroughDisguises() {
        let numbers = ["811218-9876", "19811218-9876", "8112189876", "811278-9873", "198112189876"]
        let invisible: [String] = ["\u{200B}", "\u{200C}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{200E}"]
        let separators: [String] = ["-", " - ", " ", "\u{2013}", "\u{FF0D}", "\u{00A0}", "--"]
        let words = ["Beslut", "saknas", "för", "ärende", "SN-2023-0412", "2023-02-15", "Åsa", "25", "st"]
        var random = SplitMix64(seed: Self.seed)
        var failures: [String] = []
        var corpus: [[UInt8]] = []
        for _ in 0..<2_000 {
            let number = numbers.randomElement(using: &random) ?? numbers[0]
            let digits = number.filter(\.isNumber)
            let dateLength = digits.count - 4
            var disguised = ""
            let style = Int.random(in: 0..<3, using: &random)
            for (index, digit) in digits.enumerated() {
                if index == dateLength {
                    disguised += separators.randomElement(using: &random) ?? "-"
                } else if index > 0, Bool.random(using: &random) {
                    disguised += invisible.randomElement(using: &random) ?? ""
                }
                let value = digit.wholeNumberValue ?? 0
                let base: UInt32 = style == 0 ? 0x30 : style == 1 ? 0xFF10 : 0x0660
                disguised.unicodeScalars.append(Unicode.Scalar(base + UInt32(value)) ?? "0")
            }
            let before = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                words.randomElement(using: &random) ?? ""
            }
            let text = (before + [disguised, "och", "mer"]).joined(separator: " ")
            let matches = PersonalIdentityNumber.find(in: text)
            if !matches.contains(where: { $0.masked.hasPrefix(String(digits.prefix(dateLength))) }) {
                failures.append("missed \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            corpus.append(Array(text.utf8))
        }
        let runs = Self.fuzz(Array(corpus.prefix(50))) { bytes in
            for match in PersonalIdentityNumber.find(in: String(decoding: bytes, as: UTF8.self)) {
                if !match.masked.hasSuffix("****")
                    || match.masked.dropLast(4).contains(where: { !"0123456789-+".contains($0) })
                {
                    failures.append("mask \(match.masked)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(runs > 100)
    }

    /// The encoding detection on mutated mixes of UTF-8, Windows-1252, BOMs and NULs: it never
    /// crashes; an error names a line inside the input; what it accepts is well-formed UTF-8
    /// without NUL or BOM, and valid UTF-8 input comes back byte for byte.
    @Test func encodingDetectionNeverCrashesAndNeverPassesMixedText() {
        let corpus: [[UInt8]] = [
            Array("\u{FEFF}Ärendenummer;Namn\r\nSN-1;Åsa Öberg\r\nSN-2;Björn\r\n".utf8),
            [0x4E, 0x61, 0x6D, 0x6E, 0x0A, 0xC5, 0x73, 0x61, 0x0A, 0xD6, 0x62, 0x65, 0x72, 0x67, 0x0A],
            Array("Namn\nåsa\n".utf8) + [0xE4, 0x0A] + [0xEF, 0xBB, 0xBF] + Array("x\n".utf8),
        ]
        var failures: [String] = []
        let runs = Self.fuzz(corpus) { bytes in
            do {
                let decoded = try TextEncodingDetection.decode(bytes)
                let text = Array(decoded.utf8)
                if String(validating: text, as: UTF8.self) == nil { failures.append("not UTF-8 out") }
                if text.contains(0) { failures.append("NUL out") }
                if String(decoding: text, as: UTF8.self).unicodeScalars.contains("\u{FEFF}") {
                    failures.append("BOM out")
                }
                if decoded.encoding == .windows1252,
                    bytes.indices.contains(where: { i in
                        (0xC2...0xDF).contains(bytes[i]) && i + 1 < bytes.count && (0x80...0xBF).contains(bytes[i + 1])
                    })
                {
                    failures.append("mixed text read as Windows-1252")
                }
                if decoded.encoding == .utf8, text != bytes { failures.append("UTF-8 changed") }
            } catch let error as CSVError {
                if let line = error.line, !(1...Self.lineCount(bytes)).contains(line) {
                    failures.append("line \(line) outside 1...\(Self.lineCount(bytes))")
                }
            } catch {
                failures.append("unexpected error \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(runs > 100)
    }
}
