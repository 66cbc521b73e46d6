/// What an export's bytes have shown of its encoding so far, record by record.
///
/// A byte order mark makes the file UTF-8. Without one, the first record with non-ASCII bytes
/// decides: valid UTF-8 makes the file UTF-8, anything else Windows-1252. A later record that does
/// not fit (invalid UTF-8 in a UTF-8 file, UTF-8 sequences in a Windows-1252 file) is an encoding
/// switch, an anomaly on its line. Rows are copied as bytes either way; ids and times are ASCII.
enum ExportEncoding: Sendable, Equatable {
    /// Only ASCII so far.
    case undecided
    /// UTF-8, from the byte order mark.
    case utf8WithBOM
    /// UTF-8, decided by the record on `since`.
    case utf8(since: Int)
    /// Windows-1252, decided by the record on `since`.
    case windows1252(since: Int)

    /// The encoding as the CSV reader names it (ASCII reads as UTF-8).
    var csvEncoding: CSVEncoding {
        switch self {
        case .undecided, .utf8: .utf8
        case .utf8WithBOM: .utf8WithBOM
        case .windows1252: .windows1252
        }
    }

    /// Whether the two have decided differently (UTF-8 against Windows-1252).
    func disagrees(with other: ExportEncoding) -> Bool {
        switch (self, other) {
        case (.undecided, _), (_, .undecided): false
        case (.windows1252, .windows1252): false
        case (.windows1252, _), (_, .windows1252): true
        default: false
        }
    }

    /// The state with its line numbers moved by `offset`.
    func shifted(by offset: Int) -> ExportEncoding {
        switch self {
        case .utf8(let since): .utf8(since: since + offset)
        case .windows1252(let since): .windows1252(since: since + offset)
        default: self
        }
    }

    /// Checks the record `[lo, hi)` that starts on `line`; updates the state and returns the record's
    /// anomaly, if any.
    mutating func check(_ p: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int, line: Int) -> LogAnomaly? {
        // Most records settle here, eight bytes at a time.
        let summary = EncodingSummary(p, lo, hi)
        guard summary.hasHighBytes else { return nil }
        switch self {
        case .utf8WithBOM, .utf8:
            if summary.isSimpleUTF8 { return nil }
        case .windows1252:
            if !summary.hasContinuationBytes { return nil }
        case .undecided:
            if summary.isSimpleUTF8 {
                self = .utf8(since: line)
                return nil
            }
            if !summary.hasContinuationBytes {
                self = .windows1252(since: line)
                return nil
            }
        }
        guard let found = EncodingScan(p, lo, hi) else { return nil }
        func lineOf(_ offset: Int) -> Int {
            var count = line
            var index = lo
            while index < offset {
                if p[index] == 0x0A { count += 1 }
                index += 1
            }
            return count
        }
        switch self {
        case .undecided:
            if let invalid = found.firstInvalidUTF8 {
                // Both kinds in the first record: whichever comes first is the file's, the other a switch.
                if let sequence = found.firstUTF8Sequence {
                    if sequence < invalid {
                        self = .utf8(since: line)
                        return LogAnomaly(line: lineOf(invalid), kind: .invalidUTF8(byte: p[invalid], sinceLine: line))
                    }
                    self = .windows1252(since: line)
                    return LogAnomaly(line: lineOf(sequence), kind: .utf8InWindows1252(sinceLine: line))
                }
                self = .windows1252(since: line)
                if let undefined = found.firstUndefined1252 {
                    return LogAnomaly(line: lineOf(undefined), kind: .undefinedWindows1252(byte: p[undefined]))
                }
            } else {
                self = .utf8(since: line)
            }
            return nil
        case .utf8WithBOM:
            guard let invalid = found.firstInvalidUTF8 else { return nil }
            return LogAnomaly(line: lineOf(invalid), kind: .invalidUTF8(byte: p[invalid], sinceLine: nil))
        case .utf8(let since):
            guard let invalid = found.firstInvalidUTF8 else { return nil }
            return LogAnomaly(line: lineOf(invalid), kind: .invalidUTF8(byte: p[invalid], sinceLine: since))
        case .windows1252(let since):
            if let sequence = found.firstUTF8Sequence {
                return LogAnomaly(line: lineOf(sequence), kind: .utf8InWindows1252(sinceLine: since))
            }
            if let undefined = found.firstUndefined1252 {
                return LogAnomaly(line: lineOf(undefined), kind: .undefinedWindows1252(byte: p[undefined]))
            }
            return nil
        }
    }
}

/// A quick look at a record's bytes, eight at a time (SWAR): whether it has non-ASCII bytes, whether any
/// is a UTF-8 continuation byte (10xxxxxx: every multi-byte sequence has one, and Windows-1252's
/// undefined bytes are among them), and whether it is well-formed UTF-8 made of ASCII and two-byte
/// sequences only (å, ä, ö, é …). Anything else goes to ``EncodingScan``.
///
/// Reads up to seven bytes past `hi` (masked off), so the buffer must have them.
struct EncodingSummary {
    var hasHighBytes = false
    var hasContinuationBytes = false
    var isSimpleUTF8 = true

    @inline(__always)
    init(_ p: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int) {
        let raw = UnsafeRawPointer(p)
        let tops: UInt64 = 0x8080_8080_8080_8080
        var index = lo
        var carry: UInt64 = 0  // 0x80 in byte 0 when the word before ended with a lead byte
        var highs: UInt64 = 0
        var continuations: UInt64 = 0
        var wrong: UInt64 = 0
        // Without branches: ASCII words give zeros throughout.
        while index < hi {
            var word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if hi - index < 8 { word &= (1 &<< UInt64(8 &* (hi - index))) &- 1 }
            index += 8
            let high = word & tops
            let leads = word & (word &<< 1) & tops  // 11xxxxxx
            let following = high & ~leads  // 10xxxxxx
            highs |= high
            continuations |= following
            // Leads of three- and four-byte sequences (111xxxxx) and the overlong C0, C1 (1100000x).
            let low = word & 0x1E1E_1E1E_1E1E_1E1E
            let lowIsSet = ((low &+ 0x7F7F_7F7F_7F7F_7F7F) | low) & tops
            wrong |= leads & ((word &<< 2) | ~lowIsSet)
            // Each continuation byte right after a lead, each lead followed by one.
            wrong |= following ^ ((leads &<< 8) | carry)
            carry = leads &>> 56
        }
        hasHighBytes = highs != 0
        hasContinuationBytes = continuations != 0
        isSimpleUTF8 = wrong | carry == 0
    }
}

/// The non-ASCII bytes of one record: where the first well-formed multi-byte UTF-8 sequence is, the
/// first byte that is not part of one, and the first of Windows-1252's five undefined bytes.
struct EncodingScan {
    var firstUTF8Sequence: Int?
    var firstInvalidUTF8: Int?
    var firstUndefined1252: Int?

    /// Scans `[lo, hi)`; nil when it is all ASCII.
    init?(_ p: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int) {
        guard (lo..<hi).contains(where: { p[$0] >= 0x80 }) else { return nil }
        self.init(slowly: p, lo, hi)
    }

    private init(slowly p: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int) {
        let raw = UnsafeRawPointer(p)
        var index = lo
        while index < hi {
            // Skip ASCII eight bytes at a time, to the first byte with its high bit set.
            if index + 8 <= hi {
                let high = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080
                if high == 0 {
                    index += 8
                    continue
                }
                index += high.trailingZeroBitCount >> 3
            } else if p[index] < 0x80 {
                index += 1
                continue
            }
            let lead = p[index]
            // Two-byte sequences (å, ä, ö, é …) first, then the general rule.
            var length = 0
            if lead >= 0xC2 && lead <= 0xDF {
                if index + 1 < hi && p[index + 1] & 0xC0 == 0x80 { length = 2 }
            } else {
                length = EncodingScan.sequenceLength(p, index, hi)
            }
            if length > 0 {
                if firstUTF8Sequence == nil { firstUTF8Sequence = index }
                index += length
                continue
            }
            if firstInvalidUTF8 == nil { firstInvalidUTF8 = index }
            if firstUndefined1252 == nil, lead == 0x81 || lead == 0x8D || lead == 0x8F || lead == 0x90 || lead == 0x9D {
                firstUndefined1252 = index
            }
            if firstUTF8Sequence != nil && firstUndefined1252 != nil { return }
            index += 1
        }
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or 0 (Unicode's table: no overlongs,
    /// no surrogates, nothing above U+10FFFF).
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ index: Int, _ hi: Int) -> Int {
        let lead = p[index]
        var count = 0
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: count = 1
        case 0xE0: (count, low) = (2, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: count = 2
        case 0xED: (count, high) = (2, 0x9F)
        case 0xF0: (count, low) = (3, 0x90)
        case 0xF1...0xF3: count = 3
        case 0xF4: (count, high) = (3, 0x8F)
        default: return 0
        }
        guard index + count < hi else { return 0 }
        let second = p[index + 1]
        guard second >= low, second <= high else { return 0 }
        var offset = 2
        while offset <= count {
            guard p[index + offset] & 0xC0 == 0x80 else { return 0 }
            offset += 1
        }
        return count + 1
    }
}
