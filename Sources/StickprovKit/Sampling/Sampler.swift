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
        var heap = MaxHeap(capacity: count)
        for (index, key) in keys.enumerated() {
            let rank = ranker.rank(key)
            if heap.count < count {
                heap.insert(rank, index)
            } else if rank < heap.maximum {
                heap.replaceMaximum(rank, index)
            }
        }
        return heap.sortedAscending()
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

/// A binary max-heap of (rank, position) bounded to the sample size.
private struct MaxHeap {
    private var ranks: [Rank] = []
    private var positions: [Int] = []

    init(capacity: Int) {
        ranks.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
    }

    var count: Int { ranks.count }
    var maximum: Rank { ranks[0] }

    mutating func insert(_ rank: Rank, _ position: Int) {
        ranks.append(rank)
        positions.append(position)
        var child = ranks.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard ranks[parent] < ranks[child] else { break }
            ranks.swapAt(parent, child)
            positions.swapAt(parent, child)
            child = parent
        }
    }

    mutating func replaceMaximum(_ rank: Rank, _ position: Int) {
        ranks[0] = rank
        positions[0] = position
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var largest = parent
            if left < ranks.count && ranks[largest] < ranks[left] { largest = left }
            if right < ranks.count && ranks[largest] < ranks[right] { largest = right }
            guard largest != parent else { return }
            ranks.swapAt(parent, largest)
            positions.swapAt(parent, largest)
            parent = largest
        }
    }

    func sortedAscending() -> [Int] {
        ranks.indices.sorted { ranks[$0] < ranks[$1] }.map { positions[$0] }
    }
}
