/// The amount-weighted sampling algorithm `sha256-pps-v1` (SPEC.md §11–14): sequential Poisson
/// sampling on the same SHA-256 ranks as `sha256-rank-v1`, so every krona has the same chance.
///
/// Re-performable by hand: `H` is the first 16 hex digits of `printf '%s\0%s' "$SEED" "$KEY" | sha256sum`,
/// the priority is `(H + 1) / 2^64 / amount`, and the sample is the items with the smallest priorities.
public enum AmountSampler {
    /// The algorithm id recorded with every amount-weighted draw.
    public static let algorithm = "sha256-pps-v1"

    /// Draws `count` items by amount (SPEC.md §12–13).
    /// - Parameters:
    ///   - keys: the normalised keys (distinct, non-empty: see ``Population``).
    ///   - amounts: each key's amount, same order.
    ///   - count: how many items to draw besides the certain ones.
    ///   - certainFrom: the threshold C; drawable items with an amount of at least C are taken for certain.
    /// - Throws: ``SamplingError/amountTotalTooLarge`` when the amounts' sum does not fit 64 bits.
    public static func draw(
        keys: [String], amounts: [Amount], seed: Seed, count: Int, certainFrom: Amount? = nil
    ) throws(SamplingError) -> AmountSample {
        let ranker = Ranker(seed: seed)
        return try draw(
            items: keys.count, amount: { amounts[$0] }, digest: { ranker.rank(keys[$0]).digest },
            keyPrecedes: { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }, count: count,
            certainFrom: certainFrom)
    }

    /// ``draw(keys:amounts:seed:count:certainFrom:)`` over a population read with an amount column,
    /// hashing each key's bytes where the population keeps them.
    public static func draw(_ population: Population, seed: Seed, count: Int, certainFrom: Amount? = nil)
        throws(SamplingError) -> AmountSample
    {
        let ranker = Ranker(seed: seed)
        return try population.keyBytes.withUnsafeBufferPointer { (bytes) throws(SamplingError) -> AmountSample in
            func key(_ row: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[population.keyRange(row)])
            }
            return try draw(
                items: population.count, amount: { population.amount($0) ?? Amount(ore: 0) },
                digest: { ranker.digest(UnsafeRawBufferPointer(key($0))) },
                keyPrecedes: { key($0).lexicographicallyPrecedes(key($1)) }, count: count, certainFrom: certainFrom)
        }
    }

    /// The draw over `items` items, each given by its amount, its rank's digest and its key's order.
    static func draw(
        items: Int, amount: (Int) -> Amount, digest: (Int) -> SHA256Digest, keyPrecedes: (Int, Int) -> Bool,
        count: Int, certainFrom: Amount?
    ) throws(SamplingError) -> AmountSample {
        var leftOut = AmountTally()
        var certainTally = AmountTally()
        var restTally = AmountTally()
        var certain: [Int] = []
        let wanted = max(count, 0)
        let capacity = wanted == Int.max ? wanted : wanted + 1
        var heap = BoundedMaxHeap<Priority>(capacity: min(capacity, items))
        let precedes: (Priority, Priority) -> Bool = { $0.precedes($1, keyPrecedes: keyPrecedes) }
        for index in 0..<items {
            let amount = amount(index)
            if amount.ore <= 0 {
                try leftOut.add(amount)
            } else if let certainFrom, amount >= certainFrom {
                try certainTally.add(amount)
                certain.append(index)
            } else {
                try restTally.add(amount)
                guard capacity > 0 else { continue }
                heap.offer(
                    Priority(digest: digest(index), amount: amount.ore, index: index), count: capacity, by: precedes)
            }
        }
        certain.sort { a, b in
            let (x, y) = (amount(a), amount(b))
            return x != y ? x > y : keyPrecedes(a, b)
        }
        var ordered = heap.sortedAscending(by: precedes)
        var threshold: AmountThreshold?
        if ordered.count > wanted, let next = ordered.last {
            threshold = AmountThreshold(hash: next.digest.word0, amount: Amount(ore: next.amount))
            ordered.removeLast()
        }
        return AmountSample(
            certain: certain, drawn: ordered.map(\.index), threshold: threshold, certainFrom: certainFrom,
            certainTally: certainTally, restTally: restTally, leftOut: leftOut)
    }

    /// `H`, the first 8 bytes of a key's rank as a big-endian integer (SPEC.md §12).
    public static func hash(seed: Seed, key: String) -> UInt64 { Ranker(seed: seed).rank(key).digest.word0 }
}

/// What an amount-weighted draw chose, and the figures the record and the estimate need.
public struct AmountSample: Sendable {
    /// Positions of the certain items (amount ≥ C), by descending amount, ties by key bytes.
    public let certain: [Int]
    /// Positions of the drawn items, in ascending priority ξ.
    public let drawn: [Int]
    /// τ = 1 / ξ of the first item not drawn; `nil` when every non-certain item was drawn.
    public let threshold: AmountThreshold?
    /// The threshold C of certain items, when there is one.
    public let certainFrom: Amount?
    /// Number and sum of the certain items.
    public let certainTally: AmountTally
    /// Number and sum of the drawable items that are not certain (the part drawn by priority).
    public let restTally: AmountTally
    /// Number and sum of the items left out for an amount ≤ 0.
    public let leftOut: AmountTally

    /// Number and sum of all drawable items (amount > 0).
    public var drawable: AmountTally {
        AmountTally(
            count: certainTally.count + restTally.count, sum: Amount(ore: certainTally.sum.ore &+ restTally.sum.ore))
    }

    /// Things the user should know: items left out, the whole population taken.
    public var notices: [String] {
        var notices: [String] = []
        if leftOut.count > 0 {
            notices.append(
                "\(leftOut.count) items with an amount of 0 or less (together \(leftOut.sum) kr) cannot be drawn by amount and were left out; review credits on their own"
            )
        }
        if threshold == nil && restTally.count > 0 {
            notices.append("every item below the threshold was drawn (\(restTally.count) items), in priority order")
        }
        return notices
    }
}

/// How many items and how much money.
public struct AmountTally: Sendable, Hashable, Codable {
    /// The number of items.
    public var count: Int
    /// Their amounts summed.
    public var sum: Amount

    /// Creates a tally.
    public init(count: Int = 0, sum: Amount = Amount(ore: 0)) {
        self.count = count
        self.sum = sum
    }

    mutating func add(_ amount: Amount) throws(SamplingError) {
        let (total, overflow) = sum.ore.addingReportingOverflow(amount.ore)
        guard !overflow else { throw .amountTotalTooLarge }
        count += 1
        sum = Amount(ore: total)
    }
}

/// The threshold τ of an amount-weighted draw, kept exactly as the pair `(H + 1, a)` of the first
/// item not drawn: `τ = a · 2^64 / (H + 1)` öre (SPEC.md §14).
public struct AmountThreshold: Sendable, Hashable, Codable {
    /// `H` of the first item not drawn (the record writes `H + 1`, which may be 2^64).
    public let hash: UInt64
    /// That item's amount.
    public let amount: Amount

    /// Creates a threshold from the first item not drawn.
    public init(hash: UInt64, amount: Amount) {
        self.hash = hash
        self.amount = amount
    }

    /// `H + 1` in decimal, as the record and SPEC.md write it.
    public var hashPlusOne: String { (UInt128(hash) + 1).description }

    /// τ in öre, as a floating-point number for estimates (the record keeps the exact pair).
    public var ore: Double { Double(amount.ore) * 18_446_744_073_709_551_616.0 / (Double(hash) + 1) }

    /// τ in whole kronor, rounded.
    public var kronor: Amount { Amount(ore: Int64((ore).rounded())) }

    /// The line a re-performer compares: `τ = a · 2^64 / (H + 1) öre`.
    public var formula: String { "tau = \(amount.ore) * 2^64 / \(hashPlusOne) öre (\(kronor) kr)" }

    private enum CodingKeys: String, CodingKey { case hashPlusOne, amountOre }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .hashPlusOne)
        guard let value = UInt128(text), value >= 1, value <= UInt128(UInt64.max) + 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .hashPlusOne, in: container, debugDescription: "'\(text)' is not H + 1 (1 … 2^64)")
        }
        hash = UInt64(value - 1)
        amount = Amount(ore: try container.decode(Int64.self, forKey: .amountOre))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hashPlusOne, forKey: .hashPlusOne)
        try container.encode(amount.ore, forKey: .amountOre)
    }
}

/// An item's priority ξ = (H + 1) / 2^64 / a, compared exactly in 128-bit integers.
struct Priority {
    let digest: SHA256Digest
    let amount: Int64
    let index: Int

    /// ξ_self < ξ_other iff (H_self + 1) · a_other < (H_other + 1) · a_self; ties by the full rank, then key bytes.
    @inline(__always)
    func precedes(_ other: Priority, keyPrecedes: (Int, Int) -> Bool) -> Bool {
        let lhs = (UInt128(digest.word0) + 1) * UInt128(other.amount)
        let rhs = (UInt128(other.digest.word0) + 1) * UInt128(amount)
        if lhs != rhs { return lhs < rhs }
        if digest != other.digest { return digest < other.digest }
        return keyPrecedes(index, other.index)
    }
}
