/// The Windows-1252 code page, by hand: 0x00–0x7F is ASCII, 0xA0–0xFF is Latin-1,
/// and 0x80–0x9F maps through `table` (€, ‚, „, …, –, —, “, ” and friends).
enum Windows1252 {
    /// Unicode scalars for bytes 0x80–0x9F; 0 marks the five undefined bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D.
    static let table: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80–0x87
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,  // 0x88–0x8F
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90–0x97
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,  // 0x98–0x9F
    ]

    /// The Unicode scalar value for `byte`, or nil for the five undefined bytes.
    static func scalar(for byte: UInt8) -> UInt32? {
        guard byte >= 0x80, byte <= 0x9F else { return UInt32(byte) }
        let value = table[Int(byte - 0x80)]
        return value == 0 ? nil : UInt32(value)
    }

    /// Transcodes Windows-1252 bytes to UTF-8 bytes in one pass.
    /// Throws `undecodableByte` naming the line of the first undefined byte.
    static func transcodeToUTF8(_ bytes: UnsafeBufferPointer<UInt8>) throws(CSVError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for index in bytes.indices {
            let byte = bytes[index]
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            guard let scalar = scalar(for: byte) else {
                throw .undecodableByte(byte: byte, line: LineCounting.line(at: index, in: bytes))
            }
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return out
    }
}
