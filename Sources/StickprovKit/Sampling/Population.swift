/// The items a draw chooses from, read from an export (CSV) — held in memory only,
/// never stored: a draw keeps its fingerprint and the sampled keys.
///
/// Kept compactly, so that millions of rows fit in a few bytes each: the normalised keys one after
/// another in one byte buffer with their end offsets, each row's stratum as a number into the list of
/// distinct strata, and the amounts as öre. The carried columns (officer, unit …) are not kept for every
/// row: a population read from a file fetches them for the drawn rows only
/// (``loadCarried(forRows:)``, a second pass over the file).
public struct Population: Sendable {
    /// One row of the population.
    public struct Item: Sendable, Hashable {
        /// The normalised key (SPEC.md §1).
        public let key: String
        /// The normalised stratum, for stratified draws.
        public let stratum: String?
        /// The row's position among the data rows, from 0, in file order.
        public let row: Int
        /// The amount, for amount-weighted draws (SPEC.md §11).
        public var amount: Amount? = nil
    }

    /// The key column's name as the file writes it.
    public let keyColumn: String
    /// The stratum column's name, when there is one.
    public let stratumColumn: String?
    /// The carried columns' names as the file writes them.
    public let carriedColumns: [String]
    /// The amount column's name, for amount-weighted draws.
    public let amountColumn: String?

    /// The normalised keys' UTF-8 bytes, one after another.
    let keyBytes: [UInt8]
    /// Where each row's key ends in `keyBytes` (it starts where the row before ends).
    let keyEnds: [UInt32]
    /// The distinct normalised strata, in the order they first occur.
    public let strata: [String]
    /// Each row's stratum as a position in `strata`; empty without a stratum column.
    let stratumOfRow: [UInt32]
    /// Each row's amount; empty without an amount column.
    let amounts: [Amount]
    /// The carried values known: every row's (read from a table) or the drawn rows' (loaded).
    var carried: [Int: [String]]
    /// How to fetch the carried values of rows from the file, for a population read from one.
    let carriedSource: PopulationReader.Rows?
    /// Whether every key sorts after the one before (an export sorted by its key): the rows are then
    /// already in the fingerprint's order.
    let isSortedByKey: Bool

    /// The number of rows.
    public var count: Int { keyEnds.count }

    /// Normalises a key or stratum as SPEC.md §1 says: NFC, then ASCII whitespace trimmed at both ends.
    public static func normalise(_ text: String) -> String { text.nfc.trimmingASCIIWhitespace() }

    init(
        keyColumn: String, stratumColumn: String?, carriedColumns: [String], amountColumn: String?, keyBytes: [UInt8],
        keyEnds: [UInt32], strata: [String], stratumOfRow: [UInt32], amounts: [Amount], carried: [Int: [String]],
        carriedSource: PopulationReader.Rows?, isSortedByKey: Bool
    ) {
        self.isSortedByKey = isSortedByKey
        self.keyColumn = keyColumn
        self.stratumColumn = stratumColumn
        self.carriedColumns = carriedColumns
        self.amountColumn = amountColumn
        self.keyBytes = keyBytes
        self.keyEnds = keyEnds
        self.strata = strata
        self.stratumOfRow = stratumOfRow
        self.amounts = amounts
        self.carried = carried
        self.carriedSource = carriedSource
    }

    /// Reads the population from a parsed CSV file (small files and tests; a file on disk is read
    /// streaming with ``PopulationReader``, which gives the same population and the same errors).
    /// - Parameters:
    ///   - keyColumn: the column with the key, found by header name (case-insensitive, NFC).
    ///   - stratumColumn: the column with the stratum, for stratified draws.
    ///   - carry: columns whose values go along into the sample list (e.g. officer, unit).
    ///   - amountColumn: the column with each item's amount in kronor, for amount-weighted draws.
    /// - Throws: ``SamplingError`` for a missing column, an empty key, a duplicate key or an amount
    ///   that does not parse.
    public init(
        _ table: CSVTable, keyColumn: String, stratumColumn: String? = nil, carry: [String] = [],
        amountColumn: String? = nil
    ) throws(SamplingError) {
        func column(_ name: String) throws(SamplingError) -> Int {
            guard let index = table.columnIndex(name) else { throw .missingColumn(name, available: table.header) }
            return index
        }
        let keyIndex = try column(keyColumn)
        let stratumIndex = try stratumColumn.map { (name) throws(SamplingError) in try column(name) }
        var carryIndices: [Int] = []
        for name in carry { carryIndices.append(try column(name)) }
        let amountIndex = try amountColumn.map { (name) throws(SamplingError) in try column(name) }

        var builder = PopulationBuilder(
            keyColumn: table.header[keyIndex], stratumColumn: stratumIndex.map { table.header[$0] },
            amountColumn: amountIndex.map { table.header[$0] })
        var carried: [Int: [String]] = [:]
        for (row, record) in table.rows.enumerated() {
            try builder.add(
                key: record.fields[keyIndex], stratum: stratumIndex.map { record.fields[$0] },
                amount: amountIndex.map { record.fields[$0] }, line: record.line, firstLine: { table.rows[$0].line })
            if !carryIndices.isEmpty { carried[row] = carryIndices.map { record.fields[$0] } }
        }
        if let alike = builder.firstLookAlike() {
            throw .lookAlikeKeys(
                builder.key(ofRow: alike.row), line: alike.line, builder.key(ofRow: alike.other),
                otherLine: table.rows[alike.other].line)
        }
        self = builder.population(carriedColumns: carryIndices.map { table.header[$0] }, carried: carried, source: nil)
    }

    /// The first control character (C0, DEL, C1), line/paragraph separator or invisible format
    /// character (Unicode category Cf: U+200B, U+200D, U+202E, U+FEFF …) in `text`, as its scalar
    /// value; a key or stratum holding one is refused (SPEC.md §1).
    static func controlCharacter(in text: String) -> UInt32? {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return nil }
        return text.unicodeScalars.first { scalar in
            VisibleText.isInvisible(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029
        }?.value
    }

    /// Where row `row`'s key lies in `keyBytes`.
    @inline(__always)
    func keyRange(_ row: Int) -> Range<Int> {
        (row == 0 ? 0 : Int(keyEnds[row - 1]))..<Int(keyEnds[row])
    }

    /// Row `row`'s normalised key.
    public func key(_ row: Int) -> String {
        String(decoding: keyBytes[keyRange(row)], as: UTF8.self)
    }

    /// Row `row`'s normalised stratum, when the population has a stratum column.
    public func stratum(_ row: Int) -> String? {
        stratumOfRow.isEmpty ? nil : strata[Int(stratumOfRow[row])]
    }

    /// Row `row`'s amount, when the population has an amount column.
    public func amount(_ row: Int) -> Amount? {
        amounts.isEmpty ? nil : amounts[row]
    }

    /// Row `row` as an item.
    public func item(_ row: Int) -> Item {
        Item(key: key(row), stratum: stratum(row), row: row, amount: amount(row))
    }

    /// Row `row`'s values of the carried columns, in the order they were asked for; empty strings
    /// for a row whose values were not loaded (see ``loadCarried(forRows:)``).
    public func carriedValues(_ row: Int) -> [String] {
        carried[row] ?? Array(repeating: "", count: carriedColumns.count)
    }

    /// Fetches the carried columns' values of `rows` from the population file (a second pass that reads
    /// just far enough), so that a draw can record them; nothing to do for a population read from a table.
    /// - Throws: ``PopulationReadError`` when the file cannot be read again or has changed since.
    public mutating func loadCarried(forRows rows: [Int]) throws(PopulationReadError) {
        guard let carriedSource, !carriedColumns.isEmpty else { return }
        let wanted = rows.filter { carried[$0] == nil }
        guard !wanted.isEmpty else { return }
        let found = try carriedSource.fields(ofRows: wanted)
        for (row, record) in found {
            guard Population.normalise(record.key) == key(row) else { throw .changedWhileReading }
            carried[row] = record.carried
        }
    }

    /// The keys, in file order.
    public var keys: [String] { (0..<count).map(key) }

    /// The rows as items, in file order.
    public var items: [Item] { (0..<count).map(item) }

    /// The fingerprint of SPEC.md §9: over `key` lines, or `key<TAB>stratum` lines when
    /// the population has a stratum column.
    ///
    /// Keys hold no control characters, so sorting the rows by key, then stratum, sorts the lines by
    /// their bytes; rows already in that order (``isSortedByKey``) are hashed as they are, others are
    /// sorted by an 8-byte prefix of the key after the part all keys share, and only rows with equal
    /// prefixes compare whole keys.
    public var fingerprint: String {
        keyBytes.withUnsafeBufferPointer { bytes in
            var order: [(prefix: UInt64, row: UInt32)] = []
            if !isSortedByKey {
                let shared = sharedKeyPrefix(bytes)
                order.reserveCapacity(count)
                for row in 0..<count {
                    let range = keyRange(row)
                    var prefix: UInt64 = 0
                    var index = range.lowerBound + shared
                    for shift in stride(from: 56, through: 0, by: -8) {
                        if index < range.upperBound { prefix |= UInt64(bytes[index]) << UInt64(shift) }
                        index += 1
                    }
                    order.append((prefix, UInt32(row)))
                }
                order.sort { a, b in
                    if a.prefix != b.prefix { return a.prefix < b.prefix }
                    return lineOrder(Int(a.row), Int(b.row), bytes, from: shared + 8)
                }
            }
            var hasher = SHA256()
            let newline = CollectionOfOne(UInt8(ascii: "\n"))
            let strataBytes = strata.map { Array($0.utf8) }
            for index in 0..<count {
                let row = isSortedByKey ? index : Int(order[index].row)
                hasher.update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[keyRange(row)])))
                if !stratumOfRow.isEmpty {
                    hasher.update(CollectionOfOne(UInt8(ascii: "\t")))
                    hasher.update(strataBytes[Int(stratumOfRow[row])])
                }
                hasher.update(newline)
            }
            return hasher.finalize().hex
        }
    }

    /// How many leading bytes every key shares (at most the shortest key).
    private func sharedKeyPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard count > 0 else { return 0 }
        let first = keyRange(0)
        var shared = first.count
        for row in 1..<count where shared > 0 {
            let range = keyRange(row)
            shared = min(shared, range.count)
            var index = 0
            while index < shared && bytes[first.lowerBound + index] == bytes[range.lowerBound + index] { index += 1 }
            shared = index
        }
        return shared
    }

    /// Whether row `a`'s fingerprint line sorts before row `b`'s, comparing keys from byte `from` on
    /// (the bytes before are equal), then strata.
    private func lineOrder(_ a: Int, _ b: Int, _ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        let ra = keyRange(a)
        let rb = keyRange(b)
        let ka = UnsafeBufferPointer(rebasing: bytes[min(ra.lowerBound + from, ra.upperBound)..<ra.upperBound])
        let kb = UnsafeBufferPointer(rebasing: bytes[min(rb.lowerBound + from, rb.upperBound)..<rb.upperBound])
        if !ka.elementsEqual(kb) { return ka.lexicographicallyPrecedes(kb) }
        guard !stratumOfRow.isEmpty else { return false }
        return strata[Int(stratumOfRow[a])].utf8.lexicographicallyPrecedes(strata[Int(stratumOfRow[b])].utf8)
    }
}

/// Builds a population row by row with the checks SPEC.md §1 and §11 ask for, in the order the rows
/// come: an empty key, a control character in the key or the stratum, a duplicate key, an amount that
/// does not parse. Used by both readers (the parsed table and the streaming file reader).
struct PopulationBuilder {
    let keyColumn: String
    let stratumColumn: String?
    let amountColumn: String?
    private(set) var keyBytes: [UInt8] = []
    private(set) var keyEnds: [UInt32] = []
    private var strata: [String] = []
    private var stratumByName: [String: UInt32] = [:]
    private var stratumByRaw: [String: UInt32] = [:]
    private var stratumOfRow: [UInt32] = []
    private var amounts: [Amount] = []
    /// The keys by their bytes, to find a duplicate; empty while every key has come in ascending order.
    private var keys = KeyTable()
    /// Whether every key so far sorts after the one before (an export sorted by its key, the usual
    /// case): then none can repeat an earlier one, and the table is not needed until one does not.
    private var isAscending = true
    /// The rows expected in all, to size the table once.
    private var expectedRows = 0
    /// The keys whose NFKC form differs from them (row, line, NFKC bytes), to find look-alikes.
    private var lookAlikes: [(row: Int, line: Int, folded: [UInt8])] = []

    init(keyColumn: String, stratumColumn: String?, amountColumn: String?) {
        self.keyColumn = keyColumn
        self.stratumColumn = stratumColumn
        self.amountColumn = amountColumn
    }

    /// Room for about `rows` rows with `keyBytes` bytes of keys, so the arrays grow without copying.
    mutating func reserve(rows: Int, keyBytes bytes: Int) {
        keyBytes.reserveCapacity(bytes)
        keyEnds.reserveCapacity(rows)
        if stratumColumn != nil { stratumOfRow.reserveCapacity(rows) }
        if amountColumn != nil { amounts.reserveCapacity(rows) }
        expectedRows = rows
        guard !isAscending else { return }
        let count = keyEnds.count
        keyBytes.withUnsafeBufferPointer { keys.reserve(rows, bytes: $0, ends: keyEnds, count: count) }
    }

    /// Adds a row given as text.
    /// - Parameter firstLine: the line of an earlier row, for the message about a duplicate key.
    mutating func add(key: String, stratum: String?, amount: String?, line: Int, firstLine: (Int) -> Int)
        throws(SamplingError)
    {
        let normalised = Population.normalise(key)
        guard !normalised.isEmpty else { throw .emptyKey(line: line, column: keyColumn) }
        if let scalar = Population.controlCharacter(in: normalised) {
            throw .controlCharacter(line: line, column: keyColumn, scalar: scalar)
        }
        noteLookAlike(normalised, line: line)
        keyBytes.append(contentsOf: normalised.utf8)
        if let stratum { appendStratum(try stratumIndex(stratum, line: line)) }
        if let earlier = finishKey() {
            throw .duplicateKey(lastKey, firstLine: firstLine(earlier), secondLine: line)
        }
        if let amount { try addAmount(Amount(amount), text: amount, line: line) }
    }

    /// Adds a row's key given as bytes: ASCII is trimmed and checked as bytes, anything else as text.
    mutating func appendKey(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(SamplingError) {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        guard high < 0x80 else {
            let normalised = Population.normalise(PopulationReader.text(bytes))
            guard !normalised.isEmpty else { throw .emptyKey(line: line, column: keyColumn) }
            if let scalar = Population.controlCharacter(in: normalised) {
                throw .controlCharacter(line: line, column: keyColumn, scalar: scalar)
            }
            noteLookAlike(normalised, line: line)
            keyBytes.append(contentsOf: normalised.utf8)
            return
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        var lo = 0
        var hi = bytes.count
        while lo < hi && isSpace(bytes[lo]) { lo += 1 }
        while hi > lo && isSpace(bytes[hi - 1]) { hi -= 1 }
        guard lo < hi else { throw .emptyKey(line: line, column: keyColumn) }
        for index in lo..<hi where bytes[index] < 0x20 || bytes[index] == 0x7F {
            throw .controlCharacter(line: line, column: keyColumn, scalar: UInt32(bytes[index]))
        }
        keyBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lo..<hi]))
    }

    /// The number of a stratum given as the raw field, normalising each distinct value once.
    mutating func stratumIndex(_ raw: String, line: Int) throws(SamplingError) -> UInt32 {
        if let known = stratumByRaw[raw] { return known }
        let name = Population.normalise(raw)
        if let scalar = Population.controlCharacter(in: name) {
            throw .controlCharacter(line: line, column: stratumColumn ?? "", scalar: scalar)
        }
        let index: UInt32
        if let known = stratumByName[name] {
            index = known
        } else {
            index = UInt32(strata.count)
            strata.append(name)
            stratumByName[name] = index
        }
        stratumByRaw[raw] = index
        return index
    }

    /// Adds a row's stratum by its number.
    mutating func appendStratum(_ index: UInt32) {
        stratumOfRow.append(index)
    }

    /// Ends the row's key (its bytes appended last); returns the earlier row with the same key, if any.
    mutating func finishKey() -> Int? {
        let end = keyBytes.count
        let row = keyEnds.count
        keyEnds.append(UInt32(truncatingIfNeeded: end))
        let start = row == 0 ? 0 : Int(keyEnds[row - 1])
        return keyBytes.withUnsafeBufferPointer { bytes in
            if isAscending {
                let previous = row < 2 ? 0 : Int(keyEnds[row - 2])
                if row == 0
                    || ByteLanes.precedes(
                        UnsafeBufferPointer(rebasing: bytes[previous..<start]),
                        UnsafeBufferPointer(rebasing: bytes[start..<end]))
                {
                    return nil
                }
                // Out of order: from here on every key is looked up, the earlier ones put in first.
                isAscending = false
                keys.reserve(max(expectedRows, row * 2), bytes: bytes, ends: keyEnds, count: row)
            }
            return keys.insert(row, bytes: bytes, ends: keyEnds, start: start, end: end)
        }
    }

    /// Notes the key of the row being added when its NFKC form differs from it (full-width `K１`,
    /// ligatures …): only such a key can look like another, and only non-ASCII keys can be one.
    private mutating func noteLookAlike(_ key: String, line: Int) {
        let folded = key.precomposedStringWithCompatibilityMapping
        if folded != key { lookAlikes.append((row: keyEnds.count, line: line, folded: Array(folded.utf8))) }
    }

    /// Two keys that differ but are equal after NFKC (SPEC.md §1): the rows of the first such pair,
    /// with the line of the look-alike row (the other row's line is for the caller to find), or nil.
    /// Costs nothing when no key has a compatibility form, the usual case; otherwise one pass over
    /// the keys of the lengths concerned.
    func firstLookAlike() -> (row: Int, line: Int, other: Int)? {
        guard !lookAlikes.isEmpty else { return nil }
        var byFolded: [[UInt8]: (row: Int, line: Int)] = [:]
        var found: (row: Int, line: Int, other: Int)?
        func note(_ row: Int, _ line: Int, _ other: Int) {
            if found == nil { found = (row, line, other) }
        }
        for alike in lookAlikes {
            if let earlier = byFolded[alike.folded] {
                note(alike.row, alike.line, earlier.row)
            } else {
                byFolded[alike.folded] = (alike.row, alike.line)
            }
        }
        let lengths = Set(byFolded.keys.map(\.count))
        keyBytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for (row, end) in keyEnds.enumerated() {
                defer { start = Int(end) }
                guard lengths.contains(Int(end) - start),
                    let alike = byFolded[Array(bytes[start..<Int(end)])], alike.row != row
                else { continue }
                note(alike.row, alike.line, row)
            }
        }
        return found
    }

    /// The key of row `row`.
    func key(ofRow row: Int) -> String {
        let start = row == 0 ? 0 : Int(keyEnds[row - 1])
        return String(decoding: keyBytes[start..<Int(keyEnds[row])], as: UTF8.self)
    }

    /// The last row's key.
    var lastKey: String {
        let start = keyEnds.count < 2 ? 0 : Int(keyEnds[keyEnds.count - 2])
        return String(decoding: keyBytes[start...], as: UTF8.self)
    }

    /// Adds a row's amount, or refuses the text it was read from.
    mutating func addAmount(_ amount: Amount?, text: @autoclosure () -> String, line: Int) throws(SamplingError) {
        guard let amount else { throw .invalidAmount(text(), line: line, column: amountColumn ?? "") }
        amounts.append(amount)
    }

    /// The population built.
    func population(carriedColumns: [String], carried: [Int: [String]], source: PopulationReader.Rows?)
        -> Population
    {
        Population(
            keyColumn: keyColumn, stratumColumn: stratumColumn, carriedColumns: carriedColumns,
            amountColumn: amountColumn, keyBytes: keyBytes, keyEnds: keyEnds, strata: strata,
            stratumOfRow: stratumOfRow, amounts: amounts, carried: carried, carriedSource: source,
            isSortedByKey: isAscending)
    }
}

/// An open-addressing hash set of rows by their key bytes, to find duplicate keys in one pass: four
/// bytes a slot, at most three quarters full. A slot holds the row + 1 in its low bits (a row needs at
/// most log2(capacity) bits) and the top bits of the key's hash above them, so that probing compares
/// keys only when those bits agree.
struct KeyTable {
    private var slots: [UInt32] = Array(repeating: 0, count: 1 << 10)  // 0 is empty
    private var shift = 10  // log2(slots.count)
    private var used = 0

    /// Makes room for `rows` rows without growing; the first `count` rows (keys ending at `ends`) are
    /// already in.
    mutating func reserve(_ rows: Int, bytes: UnsafeBufferPointer<UInt8>, ends: [UInt32], count: Int) {
        var capacity = slots.count
        while capacity * 3 < rows * 4 { capacity <<= 1 }
        if capacity > slots.count || count != used {
            rebuild(capacity: capacity, bytes: bytes, ends: ends, rows: count)
        }
    }

    /// Inserts `row`, whose key is `bytes[start..<end]`; returns the earlier row with the same key, if any.
    mutating func insert(_ row: Int, bytes: UnsafeBufferPointer<UInt8>, ends: [UInt32], start: Int, end: Int) -> Int? {
        if (used + 1) * 4 > slots.count * 3 { rebuild(capacity: slots.count * 2, bytes: bytes, ends: ends, rows: row) }
        let key = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let hash = KeyTable.hash(key)
        let mask = slots.count - 1
        let tag = tagBits(hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 {
                slots[slot] = tag | UInt32(row + 1)
                used += 1
                return nil
            }
            if entry & ~UInt32(truncatingIfNeeded: mask) == tag {
                let other = Int(entry & UInt32(truncatingIfNeeded: mask)) - 1
                let otherStart = other == 0 ? 0 : Int(ends[other - 1])
                if ByteLanes.equal(UnsafeBufferPointer(rebasing: bytes[otherStart..<Int(ends[other])]), key) {
                    return other
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The hash's top bits, placed above the row's bits.
    @inline(__always)
    private func tagBits(_ hash: UInt64) -> UInt32 {
        shift >= 32 ? 0 : UInt32(truncatingIfNeeded: hash >> 32) & ~UInt32((1 << shift) - 1)
    }

    /// Makes the table `capacity` slots and puts the first `rows` rows back.
    private mutating func rebuild(capacity: Int, bytes: UnsafeBufferPointer<UInt8>, ends: [UInt32], rows: Int) {
        slots = []
        slots = Array(repeating: 0, count: capacity)
        shift = capacity.trailingZeroBitCount
        let mask = capacity - 1
        for row in 0..<rows {
            let start = row == 0 ? 0 : Int(ends[row - 1])
            let hash = KeyTable.hash(UnsafeBufferPointer(rebasing: bytes[start..<Int(ends[row])]))
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = tagBits(hash) | UInt32(row + 1)
        }
        used = rows
    }

    /// A 64-bit hash of the bytes, eight at a time (multiply and fold, then MurmurHash3's finaliser).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        h ^= tail
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}
