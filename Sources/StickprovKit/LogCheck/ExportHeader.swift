import Glibc

/// The header of an access-log export: its bytes (copied to the top of every extract), its columns,
/// its delimiter, where the data starts and what it showed of the file's encoding.
struct ExportHeader: Sendable {
    /// A byte order mark if the file has one, then the header record exactly as in the file,
    /// with its line break (the file's first one, or CRLF when the file has none).
    let bytes: [UInt8]
    /// The column names, trimmed and NFC-normalised (see ``CSVTable/header``).
    let table: CSVTable
    /// The field delimiter.
    let delimiter: UInt8
    /// The file offset of the first byte after the header record.
    let dataStart: Int
    /// The physical line the data starts on.
    let dataLine: Int
    /// The line break to end a last record that has none.
    let lineBreak: [UInt8]
    /// What the header showed of the encoding.
    let encoding: ExportEncoding

    /// The longest header the reader looks for.
    static let limit = 1 << 20

    /// Reads the header from the start of the open file `descriptor`.
    static func read(_ descriptor: Int32, path: String) throws(LogCheckError) -> ExportHeader {
        var bytes: [UInt8] = []
        var end: Int?  // offset after the header's line feed
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while end == nil, bytes.count < limit {
            let count = try readSome(descriptor, into: &chunk, at: bytes.count, path: path)
            if count == 0 { break }
            bytes += chunk[0..<count]
            end = headerEnd(bytes)
        }
        if end == nil && bytes.count >= limit { throw .recordTooLong(line: 1, limit: limit) }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let stop = end ?? bytes.count
        let table: CSVTable
        do {
            table = try CSVTable.parse(Array(bytes[0..<stop]))
        } catch .emptyFile {
            throw .emptyFile
        } catch {
            throw .header(error)
        }
        // The header record itself: after the byte order mark and any blank lines before it.
        var start = hasBOM ? 3 : 0
        while start < stop, bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
        var record = Array(bytes[start..<stop])
        var lineBreak: [UInt8] = [0x0D, 0x0A]
        if let end {
            lineBreak = end >= 2 && bytes[end - 2] == 0x0D ? [0x0D, 0x0A] : [0x0A]
        } else {
            record += lineBreak
        }
        let encoding: ExportEncoding
        switch table.encoding {
        case .utf8WithBOM: encoding = .utf8WithBOM
        case .windows1252: encoding = .windows1252(since: table.headerLine)
        case .utf8: encoding = record.contains { $0 >= 0x80 } ? .utf8(since: table.headerLine) : .undecided
        }
        let lines = bytes[0..<stop].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        return ExportHeader(
            bytes: (hasBOM ? [0xEF, 0xBB, 0xBF] : []) + record, table: table, delimiter: table.delimiter.rawValue,
            dataStart: stop, dataLine: lines, lineBreak: lineBreak, encoding: encoding)
    }

    /// The index of column `name`, or `missingColumn` listing the header.
    func column(_ name: String) throws(LogCheckError) -> Int {
        guard let index = table.columnIndex(name) else {
            throw .missingColumn(name, line: table.headerLine, available: table.header)
        }
        return index
    }

    /// The offset after the first line feed outside quotes that ends a non-blank record, or nil.
    private static func headerEnd(_ bytes: [UInt8]) -> Int? {
        var inQuotes = false
        var sawText = false
        for (index, byte) in bytes.enumerated() {
            if byte == 0x22 {
                inQuotes.toggle()
                sawText = true
            } else if byte == 0x0A, !inQuotes {
                if sawText { return index + 1 }
            } else if byte != 0x0D, !(index < 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF])) {
                sawText = true
            }
        }
        return nil
    }
}

/// Reads up to `buffer.count` bytes at `offset`; 0 at the end of the file.
func readSome(_ descriptor: Int32, into buffer: inout [UInt8], at offset: Int, path: String) throws(LogCheckError)
    -> Int
{
    while true {
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        if count >= 0 { return count }
        if errno == EINTR { continue }
        throw .readFailed(path: path, reason: String(cString: strerror(errno)))
    }
}
