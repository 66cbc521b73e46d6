// SHA-256 as specified in FIPS 180-4, written by hand so the library needs nothing beyond the toolchain.
//
// Why it looks the way it does: the sampler hashes about a million short inputs and the CLI may hash
// large files, so neither path touches the heap. Whole blocks are compressed straight from the
// caller's memory, only the final partial block is copied (to the stack), the working state lives in
// locals, and the digest is four `UInt64`s rather than an array. The compression function itself is
// described at "Compression function" below.

import CSHA256

/// A SHA-256 digest: 32 bytes, compared byte-wise (big-endian number order).
///
/// Stored as four big-endian `UInt64` words so that equality, hashing and ordering are a few integer
/// comparisons and creating a digest allocates nothing; `bytes` builds the array on demand.
public struct SHA256Digest: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Bytes 0–7 of the digest read as a big-endian integer.
    @usableFromInline internal let word0: UInt64
    /// Bytes 8–15 of the digest read as a big-endian integer.
    @usableFromInline internal let word1: UInt64
    /// Bytes 16–23 of the digest read as a big-endian integer.
    @usableFromInline internal let word2: UInt64
    /// Bytes 24–31 of the digest read as a big-endian integer.
    @usableFromInline internal let word3: UInt64

    /// Creates a digest from its four big-endian 64-bit words.
    @inlinable internal init(word0: UInt64, word1: UInt64, word2: UInt64, word3: UInt64) {
        self.word0 = word0
        self.word1 = word1
        self.word2 = word2
        self.word3 = word3
    }

    /// Creates a digest from exactly 32 bytes, or returns nil for any other length.
    ///
    /// Lets callers rebuild a digest that was stored or printed as bytes.
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == 32 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var index = 0
        for byte in bytes {
            let value = UInt64(byte)
            switch index >> 3 {
            case 0: words.0 = words.0 << 8 | value
            case 1: words.1 = words.1 << 8 | value
            case 2: words.2 = words.2 << 8 | value
            default: words.3 = words.3 << 8 | value
            }
            index += 1
        }
        self.init(word0: words.0, word1: words.1, word2: words.2, word3: words.3)
    }

    /// Parses 64 hexadecimal digits (either case), or returns nil if the text is anything else.
    ///
    /// Lets tests and reports compare against digests written out as text.
    public init?(hex: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var high: UInt8? = nil
        for unit in hex.utf8 {
            let nibble: UInt8
            switch unit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = unit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = unit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = unit - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        guard high == nil else { return nil }
        self.init(bytes: bytes)
    }

    /// The 32 digest bytes in order; allocates a new array on every access.
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            raw.storeBytes(of: word0.bigEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: word1.bigEndian, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: word2.bigEndian, toByteOffset: 16, as: UInt64.self)
            raw.storeBytes(of: word3.bigEndian, toByteOffset: 24, as: UInt64.self)
            initialized = 32
        }
    }

    /// The digest as 64 lowercase hexadecimal digits, the form `sha256sum` prints.
    public var hex: String {
        let words = (word0.bigEndian, word1.bigEndian, word2.bigEndian, word3.bigEndian)
        return withUnsafeBytes(of: words) { digest in
            String(unsafeUninitializedCapacity: 64) { out in
                let digits: StaticString = "0123456789abcdef"
                let table = digits.utf8Start
                for (i, byte) in digest.enumerated() {
                    out[2 * i] = table[Int(byte >> 4)]
                    out[2 * i + 1] = table[Int(byte & 0xF)]
                }
                return 64
            }
        }
    }

    /// The same as `hex`, so digests print the way `sha256sum` shows them.
    public var description: String { hex }

    /// Plain byte-wise lexicographic order, which is also the order of the digests read as
    /// 256-bit big-endian numbers.
    @inlinable public static func < (a: SHA256Digest, b: SHA256Digest) -> Bool {
        if a.word0 != b.word0 { return a.word0 < b.word0 }
        if a.word1 != b.word1 { return a.word1 < b.word1 }
        if a.word2 != b.word2 { return a.word2 < b.word2 }
        return a.word3 < b.word3
    }
}

/// Streaming SHA-256 hasher (value type).
///
/// Feed bytes with `update` any number of times, then call `finalize`. Because it is a value type,
/// copying a hasher forks it: hash a common prefix once, copy, and finish each copy with a different
/// suffix.
public struct SHA256: Sendable {
    /// The eight 32-bit chaining words H0…H7.
    @usableFromInline internal struct State: Sendable {
        @usableFromInline var a: UInt32
        @usableFromInline var b: UInt32
        @usableFromInline var c: UInt32
        @usableFromInline var d: UInt32
        @usableFromInline var e: UInt32
        @usableFromInline var f: UInt32
        @usableFromInline var g: UInt32
        @usableFromInline var h: UInt32

        /// The FIPS 180-4 initial hash value (section 5.3.3).
        @inlinable init() {
            a = 0x6a09_e667
            b = 0xbb67_ae85
            c = 0x3c6e_f372
            d = 0xa54f_f53a
            e = 0x510e_527f
            f = 0x9b05_688c
            g = 0x1f83_d9ab
            h = 0x5be0_cd19
        }
    }

    /// A 64-byte block kept inline (no heap) for bytes that did not fill a whole block yet.
    @usableFromInline internal typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// The chaining state after every complete block so far.
    @usableFromInline internal var state: State
    /// Bytes of an incomplete block; only the first `buffered` are meaningful.
    @usableFromInline internal var buffer: Block
    /// How many bytes of `buffer` are in use, always 0…63.
    @usableFromInline internal var buffered: Int
    /// Total message length in bytes so far.
    @usableFromInline internal var length: UInt64

    /// Creates a hasher for an empty message.
    @inlinable public init() {
        state = State()
        buffer = (0, 0, 0, 0, 0, 0, 0, 0)
        buffered = 0
        length = 0
    }

    /// Appends the bytes in raw memory to the message.
    ///
    /// Whole blocks are compressed in place from `bytes`; only a trailing partial block is copied.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var input = base
        var remaining = bytes.count
        length &+= UInt64(truncatingIfNeeded: remaining)

        if buffered > 0 {
            let take = min(64 - buffered, remaining)
            let filled = buffered
            withUnsafeMutableBytes(of: &buffer) { block in
                (block.baseAddress.unsafelyUnwrapped + filled).copyMemory(from: input, byteCount: take)
            }
            buffered += take
            input += take
            remaining -= take
            guard buffered == 64 else { return }
            let block = buffer
            withUnsafeBytes(of: block) { Self.compress(&state, $0.baseAddress.unsafelyUnwrapped, blocks: 1) }
            buffered = 0
        }

        let blocks = remaining >> 6
        if blocks > 0 {
            Self.compress(&state, input, blocks: blocks)
            input += blocks << 6
            remaining &= 63
        }

        if remaining > 0 {
            withUnsafeMutableBytes(of: &buffer) { block in
                block.baseAddress.unsafelyUnwrapped.copyMemory(from: input, byteCount: remaining)
            }
            buffered = remaining
        }
    }

    /// Appends a sequence of bytes to the message.
    ///
    /// Contiguous collections (`[UInt8]`, `ArraySlice`, `Data`, `String.UTF8View` of a native
    /// string) are hashed straight from their storage; other sequences are gathered 64 bytes at a
    /// time into a stack buffer.
    @inlinable public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { updateSlowly(bytes) }
    }

    /// The path for sequences without contiguous storage.
    @usableFromInline internal mutating func updateSlowly<Bytes: Sequence>(_ bytes: Bytes)
    where Bytes.Element == UInt8 {
        var chunk: Block = (0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        for byte in bytes {
            withUnsafeMutableBytes(of: &chunk) { $0[count] = byte }
            count += 1
            if count == 64 {
                withUnsafeBytes(of: chunk) { update($0) }
                count = 0
            }
        }
        if count > 0 {
            let used = count
            withUnsafeBytes(of: chunk) { update(UnsafeRawBufferPointer(rebasing: $0[0..<used])) }
        }
    }

    /// Appends the UTF-8 encoding of `string` to the message.
    public mutating func update(_ string: String) {
        var string = string
        string.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Pads the message, processes the last block(s) and returns the digest.
    ///
    /// `consuming` because finishing is the end of a hasher's job, and it lets the compiler reuse the
    /// storage. SHA256 is copyable, so a caller that still needs the hasher (to fork more messages
    /// from a shared prefix) simply keeps using its variable and Swift finalizes a copy.
    public consuming func finalize() -> SHA256Digest {
        let block = buffer
        let count = buffered
        let total = length
        return withUnsafeBytes(of: block) { tail in
            Self.finish(&state, tail.baseAddress, count: count, length: total)
        }
    }

    /// The digest of a whole byte sequence in one call.
    ///
    /// Contiguous collections take the same allocation-free path as `hash(_: UnsafeRawBufferPointer)`.
    @inlinable public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> SHA256Digest where Bytes.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of the UTF-8 encoding of `string`.
    public static func hash(_ string: String) -> SHA256Digest {
        var string = string
        return string.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    /// The digest of the bytes in raw memory.
    ///
    /// The one-shot path: whole blocks are compressed straight from `bytes` and only the tail is
    /// copied, into a stack block, for padding; no hasher state is built.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var state = State()
        guard let base = bytes.baseAddress else { return finish(&state, nil, count: 0, length: 0) }
        let blocks = bytes.count >> 6
        if blocks > 0 { compress(&state, base, blocks: blocks) }
        return finish(&state, base + (blocks << 6), count: bytes.count & 63, length: UInt64(bytes.count))
    }

    /// Appends the padding (0x80, zeros, the bit length as a big-endian UInt64) to the final
    /// `count` (< 64) message bytes at `tail` (nil only when `count` is 0), compresses the one or
    /// two resulting blocks and returns the digest. `length` is the whole message length in bytes.
    @usableFromInline internal static func finish(
        _ state: inout State, _ tail: UnsafeRawPointer?, count: Int, length: UInt64, portable: Bool = false
    ) -> SHA256Digest {
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 16) { last in
            let base = last.baseAddress.unsafelyUnwrapped
            if let tail, count > 0 { base.copyMemory(from: tail, byteCount: count) }
            base.storeBytes(of: 0x80, toByteOffset: count, as: UInt8.self)
            // 0x80 and the 8-byte length must fit after the data: one block up to 55 bytes, else two.
            let blocks = count < 56 ? 1 : 2
            let end = blocks << 6
            (base + count + 1).initializeMemory(as: UInt8.self, repeating: 0, count: end - 8 - count - 1)
            base.storeBytes(of: (length &<< 3).bigEndian, toByteOffset: end - 8, as: UInt64.self)
            compress(&state, UnsafeRawPointer(base), blocks: blocks, portable: portable)
        }
        return SHA256Digest(
            word0: UInt64(state.a) << 32 | UInt64(state.b),
            word1: UInt64(state.c) << 32 | UInt64(state.d),
            word2: UInt64(state.e) << 32 | UInt64(state.f),
            word3: UInt64(state.g) << 32 | UInt64(state.h)
        )
    }

    // MARK: - Choosing the compression function

    /// Whether this CPU has the SHA extensions (x86-64 SHA-NI), asked once.
    static let hasHardwareSHA: Bool = stickprov_sha256_ni_available() != 0

    /// Compresses whole blocks: with the CPU's SHA instructions where it has them (about three
    /// times the portable code's speed), else with the portable Swift code below.
    /// - Parameter portable: use the Swift code even where the CPU has SHA instructions (tests compare the two).
    @usableFromInline internal static func compress(
        _ state: inout State, _ input: UnsafeRawPointer, blocks: Int, portable: Bool = false
    ) {
        guard hasHardwareSHA && !portable else { return compressPortable(&state, input, blocks: blocks) }
        var words = (state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h)
        withUnsafeMutableBytes(of: &words) { raw in
            stickprov_sha256_compress_ni(
                raw.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt32.self),
                input.assumingMemoryBound(to: UInt8.self), blocks)
        }
        (state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h) = words
    }

    /// The digest of `bytes` computed with the portable Swift code only, for tests that check the
    /// hardware path against it.
    static func hashPortable(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var state = State()
        guard let base = bytes.baseAddress else { return finish(&state, nil, count: 0, length: 0, portable: true) }
        let blocks = bytes.count >> 6
        if blocks > 0 { compress(&state, base, blocks: blocks, portable: true) }
        return finish(
            &state, base + (blocks << 6), count: bytes.count & 63, length: UInt64(bytes.count), portable: true)
    }

    // MARK: - Compression function (FIPS 180-4 section 6.2.2)
    //
    // The rounds run in scalar registers; the message schedule runs four words at a time in vector
    // registers. Scalar-only SHA-256 keeps the integer ALUs saturated with rounds plus schedule, so
    // moving the schedule to the otherwise idle vector units is what lifts throughput (the split
    // OpenSSL's SSSE3/AVX code uses too): about 280 MB/s scalar versus 370 MB/s here on the
    // development machine. The schedule words, with the round constants already added, go through a
    // 256-byte stack buffer that the rounds read from.
    //
    // Measured, not guessed: the order of the statements in `compress` (four rounds, then one
    // schedule group) and the choice of factored or plain rotations each moved throughput by 5–15 %.

    /// A vector of four 32-bit message words.
    @usableFromInline internal typealias Words = SIMD4<UInt32>

    /// The 64 round constants K0…K63 in groups of four: the first 32 bits of the fractional parts
    /// of the cube roots of the first 64 primes (FIPS 180-4 section 4.2.2).
    private static let roundConstants: [Words] = [
        Words(0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5),
        Words(0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5),
        Words(0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3),
        Words(0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174),
        Words(0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc),
        Words(0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da),
        Words(0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7),
        Words(0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967),
        Words(0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13),
        Words(0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85),
        Words(0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3),
        Words(0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070),
        Words(0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5),
        Words(0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3),
        Words(0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208),
        Words(0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2),
    ]

    /// Rotates right by a constant; compiles to a single `ror`.
    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }

    /// One round. The caller rotates the roles of the eight working variables instead of moving
    /// values, so only `d` (gets T1 added, becoming the next `e`) and `h` (becomes the next `a`) change.
    /// `kw` is K[t] + W[t]; `bc` carries b ^ c in and this round's a ^ b out, saving work in Maj.
    @inline(__always) private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ kw: UInt32, _ bc: inout UInt32
    ) {
        // Σ1(e) = ROTR6 ^ ROTR11 ^ ROTR25. The three independent rotations keep the e chain, which
        // bounds the round latency, short.
        let sigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let choose = g ^ (e & (f ^ g))
        let t1 = h &+ sigma1 &+ choose &+ kw
        // Σ0(a) = ROTR2 ^ ROTR13 ^ ROTR22, factored so each rotation works in place: one
        // instruction fewer, and measured faster here since Σ0 is off the critical path.
        let sigma0 = rotr(rotr(rotr(a, 9) ^ a, 11) ^ a, 2)
        // Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)); this round's a ^ b is the next round's b ^ c.
        let ab = a ^ b
        let majority = b ^ (ab & bc)
        bc = ab
        d = d &+ t1
        h = t1 &+ sigma0 &+ majority
    }

    /// Four rounds reading K[t] + W[t] for t = `index`…`index + 3` from `schedule`. Calling it
    /// again with the two halves of the working variables swapped continues the role rotation.
    @inline(__always) private static func fourRounds(
        _ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32, _ d: inout UInt32,
        _ e: inout UInt32, _ f: inout UInt32, _ g: inout UInt32, _ h: inout UInt32,
        _ bc: inout UInt32, _ schedule: UnsafeRawPointer, _ index: Int
    ) {
        let kw = schedule + 4 * index
        round(a, b, c, &d, e, f, g, &h, kw.load(fromByteOffset: 0, as: UInt32.self), &bc)
        round(h, a, b, &c, d, e, f, &g, kw.load(fromByteOffset: 4, as: UInt32.self), &bc)
        round(g, h, a, &b, c, d, e, &f, kw.load(fromByteOffset: 8, as: UInt32.self), &bc)
        round(f, g, h, &a, b, c, d, &e, kw.load(fromByteOffset: 12, as: UInt32.self), &bc)
    }

    /// Loads four big-endian message words from `p + offset`.
    @inline(__always) private static func loadWords(_ p: UnsafeRawPointer, _ offset: Int) -> Words {
        let x = p.loadUnaligned(fromByteOffset: offset, as: Words.self)
        #if _endian(big)
            return x
        #else
            // Per-lane byte swap; LLVM recognises the pattern as a vector bswap.
            let low = ((x & 0xff) &<< 24) | ((x & 0xff00) &<< 8)
            let high = ((x &>> 8) & 0xff00) | (x &>> 24)
            return low | high
        #endif
    }

    /// σ0(x) = ROTR7 ^ ROTR18 ^ SHR3 on each lane, written as plain shifts and xors.
    ///
    /// Deliberately not as rotations: LLVM recognises a vector rotate and, lacking a vector rotate
    /// instruction in baseline x86-64, splits it into four scalar `rol`s, defeating the purpose.
    @inline(__always) private static func smallSigma0(_ x: Words) -> Words {
        let t = (x &>> 3) ^ (x &<< 14)
        let u = (x &>> 7) ^ (x &<< 25)
        return t ^ u ^ (x &>> 18)
    }

    /// σ1(x) = ROTR17 ^ ROTR19 ^ SHR10 on each lane, as shifts and xors for the same reason.
    @inline(__always) private static func smallSigma1(_ x: Words) -> Words {
        let t = (x &>> 10) ^ (x &<< 13)
        let u = (x &>> 17) ^ (x &<< 15)
        return t ^ u ^ (x &>> 19)
    }

    // Lane shuffles. Baseline Swift has no vector shuffle, and building a vector from extracted lanes
    // makes LLVM scalarise the whole schedule (back to ~280 MB/s). Reinterpreting the vector as a
    // UInt128 and shifting keeps it one vector value, which LLVM lowers to a few SSE2 shuffles. That
    // needs little-endian lane order, and Apple platforms only have UInt128 from macOS 15 / iOS 18,
    // so elsewhere the lane-by-lane forms (`portable…`, identical results, checked by a test) are used.

    #if _endian(little) && !canImport(Darwin)
        /// Lanes (a[1], a[2], a[3], b[0]): the four words starting one word into `a`.
        @inline(__always) internal static func wordsFrom(_ a: Words, _ b: Words) -> Words {
            let low = unsafeBitCast(a, to: UInt128.self)
            let high = unsafeBitCast(b, to: UInt128.self)
            return unsafeBitCast((low &>> 32) | (high &<< 96), to: Words.self)
        }

        /// Lanes (x[2], x[3], 0, 0).
        @inline(__always) internal static func upperHalfDown(_ x: Words) -> Words {
            unsafeBitCast(unsafeBitCast(x, to: UInt128.self) &>> 64, to: Words.self)
        }

        /// Lanes (0, 0, x[0], x[1]).
        @inline(__always) internal static func lowerHalfUp(_ x: Words) -> Words {
            unsafeBitCast(unsafeBitCast(x, to: UInt128.self) &<< 64, to: Words.self)
        }
    #else
        /// Lanes (a[1], a[2], a[3], b[0]): the four words starting one word into `a`.
        @inline(__always) internal static func wordsFrom(_ a: Words, _ b: Words) -> Words { portableWordsFrom(a, b) }

        /// Lanes (x[2], x[3], 0, 0).
        @inline(__always) internal static func upperHalfDown(_ x: Words) -> Words { portableUpperHalfDown(x) }

        /// Lanes (0, 0, x[0], x[1]).
        @inline(__always) internal static func lowerHalfUp(_ x: Words) -> Words { portableLowerHalfUp(x) }
    #endif

    /// `wordsFrom` lane by lane.
    @inline(__always) internal static func portableWordsFrom(_ a: Words, _ b: Words) -> Words {
        Words(a[1], a[2], a[3], b[0])
    }

    /// `upperHalfDown` lane by lane.
    @inline(__always) internal static func portableUpperHalfDown(_ x: Words) -> Words { Words(x[2], x[3], 0, 0) }

    /// `lowerHalfUp` lane by lane.
    @inline(__always) internal static func portableLowerHalfUp(_ x: Words) -> Words { Words(0, 0, x[0], x[1]) }

    /// The next four message words W[t…t+3] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], from the
    /// previous sixteen held as four vectors, oldest first.
    ///
    /// W[t+2] and W[t+3] depend on W[t] and W[t+1], hence σ1 in two halves.
    @inline(__always) private static func nextWords(_ x0: Words, _ x1: Words, _ x2: Words, _ x3: Words) -> Words {
        var next = x0 &+ wordsFrom(x2, x3) &+ smallSigma0(wordsFrom(x0, x1))
        next &+= upperHalfDown(smallSigma1(x3))
        next &+= lowerHalfUp(smallSigma1(next))
        return next
    }

    /// Stores `words + k[group]` as schedule group `group` (words 4·group…4·group+3).
    @inline(__always) private static func store(
        _ words: Words, _ k: UnsafePointer<Words>, _ group: Int, _ schedule: UnsafeMutableRawPointer
    ) {
        schedule.storeBytes(of: words &+ k[group], toByteOffset: 16 * group, as: Words.self)
    }

    /// Compresses `blocks` consecutive 64-byte blocks starting at `input` into `state`.
    ///
    /// Each block's schedule is produced one group (four words) after every four rounds, sixteen
    /// rounds ahead of the rounds that read it, and written with K already added to a 256-byte stack
    /// buffer. Issuing the schedule interleaved with the rounds, rather than all first, lets the
    /// out-of-order core overlap the two instead of waiting out the schedule's serial dependency chain.
    @usableFromInline internal static func compressPortable(
        _ state: inout State, _ input: UnsafeRawPointer, blocks: Int
    ) {
        withUnsafeTemporaryAllocation(byteCount: 256, alignment: 16) { scratch in
            roundConstants.withUnsafeBufferPointer { constants in
                let k = constants.baseAddress.unsafelyUnwrapped
                let w = scratch.baseAddress.unsafelyUnwrapped
                let schedule = UnsafeRawPointer(w)
                var h0 = state.a
                var h1 = state.b
                var h2 = state.c
                var h3 = state.d
                var h4 = state.e
                var h5 = state.f
                var h6 = state.g
                var h7 = state.h
                var p = input
                for _ in 0..<blocks {
                    var a = h0
                    var b = h1
                    var c = h2
                    var d = h3
                    var e = h4
                    var f = h5
                    var g = h6
                    var h = h7
                    var bc = b ^ c
                    var x0 = loadWords(p, 0)
                    var x1 = loadWords(p, 16)
                    var x2 = loadWords(p, 32)
                    var x3 = loadWords(p, 48)
                    store(x0, k, 0, w)
                    store(x1, k, 1, w)
                    store(x2, k, 2, w)
                    store(x3, k, 3, w)
                    // Rounds index…index+7 read groups index/4 and +1, written two iterations ago.
                    var index = 0
                    while index < 48 {
                        fourRounds(&a, &b, &c, &d, &e, &f, &g, &h, &bc, schedule, index)
                        let y0 = nextWords(x0, x1, x2, x3)
                        store(y0, k, index / 4 + 4, w)
                        fourRounds(&e, &f, &g, &h, &a, &b, &c, &d, &bc, schedule, index + 4)
                        let y1 = nextWords(x1, x2, x3, y0)
                        store(y1, k, index / 4 + 5, w)
                        x0 = x2
                        x1 = x3
                        x2 = y0
                        x3 = y1
                        index += 8
                    }
                    fourRounds(&a, &b, &c, &d, &e, &f, &g, &h, &bc, schedule, 48)
                    fourRounds(&e, &f, &g, &h, &a, &b, &c, &d, &bc, schedule, 52)
                    fourRounds(&a, &b, &c, &d, &e, &f, &g, &h, &bc, schedule, 56)
                    fourRounds(&e, &f, &g, &h, &a, &b, &c, &d, &bc, schedule, 60)
                    h0 &+= a
                    h1 &+= b
                    h2 &+= c
                    h3 &+= d
                    h4 &+= e
                    h5 &+= f
                    h6 &+= g
                    h7 &+= h
                    p += 64
                }
                state.a = h0
                state.b = h1
                state.c = h2
                state.d = h3
                state.e = h4
                state.f = h5
                state.g = h6
                state.h = h7
            }
        }
    }
}
