/// CRC-32 as ZIP, gzip and PNG use it (IEEE 802.3, reflected polynomial 0xEDB88320).
///
/// ZIP stores it per entry so a reader can tell damaged data from good; we check it on every
/// read and write it on every entry.
public enum CRC32 {
    /// The checksum of `bytes`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = UInt32.max
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return ~crc
    }

    /// One entry per byte value: the CRC of that byte shifted through eight rounds.
    static let table: [UInt32] = (0..<256).map { value in
        var crc = UInt32(value)
        for _ in 0..<8 {
            crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1
        }
        return crc
    }
}
