import Foundation
import Testing

@testable import StickprovKit

/// The test vectors of SPEC.md (`sha256-rank-v1`), read from `../shared/sampling/vectors.json`
/// when the shared folder is beside the repository, else from the copy in Resources/.
@Suite struct SamplingVectorTests {
    struct Vector: Decodable, Sendable, CustomTestStringConvertible {
        struct Rule: Decodable, Sendable {
            var stratum: String
            var percent: String?
            var count: Int?
        }
        struct Part: Decodable, Sendable {
            var stratum: String
            var keys: [String]
        }
        struct Tally: Decodable, Sendable {
            var count: Int
            var sumOre: Int64
        }
        /// `null` is an error case: the input must be refused (an amount that does not parse).
        enum Expected: Decodable, Sendable {
            case keys([String])
            case number(Int)
            case text(String)
            case parts([Part])
            case refused
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if container.decodeNil() {
                    self = .refused
                } else if let keys = try? container.decode([String].self) {
                    self = .keys(keys)
                } else if let number = try? container.decode(Int.self) {
                    self = .number(number)
                } else if let text = try? container.decode(String.self) {
                    self = .text(text)
                } else {
                    self = .parts(try container.decode([Part].self))
                }
            }
        }
        var kind: String
        var seed: String?
        var k: Int?
        var keys: [String]?
        var n: Int?
        var p: String?
        var items: [[String]]?
        var rules: [Rule]?
        var month: String?
        var candidates: [String]?
        var lines: [String]?
        var key: String?
        var text: String?
        var certain: String?
        var expectedCertain: [String]?
        var tau: [UInt64]?
        var leftOut: Tally?
        var expected: Expected
        var testDescription: String {
            "\(kind) \(seed ?? "") \(k.map(String.init) ?? month ?? p ?? text.map { "'\($0)'" } ?? "")"
        }
    }

    struct File: Decodable {
        var algorithm: String
        var algorithms: [String]?
        var cases: [Vector]
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let file: File = {
        let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/sampling/vectors.json")
        let copy = packageRoot.appendingPathComponent("Tests/StickprovKitTests/Resources/sampling-vectors.json")
        let url = FileManager.default.fileExists(atPath: shared.path) ? shared : copy
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase  // sum_ore, expected_certain, left_out
            return try decoder.decode(File.self, from: Data(contentsOf: url))
        } catch {
            return File(algorithm: "unreadable: \(error)", cases: [])
        }
    }()

    @Test func vectorsAreForThisAlgorithm() {
        #expect(Self.file.algorithm == Sampler.algorithm)
        #expect(Self.file.algorithms == [Sampler.algorithm, AmountSampler.algorithm])
        #expect(Self.file.cases.count >= 60)
        #expect(Self.file.cases.filter { $0.kind == "pps" }.count >= 4)
        #expect(Self.file.cases.filter { $0.kind == "amount" }.count >= 10)
    }

    @Test(arguments: file.cases)
    func reproducesVector(_ vector: Vector) throws {
        switch (vector.kind, vector.expected) {
        case ("simple", .keys(let expected)):
            let keys = try #require(vector.keys).map(Population.normalise)
            let seed = try Seed(vector.seed ?? "")
            let k = try #require(vector.k)
            #expect(Sampler.sample(k, of: keys, seed: seed) == expected)
        case ("percent_size", .number(let expected)):
            let percent = try #require(Percentage(vector.p ?? ""))
            let n = try #require(vector.n)
            #expect(Sampler.size(percent: percent, of: n) == expected)
        case ("stratified", .parts(let expected)):
            let items = try #require(vector.items)
            var csv = "key;stratum\n"
            for item in items { csv += "\(item[0]);\(item[1])\n" }
            let table = try CSVTable.parse(Array(csv.utf8))
            let population = try Population(table, keyColumn: "key", stratumColumn: "stratum")
            let rules = try #require(vector.rules).map { rule in
                StratumRule(
                    stratum: rule.stratum,
                    size: rule.count.map(StratumSize.count)
                        ?? .percent(Percentage(rule.percent ?? "") ?? Percentage(hundredths: -1)))
            }
            let sample = Sample.draw(population, size: .strata(rules), seed: try Seed(vector.seed ?? ""))
            #expect(sample.parts.map { $0.stratum ?? "" } == expected.map(\.stratum))
            #expect(sample.parts.map { $0.items.map(\.key) } == expected.map(\.keys))
        case ("week", .text(let expected)):
            let month = try #require(Month(vector.month ?? ""))
            let seed = try Seed(vector.seed ?? "")
            #expect(month.candidateWeeks.map(\.description) == vector.candidates)
            #expect(Sampler.week(of: month, seed: seed).description == expected)
        case ("fingerprint", .text(let expected)):
            #expect(Sampler.fingerprint(try #require(vector.lines).map(Population.normalise)) == expected)
        case ("rank", .text(let expected)):
            let key = try #require(vector.key)
            let rank = Rank(seed: try Seed(vector.seed ?? ""), key: key)
            #expect(rank.digest.hex == expected)
        case ("amount", .number(let expected)):
            #expect(Amount(try #require(vector.text))?.ore == Int64(expected))
        case ("amount", .refused):
            #expect(Amount(try #require(vector.text)) == nil)
        case ("pps", .keys(let expected)):
            let items = try #require(vector.items)
            let keys = items.map { Population.normalise($0[0]) }
            let amounts = try items.map { try #require(Amount($0[1])) }
            let certain = try vector.certain.map { try #require(Amount($0)) }
            let sample = try AmountSampler.draw(
                keys: keys, amounts: amounts, seed: try Seed(vector.seed ?? ""), count: try #require(vector.k),
                certainFrom: certain)
            #expect(sample.certain.map { keys[$0] } == vector.expectedCertain)
            #expect(sample.drawn.map { keys[$0] } == expected)
            let tau = sample.threshold.map { [UInt64($0.hashPlusOne) ?? 0, UInt64($0.amount.ore)] }
            #expect(tau == vector.tau)
            #expect(sample.leftOut.count == vector.leftOut?.count)
            #expect(sample.leftOut.sum.ore == vector.leftOut?.sumOre)
        default:
            Issue.record("unknown vector kind \(vector.kind)")
        }
    }
}
