/// Splits UTF-8 bytes into records, one at a time, following RFC 4180 with Excel's leniencies.
///
/// - A record ends at LF, CRLF or a lone CR outside quotes; the last one may lack a line break.
/// - Empty lines are skipped, but still counted, so line numbers stay physical.
/// - A field starting with `"` is quoted: it runs to the next single `"`, `""` stands for one `"`,
///   and it may hold delimiters and line breaks (kept as they are, CRLF included).
///   After the closing quote must come a delimiter, a line break or the end (else `textAfterClosingQuote`).
/// - A `"` anywhere else in a field is an ordinary character, as Excel reads it (`ab"c` is `ab"c`).
///
/// The scanner borrows `bytes`; it must not outlive the buffer it was made with.
struct CSVRecordScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8
    private var position = 0
    /// The physical line `position` is on.
    private var line = 1
    /// Reused for quoted fields that contain doubled quotes.
    private var scratch: [UInt8] = []

    private static let quote: UInt8 = 0x22
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    /// The next record with the line it starts on, or nil at the end of the text.
    /// `expectedFieldCount` only sizes the array.
    mutating func nextRecord(expectedFieldCount: Int = 0) throws(CSVError) -> CSVRow? {
        while position < bytes.count, isLineBreak(bytes[position]) {
            consumeLineBreak()
        }
        guard position < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        fields.reserveCapacity(expectedFieldCount)
        while true {
            if position < bytes.count, bytes[position] == Self.quote {
                fields.append(try quotedField())
            } else {
                fields.append(unquotedField())
            }
            if let last = fields.last, last.utf8.count > InputBounds.maximumFieldBytes {
                throw .fieldTooLong(line: startLine, column: fields.count)
            }
            guard position < bytes.count else { break }
            if bytes[position] == delimiter {
                position += 1
            } else {
                consumeLineBreak()
                break
            }
        }
        return CSVRow(line: startLine, fields: fields)
    }

    private func isLineBreak(_ byte: UInt8) -> Bool {
        byte == Self.lineFeed || byte == Self.carriageReturn
    }

    /// Steps over the LF, CRLF or CR at `position` and counts the line.
    private mutating func consumeLineBreak() {
        if bytes[position] == Self.carriageReturn, position + 1 < bytes.count, bytes[position + 1] == Self.lineFeed {
            position += 1
        }
        position += 1
        line += 1
    }

    /// Reads up to the next delimiter or line break, leaving `position` on it (or at the end).
    private mutating func unquotedField() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            position += 1
        }
        return string(start..<position)
    }

    /// Reads a quoted field starting at the opening quote, leaving `position` after the closing quote.
    private mutating func quotedField() throws(CSVError) -> String {
        let openingLine = line
        position += 1
        var segmentStart = position
        var hasDoubledQuotes = false
        while true {
            guard position < bytes.count else { throw .unterminatedQuote(line: openingLine) }
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...position]))
                    hasDoubledQuotes = true
                    position += 2
                    segmentStart = position
                    continue
                }
                break
            }
            if byte == Self.lineFeed {
                line += 1
            } else if byte == Self.carriageReturn, position + 1 >= bytes.count || bytes[position + 1] != Self.lineFeed {
                line += 1
            }
            position += 1
        }
        let value: String
        if hasDoubledQuotes {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<position]))
            value = String(decoding: scratch, as: UTF8.self)
            scratch.removeAll(keepingCapacity: true)
        } else {
            value = string(segmentStart..<position)
        }
        position += 1  // the closing quote
        if position < bytes.count {
            let next = bytes[position]
            if next != delimiter, !isLineBreak(next) { throw .textAfterClosingQuote(line: line) }
        }
        return value
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
