/// The items a draw chooses from, read from an export (CSV) — held in memory only,
/// never stored: a draw keeps its fingerprint and the sampled keys.
public struct Population: Sendable {
    /// One row of the population.
    public struct Item: Sendable, Hashable {
        /// The normalised key (SPEC.md §1).
        public let key: String
        /// The normalised stratum, for stratified draws.
        public let stratum: String?
        /// The line the row starts on in the file.
        public let line: Int
        /// Values of the carried columns, in the order they were asked for.
        public let carried: [String]
        /// The amount, for amount-weighted draws (SPEC.md §11).
        public var amount: Amount? = nil
    }

    /// The rows, in file order.
    public let items: [Item]
    /// The key column's name as the file writes it.
    public let keyColumn: String
    /// The stratum column's name, when there is one.
    public let stratumColumn: String?
    /// The carried columns' names as the file writes them.
    public let carriedColumns: [String]
    /// The amount column's name, for amount-weighted draws.
    public let amountColumn: String?

    /// Normalises a key or stratum as SPEC.md §1 says: NFC, then ASCII whitespace trimmed at both ends.
    public static func normalise(_ text: String) -> String { text.nfc.trimmingASCIIWhitespace() }

    /// Reads the population from a parsed CSV file.
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

        // Strata repeat a handful of values over many rows: normalise each distinct value once.
        var strata: [String: String] = [:]
        func stratum(_ raw: String) -> String {
            if let known = strata[raw] { return known }
            let normalised = Population.normalise(raw)
            strata[raw] = normalised
            return normalised
        }
        var firstLine: [String: Int] = [:]
        firstLine.reserveCapacity(table.rows.count)
        var items: [Item] = []
        items.reserveCapacity(table.rows.count)
        for row in table.rows {
            let key = Population.normalise(row.fields[keyIndex])
            guard !key.isEmpty else { throw .emptyKey(line: row.line, column: table.header[keyIndex]) }
            if let scalar = Population.controlCharacter(in: key) {
                throw .controlCharacter(line: row.line, column: table.header[keyIndex], scalar: scalar)
            }
            let stratumValue = stratumIndex.map { stratum(row.fields[$0]) }
            if let stratumIndex, let stratumValue, let scalar = Population.controlCharacter(in: stratumValue) {
                throw .controlCharacter(line: row.line, column: table.header[stratumIndex], scalar: scalar)
            }
            if let first = firstLine.updateValue(row.line, forKey: key) {
                throw .duplicateKey(key, firstLine: first, secondLine: row.line)
            }
            var amount: Amount?
            if let amountIndex {
                let text = row.fields[amountIndex]
                guard let parsed = Amount(text) else {
                    throw .invalidAmount(text, line: row.line, column: table.header[amountIndex])
                }
                amount = parsed
            }
            items.append(
                Item(
                    key: key, stratum: stratumValue, line: row.line,
                    carried: carryIndices.map { row.fields[$0] }, amount: amount))
        }
        self.items = items
        self.keyColumn = table.header[keyIndex]
        self.stratumColumn = stratumIndex.map { table.header[$0] }
        self.carriedColumns = carryIndices.map { table.header[$0] }
        self.amountColumn = amountIndex.map { table.header[$0] }
    }

    /// The first control character (C0, DEL, C1) or line/paragraph separator in `text`, as its
    /// scalar value; a key or stratum holding one is refused.
    static func controlCharacter(in text: String) -> UInt32? {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return nil }
        return text.unicodeScalars.first { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
        }?.value
    }

    /// The keys, in file order.
    public var keys: [String] { items.map(\.key) }

    /// The fingerprint of SPEC.md §9: over `key` lines, or `key<TAB>stratum` lines when
    /// the population has a stratum column.
    public var fingerprint: String {
        Sampler.fingerprint(items.map { item in item.stratum.map { item.key + "\t" + $0 } ?? item.key })
    }
}
