/// The sampling algorithm `sha256-rank-v1` (SPEC.md): order-independent, seeded and
/// verifiable with `sha256sum`.
public enum Sampler {
    /// The algorithm id recorded with every draw.
    public static let algorithm = "sha256-rank-v1"

    /// The sample size for a percentage (SPEC.md §4): `ceil(N × p / 100)` in exact integers.
    public static func size(percent: Percentage, of count: Int) -> Int {
        (count * percent.hundredths + 9999) / 10_000
    }

    /// The positions of the `count` keys with the smallest ranks, in ascending rank
    /// order (SPEC.md §3); the whole population in rank order when `count >= keys.count`.
    ///
    /// Keeps a bounded max-heap instead of sorting everything, so drawing 15 of a
    /// million keys costs one hash per key and almost nothing else.
    public static func smallest(_ count: Int, of keys: [String], seed: Seed) -> [Int] {
        let count = min(max(count, 0), keys.count)
        guard count > 0 else { return [] }
        let ranker = Ranker(seed: seed)
        var heap = BoundedMaxHeap<(rank: Rank, index: Int)>(capacity: count)
        let less: ((rank: Rank, index: Int), (rank: Rank, index: Int)) -> Bool = { $0.rank < $1.rank }
        for (index, key) in keys.enumerated() {
            heap.offer((ranker.rank(key), index), count: count, by: less)
        }
        return heap.sortedAscending(by: less).map(\.index)
    }

    /// The rows of `population` (of stratum number `stratum` only, when given) with the `count` smallest
    /// ranks, in ascending rank order: ``smallest(_:of:seed:)`` on the keys as the population keeps them,
    /// hashing each key's bytes where they lie.
    static func smallest(_ count: Int, of population: Population, stratum: UInt32?, seed: Seed) -> [Int] {
        let count = min(max(count, 0), population.count)
        guard count > 0 else { return [] }
        let ranker = Ranker(seed: seed)
        return population.keyBytes.withUnsafeBufferPointer { bytes in
            func key(_ row: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[population.keyRange(row)])
            }
            // Ties of the digest (never seen) go by the key's bytes, as `Rank` orders them.
            let less: ((digest: SHA256Digest, row: Int), (digest: SHA256Digest, row: Int)) -> Bool = { a, b in
                a.digest != b.digest ? a.digest < b.digest : key(a.row).lexicographicallyPrecedes(key(b.row))
            }
            var heap = BoundedMaxHeap<(digest: SHA256Digest, row: Int)>(capacity: count)
            let strata = population.stratumOfRow
            for row in 0..<population.count {
                if let stratum, strata[row] != stratum { continue }
                heap.offer((ranker.digest(UnsafeRawBufferPointer(key(row))), row), count: count, by: less)
            }
            return heap.sortedAscending(by: less).map(\.row)
        }
    }

    /// The keys of `keys` in rank order, the first `count` of them (see ``smallest(_:of:seed:)``).
    public static func sample(_ count: Int, of keys: [String], seed: Seed) -> [String] {
        smallest(count, of: keys, seed: seed).map { keys[$0] }
    }

    /// The week of a month's log check (SPEC.md §7): the candidate with the smallest
    /// rank of its label under the sub-seed `week`.
    public static func week(of month: Month, seed: Seed) -> ISOWeek {
        let candidates = month.candidateWeeks
        let ranker = Ranker(seed: seed.subseed("week"))
        let ranks = candidates.map { ranker.rank($0.description) }
        let best = ranks.indices.min { ranks[$0] < ranks[$1] } ?? 0
        return candidates[best]
    }

    /// The population fingerprint (SPEC.md §9): SHA-256 of the lines sorted by their
    /// UTF-8 bytes, each followed by a newline, as lowercase hex.
    public static func fingerprint(_ lines: [String]) -> String {
        let sorted = lines.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var hasher = SHA256()
        for line in sorted {
            hasher.update(line)
            hasher.update(CollectionOfOne(UInt8(ascii: "\n")))
        }
        return hasher.finalize().hex
    }
}

/// A binary max-heap bounded to the sample size: it keeps the smallest elements offered.
struct BoundedMaxHeap<Element> {
    private var items: [Element] = []

    init(capacity: Int) {
        items.reserveCapacity(capacity)
    }

    var count: Int { items.count }
    var maximum: Element { items[0] }

    /// Keeps `item` if the heap holds fewer than `count` elements or it is smaller than the largest.
    @inline(__always)
    mutating func offer(_ item: Element, count: Int, by less: (Element, Element) -> Bool) {
        if items.count < count {
            insert(item, by: less)
        } else if less(item, items[0]) {
            replaceMaximum(item, by: less)
        }
    }

    mutating func insert(_ item: Element, by less: (Element, Element) -> Bool) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(items[parent], items[child]) else { break }
            items.swapAt(parent, child)
            child = parent
        }
    }

    mutating func replaceMaximum(_ item: Element, by less: (Element, Element) -> Bool) {
        items[0] = item
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var largest = parent
            if left < items.count && less(items[largest], items[left]) { largest = left }
            if right < items.count && less(items[largest], items[right]) { largest = right }
            guard largest != parent else { return }
            items.swapAt(parent, largest)
            parent = largest
        }
    }

    func sortedAscending(by less: (Element, Element) -> Bool) -> [Element] { items.sorted(by: less) }
}
