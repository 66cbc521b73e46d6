import Foundation
import Testing

@testable import StickprovKit

/// The streaming population reader against the table reader it replaces (CSVTable.parse, then
/// Population(table)): the same keys, strata, amounts, fingerprint, carried values and draws on
/// generated populations, and the same error on the same line for every kind of bad file.
@Suite struct PopulationReaderTests {
    /// What either reader made of a file: the population's content, or the error.
    enum Outcome: Equatable, CustomStringConvertible {
        case population(keys: [String], strata: [String?], amounts: [Amount?], fingerprint: String, carried: [[String]])
        case error(PopulationReadError)

        var description: String {
            switch self {
            case .population(let keys, _, _, let fingerprint, _): "\(keys.count) keys, fingerprint \(fingerprint)"
            case .error(let error): "error line \(error.line ?? 0): \(error.message)"
            }
        }
    }

    struct Columns {
        var key = "Nr"
        var stratum: String? = nil
        var carry: [String] = []
        var amount: String? = nil
    }

    static func outcome(_ population: Population, carried: [[String]]) -> Outcome {
        .population(
            keys: population.keys, strata: (0..<population.count).map(population.stratum),
            amounts: (0..<population.count).map(population.amount), fingerprint: population.fingerprint,
            carried: carried)
    }

    /// The table reader's outcome.
    static func old(_ bytes: [UInt8], _ columns: Columns) -> Outcome {
        do {
            let table = try CSVTable.parse(bytes)
            do {
                let population = try Population(
                    table, keyColumn: columns.key, stratumColumn: columns.stratum, carry: columns.carry,
                    amountColumn: columns.amount)
                return outcome(population, carried: (0..<population.count).map(population.carriedValues))
            } catch {
                return .error(.population(error))
            }
        } catch {
            return .error(.file(error))
        }
    }

    /// The streaming reader's outcome, with the carried values of every row loaded.
    static func new(_ bytes: [UInt8], _ columns: Columns) throws -> Outcome {
        let folder = try CSVTemporaryDirectory()
        let path = folder.path + "/population.csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            var population = try PopulationReader(
                path: path, keyColumn: columns.key, stratumColumn: columns.stratum, carry: columns.carry,
                amountColumn: columns.amount
            ).read()
            try population.loadCarried(forRows: Array(0..<population.count))
            return outcome(population, carried: (0..<population.count).map(population.carriedValues))
        } catch {
            return .error(error)
        }
    }

    /// A population with strata, amounts in several forms, quoted fields (with `;`, `""` and line
    /// breaks), padded keys, CRLF and blank lines, big enough to cross the reader's 1 MB chunks.
    static func generated(rows: Int, lineBreak: String = "\r\n") -> String {
        let strata = ["Hemtjänst SoL", " LSS ", "Särskilt boende SoL", "Korttid"]
        var text = "Nr;Handläggare;Beslutstyp;Belopp;Anteckning\(lineBreak)"
        for i in 0..<rows {
            let key = i % 7 == 0 ? "\"SN-\(i)\"" : i % 11 == 0 ? " SN-\(i) " : "SN-\(i)"
            let note =
                i % 5 == 0 ? "\"rad \(i); \"\"citat\"\"\nandra raden\"" : i % 13 == 0 ? "\"\"" : "anteckning \(i) åäö"
            let kronor = (i &* 2_654_435_761) % 150_000
            let amount =
                i % 3 == 0
                ? "\(kronor / 1000) \(kronor % 1000 + 100),\(i % 100)" : i % 3 == 1 ? "\(kronor).5" : "-\(kronor % 50)"
            text += "\(key);Handläggare \(i % 37);\(strata[i % 4]);\(amount);\(note)\(lineBreak)"
            if i % 1000 == 0 { text += lineBreak }
        }
        return text
    }

    static let everything = Columns(
        key: "Nr", stratum: "Beslutstyp", carry: ["Handläggare", "Anteckning"], amount: "Belopp")

    @Test func readsAGeneratedPopulationAsTheTableReaderDoes() throws {
        let bytes = Array(Self.generated(rows: 30_000).utf8)
        #expect(bytes.count > 2 << 20)
        let old = Self.old(bytes, Self.everything)
        guard case .population(let keys, _, _, _, _) = old else {
            Issue.record("the table reader refused the file: \(old)")
            return
        }
        #expect(keys.count == 30_000)
        #expect(try Self.new(bytes, Self.everything) == old)
        #expect(
            try Self.new([0xEF, 0xBB, 0xBF] + bytes, Self.everything)
                == Self.old([0xEF, 0xBB, 0xBF] + bytes, Self.everything))
        let lf = Array(Self.generated(rows: 3_000, lineBreak: "\n").utf8)
        #expect(try Self.new(lf, Self.everything) == Self.old(lf, Self.everything))
        let cr = Array(Self.generated(rows: 3_000, lineBreak: "\r").utf8)
        #expect(try Self.new(cr, Self.everything) == Self.old(cr, Self.everything))
    }

    @Test func readsWindows1252AsTheTableReaderDoes() throws {
        let text = Self.generated(rows: 20_000).replacingOccurrences(of: "SN-1", with: "Å-1")
            .replacingOccurrences(of: "anteckning 9", with: "anteckning € – 9")
        let bytes = try #require(text.data(using: .windowsCP1252)).map { $0 }
        let old = Self.old(bytes, Self.everything)
        guard case .population(let keys, _, _, _, _) = old else {
            Issue.record("the table reader refused the file: \(old)")
            return
        }
        #expect(keys.contains("Å-10"))
        #expect(try Self.new(bytes, Self.everything) == old)
    }

    @Test func drawsTheSameSamplesAsFromTheTable() throws {
        let bytes = Array(Self.generated(rows: 5_000).utf8)
        let table = try CSVTable.parse(bytes)
        let old = try Population(table, keyColumn: "Nr", stratumColumn: "Beslutstyp", amountColumn: "Belopp")
        let folder = try CSVTemporaryDirectory()
        let path = folder.path + "/p.csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let new = try PopulationReader(path: path, keyColumn: "Nr", stratumColumn: "Beslutstyp", amountColumn: "Belopp")
            .read()
        let seed = try Seed("Socialnämnden 2023 § 12")
        let sizes: [SampleSize] = [
            .count(25), .percent(Percentage(hundredths: 500)),
            .strata([
                StratumRule(stratum: "LSS", size: .percent(Percentage(hundredths: 1000))),
                StratumRule(stratum: "Hemtjänst SoL", size: .count(7)),
                StratumRule(stratum: "Saknas", size: .count(3)),
            ]),
        ]
        for size in sizes {
            let a = Sample.draw(old, size: size, seed: seed, spares: 2)
            let b = Sample.draw(new, size: size, seed: seed, spares: 2)
            #expect(a.parts.map { $0.items.map(\.key) } == b.parts.map { $0.items.map(\.key) })
            #expect(a.parts.map { $0.spares.map(\.key) } == b.parts.map { $0.spares.map(\.key) })
            #expect(a.notices == b.notices)
            // and as the keys alone draw them (SPEC.md §3)
            if case .count(let count) = size {
                #expect(b.items.map(\.key) == Sampler.sample(count, of: old.keys, seed: seed))
            }
        }
        let byAmount = try AmountSampler.draw(new, seed: seed, count: 60, certainFrom: Amount(ore: 14_000_000))
        let byKeys = try AmountSampler.draw(
            keys: old.keys, amounts: (0..<old.count).map { old.amount($0) ?? Amount(ore: 0) }, seed: seed, count: 60,
            certainFrom: Amount(ore: 14_000_000))
        #expect(byAmount.certain == byKeys.certain)
        #expect(byAmount.drawn == byKeys.drawn)
        #expect(byAmount.threshold == byKeys.threshold)
        // The fingerprint is SPEC.md §9's, over key<TAB>stratum lines.
        let lines = (0..<old.count).map { old.key($0) + "\t" + (old.stratum($0) ?? "") }
        #expect(new.fingerprint == Sampler.fingerprint(lines))
    }

    @Test func aSortedExportHasTheSameFingerprintAsAnyOrder() throws {
        var sorted = "Nr;Enhet\r\n"
        var shuffled = "Nr;Enhet\r\n"
        for i in 0..<3_000 { sorted += "K\(10_000 + i);Enhet \(i % 7)\r\n" }
        for i in 0..<3_000 {
            let j = (i * 7_919) % 3_000
            shuffled += "K\(10_000 + j);Enhet \(j % 7)\r\n"
        }
        let folder = try CSVTemporaryDirectory()
        try sorted.write(toFile: folder.path + "/a.csv", atomically: true, encoding: .utf8)
        try shuffled.write(toFile: folder.path + "/b.csv", atomically: true, encoding: .utf8)
        let a = try PopulationReader(path: folder.path + "/a.csv", keyColumn: "Nr", stratumColumn: "Enhet").read()
        let b = try PopulationReader(path: folder.path + "/b.csv", keyColumn: "Nr", stratumColumn: "Enhet").read()
        #expect(a.isSortedByKey && !b.isSortedByKey)
        let lines = (0..<3_000).map { "K\(10_000 + $0)\tEnhet \($0 % 7)" }
        #expect(a.fingerprint == Sampler.fingerprint(lines))
        #expect(b.fingerprint == a.fingerprint)
        #expect(
            try Self.new(Array(sorted.utf8), Columns(key: "Nr", stratum: "Enhet"))
                == Self.old(Array(sorted.utf8), Columns(key: "Nr", stratum: "Enhet")))
    }

    /// Bad files, each with the table reader's error (the first problem in its order of precedence).
    static let badFiles: [(String, [UInt8])] = [
        ("empty", []),
        ("blank lines only", Array("\r\n\n\r".utf8)),
        ("header only", Array("Nr;Enhet\r\n".utf8)),
        ("missing column", Array("Nummer;Enhet\r\na;b\r\n".utf8)),
        ("empty key", Array("Nr;Enhet\r\na;b\r\n  ;c\r\n".utf8)),
        ("duplicate key", Array("Nr;Enhet\r\na;b\r\nb;b\r\n\r\n\" a\";c\r\n".utf8)),
        ("duplicate after NFC", Array("Nr;Enhet\nÅ;b\nA\u{30A};c\n".utf8)),
        ("control character in key", Array("Nr;Enhet\r\na;b\r\n\"x\ny\";c\r\n".utf8)),
        ("control character in stratum", Array("Nr;Enhet\r\na;b\r\nc;\"x\u{1B}\"\r\n".utf8)),
        ("C1 control in key", Array("Nr;Enhet\na\u{85}b;c\n".utf8)),
        ("bad amount", Array("Nr;Enhet;Belopp\na;b;1 234,50\nc;d;1.234\n".utf8)),
        ("ragged row", Array("Nr;Enhet\r\na;b\r\nc\r\n".utf8)),
        ("ragged after a duplicate", Array("Nr;Enhet\na;b\na;c\nd\n".utf8)),
        ("unterminated quote", Array("Nr;Enhet\na;\"b\nc;d\n".utf8)),
        ("text after closing quote", Array("Nr;Enhet\na;\"b\nc\"d\n".utf8)),
        ("empty column name", Array("Nr;;Enhet\na;b;c\n".utf8)),
        ("duplicate column", Array("Nr;enhet;Enhet\na;b;c\n".utf8)),
        ("NUL byte", Array("Nr;Enhet\na;b\nc;d\0\n".utf8)),
        ("misplaced BOM", Array("Nr;Enhet\na;b\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("c;d\n".utf8)),
        ("invalid UTF-8 after BOM", [0xEF, 0xBB, 0xBF] + Array("Nr;Enhet\na;b\nc;".utf8) + [0xE5] + Array("\n".utf8)),
        ("mixed encodings", Array("Nr;Enhet\nå;b\r\nc;x".utf8) + [0xE5, 0x0A]),
        ("mixed, Windows-1252 first", Array("Nr;Enhet\nc;x".utf8) + [0xE5] + Array("\rd;ä\r".utf8)),
        ("undefined Windows-1252 byte", Array("Nr;Enhet\nc;x".utf8) + [0xE5] + Array("\nd;".utf8) + [0x81]),
        ("UTF-16", [0xFF, 0xFE] + Array("N\0r\0".utf8)),
        ("workbook", [0x50, 0x4B, 0x03, 0x04, 0x00]),
        ("ragged before a bad byte", Array("Nr;Enhet\na\nb;c\n".utf8) + [0x00]),
        ("bad byte after a duplicate", Array("Nr;Enhet\na;b\na;b\nc;".utf8) + [0xE5, 0x0A] + Array("d;å\n".utf8)),
        (
            "field over 1 MB",
            Array("Nr;Enhet\na;\"".utf8) + Array(repeating: 0x78, count: 1 << 20) + Array("x\"\nb;c\n".utf8)
        ),
        (
            "unquoted field over 2 MB",
            Array("Nr;Enhet\na;b\nc;".utf8) + Array(repeating: 0x78, count: 3 << 20) + Array("\n".utf8)
        ),
        (
            "unquoted field of exactly 1 MB",
            Array("Nr;Enhet\na;".utf8) + Array(repeating: 0x78, count: 1 << 20) + Array("\r\nb;c\n".utf8)
        ),
        (
            "Windows-1252 field over 1 MB",
            Array("Nr;Enhet\na;".utf8) + Array(repeating: 0xE5, count: 600_000) + Array("\n".utf8)
        ),
        (
            "duplicate after ascending keys",
            Array(("Nr;Enhet\n" + (0..<70_000).map { "K\(100_000 + $0);x\n" }.joined() + "K100017;y\n").utf8)
        ),
        ("repeat of the key before", Array("Nr;Enhet\na;x\nb;x\nb;y\n".utf8)),
        ("quoted key with doubled quotes", Array("Nr;Enhet\n\"a\"\"b\";c\n\"a\"\"b\";d\n".utf8)),
    ]

    @Test(arguments: badFiles.indices)
    func refusesABadFileAsTheTableReaderDoes(_ index: Int) throws {
        let (name, bytes) = Self.badFiles[index]
        let columns = Columns(
            key: "Nr", stratum: name.contains("stratum") ? "Enhet" : nil,
            amount: name.contains("amount") ? "Belopp" : nil)
        let old = Self.old(bytes, columns)
        let new = try Self.new(bytes, columns)
        #expect(new == old, "\(name): \(new) instead of \(old)")
        if case .population = old, !name.contains("doubled") && name != "header only" && !name.contains("exactly") {
            Issue.record("\(name): the table reader read it")
        }
    }
}
