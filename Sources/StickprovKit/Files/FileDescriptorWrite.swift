import Glibc

/// Writes every byte to a file descriptor, retrying after signals and short writes. Public so
/// the CLI writes its standard output and error the same way.
///
/// - Returns: `true` when all bytes were written; otherwise `false` with `errno` set.
public func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
