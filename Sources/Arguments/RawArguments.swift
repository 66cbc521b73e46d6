/// Turns the command line's raw bytes into strings, refusing what is not UTF-8.
///
/// Swift's `CommandLine.arguments` repairs invalid UTF-8 with U+FFFD, so a seed given as
/// the bytes FF FE would rank differently from `printf '\xff\xfe' | sha256sum`. The CLI
/// reads `CommandLine.unsafeArgv` and passes the bytes here instead.
public enum RawArguments {
    /// The arguments as strings.
    /// - Throws: ``UsageError`` naming the first argument that is not valid UTF-8 and its byte.
    public static func strings(_ arguments: [[UInt8]]) throws(UsageError) -> [String] {
        var strings: [String] = []
        for (index, bytes) in arguments.enumerated() {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let offset = firstInvalidOffset(bytes)
                let byte = offset < bytes.count ? bytes[offset] : 0
                let hex = String(byte, radix: 16, uppercase: true)
                let previous = index > 0 ? String(decoding: arguments[index - 1], as: UTF8.self) : ""
                let what = previous.hasPrefix("--") ? "the value of \(previous)" : "argument \(index + 1)"
                throw UsageError(
                    "\(what) is not UTF-8 text (byte 0x\(hex.count == 1 ? "0" + hex : hex) at position \(offset + 1)); "
                        + "seeds, keys and texts must be UTF-8")
            }
            strings.append(text)
        }
        return strings
    }

    /// The offset of the first byte where decoding goes wrong.
    private static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
        var length = bytes.count
        // The longest valid prefix: shrink until it decodes (arguments are short).
        while length > 0, String(validating: bytes[0..<length], as: UTF8.self) == nil { length -= 1 }
        return length
    }
}
