import Foundation

/// A short text a user keeps in a file (an assessment's result, Bilaga 2's comment), read as the
/// CSV files are: a regular file, UTF-8 with or without byte order mark or Windows-1252.
public enum TextFile {
    /// The text of the file at `path`, with surrounding whitespace and line breaks trimmed.
    /// - Throws: ``CSVError/readFailed(path:reason:)`` with the system's reason (a missing file says
    ///   so), ``CSVError/notRegularFile(kind:)`` for a device or FIFO, and the encoding problems of
    ///   ``TextEncodingDetection/decode(_:)``.
    public static func read(_ path: String) throws(CSVError) -> String {
        let decoded = try TextEncodingDetection.decode(try FileBytes.read(path))
        return String(decoding: decoded.utf8, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
