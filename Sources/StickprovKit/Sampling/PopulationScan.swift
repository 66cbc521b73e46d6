import Glibc

/// The one pass of ``PopulationReader`` over a population file: records split by ``RecordSplitter``,
/// the encoding judged record by record (``EncodingSummary``, ``EncodingScan``), the needed fields
/// handed to a ``PopulationBuilder``. Every problem is remembered at its first occurrence and the pass
/// goes on, so that ``finish(descriptor:)`` can report the one the table reader would have reported.
struct PopulationScan {
    typealias Columns = (key: String, stratum: String?, carry: [String], amount: String?)
    let columns: Columns
    let fileSize: Int
    let path: String

    /// Splits the records, once the header has shown the delimiter.
    private var splitter: RecordSplitter?
    /// The line of the next record.
    var line: Int { splitter?.line ?? 1 }
    /// The file offset of the buffer's first byte.
    private var base = 0
    private var isStarted = false
    private var hasBOM = false

    // What the encoding checks found, as file offsets.
    private var firstNUL: Int?
    private var firstMisplacedBOM: Int?
    private var firstInvalid: (offset: Int, byte: UInt8)?
    private var firstSequence: Int?
    private var firstUndefined: (offset: Int, byte: UInt8)?

    /// The first problem of the records' structure; the pass then only checks the encoding.
    private var structural: CSVError?
    /// The first problem of the population; the pass then stops collecting rows.
    private var populationProblem: SamplingError?
    /// A duplicate key found: the key, the earlier row and the later row's line.
    private var duplicate: (key: String, firstRow: Int, line: Int)?

    private var header: [String]?
    private var headerKeys: [String] = []
    private var keyIndex = -1
    private var stratumIndex = -1
    private var amountIndex = -1
    private var carryIndices: [Int] = []
    /// The population so far; rows are added once the header has named every column asked for.
    private var builder = PopulationBuilder(keyColumn: "", stratumColumn: nil, amountColumn: nil)
    private var isCollecting = false
    private var rows = 0
    private var dataStart = 0
    private var dataLine = 1
    private var isSized = false
    /// Raw strata seen, as bytes, with their numbers (the first few; a lookup without decoding).
    private var rawStrata: [([UInt8], UInt32)] = []

    init(columns: Columns, fileSize: Int, path: String) {
        self.columns = columns
        self.fileSize = fileSize
        self.path = path
    }

    /// Reads the complete records of `p[0..<filled]`; returns how many bytes it used.
    mutating func consume(_ p: UnsafeMutablePointer<UInt8>, filled: Int, atEnd: Bool) throws(PopulationReadError)
        -> Int
    {
        var position = 0
        if !isStarted {
            isStarted = true
            do {
                try TextEncodingDetection.rejectNonText(UnsafeBufferPointer(start: p, count: min(filled, 4096)))
            } catch {
                throw .file(error)
            }
            if filled >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
                hasBOM = true
                position = 3
            }
        }
        if firstNUL == nil, let found = memchr(p, 0, filled) {
            firstNUL = base + UnsafeMutableRawPointer(p).distance(to: found)
        }
        if structural == nil && splitter == nil {
            guard atEnd || Self.headerLineIsComplete(p, from: position, filled: filled) else {
                base += position
                return position
            }
            let delimiter = CSVDelimiter.detect(
                inHeaderOf: UnsafeBufferPointer(start: p + position, count: filled - position))
            splitter = RecordSplitter(delimiter: delimiter.rawValue, line: 1)
        }
        if structural == nil, var splitter {
            position = try records(p, from: position, filled: filled, atEnd: atEnd, splitter: &splitter)
            self.splitter = splitter
        }
        if structural != nil {
            position = encodingOnly(p, from: position, filled: filled, atEnd: atEnd)
        } else if atEnd {
            position = filled
            if header == nil { structural = .emptyFile }
        }
        base += position
        return position
    }

    /// The records from `position` on; returns where the first one not read starts.
    private mutating func records(
        _ p: UnsafeMutablePointer<UInt8>, from start: Int, filled: Int, atEnd: Bool, splitter: inout RecordSplitter
    ) throws(PopulationReadError) -> Int {
        var position = start
        var headerFields: [(Int, Int, Bool)] = []
        var key = (lo: 0, hi: 0, isQuoted: false)
        var stratum = key
        var amount = key
        let collecting = populationProblem == nil && duplicate == nil
        while structural == nil {
            let isHeader = header == nil
            let keyIndex = keyIndex
            let stratumIndex = stratumIndex
            let amountIndex = amountIndex
            guard
                let record = splitter.next(
                    p, from: position, filled: filled, atEnd: atEnd,
                    field: { index, lo, hi, isQuoted in
                        if isHeader {
                            headerFields.append((lo, hi, isQuoted))
                            return
                        }
                        if index == keyIndex { key = (lo, hi, isQuoted) }
                        if index == stratumIndex { stratum = (lo, hi, isQuoted) }
                        if index == amountIndex { amount = (lo, hi, isQuoted) }
                    })
            else { break }
            if let problem = record.problem {
                structural = problem
                break
            }
            checkEncoding(p, record.start, record.contentEnd)
            if isHeader {
                takeHeader(p, headerFields, line: record.line)
                dataStart = base + record.end
                dataLine = splitter.line
            } else if let header, record.fieldCount != header.count {
                structural = .raggedRow(line: record.line, expected: header.count, found: record.fieldCount)
                break
            } else if collecting && isCollecting && populationProblem == nil && duplicate == nil {
                // Keys are found by 32-bit offsets: more than 4 GB of them is refused, never wrapped.
                guard builder.keyBytes.count + (key.hi - key.lo) < Int(UInt32.max) else {
                    throw .tooLarge(line: record.line, what: "more than 4 GB of keys")
                }
                takeRow(p, key: key, stratum: stratum, amount: amount, line: record.line)
            }
            rows += isHeader ? 0 : 1
            position = record.end
        }
        if !isSized && rows >= 64 && isCollecting {
            // Size the arrays once for the whole file, judged by the rows so far.
            isSized = true
            let read = Double(max(base + position - dataStart, 1))
            let scale = Double(max(fileSize - dataStart, 0)) / read * 1.05
            builder.reserve(
                rows: Int(Double(rows) * scale) + 64, keyBytes: Int(Double(builder.keyBytes.count) * scale) + 1024)
        }
        return position
    }

    /// Reads the header: its names, checked as the table reader checks them, and the columns asked for.
    private mutating func takeHeader(_ p: UnsafeMutablePointer<UInt8>, _ fields: [(Int, Int, Bool)], line: Int) {
        let raw = fields.map { field in fieldText(p, field.0, field.1, field.2) }
        let names = raw.map(CSVTable.normalisedColumnName)
        let keys = names.map(CSVTable.columnKey)
        do {
            try CSVTable.validate(header: names, keys: keys, line: line)
        } catch {
            structural = error
            return
        }
        header = names
        headerKeys = keys
        func column(_ name: String) -> Int? {
            keys.firstIndex(of: CSVTable.columnKey(CSVTable.normalisedColumnName(name)))
        }
        let asked =
            [columns.key] + [columns.stratum].compactMap { $0 } + columns.carry + [columns.amount].compactMap { $0 }
        if let missing = asked.first(where: { column($0) == nil }) {
            populationProblem = .missingColumn(missing, available: names)
            return
        }
        keyIndex = column(columns.key) ?? -1
        stratumIndex = columns.stratum.flatMap(column) ?? -1
        amountIndex = columns.amount.flatMap(column) ?? -1
        carryIndices = columns.carry.compactMap(column)
        builder = PopulationBuilder(
            keyColumn: names[keyIndex], stratumColumn: stratumIndex >= 0 ? names[stratumIndex] : nil,
            amountColumn: amountIndex >= 0 ? names[amountIndex] : nil)
        isCollecting = true
    }

    /// Adds a data row to the population, or remembers why it cannot be added.
    private mutating func takeRow(
        _ p: UnsafeMutablePointer<UInt8>, key: (lo: Int, hi: Int, isQuoted: Bool),
        stratum: (lo: Int, hi: Int, isQuoted: Bool), amount: (lo: Int, hi: Int, isQuoted: Bool), line: Int
    ) {
        do throws(SamplingError) {
            try Self.withField(p, key) { bytes throws(SamplingError) in try builder.appendKey(bytes, line: line) }
            if stratumIndex >= 0 {
                let index = try Self.withField(p, stratum) { (bytes) throws(SamplingError) -> UInt32 in
                    for known in rawStrata where known.0.withUnsafeBufferPointer({ ByteLanes.equal($0, bytes) }) {
                        return known.1
                    }
                    let index = try builder.stratumIndex(PopulationReader.text(bytes), line: line)
                    if rawStrata.count < 64 { rawStrata.append((Array(bytes), index)) }
                    return index
                }
                builder.appendStratum(index)
            }
            if let earlier = builder.finishKey() {
                duplicate = (builder.lastKey, earlier, line)
                return
            }
            if amountIndex >= 0 {
                try Self.withField(p, amount) { bytes throws(SamplingError) in
                    let isASCII = !bytes.contains { $0 >= 0x80 }
                    let parsed =
                        isASCII
                        ? Amount(scalarValues: bytes.lazy.map { UInt32($0) }) : Amount(PopulationReader.text(bytes))
                    try builder.addAmount(parsed, text: PopulationReader.text(bytes), line: line)
                }
            }
        } catch {
            populationProblem = error
        }
    }

    /// Calls `body` with a field's value as bytes: quotes removed and `""` undone (not decoded).
    private static func withField<T>(
        _ p: UnsafeMutablePointer<UInt8>, _ field: (lo: Int, hi: Int, isQuoted: Bool),
        _ body: (UnsafeBufferPointer<UInt8>) throws(SamplingError) -> T
    ) throws(SamplingError) -> T {
        guard field.isQuoted else {
            return try body(UnsafeBufferPointer(start: p + field.lo, count: field.hi - field.lo))
        }
        let inside = UnsafeBufferPointer(start: p + field.lo + 1, count: max(field.hi - field.lo - 2, 0))
        guard inside.contains(0x22) else { return try body(inside) }
        let value = unquoted(UnsafeBufferPointer(start: p + field.lo, count: field.hi - field.lo))
        return try value.withUnsafeBufferPointer { (buffer) throws(SamplingError) -> T in try body(buffer) }
    }

    /// A field's text: unquoted and decoded.
    private func fieldText(_ p: UnsafeMutablePointer<UInt8>, _ lo: Int, _ hi: Int, _ isQuoted: Bool) -> String {
        let field = UnsafeBufferPointer(start: p + lo, count: hi - lo)
        guard isQuoted else { return PopulationReader.text(field) }
        return Self.unquoted(field).withUnsafeBufferPointer { PopulationReader.text($0) }
    }

    /// A quoted field's value: without the enclosing quotes, `""` as `"`.
    static func unquoted(_ field: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var value: [UInt8] = []
        value.reserveCapacity(field.count)
        var index = 1
        let end = field.count - 1
        while index < end {
            let byte = field[index]
            value.append(byte)
            index += byte == 0x22 && index + 1 < end && field[index + 1] == 0x22 ? 2 : 1
        }
        return value
    }

    /// Notes the first encoding findings in `p[lo..<hi]`: the common records settle eight bytes at a time.
    private mutating func checkEncoding(_ p: UnsafeMutablePointer<UInt8>, _ lo: Int, _ hi: Int) {
        if firstInvalid != nil && firstSequence != nil && firstUndefined != nil && firstMisplacedBOM != nil { return }
        let summary = EncodingSummary(UnsafePointer(p), lo, hi)
        guard summary.hasHighBytes else { return }
        func firstHigh() -> Int {
            var index = lo
            while p[index] < 0x80 { index += 1 }
            return index
        }
        if summary.isSimpleUTF8 {
            if firstSequence == nil { firstSequence = base + firstHigh() }
            return
        }
        if !summary.hasContinuationBytes {
            if firstInvalid == nil {
                let index = firstHigh()
                firstInvalid = (base + index, p[index])
            }
            return
        }
        if let scan = EncodingScan(UnsafePointer(p), lo, hi) {
            if firstSequence == nil, let index = scan.firstUTF8Sequence { firstSequence = base + index }
            if firstInvalid == nil, let index = scan.firstInvalidUTF8 { firstInvalid = (base + index, p[index]) }
            if firstUndefined == nil, let index = scan.firstUndefined1252 { firstUndefined = (base + index, p[index]) }
        }
        if firstMisplacedBOM == nil {
            var index = lo
            while index + 2 < hi, let found = memchr(p + index, 0xEF, hi - 2 - index) {
                let at = UnsafeMutableRawPointer(p).distance(to: found)
                if p[at + 1] == 0xBB && p[at + 2] == 0xBF {
                    firstMisplacedBOM = base + at
                    break
                }
                index = at + 1
            }
        }
    }

    /// After a problem in the records: checks the encoding of the bytes up to the last ASCII byte (all
    /// of them at the end), so no character is cut in two.
    private mutating func encodingOnly(_ p: UnsafeMutablePointer<UInt8>, from: Int, filled: Int, atEnd: Bool) -> Int {
        var cut = filled
        if !atEnd {
            cut = from
            var index = filled
            while index > from {
                index -= 1
                if p[index] < 0x80 {
                    cut = index + 1
                    break
                }
            }
        }
        checkEncoding(p, from, cut)
        return cut
    }

    /// Whether the buffer holds the whole first non-blank line (to a line break outside quotes), as
    /// ``CSVDelimiter/detect(inHeaderOf:)`` reads it.
    private static func headerLineIsComplete(_ p: UnsafeMutablePointer<UInt8>, from: Int, filled: Int) -> Bool {
        var index = from
        while index < filled && (p[index] == 0x0A || p[index] == 0x0D) { index += 1 }
        var inQuotes = false
        while index < filled {
            let byte = p[index]
            if byte == 0x22 {
                inQuotes.toggle()
            } else if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                return true
            }
            index += 1
        }
        return false
    }

    /// The population, or the file's first problem in the table reader's order.
    mutating func finish(descriptor: Int32) throws(PopulationReadError) -> Population {
        if let offset = firstNUL { throw .file(.nulByte(line: try position(of: offset, descriptor).line)) }
        if let offset = firstMisplacedBOM {
            throw .file(.misplacedByteOrderMark(line: try position(of: offset, descriptor).line))
        }
        if let invalid = firstInvalid {
            let at = try position(of: invalid.offset, descriptor)
            if hasBOM { throw .file(.invalidUTF8(line: at.line)) }
            if let sequence = firstSequence {
                throw .file(
                    .mixedEncoding(
                        line: at.line, column: at.column, byte: invalid.byte,
                        utf8Line: try position(of: sequence, descriptor).line))
            }
            if let undefined = firstUndefined {
                throw .file(
                    .undecodableByte(byte: undefined.byte, line: try position(of: undefined.offset, descriptor).line))
            }
        }
        if let structural { throw .file(structural) }
        if let populationProblem { throw .population(populationProblem) }
        guard isCollecting, let splitter else { throw .file(.emptyFile) }
        let rows = PopulationReader.Rows(
            path: path, delimiter: splitter.delimiter, fieldCount: header?.count ?? 0, keyIndex: keyIndex,
            carryIndices: carryIndices, dataStart: dataStart, dataLine: dataLine)
        if let duplicate {
            let lines = try rows.lines(ofRows: [duplicate.firstRow])
            throw .population(
                .duplicateKey(duplicate.key, firstLine: lines[duplicate.firstRow] ?? 0, secondLine: duplicate.line))
        }
        if let alike = builder.firstLookAlike() {
            let lines = try rows.lines(ofRows: [alike.other])
            throw .population(
                .lookAlikeKeys(
                    builder.key(ofRow: alike.row), line: alike.line, builder.key(ofRow: alike.other),
                    otherLine: lines[alike.other] ?? 0))
        }
        let carried = carryIndices.map { header?[$0] ?? "" }
        return builder.population(carriedColumns: carried, carried: [:], source: carried.isEmpty ? nil : rows)
    }

    /// The physical line of the byte at `offset` (lines end at LF, CRLF or a lone CR, as
    /// ``LineCounting`` counts them) and its 1-based position in that line: a second look at the file's
    /// start, made only to word a message.
    private func position(of offset: Int, _ descriptor: Int32) throws(PopulationReadError) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var afterReturn = false
        let reader = ChunkedFileReader(descriptor: descriptor, limit: PopulationReader.recordLimit)
        let path = path
        _ = try reader.read(
            from: 0, to: offset,
            failure: { failure -> PopulationReadError in
                switch failure {
                case .recordTooLong: .changedWhileReading
                case .readFailed(let reason): .file(.readFailed(path: path, reason: reason))
                }
            },
            consume: { (p, filled, _, stop) throws(PopulationReadError) in
                let end = min(filled, stop)
                let start = offset - stop  // the file offset of p[0]
                for index in 0..<end {
                    let byte = p[index]
                    if byte == 0x0A {
                        if !afterReturn { line += 1 }
                        lineStart = start + index + 1
                        afterReturn = false
                    } else if byte == 0x0D {
                        line += 1
                        lineStart = start + index + 1
                        afterReturn = true
                    } else {
                        afterReturn = false
                    }
                }
                return max(end, 1)
            })
        return (line, offset - lineStart + 1)
    }
}
