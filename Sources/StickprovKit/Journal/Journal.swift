import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plan's append-only, hash-chained record of the year: `Plans/<plan-id>/journal.jsonl`.
///
/// Every line is written once and never rewritten. Appends hold an exclusive lock,
/// write all their lines in one call and fsync before returning; readers hold a shared
/// lock, so they always see whole lines. Reading checks the whole chain and stops at
/// the first damage, and nothing is appended after damage until ``repair(now:actor:)``.
public struct Journal: Sendable {
    /// The file name inside a plan folder.
    public static let fileName = "journal.jsonl"

    /// The journal file's path.
    public let path: String
    /// The head file's path: `journal.head` holds the last line's sequence number and hash,
    /// so a change to the last lines or their removal is seen, which the chain alone cannot show.
    public let headPath: String

    /// The journal of the plan in `planDirectory`.
    public init(planDirectory: String) {
        let directory = planDirectory.hasSuffix("/") ? planDirectory : planDirectory + "/"
        path = directory + Journal.fileName
        headPath = directory + "journal.head"
    }

    /// All events, after checking every line and the chain.
    /// - Throws: ``JournalError`` naming the first damaged line; an absent journal is empty.
    public func read() throws(JournalError) -> [JournalEvent] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let file = try LockedFile(path: path, exclusive: false, create: false)
        defer { file.close() }
        let (parsed, damage) = Journal.scan(try file.readAll(), decodingEvents: true)
        if let damage = damage ?? checkHead(parsed) { throw damage }
        return parsed.events
    }

    /// Appends events as new lines, all or none, and returns them as written.
    /// - Parameters:
    ///   - time: the ISO 8601 time to record (see ``timestamp(_:)``).
    ///   - actor: who records them.
    /// - Throws: ``JournalError`` if the journal is damaged (nothing is written) or cannot be written.
    @discardableResult
    public func append(_ payloads: [JournalPayload], time: String, actor: String) throws(JournalError) -> [JournalEvent] {
        let file = try LockedFile(path: path, exclusive: true, create: true)
        defer { file.close() }
        // Appending checks the chain and every line's header, not every event's data:
        // it stays fast as the year grows, and any damage still stops it.
        let (existing, damage) = Journal.scan(try file.readAll(), decodingEvents: false)
        if let damage = damage ?? checkHead(existing) { throw damage }
        var prev = existing.lastLineHash
        var sequence = existing.lineCount
        var bytes: [UInt8] = []
        var written: [JournalEvent] = []
        for payload in payloads {
            sequence += 1
            let line = JournalLine.encode(payload, sequence: sequence, time: time, actor: actor, prev: prev)
            prev = SHA256.hash(line).hex
            bytes += line
            bytes.append(UInt8(ascii: "\n"))
            written.append(JournalEvent(sequence: sequence, time: time, actor: actor, payload: payload))
        }
        try file.appendAndSync(bytes)
        try writeHead(sequence: sequence, hash: prev)
        return written
    }

    /// Compares the sound journal with `journal.head`; `nil` when they agree or there is no head.
    func checkHead(_ parsed: Parsed) -> JournalError? {
        guard let text = try? String(contentsOfFile: headPath, encoding: .utf8) else { return nil }
        let parts = text.split(separator: " ")
        guard parts.count == 2, let sequence = Int(parts[0]), sequence >= 0 else { return .malformedHead }
        let hash = parts[1].trimmingASCIIWhitespace()
        if sequence > parsed.lineCount { return .missingLines(line: parsed.lineCount + 1, expected: sequence) }
        if sequence > 0 && parsed.lineHashes[sequence - 1] != hash { return .headMismatch(line: sequence) }
        return nil
    }

    /// Records the last line's sequence number and hash in `journal.head` (atomically).
    ///
    /// Called under the exclusive lock, so a temporary head file left by a writer that
    /// was killed mid-write can be removed safely here.
    func writeHead(sequence: Int, hash: String) throws(JournalError) {
        let directory = (headPath as NSString).deletingLastPathComponent
        let stale = (try? FileManager.default.contentsOfDirectory(atPath: directory))?
            .filter { $0.hasPrefix(".journal.head.") && $0.hasSuffix(".tmp") } ?? []
        for name in stale { try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name)) }
        do {
            try AtomicFile.write(Array("\(sequence) \(hash)\n".utf8), to: headPath, permissions: 0o600)
        } catch {
            throw .io(path: error.path, reason: error.reason)
        }
    }

    /// The local time as ISO 8601 with offset, e.g. `2023-03-14T09:12:33+01:00`.
    public static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone.current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The result of checking journal bytes: the good events, the hash of the last good
    /// line, and where the good part ends.
    struct Parsed {
        var events: [JournalEvent] = []
        var lineCount = 0
        var lineHashes: [String] = []
        var lastLineHash: String { lineHashes.last ?? JournalLine.firstPrev }
        var validLength = 0
    }

    /// Checks journal bytes line by line and returns the sound prefix with the first
    /// problem, if any. Without `decodingEvents` only each line's header is read.
    static func scan(_ bytes: [UInt8], decodingEvents: Bool) -> (Parsed, JournalError?) {
        var parsed = Parsed()
        var start = 0
        var line = 0
        while start < bytes.count {
            line += 1
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                return (parsed, .tornLastLine(line: line))
            }
            let lineBytes = bytes[start..<end]
            guard lineBytes.count <= InputBounds.maximumLineBytes else {
                return (parsed, .malformedLine(line: line, detail: "the line is longer than \(InputBounds.maximumLineBytes >> 20) MB"))
            }
            do {
                let sequence: Int, prev: String
                if decodingEvents {
                    let decoded = try JournalLine.decode(lineBytes, line: line)
                    (sequence, prev) = (decoded.event.sequence, decoded.prev)
                    parsed.events.append(decoded.event)
                } else {
                    (sequence, prev, _) = try JournalLine.decodeHeader(lineBytes, line: line)
                }
                guard prev == parsed.lastLineHash else {
                    if decodingEvents { parsed.events.removeLast() }
                    return (parsed, .brokenChain(line: line))
                }
                guard sequence == line else {
                    if decodingEvents { parsed.events.removeLast() }
                    return (parsed, .wrongSequence(line: line, expected: line, found: sequence))
                }
            } catch {
                return (parsed, error)
            }
            parsed.lineCount = line
            parsed.lineHashes.append(SHA256.hash(lineBytes).hex)
            start = end + 1
            parsed.validLength = start
        }
        return (parsed, nil)
    }
}
