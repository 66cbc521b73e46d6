/// A hand-written UTF-8 validator (the Unicode "well-formed" table: no overlongs, no surrogates, ≤ U+10FFFF).
enum UTF8Validation {
    /// The offset of the first byte that does not start a well-formed sequence, or nil if all of it is valid.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        var index = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            var continuationCount = 0
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: continuationCount = 1
            case 0xE0:
                continuationCount = 2
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: continuationCount = 2
            case 0xED:
                continuationCount = 2
                high = 0x9F
            case 0xF0:
                continuationCount = 3
                low = 0x90
            case 0xF1...0xF3: continuationCount = 3
            case 0xF4:
                continuationCount = 3
                high = 0x8F
            default: return index
            }
            guard index + continuationCount < count else { return index }
            let second = bytes[index + 1]
            guard second >= low, second <= high else { return index }
            var offset = 2
            while offset <= continuationCount {
                guard bytes[index + offset] & 0xC0 == 0x80 else { return index }
                offset += 1
            }
            index += continuationCount + 1
        }
        return nil
    }

    /// The offset of the first well-formed multi-byte sequence (a UTF-8 letter such as C3 A5), or nil.
    static func firstMultiByteSequence(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            if (0xC2...0xF4).contains(lead), index + length <= bytes.count,
                firstInvalidOffset(in: UnsafeBufferPointer(rebasing: bytes[index..<index + length])) == nil
            {
                return index
            }
            index += 1
        }
        return nil
    }
}
