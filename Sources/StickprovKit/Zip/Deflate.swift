/// A small DEFLATE encoder (RFC 1951): LZ77 matches found through hash chains, written as one
/// block with the fixed Huffman code.
///
/// Office documents are repetitive XML, so this plain scheme already shrinks them four- to
/// tenfold; it is deterministic (same input, same bytes), which keeps golden files stable.
enum Deflate {
    /// The compressed form of `bytes`.
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.write(1, count: 1)  // BFINAL: the only block
        writer.write(1, count: 2)  // BTYPE 01: fixed Huffman codes
        let windowSize = 1 << 15
        let hashSize = 1 << 15
        let maxChain = 64
        var head = [Int](repeating: -1, count: hashSize)
        var previous = [Int](repeating: -1, count: windowSize)
        func hash(_ index: Int) -> Int {
            (Int(bytes[index]) << 10 ^ Int(bytes[index + 1]) << 5 ^ Int(bytes[index + 2])) & (hashSize - 1)
        }
        func insert(_ index: Int) {
            guard index + 2 < bytes.count else { return }
            let key = hash(index)
            previous[index & (windowSize - 1)] = head[key]
            head[key] = index
        }
        var index = 0
        while index < bytes.count {
            var bestLength = 0
            var bestDistance = 0
            if index + 2 < bytes.count {
                var candidate = head[hash(index)]
                var chain = maxChain
                let maxLength = min(258, bytes.count - index)
                while candidate >= 0 && index - candidate <= windowSize - 1 && chain > 0 {
                    var length = 0
                    while length < maxLength && bytes[candidate + length] == bytes[index + length] { length += 1 }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = index - candidate
                        if length == maxLength { break }
                    }
                    candidate = previous[candidate & (windowSize - 1)]
                    chain -= 1
                }
            }
            if bestLength >= 3 {
                writer.writeLength(bestLength)
                writer.writeDistance(bestDistance)
                for offset in 0..<bestLength { insert(index + offset) }
                index += bestLength
            } else {
                writer.writeLiteral(Int(bytes[index]))
                insert(index)
                index += 1
            }
        }
        writer.writeLiteral(256)
        return writer.finish()
    }

    /// Bits packed least significant first, as DEFLATE stores them.
    struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt64 = 0
        var count = 0

        mutating func write(_ value: Int, count bits: Int) {
            buffer |= UInt64(value) << UInt64(count)
            count += bits
            while count >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                count -= 8
            }
        }

        /// A Huffman code, whose bits are defined most significant first.
        mutating func writeCode(_ code: Int, length: Int) {
            var reversed = 0
            for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
            write(reversed, count: length)
        }

        /// A literal byte or the end-of-block symbol in the fixed literal/length code.
        mutating func writeLiteral(_ symbol: Int) {
            switch symbol {
            case 0..<144: writeCode(0x30 + symbol, length: 8)
            case 144..<256: writeCode(0x190 + symbol - 144, length: 9)
            case 256..<280: writeCode(symbol - 256, length: 7)
            default: writeCode(0xC0 + symbol - 280, length: 8)
            }
        }

        /// A match length of 3…258 bytes: its length symbol and extra bits.
        mutating func writeLength(_ length: Int) {
            var code = Inflate.Tables.lengthBase.count - 1
            while Inflate.Tables.lengthBase[code] > length { code -= 1 }
            writeLiteral(257 + code)
            let extra = Inflate.Tables.lengthExtra[code]
            if extra > 0 { write(length - Inflate.Tables.lengthBase[code], count: extra) }
        }

        /// A match distance of 1…32,768 bytes in the fixed distance code (five bits per symbol).
        mutating func writeDistance(_ distance: Int) {
            var code = Inflate.Tables.distanceBase.count - 1
            while Inflate.Tables.distanceBase[code] > distance { code -= 1 }
            writeCode(code, length: 5)
            let extra = Inflate.Tables.distanceExtra[code]
            if extra > 0 { write(distance - Inflate.Tables.distanceBase[code], count: extra) }
        }

        /// The bytes, with the last partial byte padded by zero bits.
        mutating func finish() -> [UInt8] {
            if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
            buffer = 0
            count = 0
            return bytes
        }
    }
}
