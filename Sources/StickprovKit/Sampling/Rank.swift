/// The rank of a key under a seed (SPEC.md §2): `SHA-256(UTF8(seed) || 0x00 || UTF8(key))`.
///
/// Ranks compare as 32-byte big-endian numbers; the rare tie is broken by the key's
/// UTF-8 bytes. Check one by hand: `printf '%s\0%s' "$SEED" "$KEY" | sha256sum`.
public struct Rank: Sendable, Comparable {
    /// The digest.
    public let digest: SHA256Digest
    /// The key, for ties.
    let key: String

    /// Computes the rank of `key` under `seed`.
    public init(seed: Seed, key: String) {
        self = Ranker(seed: seed).rank(key)
    }

    init(digest: SHA256Digest, key: String) {
        self.digest = digest
        self.key = key
    }

    public static func < (a: Rank, b: Rank) -> Bool {
        if a.digest != b.digest { return a.digest < b.digest }
        return a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
    }

    public static func == (a: Rank, b: Rank) -> Bool { a.digest == b.digest && a.key == b.key }
}

/// Ranks many keys under one seed, hashing the seed prefix only once.
struct Ranker {
    private let prefix: SHA256

    init(seed: Seed) {
        var hasher = SHA256()
        hasher.update(seed.text)
        hasher.update(CollectionOfOne(UInt8(0)))
        prefix = hasher
    }

    /// The digest of a key given as its UTF-8 bytes.
    @inline(__always)
    func digest(_ key: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = prefix
        hasher.update(key)
        return hasher.finalize()
    }

    func rank(_ key: String) -> Rank {
        var hasher = prefix
        hasher.update(key)
        return Rank(digest: hasher.finalize(), key: key)
    }
}
