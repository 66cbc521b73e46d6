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

    /// Picks the delimiter from the records themselves, data rows included: the candidate under
    /// which the largest share of the first `limit` records has one and the same number of fields
    /// (two or more), so commas inside headings ("Om nej, beskriv bristerna, t.ex. …") or inside
    /// free text ("Hemtjänst, Omsorgshuset AB") cannot outvote the `;` every row has, and a wrong
    /// delimiter that cuts quoted line breaks into many short records does not win by their number.
    /// Ties go to the wider split, then `;`, `,`, tab; a text no candidate splits gives `;`.
    static func detect(inRecordsOf bytes: UnsafeBufferPointer<UInt8>, limit: Int = 100) -> CSVDelimiter {
        var best = CSVDelimiter.semicolon
        var bestScore = (share: 0.0, width: 0)
        for candidate in allCases {
            var scanner = CSVRecordScanner(bytes: bytes, delimiter: candidate.rawValue)
            var recordsByWidth: [Int: Int] = [:]
            var total = 0
            for _ in 0..<limit {
                guard let record = try? scanner.nextRecord() else { break }
                recordsByWidth[record.fields.count, default: 0] += 1
                total += 1
            }
            guard
                let common = recordsByWidth.filter({ $0.key >= 2 }).max(by: {
                    ($0.value, $0.key) < ($1.value, $1.key)
                })
            else { continue }
            let score = (share: Double(common.value) / Double(total), width: common.key)
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }
}
