import Glibc

/// Why a population file cannot be read: a problem of the CSV file, or of the population in it.
public enum PopulationReadError: Error, Equatable, Sendable {
    /// The file is not CSV text the tool reads (encoding, quotes, ragged rows …).
    case file(CSVError)
    /// The rows do not make a population (a missing column, an empty or duplicate key, a bad amount).
    case population(SamplingError)
    /// The file's rows differ between the reader's two passes: it was changed while it was read.
    case changedWhileReading
    /// The file is beyond what the reader holds: a record (from `line`) over 256 MB, or over 4 GB of keys.
    case tooLarge(line: Int, what: String)

    /// The 1-based line the problem is on, when there is one.
    public var line: Int? {
        switch self {
        case .file(let error): error.line
        case .population(let error): error.line
        case .changedWhileReading: nil
        case .tooLarge(let line, _): line
        }
    }

    /// A short English message for a CLI to print after `file:line: ` (or `file: `).
    public var message: String {
        switch self {
        case .file(let error): error.message
        case .population(let error): error.message
        case .changedWhileReading: "the file changed while it was read; draw again from a file that stays the same"
        case .tooLarge(_, let what): "\(what); is this the right file?"
        }
    }
}

/// Reads a population straight from its CSV file in one pass, keeping only what a draw needs: the
/// keys (and strata, amounts) compactly in a ``Population``; the carried columns are fetched later
/// for the drawn rows only (``Rows``). Memory grows with the number of rows and the length of their
/// keys, never with the file's other columns.
///
/// It reads exactly what ``CSVTable`` and ``Population/init(_:keyColumn:stratumColumn:carry:amountColumn:)``
/// read, with the same errors on the same lines, in the same order of precedence: the encoding
/// (``TextEncodingDetection``'s rules, judged over the whole file), then the records (quotes, ragged
/// rows, fields over 1 MB, the header), then the population (missing columns, then row by row). The
/// records are split on the raw bytes — delimiters, quotes and line breaks are ASCII in UTF-8 and in
/// Windows-1252 alike — sixteen bytes at a time (``ByteLanes``) through a reused buffer
/// (``ChunkedFileReader``), as the log extract reads its exports; a field is decoded only when the
/// population needs it, as UTF-8 when it is valid UTF-8 and as Windows-1252 otherwise, which is how
/// the whole file decodes whenever it is readable at all.
public struct PopulationReader: Sendable {
    /// The population file.
    public let path: String
    /// The key column's name.
    public let keyColumn: String
    /// The stratum column's name, for stratified draws.
    public let stratumColumn: String?
    /// The carried columns' names.
    public let carry: [String]
    /// The amount column's name, for amount-weighted draws.
    public let amountColumn: String?

    /// A reader of the population in the file at `path` (see ``Population/init(_:keyColumn:stratumColumn:carry:amountColumn:)``
    /// for the columns).
    public init(
        path: String, keyColumn: String, stratumColumn: String? = nil, carry: [String] = [], amountColumn: String? = nil
    ) {
        self.path = path
        self.keyColumn = keyColumn
        self.stratumColumn = stratumColumn
        self.carry = carry
        self.amountColumn = amountColumn
    }

    /// The longest record read (a field is at most 1 MB; this bounds a record of very many fields).
    static let recordLimit = 256 << 20

    /// Reads the file.
    /// - Throws: ``PopulationReadError``: the file's first problem, as the table reader reports it.
    public func read() throws(PopulationReadError) -> Population {
        let opened: (descriptor: Int32, size: Int)
        do { opened = try FileBytes.openRegularFile(path) } catch { throw .file(error) }
        defer { close(opened.descriptor) }
        var scan = PopulationScan(
            columns: (keyColumn, stratumColumn, carry, amountColumn), fileSize: opened.size, path: path)
        let reader = ChunkedFileReader(descriptor: opened.descriptor, limit: Self.recordLimit)
        let path = path
        _ = try reader.read(
            from: 0,
            failure: { failure in
                switch failure {
                case .recordTooLong:
                    .tooLarge(line: scan.line, what: "a record longer than \(PopulationReader.recordLimit >> 20) MB")
                case .readFailed(let reason): .file(.readFailed(path: path, reason: reason))
                }
            },
            consume: { (buffer, filled, atEnd, _) throws(PopulationReadError) in
                try scan.consume(buffer, filled: filled, atEnd: atEnd)
            })
        return try scan.finish(descriptor: opened.descriptor)
    }

    /// Decodes a field's bytes (quotes already removed): as UTF-8 when they are valid UTF-8, else as
    /// Windows-1252.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if UTF8Validation.firstInvalidOffset(in: bytes) == nil { return String(decoding: bytes, as: UTF8.self) }
        let transcoded = (try? Windows1252.transcodeToUTF8(bytes)) ?? Array(bytes)
        return String(decoding: transcoded, as: UTF8.self)
    }

    /// The rows of a population file found again by their position, for the carried columns of drawn rows.
    public struct Rows: Sendable {
        let path: String
        let delimiter: UInt8
        let fieldCount: Int
        let keyIndex: Int
        let carryIndices: [Int]
        /// Where the data records start (after the header).
        let dataStart: Int
        /// The line the first data record may start on.
        let dataLine: Int

        /// One row found again: its key as the file writes it and its carried values.
        struct Record {
            var key: String
            var carried: [String]
        }

        /// The key and carried values of each of `rows`, reading the file only as far as the last of them.
        func fields(ofRows rows: [Int]) throws(PopulationReadError) -> [Int: Record] {
            try find(rows) { record in
                let fields = record.fields
                return Record(key: fields[keyIndex], carried: carryIndices.map { fields[$0] })
            }
        }

        /// The line each of `rows` starts on.
        func lines(ofRows rows: [Int]) throws(PopulationReadError) -> [Int: Int] {
            try find(rows) { $0.line }
        }

        private func find<T>(_ rows: [Int], _ make: (CSVRow) -> T) throws(PopulationReadError) -> [Int: T] {
            let wanted = Set(rows)
            guard let last = rows.max() else { return [:] }
            let opened: (descriptor: Int32, size: Int)
            do { opened = try FileBytes.openRegularFile(path) } catch { throw .file(error) }
            defer { close(opened.descriptor) }
            var splitter = RecordSplitter(delimiter: delimiter, line: dataLine)
            var found: [Int: T] = [:]
            var row = 0
            var failed = false
            let path = path
            let reader = ChunkedFileReader(descriptor: opened.descriptor, limit: PopulationReader.recordLimit)
            _ = try reader.read(
                from: dataStart, isDone: { row > last || failed },
                failure: { failure in
                    switch failure {
                    case .recordTooLong: .changedWhileReading
                    case .readFailed(let reason): .file(.readFailed(path: path, reason: reason))
                    }
                },
                consume: { (p, filled, atEnd, _) throws(PopulationReadError) in
                    var position = 0
                    while row <= last, let record = splitter.next(p, from: position, filled: filled, atEnd: atEnd) {
                        position = record.end
                        guard record.problem == nil, record.fieldCount == fieldCount else {
                            failed = true
                            return filled
                        }
                        if wanted.contains(row) {
                            let bytes = UnsafeBufferPointer(
                                start: p + record.start, count: record.contentEnd - record.start)
                            let utf8: [UInt8] =
                                UTF8Validation.firstInvalidOffset(in: bytes) == nil
                                ? Array(bytes) : ((try? Windows1252.transcodeToUTF8(bytes)) ?? Array(bytes))
                            let parsed = utf8.withUnsafeBufferPointer { buffer in
                                var scanner = CSVRecordScanner(bytes: buffer, delimiter: delimiter)
                                return try? scanner.nextRecord(expectedFieldCount: fieldCount)
                            }
                            guard let parsed: CSVRow = parsed ?? nil, parsed.fields.count == fieldCount else {
                                failed = true
                                return filled
                            }
                            found[row] = make(CSVRow(line: record.line, fields: parsed.fields))
                        }
                        row += 1
                    }
                    return position
                })
            guard !failed, found.count == wanted.count else { throw .changedWhileReading }
            return found
        }
    }
}

/// A record's place in the buffer, as ``RecordSplitter`` finds it.
struct SplitRecord {
    /// The record's first byte.
    var start: Int
    /// Where its content ends (its line break, or the end of the data).
    var contentEnd: Int
    /// Where the next record may start.
    var end: Int
    /// The line it starts on.
    var line: Int
    /// Its number of fields.
    var fieldCount: Int
    /// The first problem of its structure, if any.
    var problem: CSVError?
}

/// Splits raw CSV bytes into records as ``CSVRecordScanner`` does (RFC 4180 with Excel's leniencies:
/// a record ends at LF, CRLF or a lone CR outside quotes; blank lines are skipped but counted; a field
/// that starts with `"` is quoted, `""` inside it is a quote and it may hold delimiters and line breaks;
/// a quote elsewhere is an ordinary character), without decoding: sixteen bytes at a time.
///
/// For each field it calls `field(index, lo, hi, isQuoted)` with the field's bytes as in the file
/// (quotes included); the quote rules and the field-length bound are checked in the scanner's order, and
/// a record's first problem is returned with it.
struct RecordSplitter {
    let delimiter: UInt8
    /// The physical line of the next record.
    var line: Int

    private static let quote: UInt8 = 0x22
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// The next record at or after `from` in `p[0..<filled]` (16 bytes of padding after it), or nil when
    /// it is not complete in the buffer yet (or there is none). Blank lines before it are stepped over.
    mutating func next(_ p: UnsafeMutablePointer<UInt8>, from: Int, filled: Int, atEnd: Bool) -> SplitRecord? {
        next(p, from: from, filled: filled, atEnd: atEnd) { _, _, _, _ in }
    }

    /// `next(_:from:filled:atEnd:)`, calling `field` for each field of a record that has no problem so far.
    @inline(__always)
    mutating func next(
        _ p: UnsafeMutablePointer<UInt8>, from: Int, filled: Int, atEnd: Bool,
        field visit: (_ index: Int, _ lo: Int, _ hi: Int, _ isQuoted: Bool) -> Void
    ) -> SplitRecord? {
        let raw = UnsafeRawPointer(p)
        let delimiters = SIMD16<UInt8>(repeating: delimiter)
        let quotes = SIMD16<UInt8>(repeating: Self.quote)
        let lineFeeds = SIMD16<UInt8>(repeating: Self.lineFeed)
        let returns = SIMD16<UInt8>(repeating: Self.carriageReturn)
        @inline(__always) func specials(_ at: Int) -> (UInt64, UInt64) {
            let bytes = raw.loadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self)
            return ByteLanes.halves(
                ByteLanes.zero(bytes ^ delimiters) | ByteLanes.zero(bytes ^ quotes) | ByteLanes.zero(bytes ^ lineFeeds)
                    | ByteLanes.zero(bytes ^ returns))
        }
        var start = from
        var skipped = 0
        while start < filled {
            let first = p[start]
            if first == Self.lineFeed {
                skipped += 1
                start += 1
            } else if first == Self.carriageReturn {
                if start + 1 >= filled && !atEnd { return nil }
                skipped += 1
                start += start + 1 < filled && p[start + 1] == Self.lineFeed ? 2 : 1
            } else {
                break
            }
        }
        guard start < filled else {
            if atEnd { line += skipped }
            return nil
        }
        let recordLine = line + skipped
        /// A record not complete in the buffer: nil (read more), unless its last field, unquoted, is
        /// already longer than the bound can be (a field decodes to no fewer bytes than it has).
        func incomplete(_ field: Int, _ fieldStart: Int, _ isQuoted: Bool) -> SplitRecord? {
            guard !isQuoted, filled - fieldStart - 1 > InputBounds.maximumFieldBytes else { return nil }
            return SplitRecord(
                start: start, contentEnd: filled, end: filled, line: recordLine, fieldCount: field + 1,
                problem: .fieldTooLong(line: recordLine, column: field + 1))
        }
        var field = 0
        var fieldStart = start
        var breaks = 0  // line breaks inside quoted fields so far
        var isQuoted = false
        var base = start
        var (low, high) = specials(base)
        var record = SplitRecord(start: start, contentEnd: filled, end: filled, line: recordLine, fieldCount: 0)
        while true {
            var at: Int
            while true {
                if low != 0 {
                    at = base + (low.trailingZeroBitCount >> 3)
                    low &= low &- 1
                    break
                }
                if high != 0 {
                    at = base + 8 + (high.trailingZeroBitCount >> 3)
                    high &= high &- 1
                    break
                }
                base += 16
                if base >= filled {
                    at = filled
                    break
                }
                (low, high) = specials(base)
            }
            if at >= filled {
                guard atEnd else { return incomplete(field, fieldStart, isQuoted) }
                if !endField(p, field, fieldStart, filled, isQuoted, recordLine, &record, visit) { break }
                record.contentEnd = filled
                record.end = filled
                break
            }
            let byte = p[at]
            if byte == delimiter {
                if !endField(p, field, fieldStart, at, isQuoted, recordLine, &record, visit) { break }
                field += 1
                fieldStart = at + 1
                isQuoted = false
            } else if byte == Self.lineFeed {
                if !endField(p, field, fieldStart, at, isQuoted, recordLine, &record, visit) { break }
                record.contentEnd = at
                record.end = at + 1
                break
            } else if byte == Self.carriageReturn {
                if at + 1 >= filled && !atEnd { return incomplete(field, fieldStart, isQuoted) }
                if !endField(p, field, fieldStart, at, isQuoted, recordLine, &record, visit) { break }
                record.contentEnd = at
                record.end = at + 1 < filled && p[at + 1] == Self.lineFeed ? at + 2 : at + 1
                break
            } else if at == fieldStart {
                // A quoted field: find its closing quote, stepping over doubled ones.
                let openingLine = recordLine + breaks
                var from = at + 1
                var closing = -1
                while true {
                    guard let found = memchr(p + from, Int32(Self.quote), filled - from) else {
                        guard atEnd else { return nil }
                        break
                    }
                    let index = UnsafeMutableRawPointer(p).distance(to: found)
                    if index + 1 < filled {
                        if p[index + 1] == Self.quote {
                            from = index + 2
                            continue
                        }
                    } else if !atEnd {
                        return nil
                    }
                    closing = index
                    break
                }
                guard closing >= 0 else {
                    record.problem = .unterminatedQuote(line: openingLine)
                    break
                }
                breaks += Self.lineBreaks(p, at + 1, closing)
                let after = closing + 1
                if after < filled {
                    let next = p[after]
                    if next != delimiter && next != Self.lineFeed && next != Self.carriageReturn {
                        record.problem = .textAfterClosingQuote(line: recordLine + breaks)
                        break
                    }
                }
                isQuoted = true
                base = after
                (low, high) = specials(base)
            }
            // any other quote is an ordinary character
        }
        record.fieldCount = field + 1
        line = recordLine + breaks + 1
        return record
    }

    /// Ends field `index` at `hi`: refuses it when it is longer than the bound (decoded, as the table
    /// reader measures it), else hands it to `visit`; false when the record has a problem.
    @inline(__always)
    private func endField(
        _ p: UnsafeMutablePointer<UInt8>, _ index: Int, _ lo: Int, _ hi: Int, _ isQuoted: Bool, _ recordLine: Int,
        _ record: inout SplitRecord, _ visit: (Int, Int, Int, Bool) -> Void
    ) -> Bool {
        // A field decodes to at most three bytes a byte (Windows-1252's € is three in UTF-8).
        if hi - lo > InputBounds.maximumFieldBytes / 3,
            Self.decodedLength(UnsafeBufferPointer(start: p + lo, count: hi - lo), isQuoted: isQuoted)
                > InputBounds.maximumFieldBytes
        {
            record.problem = .fieldTooLong(line: recordLine, column: index + 1)
            return false
        }
        visit(index, lo, hi, isQuoted)
        return true
    }

    /// The length in UTF-8 of a field's value: without its quotes and with `""` as one `"`; bytes that
    /// are not UTF-8 counted as Windows-1252 decodes them.
    static func decodedLength(_ field: UnsafeBufferPointer<UInt8>, isQuoted: Bool) -> Int {
        var value = Array(field)
        if isQuoted { value = PopulationScan.unquoted(field) }
        return value.withUnsafeBufferPointer { bytes in
            guard UTF8Validation.firstInvalidOffset(in: bytes) != nil else { return bytes.count }
            return bytes.reduce(0) { total, byte in
                guard byte >= 0x80 else { return total + 1 }
                return total + ((Windows1252.scalar(for: byte) ?? 0xFFFD) < 0x800 ? 2 : 3)
            }
        }
    }

    /// The line breaks (LF, CRLF, lone CR) in `p[from..<to]`, as ``LineCounting`` counts them.
    static func lineBreaks(_ p: UnsafeMutablePointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        var index = from
        while index < to, let found = memchr(p + index, Int32(lineFeed), to - index) {
            count += 1
            index = UnsafeMutableRawPointer(p).distance(to: found) + 1
        }
        index = from
        while index < to, let found = memchr(p + index, Int32(carriageReturn), to - index) {
            let at = UnsafeMutableRawPointer(p).distance(to: found)
            if at + 1 >= to || p[at + 1] != lineFeed { count += 1 }
            index = at + 1
        }
        return count
    }
}
