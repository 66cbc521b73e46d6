import Glibc

/// What every part of an extract scans with.
struct ScanSettings: Sendable {
    /// The field delimiter.
    let delimiter: UInt8
    /// How many fields a record must have.
    let fieldCount: Int
    /// The user column's index.
    let userIndex: Int
    /// The time column's index.
    let timeIndex: Int
    /// The time column's name, for messages.
    let timeColumn: String
    /// The drawn officers' ids.
    let users: UserIDSet
    /// The group (file) of each officer.
    let groupOfOfficer: [Int]
    /// The week.
    let window: LogWindow
    /// Stop at the first anomaly.
    let isStrict: Bool
    /// How many anomalies to keep for listing.
    let listed: Int
    /// The line break added to a last record that has none.
    let lineBreak: [UInt8]
}

/// The rows found for one officer in a part of the export.
struct OfficerTally: Sendable {
    var rows = 0
    var first = Int.max
    var last = Int.min

    mutating func add(_ seconds: Int) {
        rows += 1
        if seconds < first { first = seconds }
        if seconds > last { last = seconds }
    }

    mutating func merge(_ other: OfficerTally) {
        rows += other.rows
        first = min(first, other.first)
        last = max(last, other.last)
    }
}

/// Scans a stretch of an access-log export record by record and selects the drawn officers' rows in
/// the week: one pass over the bytes, reading into a reused buffer, never decoding.
///
/// Records follow RFC 4180 as ``CSVRecordScanner`` reads them: a field that starts with `"` is quoted
/// and may hold delimiters, `""` and line breaks; a `"` elsewhere is an ordinary character; a record
/// ends at LF or CRLF outside quotes; blank lines are skipped. Delimiters, quotes and line feeds are
/// found eight bytes at a time (SWAR); only the user field of each record is looked up, and only a
/// drawn officer's record has its time parsed.
struct ExportScanner {
    let settings: ScanSettings
    let path: String
    /// The physical line of the next record (relative for a part that starts mid-file).
    var line: Int
    /// The encoding seen so far.
    var encoding: ExportEncoding
    /// Data records read.
    var rows = 0
    /// Per officer: the rows found and their first and last times.
    var tallies: [OfficerTally]
    /// The first anomalies, up to `settings.listed`.
    var anomalies: [LogAnomaly] = []
    /// Every anomaly, counted.
    var anomalyCount = 0
    /// Whether `isStrict` stopped the scan at an anomaly (the first in `anomalies`).
    var isStopped = false
    /// The selected rows.
    var output: ExtractOutput

    /// The most the reader's buffer grows to for one long record.
    static let recordLimit = 16 << 20

    init(settings: ScanSettings, path: String, line: Int, encoding: ExportEncoding, output: ExtractOutput) {
        self.settings = settings
        self.path = path
        self.line = line
        self.encoding = encoding
        self.output = output
        tallies = Array(repeating: OfficerTally(), count: settings.groupOfOfficer.count)
    }

    /// Scans the records that start from `start` up to `stop` (a record that starts before `stop`
    /// is read to its end) and returns the offset of the first record not read: `stop` itself when
    /// `stop` is a record boundary, the end of the file, or where an anomaly stopped a strict scan.
    mutating func scan(_ descriptor: Int32, from start: Int, to stop: Int) throws(LogCheckError) -> Int {
        let reader = ChunkedFileReader(descriptor: descriptor, limit: ExportScanner.recordLimit)
        let path = path
        return try reader.read(
            from: start, to: stop, isDone: { isStopped },
            failure: { failure in
                switch failure {
                case .recordTooLong: .recordTooLong(line: line, limit: ExportScanner.recordLimit)
                case .readFailed(let reason): .readFailed(path: path, reason: reason)
                }
            },
            consume: { (buffer, filled, atEnd, stop) throws(LogCheckError) in
                try records(buffer, filled: filled, atEnd: atEnd, stop: stop)
            })
    }

    // The hot loop. Sixteen bytes at a time through ``ByteLanes``.

    private static let quote: UInt8 = 0x22
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// Reads the complete records in `p[0..<filled]` that start before `stop`; returns where the first
    /// unread record starts.
    private mutating func records(_ p: UnsafeMutablePointer<UInt8>, filled: Int, atEnd: Bool, stop: Int)
        throws(LogCheckError) -> Int
    {
        let raw = UnsafeRawPointer(p)
        let delimiter = settings.delimiter
        let delimiters = SIMD16<UInt8>(repeating: delimiter)
        let quotes = SIMD16<UInt8>(repeating: ExportScanner.quote)
        let lineFeeds = SIMD16<UInt8>(repeating: ExportScanner.lineFeed)
        let fieldCount = settings.fieldCount
        let userIndex = settings.userIndex
        let timeIndex = settings.timeIndex
        /// The delimiters, quotes and line feeds among the 16 bytes at `at`, as 0x80 in their places.
        @inline(__always) func specials(_ at: Int) -> (UInt64, UInt64) {
            let bytes = raw.loadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self)
            return ByteLanes.halves(
                ByteLanes.zero(bytes ^ delimiters) | ByteLanes.zero(bytes ^ quotes) | ByteLanes.zero(bytes ^ lineFeeds))
        }

        var recordStart = 0
        records: while recordStart < filled && recordStart < stop && !isStopped {
            let first = p[recordStart]
            if first == ExportScanner.lineFeed {  // a blank line
                line += 1
                recordStart += 1
                continue
            }
            if first == ExportScanner.carriageReturn {
                if recordStart + 1 >= filled && !atEnd { break records }
                if recordStart + 1 < filled && p[recordStart + 1] == ExportScanner.lineFeed {
                    line += 1
                    recordStart += 2
                    continue
                }
            }
            var field = 0
            var fieldStart = recordStart
            var userLo = -1
            var userHi = -1
            var timeLo = -1
            var timeHi = -1
            var quotedLineFeeds = 0
            var hasTextAfterQuote = false
            var unterminatedAt = -1
            let contentEnd: Int  // the line feed ending the record, or `filled` at the end of the file
            var base = recordStart
            var (low, high) = specials(base)
            scan: while true {
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
                    guard atEnd else { break records }
                    contentEnd = filled
                    break scan
                }
                let byte = p[at]
                if byte == delimiter {
                    if field == userIndex {
                        userLo = fieldStart
                        userHi = at
                    } else if field == timeIndex {
                        timeLo = fieldStart
                        timeHi = at
                    }
                    field += 1
                    fieldStart = at + 1
                } else if byte == ExportScanner.lineFeed {
                    contentEnd = at
                    break scan
                } else if at == fieldStart {
                    // A quoted field: find its closing quote, stepping over doubled ones.
                    var from = at + 1
                    var closing = -1
                    while true {
                        guard let found = memchr(p + from, Int32(ExportScanner.quote), filled - from) else {
                            guard atEnd else { break records }
                            quotedLineFeeds += ExportScanner.lineFeeds(p, from, filled)
                            unterminatedAt = at
                            break
                        }
                        let index = UnsafeMutableRawPointer(p).distance(to: found)
                        quotedLineFeeds += ExportScanner.lineFeeds(p, from, index)
                        if index + 1 < filled {
                            if p[index + 1] == ExportScanner.quote {
                                from = index + 2
                                continue
                            }
                        } else if !atEnd {
                            break records
                        }
                        closing = index
                        break
                    }
                    if closing < 0 {
                        contentEnd = filled
                        break scan
                    }
                    let after = closing + 1
                    if after < filled {
                        let next = p[after]
                        if next != delimiter && next != ExportScanner.lineFeed
                            && !(next == ExportScanner.carriageReturn
                                && (after + 1 == filled || p[after + 1] == ExportScanner.lineFeed))
                        {
                            hasTextAfterQuote = true
                        }
                    }
                    base = after
                    (low, high) = specials(base)
                }
                // any other quote is an ordinary character
            }
            // The record is [recordStart, contentEnd) plus its line feed, if it has one.
            var lastHi = contentEnd
            if lastHi > fieldStart && p[lastHi - 1] == ExportScanner.carriageReturn { lastHi -= 1 }
            if field == userIndex {
                userLo = fieldStart
                userHi = lastHi
            } else if field == timeIndex {
                timeLo = fieldStart
                timeHi = lastHi
            }
            let recordEnd = contentEnd < filled ? contentEnd + 1 : contentEnd
            let recordLine = line
            line += quotedLineFeeds + 1
            rows += 1
            var isSound = true
            if unterminatedAt >= 0 {
                note(
                    LogAnomaly(
                        line: recordLine + ExportScanner.lineFeeds(p, recordStart, unterminatedAt),
                        kind: .unterminatedQuote))
                isSound = false
            } else if field + 1 != fieldCount {
                note(LogAnomaly(line: recordLine, kind: .fieldCount(expected: fieldCount, found: field + 1)))
                isSound = false
            } else if hasTextAfterQuote {
                note(LogAnomaly(line: recordLine, kind: .textAfterClosingQuote))
                isSound = false
            }
            if let anomaly = encoding.check(p, recordStart, contentEnd, line: recordLine) { note(anomaly) }
            if isSound && !isStopped {
                try select(
                    p, record: recordStart..<recordEnd, hasLineFeed: contentEnd < filled, user: userLo..<userHi,
                    time: timeLo..<timeHi, line: recordLine)
            }
            recordStart = recordEnd
        }
        return recordStart
    }

    /// Looks the record's user up and, for a drawn officer, reads its time and keeps it in the week.
    @inline(__always)
    private mutating func select(
        _ p: UnsafeMutablePointer<UInt8>, record: Range<Int>, hasLineFeed: Bool, user: Range<Int>, time: Range<Int>,
        line: Int
    ) throws(LogCheckError) {
        var lo = user.lowerBound
        var hi = user.upperBound
        while lo < hi && p[lo] == 0x20 { lo += 1 }
        while hi > lo && p[hi - 1] == 0x20 { hi -= 1 }
        let officer: Int
        if hi - lo >= 2 && p[lo] == ExportScanner.quote && p[hi - 1] == ExportScanner.quote {
            let value = ExportScanner.unquoted(p, lo, hi)
            let users = settings.users
            officer = value.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { users.officer($0, buffer.count) } ?? -1
            }
        } else {
            officer = settings.users.officer(p + lo, hi - lo)
        }
        guard officer >= 0 else { return }
        var timeLo = time.lowerBound
        var timeHi = time.upperBound
        if timeHi - timeLo >= 2 && p[timeLo] == ExportScanner.quote && p[timeHi - 1] == ExportScanner.quote {
            timeLo += 1
            timeHi -= 1
        }
        guard let parsed = LogTime.parse(p + timeLo, timeHi - timeLo) else {
            let text = (timeLo..<min(timeHi, timeLo + 40)).map { index -> Character in
                let byte = p[index]
                return byte >= 0x20 && byte < 0x7F ? Character(Unicode.Scalar(byte)) : "?"
            }
            note(LogAnomaly(line: line, kind: .timestamp(column: settings.timeColumn, text: String(text))))
            return
        }
        guard settings.window.contains(parsed) else { return }
        tallies[officer].add(parsed.seconds)
        try output.append(
            settings.groupOfOfficer[officer],
            UnsafeBufferPointer(start: p + record.lowerBound, count: record.count),
            lineBreak: hasLineFeed ? nil : settings.lineBreak)
    }

    /// A quoted field's value: without its quotes, `""` as `"`, spaces inside trimmed.
    private static func unquoted(_ p: UnsafeMutablePointer<UInt8>, _ lo: Int, _ hi: Int) -> [UInt8] {
        var value: [UInt8] = []
        var index = lo + 1
        while index < hi - 1 {
            let byte = p[index]
            value.append(byte)
            index += byte == quote && p[index + 1] == quote ? 2 : 1
        }
        while value.first == 0x20 { value.removeFirst() }
        while value.last == 0x20 { value.removeLast() }
        return value
    }

    /// The line feeds in `p[from..<to]`.
    private static func lineFeeds(_ p: UnsafeMutablePointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        var index = from
        while index < to, let found = memchr(p + index, Int32(lineFeed), to - index) {
            count += 1
            index = UnsafeMutableRawPointer(p).distance(to: found) + 1
        }
        return count
    }

    /// Counts an anomaly, keeps it if there is room, and stops a strict scan.
    private mutating func note(_ anomaly: LogAnomaly) {
        anomalyCount += 1
        if anomalies.count < settings.listed || (settings.isStrict && anomalies.isEmpty) { anomalies.append(anomaly) }
        if settings.isStrict { isStopped = true }
    }
}
