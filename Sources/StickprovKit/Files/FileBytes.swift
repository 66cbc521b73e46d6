import Glibc

/// Reads a whole file's bytes with POSIX calls, so failures carry the system's reason (strerror).
enum FileBytes {
    /// The bytes of the file at `path`; throws `readFailed` with the reason.
    static func read(_ path: String) throws(CSVError) -> [UInt8] {
        var bytes: [UInt8] = []
        try forEachChunk(path, reserve: { bytes.reserveCapacity($0) }, { bytes.append(contentsOf: $0) })
        return bytes
    }

    /// Reads the regular file at `path` in 1 MB pieces, handing each to `body` (valid only during
    /// the call); `reserve` first gets the file's size. Throws as ``openRegularFile(_:)`` and
    /// `readFailed` with the system's reason.
    static func forEachChunk(
        _ path: String, reserve: (Int) -> Void = { _ in }, _ body: (UnsafeRawBufferPointer) -> Void
    ) throws(CSVError) {
        let (descriptor, size) = try openRegularFile(path)
        defer { close(descriptor) }
        reserve(size)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            chunk.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }

    /// Opens the file at `path` for reading and returns its descriptor (the caller closes it) and size.
    /// Devices (/dev/zero), FIFOs and directories are refused with `notRegularFile`: they may never end.
    static func openRegularFile(_ path: String) throws(CSVError) -> (descriptor: Int32, size: Int) {
        // Non-blocking, so opening a FIFO does not wait for a writer; a regular file is then
        // read as usual.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw failure(path) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let error = failure(path)
            close(descriptor)
            throw error
        }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(descriptor)
            let kind =
                switch type {
                case S_IFIFO: "a FIFO (named pipe)"
                case S_IFCHR, S_IFBLK: "a device"
                case S_IFDIR: "a folder"
                case S_IFSOCK: "a socket"
                default: "not a regular file"
                }
            throw .notRegularFile(kind: kind)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return (descriptor, max(Int(status.st_size), 0))
    }

    /// `readFailed` for the current `errno`.
    private static func failure(_ path: String) -> CSVError {
        .readFailed(path: path, reason: String(cString: strerror(errno)))
    }
}
