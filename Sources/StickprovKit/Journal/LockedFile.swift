import Glibc

/// An open file descriptor holding a `flock` lock, for the journal's readers and writers.
struct LockedFile {
    let path: String
    private let descriptor: Int32

    /// Opens `path` and waits for a shared (`exclusive: false`) or exclusive lock.
    init(path: String, exclusive: Bool, create: Bool) throws(JournalError) {
        self.path = path
        let flags = (exclusive ? O_RDWR | O_APPEND : O_RDONLY) | (create ? O_CREAT : 0) | O_CLOEXEC
        descriptor = open(path, flags, 0o600)
        guard descriptor >= 0 else { throw LockedFile.failure(path) }
        while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno == EINTR { continue }
            let error = LockedFile.failure(path)
            Glibc.close(descriptor)
            throw error
        }
    }

    /// The whole file's bytes, read from the start.
    func readAll() throws(JournalError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var offset: off_t = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw LockedFile.failure(path)
            }
            bytes.append(contentsOf: chunk[0..<count])
            offset += off_t(count)
        }
    }

    /// Appends `bytes` in as few `write` calls as the system allows (one, in practice) and fsyncs.
    func appendAndSync(_ bytes: [UInt8]) throws(JournalError) {
        guard writeAll(bytes, to: descriptor), fsync(descriptor) == 0 else { throw LockedFile.failure(path) }
    }

    /// Cuts the file to `length` bytes and fsyncs (repair only).
    func truncate(to length: Int) throws(JournalError) {
        guard ftruncate(descriptor, off_t(length)) == 0, fsync(descriptor) == 0 else { throw LockedFile.failure(path) }
    }

    /// Releases the lock and closes the file.
    func close() {
        flock(descriptor, LOCK_UN)
        Glibc.close(descriptor)
    }

    static func failure(_ path: String) -> JournalError {
        .io(path: path, reason: String(cString: strerror(errno)))
    }
}
