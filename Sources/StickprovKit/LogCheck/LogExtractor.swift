import Dispatch
import Glibc

/// Extracts a log check's rows from an access-log export: the drawn officers' records whose time is
/// in the drawn week, copied byte for byte into one CSV per officer or per manager, each starting
/// with the export's own header line.
///
/// The export is read once, in large `pread` calls into a reused buffer, so memory stays bounded by
/// the buffers whatever the file's size. On two cores the data is split in two halves read at once:
/// the second half starts after the first line feed past the middle, on the guess that it ends a
/// record; the first half reads on to the record boundary at or after that point and checks the guess
/// (and that both halves saw the same encoding). A wrong guess (a line break inside a quoted field
/// right there) is corrected by reading the second half again from the true boundary, so the result
/// is always the one a single pass gives.
public enum LogExtractor {
    /// An export smaller than this is read by one thread.
    static let splitThreshold = 8 << 20

    /// Runs the extract.
    /// - Returns: what was found and written.
    /// - Throws: ``LogCheckError``: not a log-check draw, unreadable export or header, missing column,
    ///   the first anomaly when strict, a file that cannot be written. Nothing is written then.
    public static func run(_ request: LogExtractRequest) throws(LogCheckError) -> LogExtractReport {
        let draw = request.draw
        guard let week = draw.week else { throw .notALogCheckDraw(draw.id) }
        let managerColumn = draw.rule.managerColumn
        if request.grouping == .manager && managerColumn == nil { throw .noManagerColumn(draw.id) }

        let descriptor = open(request.exportPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw readFailure(request.exportPath) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw readFailure(request.exportPath) }
        let size = Int(status.st_size)
        posix_fadvise(descriptor, 0, 0, POSIX_FADV_SEQUENTIAL)

        let header = try ExportHeader.read(descriptor, path: request.exportPath)
        let userIndex = try header.column(request.userColumn)
        let timeIndex = try header.column(request.timeColumn)
        guard userIndex != timeIndex else { throw .sameColumn(header.table.header[userIndex]) }

        let officers = draw.items
        let (names, groupOfOfficer) = request.groups
        let isFolderNew = try makeDirectory(request.outputDirectory)
        var isDone = false
        defer {
            if isFolderNew && !isDone { rmdir(request.outputDirectory) }  // only when it is still empty
        }

        let settings = ScanSettings(
            delimiter: header.delimiter, fieldCount: header.table.header.count, userIndex: userIndex,
            timeIndex: timeIndex, timeColumn: header.table.header[timeIndex], users: UserIDSet(officers.map(\.key)),
            groupOfOfficer: groupOfOfficer, window: LogWindow(week: week), isStrict: request.isStrict,
            listed: max(request.listedAnomalies, 0), lineBreak: header.lineBreak)
        let first = Part(
            ExportScanner(
                settings: settings, path: request.exportPath, line: header.dataLine, encoding: header.encoding,
                output: ExtractOutput(
                    directory: request.outputDirectory, names: names, header: header.bytes, tag: "")))
        var second: Part?
        var middle = Int.max
        if request.threads >= 2 && size - header.dataStart >= max(request.splitThreshold, 1) {
            if let boundary = try recordBoundaryGuess(
                descriptor, after: header.dataStart + (size - header.dataStart) / 2, size: size, header: header,
                path: request.exportPath)
            {
                middle = boundary
                second = Part(
                    ExportScanner(
                        settings: settings, path: request.exportPath, line: 1, encoding: header.encoding,
                        output: ExtractOutput(
                            directory: request.outputDirectory, names: names, header: nil, tag: ".part2")))
            }
        }
        defer {
            first.scanner.output.discard()
            second?.scanner.output.discard()
        }

        if let second {
            let parts = [first, second]
            let ranges = [(header.dataStart, middle), (middle, Int.max)]
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                parts[index].run(descriptor, from: ranges[index].0, to: ranges[index].1)
            }
        } else {
            first.run(descriptor, from: header.dataStart, to: Int.max)
        }
        if let error = first.error { throw error }
        if first.scanner.isStopped, let anomaly = first.scanner.anomalies.first { throw .anomaly(anomaly) }

        var later: ExtractOutput?
        var threads = 1
        if let second {
            let decided = second.scanner.encoding != header.encoding
            let agrees =
                first.end == middle && !(decided && first.scanner.encoding.disagrees(with: second.scanner.encoding))
            if agrees {
                threads = 2
                let offset = first.scanner.line - 1
                if let error = second.error { throw error.shifted(by: offset) }
                let encoding =
                    first.scanner.encoding == .undecided
                    ? second.scanner.encoding.shifted(by: offset) : first.scanner.encoding
                let anomalies = second.scanner.anomalies.map { $0.rebased(lineOffset: offset, encoding: encoding) }
                if second.scanner.isStopped, let anomaly = anomalies.first { throw .anomaly(anomaly) }
                first.absorb(second.scanner, anomalies: anomalies, encoding: encoding)
                later = second.scanner.output
            } else {
                // The guess was wrong: read the second half again, in order, from the true boundary.
                second.scanner.output.discard()
                first.run(descriptor, from: first.end, to: Int.max)
                if let error = first.error { throw error }
                if first.scanner.isStopped, let anomaly = first.scanner.anomalies.first { throw .anomaly(anomaly) }
            }
        }

        let (finals, removed) = try first.scanner.output.commit(&later)
        if let later { second?.scanner.output = later }  // its files are gone now
        isDone = true
        let scanner = first.scanner
        return LogExtractReport(
            officers: officers.enumerated().map { index, item in
                let tally = scanner.tallies[index]
                return LogExtractReport.Officer(
                    key: item.key, unit: draw.rule.unitColumn.flatMap { item.carried[$0] },
                    manager: managerColumn.flatMap { item.carried[$0] }, rows: tally.rows,
                    first: tally.rows > 0 ? LogTime(seconds: tally.first) : nil,
                    last: tally.rows > 0 ? LogTime(seconds: tally.last) : nil,
                    file: finals[groupOfOfficer[index]])
            },
            files: finals.compactMap { $0 }, removedFiles: removed, window: settings.window, rowCount: scanner.rows,
            byteCount: size,
            encoding: scanner.encoding.csvEncoding, delimiter: header.table.delimiter,
            anomalyCount: scanner.anomalyCount, anomalies: scanner.anomalies, threads: threads)
    }

    /// A manager's name for grouping; officers without one share a group.
    static func manager(_ item: DrawnItem, column: String?) -> String {
        let name = column.flatMap { item.carried[$0] }?.trimmingASCIIWhitespace() ?? ""
        return name.isEmpty ? "ingen chef" : name
    }

    /// Where the second half starts: after the first line feed at or after `offset` that is followed by
    /// a few records with the header's number of fields (a line break inside a quoted field seldom is);
    /// nil when there is none in the next few megabytes. Only a guess: the first half checks it.
    private static func recordBoundaryGuess(
        _ descriptor: Int32, after offset: Int, size: Int, header: ExportHeader, path: String
    ) throws(LogCheckError) -> Int? {
        var window = [UInt8](repeating: 0, count: 4 << 20)
        let count = try readSome(descriptor, into: &window, at: offset, path: path)
        let bytes = window[0..<count]
        var fallback: Int?
        var index = bytes.startIndex
        while let lineFeed = bytes[index...].firstIndex(of: 0x0A) {
            let candidate = lineFeed + 1
            guard offset + candidate < size else { break }
            if fallback == nil { fallback = candidate }
            if startsRecords(bytes, at: candidate, fields: header.table.header.count, delimiter: header.delimiter) {
                return offset + candidate
            }
            index = candidate
        }
        return fallback.map { offset + $0 }
    }

    /// Whether the next few records from `start` have `fields` fields each (blank lines skipped).
    static func startsRecords(_ bytes: ArraySlice<UInt8>, at start: Int, fields: Int, delimiter: UInt8) -> Bool {
        let quote: UInt8 = 0x22
        var index = start
        var records = 0
        while records < 4 {
            var count = 1
            var isFieldStart = true
            var isBlank = true
            record: while index < bytes.endIndex {
                let byte = bytes[index]
                if isFieldStart && byte == quote {
                    index += 1
                    while true {
                        guard index < bytes.endIndex else { return true }  // ran out of bytes: no evidence
                        if bytes[index] == quote {
                            if index + 1 < bytes.endIndex && bytes[index + 1] == quote {
                                index += 2
                                continue
                            }
                            index += 1
                            break
                        }
                        index += 1
                    }
                    if index < bytes.endIndex {
                        let next = bytes[index]
                        if next != delimiter && next != 0x0D && next != 0x0A { return false }
                    }
                    isFieldStart = false
                    isBlank = false
                    continue
                }
                index += 1
                if byte == 0x0A { break record }
                if byte == 0x0D { continue }
                isBlank = false
                isFieldStart = byte == delimiter
                if byte == delimiter { count += 1 }
            }
            if index >= bytes.endIndex { return true }
            if isBlank { continue }
            if count != fields { return false }
            records += 1
        }
        return true
    }

    /// Creates the output folder (and its parents) with mode 0700 when missing; whether it made it.
    @discardableResult
    private static func makeDirectory(_ path: String) throws(LogCheckError) -> Bool {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw .writeFailed(path: path, reason: "not a folder")
            }
            return false
        }
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !parent.isEmpty && parent != path { try makeDirectory(parent) }
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
        return true
    }

    private static func readFailure(_ path: String) -> LogCheckError {
        .readFailed(path: path, reason: String(cString: strerror(errno)))
    }
}

/// One part of the export being scanned, shared with the thread that scans it.
private final class Part: @unchecked Sendable {
    var scanner: ExportScanner
    var end = 0
    var error: LogCheckError?

    init(_ scanner: ExportScanner) { self.scanner = scanner }

    func run(_ descriptor: Int32, from start: Int, to stop: Int) {
        // Scan a copy on this thread's stack: the two parts' counters, updated for every record,
        // must not share a cache line.
        var local = scanner
        defer { scanner = local }
        do {
            end = try local.scan(descriptor, from: start, to: stop)
        } catch {
            self.error = error
        }
    }

    /// Adds the counts of the part after this one.
    func absorb(_ later: ExportScanner, anomalies: [LogAnomaly], encoding: ExportEncoding) {
        scanner.rows += later.rows
        for index in scanner.tallies.indices { scanner.tallies[index].merge(later.tallies[index]) }
        scanner.anomalyCount += later.anomalyCount
        let room = max(scanner.settings.listed - scanner.anomalies.count, 0)
        scanner.anomalies += anomalies.prefix(room)
        scanner.encoding = encoding
    }
}

extension LogAnomaly {
    /// The anomaly of a later part: lines moved by `lineOffset`, encoding lines from the file's `encoding`.
    func rebased(lineOffset: Int, encoding: ExportEncoding) -> LogAnomaly {
        var moved = self
        moved.line += lineOffset
        switch (kind, encoding) {
        case (.invalidUTF8(let byte, _?), .utf8(let since)): moved.kind = .invalidUTF8(byte: byte, sinceLine: since)
        case (.utf8InWindows1252, .windows1252(let since)): moved.kind = .utf8InWindows1252(sinceLine: since)
        default: break
        }
        return moved
    }
}

extension LogCheckError {
    /// The error of a later part, its line moved by `offset`.
    func shifted(by offset: Int) -> LogCheckError {
        switch self {
        case .recordTooLong(let line, let limit): .recordTooLong(line: line + offset, limit: limit)
        default: self
        }
    }
}
