import Glibc

/// Writes a file so that it is either entirely the old one or entirely the new one.
///
/// Every file the tool writes (plan.json, worksheets, extracts, reports) goes through
/// here: a reader or a crash never leaves a half-written file behind.
public enum AtomicFile {
    /// Why a write failed: the path and the system's reason.
    public struct WriteError: Error, Sendable, Equatable {
        /// The file that was being written.
        public var path: String
        /// The system's reason (strerror).
        public var reason: String
    }

    /// Writes `bytes` to a fresh temporary file next to `path` with exactly `permissions`, flushes it to disk,
    /// renames it over `path`, and flushes the directory. On failure the temporary file is removed and
    /// `writeFailed` carries the system's reason.
    public static func write(_ bytes: [UInt8], to path: String, permissions: UInt32 = 0o644) throws(WriteError) {
        try stage(bytes, to: path, permissions: permissions).commit()
    }

    /// A complete, flushed temporary file waiting to be renamed over its target: for files that
    /// belong to a transaction and must appear only once it is committed (a draw's worksheet).
    public struct Staged: Sendable {
        /// The temporary file.
        public let temporary: String
        /// Where ``commit()`` puts it.
        public let path: String

        /// Renames the temporary file over `path` and flushes the directory.
        public func commit() throws(WriteError) {
            guard rename(temporary, path) == 0 else {
                let error = failure(path)
                unlink(temporary)
                throw error
            }
            syncDirectory(of: path)
        }

        /// Removes the temporary file (the transaction did not commit).
        public func discard() {
            unlink(temporary)
        }
    }

    /// Writes `bytes` to a flushed temporary file next to `path`, to be put in place with
    /// ``Staged/commit()`` or removed with ``Staged/discard()``.
    public static func stage(_ bytes: [UInt8], to path: String, permissions: UInt32 = 0o644) throws(WriteError)
        -> Staged
    {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(permissions))
        guard descriptor >= 0 else { throw failure(path) }
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            guard fchmod(descriptor, mode_t(permissions)) == 0 else { throw failure(path) }
            try writeAll(bytes, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw failure(path) }
        }
        succeeded = true
        return Staged(temporary: temporary, path: path)
    }

    /// `dir/.name.<pid>.<random>.tmp`, in the same directory so `rename` stays on one file system.
    private static func temporaryPath(for path: String) -> String {
        let (directory, name) = split(path)
        let unique = "\(getpid()).\(UInt64.random(in: 0...UInt64.max))"
        return directory + "." + name + "." + unique + ".tmp"
    }

    /// The directory part including its trailing `/` ("" for a bare file name) and the file name.
    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(WriteError) {
        guard StickprovKit.writeAll(bytes, to: descriptor) else { throw failure(path) }
    }

    /// Makes the rename durable; failure here is not reported, since the file itself is complete.
    static func syncDirectory(of path: String) {
        let directory = split(path).directory
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// `writeFailed` for the current `errno`.
    static func failure(_ path: String) -> WriteError {
        WriteError(path: path, reason: String(cString: strerror(errno)))
    }
}
