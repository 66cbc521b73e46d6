/// The drawn officers' ids as byte strings, for comparing an export's user field without decoding it.
///
/// A small open-addressing table keyed by a hash of the length and the first and last eight bytes;
/// a hit is confirmed byte by byte. Each id is stored in UTF-8 (NFC) and, when it differs and can be
/// written so, in Windows-1252, so both kinds of export match. Surrounding spaces are not part of a key.
struct UserIDSet: Sendable {
    private let slots: [Int32]  // index into `keys` + 1; 0 is empty
    private let hashes: [UInt64]
    private let keys: [[UInt8]]
    private let officers: [Int]
    private let mask: Int

    /// The set of `ids`; a lookup answers the position of the id in this list.
    init(_ ids: [String]) {
        var keys: [[UInt8]] = []
        var officers: [Int] = []
        for (index, id) in ids.enumerated() {
            let utf8 = Array(Population.normalise(id).utf8)
            keys.append(utf8)
            officers.append(index)
            if let latin = UserIDSet.windows1252(Population.normalise(id)), latin != utf8 {
                keys.append(latin)
                officers.append(index)
            }
        }
        var size = 16
        while size < keys.count * 4 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        var hashes = [UInt64](repeating: 0, count: size)
        for (index, key) in keys.enumerated() {
            let hash = key.withUnsafeBufferPointer { UserIDSet.hash($0.baseAddress, $0.count) }
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index + 1)
            hashes[slot] = hash
        }
        self.slots = slots
        self.hashes = hashes
        self.keys = keys
        self.officers = officers
        self.mask = size - 1
    }

    /// The officer whose id is the `count` bytes at `base`, or -1.
    ///
    /// Reads up to 8 bytes around the field, so the buffer must have 8 readable bytes after it.
    @inline(__always)
    func officer(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
        let hash = UserIDSet.hash(base, count)
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return -1 }
                if hashes[slot] == hash {
                    let key = keys[entry - 1]
                    if key.count == count
                        && key.withUnsafeBufferPointer({ memoryEquals($0.baseAddress, base, count) })
                    {
                        return officers[entry - 1]
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Length, first and last eight bytes (masked for short ids), mixed by multiplication.
    @inline(__always)
    static func hash(_ base: UnsafePointer<UInt8>?, _ count: Int) -> UInt64 {
        guard let base, count > 0 else { return 0x9E37_79B9_7F4A_7C15 }
        let raw = UnsafeRawPointer(base)
        var first: UInt64
        var last: UInt64
        if count >= 8 {
            first = raw.loadUnaligned(as: UInt64.self)
            last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else {
            first = 0
            for index in 0..<count { first |= UInt64(base[index]) << (8 * UInt64(index)) }
            last = first
        }
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        hash ^= first &* 0xC2B2_AE3D_27D4_EB4F
        hash = (hash ^ (hash >> 29)) &* 0x1656_67B1_9E37_79F9
        hash ^= last &* 0x27D4_EB2F_1656_67C5
        return hash ^ (hash >> 32)
    }

    /// `text` in Windows-1252, or nil when a character has no byte there.
    static func windows1252(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 || (0xA0...0xFF).contains(value) {
                bytes.append(UInt8(value))
            } else if let index = Windows1252.table.firstIndex(of: UInt16(truncatingIfNeeded: value)), value <= 0xFFFF {
                bytes.append(UInt8(0x80 + index))
            } else {
                return nil
            }
        }
        return bytes
    }
}

/// Whether `count` bytes at `a` and `b` are equal.
@inline(__always)
func memoryEquals(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    guard let a else { return count == 0 }
    var index = 0
    while index < count {
        if a[index] != b[index] { return false }
        index += 1
    }
    return true
}
