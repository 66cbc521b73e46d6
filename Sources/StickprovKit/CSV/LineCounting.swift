/// Physical line numbers for byte offsets, for error messages about bytes (encoding problems).
/// A line ends at LF, CRLF or a lone CR, the same rule the record scanner uses.
enum LineCounting {
    /// The 1-based line that the byte at `offset` is on.
    static func line(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D, index + 1 >= bytes.count || bytes[index + 1] != 0x0A {
                line += 1
            }
            index += 1
        }
        return line
    }
}
