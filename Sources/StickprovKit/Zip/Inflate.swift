/// A DEFLATE decoder (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Written after Mark Adler's `puff.c`, the reference decoder: canonical Huffman codes decoded
/// bit by bit, which is plenty for the small XML parts of an Office document. Output is bounded:
/// data that would grow past `limit` bytes is refused, so a declared size cannot be exceeded.
enum Inflate {
    /// Why a stream could not be decoded.
    struct Failure: Error, Equatable {
        let reason: String
    }

    /// The bytes `input` decodes to.
    /// - Throws: ``Failure`` for invalid or truncated data, or output over `limit` bytes.
    static func decode(_ input: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        var state = State(input: input, limit: limit)
        var isLast = false
        while !isLast {
            isLast = try state.bits(1) == 1
            switch try state.bits(2) {
            case 0: try state.stored()
            case 1: try state.codes(literal: Tables.fixedLiteral, distance: Tables.fixedDistance)
            case 2:
                let (literal, distance) = try state.dynamicTables()
                try state.codes(literal: literal, distance: distance)
            default: throw Failure(reason: "invalid block type")
            }
        }
        return state.output
    }

    /// A canonical Huffman code: how many codes of each length, and the symbols in code order.
    struct Huffman {
        var count = [Int](repeating: 0, count: 16)
        var symbol: [Int]

        /// Builds the code from each symbol's code length (0: unused).
        /// - Throws: when the lengths over-subscribe the code space.
        init(lengths: ArraySlice<Int>) throws(Failure) {
            symbol = [Int](repeating: 0, count: lengths.count)
            for length in lengths { count[length] += 1 }
            var left = 1
            for length in 1..<16 {
                left = (left << 1) - count[length]
                if left < 0 { throw Failure(reason: "over-subscribed Huffman code") }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + count[length] }
            for (index, length) in lengths.enumerated() where length != 0 {
                symbol[offsets[length]] = index
                offsets[length] += 1
            }
        }
    }

    enum Tables {
        static let lengthBase = [
            3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
            227,
            258,
        ]
        static let lengthExtra = [
            0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
        ]
        static let distanceBase = [
            1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
            6145, 8193, 12289, 16385, 24577,
        ]
        static let distanceExtra = [
            0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
        ]
        static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

        /// The fixed literal/length code's lengths (RFC 1951 §3.2.6).
        static let fixedLiteralLengths: [Int] =
            Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112) + Array(repeating: 7, count: 24)
            + Array(repeating: 8, count: 8)
        // The fixed lengths are valid by construction; an empty code stands in should that ever change.
        static let fixedLiteral = (try? Huffman(lengths: fixedLiteralLengths[...])) ?? emptyCode
        static let fixedDistance = (try? Huffman(lengths: Array(repeating: 5, count: 30)[...])) ?? emptyCode
        static let emptyCode = Huffman(empty: ())
    }

    struct State {
        let input: ArraySlice<UInt8>
        let limit: Int
        var position: Int
        var bitBuffer = 0
        var bitCount = 0
        var output: [UInt8] = []

        init(input: ArraySlice<UInt8>, limit: Int) {
            self.input = input
            self.limit = limit
            position = input.startIndex
        }

        /// The next `need` bits, least significant first.
        mutating func bits(_ need: Int) throws(Failure) -> Int {
            while bitCount < need {
                guard position < input.endIndex else { throw Failure(reason: "data ends too early") }
                bitBuffer |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let value = bitBuffer & ((1 << need) - 1)
            bitBuffer >>= need
            bitCount -= need
            return value
        }

        mutating func append(_ byte: UInt8) throws(Failure) {
            guard output.count < limit else { throw Failure(reason: "more data than declared") }
            output.append(byte)
        }

        /// A stored (uncompressed) block.
        mutating func stored() throws(Failure) {
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.endIndex else { throw Failure(reason: "data ends too early") }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
            position += 4
            guard length == ~complement & 0xFFFF else { throw Failure(reason: "stored block length does not match") }
            guard position + length <= input.endIndex else { throw Failure(reason: "data ends too early") }
            guard output.count + length <= limit else { throw Failure(reason: "more data than declared") }
            output.append(contentsOf: input[position..<position + length])
            position += length
        }

        /// One symbol of `code`.
        mutating func decode(_ code: Huffman) throws(Failure) -> Int {
            var value = 0
            var first = 0
            var index = 0
            for length in 1..<16 {
                value |= try bits(1)
                let count = code.count[length]
                if value - count < first { return code.symbol[index + value - first] }
                index += count
                first = (first + count) << 1
                value <<= 1
            }
            throw Failure(reason: "invalid Huffman code")
        }

        /// The literals and back-references of a compressed block, up to its end symbol.
        mutating func codes(literal: Huffman, distance: Huffman) throws(Failure) {
            while true {
                let symbol = try decode(literal)
                if symbol < 256 {
                    try append(UInt8(symbol))
                } else if symbol == 256 {
                    return
                } else {
                    let index = symbol - 257
                    guard index < Tables.lengthBase.count else { throw Failure(reason: "invalid length code") }
                    let length = Tables.lengthBase[index] + (try bits(Tables.lengthExtra[index]))
                    let distanceSymbol = try decode(distance)
                    guard distanceSymbol < Tables.distanceBase.count else {
                        throw Failure(reason: "invalid distance code")
                    }
                    let back = Tables.distanceBase[distanceSymbol] + (try bits(Tables.distanceExtra[distanceSymbol]))
                    guard back <= output.count else { throw Failure(reason: "distance reaches before the start") }
                    guard output.count + length <= limit else { throw Failure(reason: "more data than declared") }
                    let start = output.count - back
                    for offset in 0..<length { output.append(output[start + offset]) }
                }
            }
        }

        /// The code tables of a dynamic block, read from its header.
        mutating func dynamicTables() throws(Failure) -> (Huffman, Huffman) {
            let literalCount = try bits(5) + 257
            let distanceCount = try bits(5) + 1
            let codeCount = try bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else { throw Failure(reason: "too many codes") }
            var codeLengths = [Int](repeating: 0, count: 19)
            for index in 0..<codeCount { codeLengths[Tables.codeLengthOrder[index]] = try bits(3) }
            let lengthCode = try Huffman(lengths: codeLengths[...])
            var lengths: [Int] = []
            lengths.reserveCapacity(literalCount + distanceCount)
            while lengths.count < literalCount + distanceCount {
                let symbol = try decode(lengthCode)
                var repeated = 0
                var value = 0
                switch symbol {
                case 0..<16:
                    lengths.append(symbol)
                    continue
                case 16:
                    guard let last = lengths.last else { throw Failure(reason: "repeat with no previous length") }
                    value = last
                    repeated = 3 + (try bits(2))
                case 17: repeated = 3 + (try bits(3))
                default: repeated = 11 + (try bits(7))
                }
                guard lengths.count + repeated <= literalCount + distanceCount else {
                    throw Failure(reason: "too many code lengths")
                }
                lengths += Array(repeating: value, count: repeated)
            }
            guard lengths[256] != 0 else { throw Failure(reason: "no end-of-block code") }
            return (
                try Huffman(lengths: lengths[0..<literalCount]),
                try Huffman(lengths: lengths[literalCount...])
            )
        }
    }
}

extension Inflate.Huffman {
    /// A code with no symbols: decoding with it always fails.
    init(empty: Void) {
        symbol = []
    }
}
