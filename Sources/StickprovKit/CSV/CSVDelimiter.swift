/// The field delimiters Stickprov reads and writes.
public enum CSVDelimiter: UInt8, Sendable, CaseIterable {
    /// `;`, what Swedish Excel writes (the decimal comma takes `,`). Preferred on ties.
    case semicolon = 0x3B
    /// `,`, the RFC 4180 default.
    case comma = 0x2C
    /// Tab, as in "Text (tab-delimited)" exports.
    case tab = 0x09

    /// The delimiter as a character.
    public var character: Character {
        Character(Unicode.Scalar(rawValue))
    }

    /// Picks the delimiter from the header, the first non-blank record of the UTF-8 text:
    /// the candidate occurring most often outside quotes, preferring `;`, then `,`, then tab on ties.
    /// A header with none of them (a single column) gives `;`.
    public static func detect(inHeaderOf utf8: [UInt8]) -> CSVDelimiter {
        utf8.withUnsafeBufferPointer { detect(inHeaderOf: $0) }
    }

    /// `detect(inHeaderOf:)` on a buffer, as the parser uses it.
    static func detect(inHeaderOf bytes: UnsafeBufferPointer<UInt8>) -> CSVDelimiter {
        var counts: [CSVDelimiter: Int] = [:]
        var index = 0
        while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
        var inQuotes = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                inQuotes.toggle()  // a doubled quote toggles twice, which is right
            } else if !inQuotes {
                if byte == 0x0A || byte == 0x0D { break }
                if let candidate = CSVDelimiter(rawValue: byte) {
                    counts[candidate, default: 0] += 1
                }
            }
            index += 1
        }
        var best = CSVDelimiter.semicolon
        for candidate in allCases where counts[candidate, default: 0] > counts[best, default: 0] {
            best = candidate
        }
        return best
    }
}
