import Foundation
import Testing

@testable import StickprovKit

/// A message with its published SHA-256 digest.
struct HashVector: Sendable, CustomTestStringConvertible {
    let name: String
    let message: [UInt8]
    let digest: String

    var testDescription: String { name }

    /// The short FIPS 180-2 / NIST CSRC example messages: empty, one block, two blocks, 896 bits.
    static let short: [HashVector] = [
        HashVector(
            name: "empty",
            message: [],
            digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        HashVector(
            name: "abc",
            message: Array("abc".utf8),
            digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        HashVector(
            name: "448-bit",
            message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
            digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        HashVector(
            name: "896-bit",
            message: Array(
                ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                    + "mnopqrstnopqrstu").utf8),
            digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    /// One million 'a', the long NIST example.
    static let millionA = HashVector(
        name: "million a",
        message: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000),
        digest: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")

    /// All published vectors.
    static let nist = short + [millionA]

    /// The vectors to stream in chunks of `chunkSize`. Debug builds hash at only a few MB/s (the
    /// vector code is not optimised), so the million-byte message is streamed only in chunk sizes
    /// around the block size, where the buffering logic has its edge cases.
    static func streamed(chunkSize: Int) -> [HashVector] {
        chunkSize >= 55 ? nist : short
    }
}

/// A second SHA-256 implementation on the machine, used to check many lengths in one process run.
enum ReferenceHasher {
    /// `sha256sum` (coreutils) or `python3`, whichever is found first on PATH.
    static let tool: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["sha256sum", "python3"] {
            for directory in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    /// The lowercase hex digests of `files`, from one run of the reference tool, in order.
    static func digests(of files: [URL]) throws -> [String] {
        guard let tool else { return [] }
        let process = Process()
        process.executableURL = tool
        if tool.lastPathComponent == "python3" {
            let script = """
                import hashlib, sys
                for p in sys.argv[1:]:
                    print(hashlib.sha256(open(p, 'rb').read()).hexdigest())
                """
            process.arguments = ["-c", script] + files.map(\.path)
        } else {
            process.arguments = files.map(\.path)
        }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        // sha256sum prints "<hex>  <path>"; python prints "<hex>".
        return text.split(separator: "\n").map { String($0.prefix(64)) }
    }
}

@Suite struct SHA256Tests {
    // MARK: Published vectors

    @Test(arguments: HashVector.nist)
    func oneShotMatchesPublishedDigest(_ vector: HashVector) {
        #expect(SHA256.hash(vector.message).hex == vector.digest)
    }

    @Test(arguments: HashVector.short)
    func everyInputKindMatchesPublishedDigest(_ vector: HashVector) {
        #expect(SHA256.hash(vector.message[...]).hex == vector.digest)
        #expect(SHA256.hash(Data(vector.message)).hex == vector.digest)
        #expect(vector.message.withUnsafeBytes { SHA256.hash($0) }.hex == vector.digest)
        #expect(SHA256.hash(String(decoding: vector.message, as: UTF8.self)).hex == vector.digest)
        // A lazy map has no contiguous storage, so this takes the byte-gathering path.
        #expect(SHA256.hash(vector.message.lazy.map { $0 }).hex == vector.digest)
    }

    @Test(arguments: HashVector.nist)
    func hasherWithOneUpdateMatchesPublishedDigest(_ vector: HashVector) {
        var hasher = SHA256()
        hasher.update(vector.message)
        #expect(hasher.finalize().hex == vector.digest)
    }

    // MARK: Streaming

    @Test(arguments: [1, 3, 55, 56, 63, 64, 65, 127])
    func fixedChunksMatchOneShot(chunkSize: Int) {
        for vector in HashVector.streamed(chunkSize: chunkSize) {
            var hasher = SHA256()
            vector.message.withUnsafeBytes { all in
                var start = 0
                while start < all.count {
                    let end = min(start + chunkSize, all.count)
                    hasher.update(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                    start = end
                }
            }
            #expect(hasher.finalize().hex == vector.digest, "\(vector.name) in chunks of \(chunkSize)")
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomChunksAndInputKindsMatchOneShot(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for vector in HashVector.short + (seed == 1 ? [HashVector.millionA] : []) {
            var hasher = SHA256()
            var start = 0
            // Empty chunks included; mostly small, sometimes several blocks at once.
            while start < vector.message.count {
                let limit = Int.random(in: 0..<8, using: &random) == 0 ? 1000 : 130
                let end = min(start + Int.random(in: 0...limit, using: &random), vector.message.count)
                let chunk = vector.message[start..<end]
                switch Int.random(in: 0..<4, using: &random) {
                case 0: hasher.update(chunk)
                case 1: hasher.update(Array(chunk))
                case 2: chunk.withUnsafeBytes { hasher.update($0) }
                default: hasher.update(chunk.lazy.map { $0 })
                }
                start = end
            }
            #expect(hasher.finalize().hex == vector.digest, "\(vector.name), seed \(seed)")
        }
    }

    @Test func stringUpdatesHashTheirUTF8() {
        var hasher = SHA256()
        hasher.update("ab")
        hasher.update("")
        hasher.update("c")
        #expect(hasher.finalize() == SHA256.hash("abc"))
        #expect(SHA256.hash("\u{C5}") == SHA256.hash([0xC3, 0x85]))
    }

    @Test func copyingAHasherForksIt() {
        var prefix = SHA256()
        prefix.update("2023-03 loggkontroll")
        var first = prefix
        var second = prefix
        first.update("x")
        second.update("y")
        #expect(first.finalize() == SHA256.hash("2023-03 loggkontrollx"))
        #expect(second.finalize() == SHA256.hash("2023-03 loggkontrolly"))
        // Finalizing copies left the original untouched.
        #expect(prefix.finalize() == SHA256.hash("2023-03 loggkontroll"))
    }

    // MARK: Against a second implementation

    @Test(.enabled(if: ReferenceHasher.tool != nil, "skipped: neither sha256sum nor python3 found on PATH"))
    func lengthsZeroThroughThreeHundredMatchReferenceTool() throws {
        var random = SplitMix64(seed: 0x5EED)
        let data = (0..<300).map { _ in UInt8.random(in: 0...255, using: &random) }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "stickprov-sha256-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let lengths = Array(0...300)
        var files: [URL] = []
        for length in lengths {
            let file = directory.appendingPathComponent("\(length).bin")
            try Data(data.prefix(length)).write(to: file)
            files.append(file)
        }
        let expected = try ReferenceHasher.digests(of: files)
        try #require(expected.count == lengths.count, "reference tool printed \(expected.count) digests")
        for length in lengths {
            #expect(SHA256.hash(data.prefix(length)).hex == expected[length], "length \(length)")
        }
    }

    // MARK: Sampling ranks

    /// rank(seed, key) = SHA-256(UTF8(seed) || 0x00 || UTF8(key)), from the sampling spec.
    @Test(arguments: [
        ("s", "k", "85e238288c85c3282f1ecb482daf3d8f9976093709178eff541c12425567c602"),
        ("2023-03 loggkontroll", "anna.lind", "2d81777c2c8e7b8fd27650c4252edebc9c473daff8b576102104cfa67a058bfd"),
        ("\u{C5}", "\u{F6}", "0bd1089ddf4bd7917cabdf0ce7895630c16e8a5b3903740bc483b569c9115885"),
    ])
    func rankVectorsFromSamplingSpec(seed: String, key: String, digest: String) {
        let oneShot = SHA256.hash(Array(seed.utf8) + [0] + Array(key.utf8))
        var hasher = SHA256()
        hasher.update(seed)
        hasher.update([0])
        hasher.update(key)
        #expect(oneShot.hex == digest)
        #expect(hasher.finalize().hex == digest)
    }

    @Test func hashesBytesNotCharacters() {
        // "Å" and "ö" decomposed (NFD) are equal Swift strings to the precomposed ones but different
        // UTF-8, so a different rank: normalising keys is the caller's decision, not the hash's.
        let decomposed = SHA256.hash(Array("A\u{30A}".utf8) + [0] + Array("o\u{308}".utf8))
        #expect(decomposed.hex == "2c62855debea9c44b2ecf4aaf7b8b2c2d1ddc19b78e44c36e1b6f044515b757f")
    }

    // MARK: Digest value

    @Test func hexIsLowercaseSixtyFourDigitsAndDescription() throws {
        let digest = SHA256.hash("abc")
        #expect(digest.hex.count == 64)
        #expect(digest.hex == digest.hex.lowercased())
        #expect(digest.description == digest.hex)
        #expect("\(digest)" == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest.bytes.count == 32)
        #expect(digest.bytes.prefix(4) == [0xba, 0x78, 0x16, 0xbf])
        #expect(digest.bytes.suffix(2) == [0x15, 0xad])
    }

    @Test func digestRoundTripsThroughHexAndBytes() throws {
        let digest = SHA256.hash("round trip")
        #expect(SHA256Digest(hex: digest.hex) == digest)
        #expect(SHA256Digest(hex: digest.hex.uppercased()) == digest)
        #expect(SHA256Digest(bytes: digest.bytes) == digest)
        #expect(SHA256Digest(bytes: digest.bytes[...]) == digest)
    }

    @Test(arguments: [
        "", "abc", String(repeating: "0", count: 63), String(repeating: "0", count: 65),
        String(repeating: "g", count: 64), " " + String(repeating: "0", count: 63),
    ])
    func malformedHexIsRejected(_ text: String) {
        #expect(SHA256Digest(hex: text) == nil)
    }

    @Test(arguments: [0, 31, 33])
    func wrongByteCountIsRejected(_ count: Int) {
        #expect(SHA256Digest(bytes: [UInt8](repeating: 0, count: count)) == nil)
    }

    @Test func orderIsByteWise() throws {
        func digest(_ bytes: [(index: Int, value: UInt8)]) throws -> SHA256Digest {
            var all = [UInt8](repeating: 0, count: 32)
            for (index, value) in bytes { all[index] = value }
            return try #require(SHA256Digest(bytes: all))
        }
        let zero = try digest([])
        // The first differing byte decides, wherever it sits relative to the 8-byte words inside.
        for index in [0, 7, 8, 15, 16, 24, 31] {
            let one = try digest([(index, 1)])
            #expect(zero < one)
            #expect(!(one < zero))
        }
        #expect(try digest([(0, 0x7f), (31, 0xff)]) < digest([(0, 0x80)]))
        #expect(try digest([(7, 0xff)]) < digest([(6, 0x01)]))
        #expect(try digest([(8, 0xff), (9, 0xff)]) < digest([(7, 0x01)]))
        #expect(!(zero < zero))

        // Sorting real digests with < agrees with lexicographic order of their bytes.
        let digests = (0..<200).map { SHA256.hash("key \($0)") }
        let byOperator = digests.sorted()
        let byBytes = digests.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        #expect(byOperator == byBytes)
        #expect(byOperator.map(\.hex) == digests.map(\.hex).sorted())
    }

    @Test func equalDigestsHashEqually() {
        let set: Set<SHA256Digest> = [SHA256.hash("a"), SHA256.hash("a"), SHA256.hash("b")]
        #expect(set.count == 2)
    }

    // MARK: Internals

    @Test func laneShufflesAgreeWithPortableForms() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<100 {
            let a = SHA256.Words(
                UInt32.random(in: .min ... .max, using: &random), UInt32.random(in: .min ... .max, using: &random),
                UInt32.random(in: .min ... .max, using: &random), UInt32.random(in: .min ... .max, using: &random))
            let b = a &* 0x9e37_79b9 &+ 1
            #expect(SHA256.wordsFrom(a, b) == SHA256.portableWordsFrom(a, b))
            #expect(SHA256.upperHalfDown(a) == SHA256.portableUpperHalfDown(a))
            #expect(SHA256.lowerHalfUp(a) == SHA256.portableLowerHalfUp(a))
        }
    }
}
