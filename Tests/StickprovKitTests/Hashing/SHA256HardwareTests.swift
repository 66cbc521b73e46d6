import Foundation
import Testing

@testable import StickprovKit

/// The SHA-NI path (Sources/CSHA256) against the portable Swift code, on this machine's CPU.
/// The NIST vectors in SHA256Tests run through whichever path the CPU takes.
@Suite struct SHA256HardwareTests {
    static func hardwareNotice() -> Bool {
        if !SHA256.hasHardwareSHA {
            print("notice: this CPU has no SHA extensions; only the portable SHA-256 path is tested here")
        }
        return true
    }

    static func digests(_ bytes: [UInt8]) -> (SHA256Digest, SHA256Digest) {
        bytes.withUnsafeBytes { (SHA256.hash($0), SHA256.hashPortable($0)) }
    }

    @Test func agreesWithThePortableCodeOnEveryLengthUpToAThousand() {
        _ = Self.hardwareNotice()
        var generator = SplitMix64(seed: 15)
        let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for length in 0...1000 {
            let (fast, portable) = Self.digests(Array(bytes.prefix(length)))
            #expect(fast == portable, "length \(length)")
        }
    }

    @Test(arguments: [4096, 1 << 20, (1 << 20) + 17, 3 * (1 << 20) + 63])
    func agreesWithThePortableCodeOnLargeInputs(length: Int) {
        var generator = SplitMix64(seed: UInt64(length))
        var bytes = [UInt8](repeating: 0, count: length)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: generator.next()) }
        let (fast, portable) = Self.digests(bytes)
        #expect(fast == portable)
    }

    /// Incremental updates in odd pieces go through the buffered path and the block path alike.
    @Test func agreesWhenFedInPieces() {
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var hasher = SHA256()
        var offset = 0
        for piece in [1, 63, 64, 65, 127, 1000, 3, 4096] where offset < bytes.count {
            let end = min(offset + piece, bytes.count)
            hasher.update(bytes[offset..<end])
            offset = end
        }
        hasher.update(bytes[offset...])
        #expect(hasher.finalize() == Self.digests(bytes).1)
    }

    @Test func nistVectorsOnBothPaths() throws {
        let cases: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ]
        for (text, hex) in cases {
            let (fast, portable) = Self.digests(Array(text.utf8))
            #expect(fast.hex == hex)
            #expect(portable.hex == hex)
        }
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let (fast, portable) = Self.digests(million)
        #expect(fast.hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(portable == fast)
    }
}

extension SHA256HardwareTests {
    /// Where Linux says the CPU has SHA-NI, the detection must find it (else we would silently run slow).
    @Test func detectsTheExtensionsLinuxReports() throws {
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
            print("notice: no /proc/cpuinfo; SHA-NI detection not checked against the kernel")
            return
        }
        #expect(SHA256.hasHardwareSHA == cpuinfo.contains(" sha_ni"))
    }
}
