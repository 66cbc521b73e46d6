import Glibc

/// Reads a stretch of a file front to back through one reused buffer, for scanners that work record by
/// record on raw bytes (the log extract's export scanner, the population reader).
///
/// Each round reads with `pread` as much as the buffer holds and hands the scanner the bytes not yet used;
/// the scanner returns how many it used (its complete records), and the rest moves to the front for the
/// next round. A scanner that uses nothing of a full buffer (one record longer than the buffer) gets it
/// doubled, up to `limit`. The buffer has 16 bytes of padding after the data, so SIMD loads may run past it.
struct ChunkedFileReader {
    /// Why reading stopped short.
    enum Failure: Error {
        /// One record does not fit in `limit` bytes.
        case recordTooLong
        /// The system refused to read; `reason` is its description (strerror).
        case readFailed(reason: String)
    }

    /// How much the reader holds at once, unless a record needs more.
    static let chunkSize = 1 << 20

    /// The open file.
    let descriptor: Int32
    /// The most the buffer grows to for one record.
    let limit: Int

    /// Reads from `start` and calls `consume(buffer, filled, atEnd, stop)` until it has used the bytes up
    /// to `stop` (relative to the buffer: `stop - offset of buffer[0]`), the file ends, or `isDone()`.
    /// `consume` returns how many bytes of `buffer[0..<filled]` it used.
    /// - Returns: the file offset of the first byte not used.
    func read<E: Error>(
        from start: Int, to stop: Int = Int.max, isDone: () -> Bool = { false },
        failure: (Failure) -> E,
        consume: (_ buffer: UnsafeMutablePointer<UInt8>, _ filled: Int, _ atEnd: Bool, _ stop: Int) throws(E) -> Int
    ) throws(E) -> Int {
        var capacity = Self.chunkSize
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 16)
        defer { buffer.deallocate() }
        var bufferOffset = start  // file offset of buffer[0]
        var filled = 0
        var position = 0  // the first byte not used
        var atEnd = false
        while true {
            if position > 0 {
                let rest = filled - position
                if rest > 0 { memmove(buffer, buffer + position, rest) }
                bufferOffset += position
                filled = rest
                position = 0
            }
            if bufferOffset >= stop || isDone() || (atEnd && filled == 0) { return bufferOffset }
            if filled == capacity {
                guard capacity < limit else { throw failure(.recordTooLong) }
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + 16)
                larger.update(from: buffer, count: filled)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            if !atEnd {
                let count = pread(descriptor, buffer + filled, capacity - filled, off_t(bufferOffset + filled))
                if count < 0 {
                    if errno == EINTR { continue }
                    throw failure(.readFailed(reason: String(cString: strerror(errno))))
                }
                if count == 0 { atEnd = true }
                filled += count
            }
            (buffer + filled).initialize(repeating: 0, count: 16)
            position = try consume(buffer, filled, atEnd, stop - bufferOffset)
            if atEnd && position == filled && filled == 0 { return bufferOffset }
        }
    }
}

/// Finding bytes sixteen at a time (SSE2 through Swift's SIMD types), for the record scanners.
enum ByteLanes {
    /// 0x80 in each lane of `x` that is zero, exactly: per lane, (x - 1) & ~x has its top bit set only
    /// for x == 0. Compare with a byte by `zero(bytes ^ SIMD16(repeating: byte))`.
    @inline(__always)
    static func zero(_ x: SIMD16<UInt8>) -> SIMD16<UInt8> {
        (x &- SIMD16(repeating: 1)) & ~x
    }

    /// The sixteen lanes' top bits as two 64-bit masks (a found byte is 0x80 in its place).
    @inline(__always)
    static func halves(_ found: SIMD16<UInt8>) -> (UInt64, UInt64) {
        let halves = unsafeBitCast(found & SIMD16(repeating: 0x80), to: SIMD2<UInt64>.self)
        return (halves[0], halves[1])
    }

    /// Whether the two byte runs are equal (memcmp).
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    /// Whether `a` sorts before `b` by their bytes (a prefix first), as `lexicographicallyPrecedes` does.
    @inline(__always)
    static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(a.count, b.count)
        if common > 0, let x = a.baseAddress, let y = b.baseAddress {
            let order = memcmp(x, y, common)
            if order != 0 { return order < 0 }
        }
        return a.count < b.count
    }
}
