import CBytes
import Glibc

/// An open file descriptor holding a `flock` lock, for the journal's readers and writers.
struct LockedFile {
    let path: String
    private let descriptor: Int32

    /// Opens `path` and waits for a shared (`exclusive: false`) or exclusive lock.
    init(path: String, exclusive: Bool, create: Bool) throws(JournalError) {
        self.path = path
        let flags = (exclusive ? O_RDWR | O_APPEND : O_RDONLY) | (create ? O_CREAT : 0) | O_CLOEXEC | O_NOFOLLOW
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
        bytes.reserveCapacity(try size() + 1)  // one allocation for a long journal, not a copy per doubling
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
    /// - Parameter failAfter: test seam: write only this many bytes, then fail with ENOSPC.
    func appendAndSync(_ bytes: [UInt8], failAfter: Int? = nil) throws(JournalError) {
        if let failAfter, failAfter < bytes.count {
            _ = writeAll(Array(bytes.prefix(max(0, failAfter))), to: descriptor)
            errno = ENOSPC
            throw LockedFile.failure(path)
        }
        guard writeAll(bytes, to: descriptor), fsync(descriptor) == 0 else { throw LockedFile.failure(path) }
    }

    /// Cuts the file back to `length` after a failed write (best effort: the head still
    /// names the committed length, so readers ignore anything left).
    func cutBack(to length: Int) {
        _ = ftruncate(descriptor, off_t(length))
        _ = fsync(descriptor)
    }

    /// The file's size in bytes.
    func size() throws(JournalError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LockedFile.failure(path) }
        return Int(status.st_size)
    }

    /// The bytes from `start` up to `end`.
    func read(from start: Int, to end: Int) throws(JournalError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: end - start)
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress.map { $0 + done }, $0.count - done, off_t(start + done))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw LockedFile.failure(path)
            }
            if count == 0 { break }
            done += count
        }
        return Array(bytes[0..<done])
    }

    /// The last line (without its newline) of the bytes before `end`, read backwards in chunks.
    func lastLine(endingAt end: Int) throws(JournalError) -> [UInt8] {
        var lineEnd = end
        let tail = try read(from: max(0, end - 1), to: end)
        if tail.last == UInt8(ascii: "\n") { lineEnd = end - 1 }
        var start = lineEnd
        var collected: [UInt8] = []
        while start > 0 {
            let from = max(0, start - (1 << 16))
            let chunk = try read(from: from, to: start)
            if let newline = chunk.lastIndex(of: UInt8(ascii: "\n")) {
                collected = Array(chunk[(newline + 1)...]) + collected
                return collected
            }
            collected = chunk + collected
            start = from
        }
        return collected
    }

    /// Where any of `needles` occurs in the file's first `length` bytes: the offsets of every
    /// occurrence, in no particular order. One pass of large `pread` calls into a reused buffer, each
    /// buffer searched for every needle with `memmem` while it is in the cache (reading the file
    /// through a mapping costs a page fault per few pages, about twice the time at 300 MB).
    func offsets(of needles: [[UInt8]], before length: Int) throws(JournalError) -> [Int] {
        let longest = needles.map(\.count).max() ?? 0
        guard longest > 0, length > 0 else { return [] }
        let capacity = max(LockedFile.searchBufferBytes, 2 * longest)
        var buffer = [UInt8](repeating: 0, count: capacity)
        var found: [Int] = []
        var start = 0  // the file offset of buffer[0]
        var filled = 0
        while start + filled < length {
            let wanted = min(capacity - filled, length - start - filled)
            let count = buffer.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress.map { $0 + filled }, wanted, off_t(start + filled))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw LockedFile.failure(path)
            }
            if count == 0 { break }
            filled += count
            let atEnd = start + filled >= length
            // A needle may run past the buffer: search what cannot hold a cut-off occurrence, keep the rest.
            let kept = atEnd ? 0 : min(filled, longest - 1)
            buffer.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return }
                for needle in needles {
                    var offset = 0
                    while offset < filled,
                        let hit = stickprov_memmem(base + offset, filled - offset, needle, needle.count)
                    {
                        let at = base.distance(to: UnsafeRawPointer(hit))
                        if at >= filled - kept { break }
                        found.append(start + at)
                        offset = at + 1
                    }
                }
            }
            if kept > 0 {
                buffer.withUnsafeMutableBytes { bytes in
                    guard let base = bytes.baseAddress else { return }
                    memmove(base, base + filled - kept, kept)
                }
            }
            start += filled - kept
            filled = kept
        }
        return found
    }

    /// The size of the buffer ``offsets(of:before:)`` reads into.
    static let searchBufferBytes = 1 << 20

    /// Runs `body` on the file's first `length` bytes mapped read-only (no copy of a large journal).
    func withMapped<T>(length: Int, _ body: (UnsafeRawBufferPointer) throws(JournalError) -> T) throws(JournalError)
        -> T
    {
        guard length > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else {
            throw LockedFile.failure(path)
        }
        defer { munmap(base, length) }
        return try body(UnsafeRawBufferPointer(start: base, count: length))
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
