import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes whole files so that a reader never sees half of one: the bytes go to a
/// temporary name in the same folder, are flushed to disk, then renamed into place.
public enum AtomicFile {
    /// Why a write failed, for the CLI's message.
    public struct WriteError: Error, Sendable, Equatable {
        /// The file that was being written.
        public var path: String
        /// The system's reason.
        public var reason: String
    }

    /// Replaces (or creates) the file at `path` with `bytes`.
    /// - Parameters:
    ///   - permissions: POSIX mode of the new file; `0o600` for anything with personal data.
    /// - Throws: ``WriteError`` naming the path; the old file is then unchanged.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, permissions: mode_t = 0o644)
        throws(WriteError)
    {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: systemReason()) }
        var failure: String?
        let data = Array(bytes)
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = systemReason()
                    return
                }
                offset += written
            }
        }
        if failure == nil, fchmod(descriptor, permissions) != 0 { failure = systemReason() }
        if failure == nil, fsync(descriptor) != 0 { failure = systemReason() }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = systemReason() }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
        syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// Flushes the folder entry so the rename itself survives a power cut.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func systemReason() -> String { String(cString: strerror(errno)) }
}
