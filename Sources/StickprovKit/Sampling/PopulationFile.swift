/// The population file's own SHA-256 and size, recorded with every draw so that an auditor can
/// check with `sha256sum` that they hold the very file before re-performing. (The population
/// fingerprint of SPEC.md §9, over the keys, stays what re-drawing is checked against: an export
/// saved again with other columns or line endings keeps its fingerprint but not this digest.)
public struct PopulationFile: Sendable, Hashable, Codable {
    /// SHA-256 of the file's bytes, lowercase hex, as `sha256sum FILE` prints it.
    public var sha256: String
    /// The file's size in bytes.
    public var size: Int

    /// Creates the record of a file.
    public init(sha256: String, size: Int) {
        self.sha256 = sha256
        self.size = size
    }

    /// Hashes the file at `path` in 1 MB pieces.
    /// - Throws: ``CSVError/readFailed(path:reason:)`` with the system's reason.
    public init(path: String) throws(CSVError) {
        var hasher = SHA256()
        var size = 0
        try FileBytes.forEachChunk(path) { piece in
            hasher.update(piece)
            size += piece.count
        }
        self.init(sha256: hasher.finalize().hex, size: size)
    }
}
