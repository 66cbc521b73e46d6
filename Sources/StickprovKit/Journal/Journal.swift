import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plan's append-only, hash-chained record of the year: `Plans/<plan-id>/journal.jsonl`.
///
/// Every line is written once and never rewritten. Appends hold an exclusive lock,
/// write all their lines in one call and fsync before returning; readers hold a shared
/// lock, so they always see whole lines. Reading checks the whole chain and stops at
/// the first damage. An append checks the commit point (`journal.head` and the last committed
/// line) and sets aside an uncommitted tail; damage further back is named by every full reader
/// and `verify` (recording one item reads only its draw's lines, ``events(mentioning:)``).
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

    /// All committed events, after checking every line and the chain. Bytes past the commit
    /// point (an append cut off before `journal.head` named it) are ignored; see ``uncommittedBytes()``.
    /// - Throws: ``JournalError`` naming the first damaged line; an absent journal is empty,
    ///   unless `journal.head` says it had lines.
    public func read() throws(JournalError) -> [JournalEvent] {
        try refuseLinks()
        guard FileManager.default.fileExists(atPath: path) else {
            if let head = try readHead(), head.count > 0 { throw .journalMissing(expected: head.count) }
            return []
        }
        let file = try LockedFile(path: path, exclusive: false, create: false)
        defer { file.close() }
        let head = try readHead()
        let bytes = try file.readAll()
        let (parsed, damage) = Journal.scan(committed(bytes, head), decodingEvents: true)
        if let damage = damage ?? checkHead(parsed, head) ?? shortness(bytes.count, head) { throw damage }
        return parsed.events
    }

    /// The committed events whose lines mention one of `words` in quotes (a draw id: its draw and its
    /// items' results), found with `memmem` in the mapped file and decoded alone, so a transaction about
    /// one draw costs about the same at any length of the year. The chain is not checked here (readers
    /// and `verify` check it; an append checks the head and the last line).
    /// Falls back to ``read()`` (every event, checked) with an older head or a line that does not decode.
    /// - Throws: ``JournalError`` for a damaged line, a missing journal, or one shorter than its head.
    public func events(mentioning words: [String]) throws(JournalError) -> [JournalEvent] {
        try refuseLinks()
        let head = try readHead()
        guard let length = head?.length, words.allSatisfy({ !$0.contains("\"") && !$0.contains("\\") }) else {
            return try read()  // an older head without the length: every event, checked
        }
        guard FileManager.default.fileExists(atPath: path) else {
            if length > 0 { throw .journalMissing(expected: head?.count ?? 0) }
            return []
        }
        let file = try LockedFile(path: path, exclusive: false, create: false)
        defer { file.close() }
        let size = try file.size()
        if let damage = shortness(size, head) { throw damage }
        let hits = try file.offsets(of: words.map { Array("\"\($0)\"".utf8) }, before: length)
        guard !hits.isEmpty else { return [] }
        let found = try file.withMapped(length: length) { (bytes) throws(JournalError) -> [JournalEvent]? in
            var starts: Set<Int> = []
            for at in hits {
                var start = at
                while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
                starts.insert(start)
            }
            var events: [JournalEvent] = []
            for start in starts.sorted() {
                var end = start
                while end < length, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let line = Array(bytes[start..<end])
                guard let event = try? JournalLine.decode(line[...], line: 0).event else { return nil }
                events.append(event)
            }
            return events
        }
        // A line that does not decode is named, with its number, by the full read.
        if let found { return found }
        return try read()
    }

    /// The committed events of these kinds (their journal `type`: `"provider"`, `"adoption"`, `"assessment"` …),
    /// in journal order, found as ``events(mentioning:)`` finds a draw's lines (the type is a quoted word of
    /// every line; a note that is exactly such a word is decoded and left out), so a rare kind is read
    /// without decoding the rest of the year.
    /// - Throws: ``JournalError`` for a damaged line, a missing journal, or one shorter than its head.
    public func events(ofKinds kinds: [String]) throws(JournalError) -> [JournalEvent] {
        try events(mentioning: kinds).filter { kinds.contains($0.payload.type) }
    }

    /// ``JournalError/shorterThanHead(expected:found:)`` when the file is shorter than the committed length.
    func shortness(_ size: Int, _ head: Head?) -> JournalError? {
        guard let length = head?.length, size < length else { return nil }
        return .shorterThanHead(expected: length, found: size)
    }

    /// How many bytes lie past the commit point `journal.head` names: an append cut off by a
    /// crash or a full disk. Readers ignore them; the next change sets them aside in a side file.
    public func uncommittedBytes() -> Int {
        guard let head = try? readHead(), let length = head.length,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int
        else { return 0 }
        return max(0, size - length)
    }

    /// Appends events as new lines, all or none, and returns them as written.
    ///
    /// The commit point is `journal.head`: the lines are written and fsynced, then the head naming
    /// the new line count, byte length and last hash replaces the old one atomically. A failed
    /// write is cut back to the committed length; bytes a crash left past the commit point are
    /// moved to a side file before appending. Only the head and the last line are read, so an
    /// append costs the same however long the year is.
    /// - Parameters:
    ///   - time: the ISO 8601 time to record (see ``timestamp(_:)``).
    ///   - actor: who records them.
    /// - Throws: ``JournalError`` if the journal is damaged (nothing is written) or cannot be written.
    ///   - expected: the commit point the caller read the year at (``lastCommitted()``): the append
    ///     checks under its lock that the journal still ends there, and throws
    ///     ``JournalError/anotherWriter(read:found:)`` if another writer got there first.
    @discardableResult
    public func append(
        _ payloads: [JournalPayload], time: String, actor: String, expecting expected: CommitPoint? = nil
    ) throws(JournalError) -> [JournalEvent] {
        try refuseLinks()
        if let problem = Self.actorProblem(actor) { throw .unfitActor(problem) }
        let head = try readHead()
        if let head, head.count > 0, !FileManager.default.fileExists(atPath: path) {
            throw .journalMissing(expected: head.count)
        }
        let file = try LockedFile(path: path, exclusive: true, create: true)
        defer { file.close() }
        let lockedHead = try readHead()
        let size = try file.size()
        let isNew = lockedHead == nil && size == 0
        let start = isNew ? (count: 0, length: 0, hash: JournalLine.firstPrev) : try commitPoint(file, lockedHead)
        if let expected, expected.count != start.count || expected.hash != start.hash {
            throw .anotherWriter(read: expected.count, found: start.count)
        }
        var prev = start.hash
        var sequence = start.count
        var bytes: [UInt8] = []
        var written: [JournalEvent] = []
        for payload in payloads {
            sequence += 1
            let line = JournalLine.encode(payload, sequence: sequence, time: time, actor: actor, prev: prev)
            // The writer's bound is the reader's: a line the reader would refuse is never written,
            // so no input can make the journal unreadable.
            guard line.count <= InputBounds.maximumLineBytes else {
                throw .lineTooLong(event: payload.type, bytes: line.count)
            }
            prev = SHA256.hash(line).hex
            bytes += line
            bytes.append(UInt8(ascii: "\n"))
            written.append(JournalEvent(sequence: sequence, time: time, actor: actor, payload: payload))
        }
        if isNew {
            // A new journal gets its head (nothing committed) before its first line, so bytes a
            // crash leaves are an uncommitted tail, and a journal without a head is never normal.
            try writeHead(count: 0, length: 0, hash: JournalLine.firstPrev)
        }
        do {
            try file.appendAndSync(bytes, failAfter: faultAfterBytes)
            try writeHead(count: sequence, length: start.length + bytes.count, hash: prev)
        } catch {
            // Nothing past the commit point stays: a failed write leaves no torn line.
            file.cutBack(to: start.length)
            throw error
        }
        return written
    }

    /// Why `actor` may not be written as who made a change, or nil: every line carries it for good,
    /// so it holds no personnummer, nothing invisible and at most 200 characters.
    static func actorProblem(_ actor: String) -> String? {
        if let match = PersonalIdentityNumber.find(in: actor).first {
            return "holds what looks like a personnummer (\(match.masked))"
        }
        if let problem = VisibleText.problem(in: actor, allowingLineBreaks: false) { return problem }
        if actor.trimmingASCIIWhitespace().isEmpty { return "is empty" }
        return InputBounds.lengthProblem(actor, limit: InputBounds.maximumNameCharacters).map { $0 + " characters" }
    }

    /// Where the committed journal ends: its line count and last line's hash.
    public struct CommitPoint: Sendable, Equatable {
        /// The committed lines.
        public var count: Int
        /// The last committed line's SHA-256 (64 zeros for an empty journal).
        public var hash: String
    }

    /// The commit point as `journal.head` names it now (an empty journal's when there is neither head
    /// nor journal); `nil` for a journal without a head, whose end only a full read can tell.
    /// Read it before reading the year, and give it to ``append(_:time:actor:expecting:)``.
    public func lastCommitted() throws(JournalError) -> CommitPoint? {
        try refuseLinks()
        if let head = try readHead() { return CommitPoint(count: head.count, hash: head.hash) }
        return FileManager.default.fileExists(atPath: path) ? nil : CommitPoint(count: 0, hash: JournalLine.firstPrev)
    }

    /// Test seam: the append fails with ENOSPC after this many bytes of its lines
    /// (`STICKPROV_TEST_FAIL_AFTER_BYTES`, read by test builds' end-to-end runs too).
    var faultAfterBytes: Int? = ProcessInfo.processInfo.environment["STICKPROV_TEST_FAIL_AFTER_BYTES"].flatMap {
        Int($0)
    }

    /// What the journal's committed part ends with, checked cheaply: with a head that records the
    /// length, only the last committed line is read and compared; an uncommitted tail is set aside.
    /// Older heads (`SEQ HASH`) and a journal without a head are scanned once in full.
    func commitPoint(_ file: LockedFile, _ head: Head?) throws(JournalError) -> (count: Int, length: Int, hash: String)
    {
        if let head, let length = head.length, try file.size() >= length {
            let size = try file.size()
            if head.count > 0 {
                let last = try file.lastLine(endingAt: length)
                guard SHA256.hash(last).hex == head.hash else { throw .headMismatch(line: head.count) }
            }
            if size > length {
                try setAside(Array(try file.read(from: length, to: size)), in: file, from: length)
            }
            return (head.count, length, head.hash)
        }
        // No head, an older head, or a journal shorter than its head: read it all, to name the damage.
        let bytes = try file.readAll()
        let (parsed, damage) = Journal.scan(bytes, decodingEvents: false)
        if let damage = damage ?? checkHead(parsed, head) ?? shortness(bytes.count, head) { throw damage }
        return (parsed.lineCount, parsed.validLength, parsed.lastLineHash)
    }

    /// Moves the uncommitted bytes past `length` to a side file (never lost) and cuts the journal back.
    func setAside(_ tail: [UInt8], in file: LockedFile, from length: Int) throws(JournalError) {
        let directory = (path as NSString).deletingLastPathComponent
        let stamp = Journal.timestamp().filter { $0.isNumber }
        var name = "journal.damaged-uncommitted-\(stamp).jsonl"
        var attempt = 1
        while FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name)) {
            attempt += 1
            name = "journal.damaged-uncommitted-\(stamp)-\(attempt).jsonl"
        }
        do {
            try AtomicFile.write(tail, to: (directory as NSString).appendingPathComponent(name), permissions: 0o600)
        } catch {
            throw .io(path: error.path, reason: error.reason)
        }
        try file.truncate(to: length)
    }

    /// The committed part of `bytes`: up to the length `journal.head` records, when it records one.
    func committed(_ bytes: [UInt8], _ head: Head?) -> [UInt8] {
        guard let length = head?.length, bytes.count > length else { return bytes }
        return Array(bytes[..<length])
    }

    /// What `journal.head` holds: the line count, the committed byte length (absent in the older
    /// `SEQ HASH` form) and the last line's hash.
    struct Head: Equatable {
        var count: Int
        var length: Int?
        var hash: String
    }

    /// Reads `journal.head`; `nil` when there is none.
    func readHead() throws(JournalError) -> Head? {
        guard let text = try? String(contentsOfFile: headPath, encoding: .utf8) else { return nil }
        let parts = text.split(separator: " ").map { $0.trimmingASCIIWhitespace() }
        guard parts.count == 2 || parts.count == 3, let count = Int(parts[0]), count >= 0 else { throw .malformedHead }
        guard let hash = parts.last, hash.count == 64 else { throw .malformedHead }
        if parts.count == 2 { return Head(count: count, length: nil, hash: hash) }
        guard let length = Int(parts[1]), length >= 0 else { throw .malformedHead }
        return Head(count: count, length: length, hash: hash)
    }

    /// Compares the sound journal with `journal.head`; `nil` when they agree or there is no head.
    func checkHead(_ parsed: Parsed) -> JournalError? {
        do {
            return checkHead(parsed, try readHead())
        } catch {
            return error
        }
    }

    /// Compares the sound (committed) journal with `head`.
    func checkHead(_ parsed: Parsed, _ head: Head?) -> JournalError? {
        guard let head else { return nil }
        if head.count > parsed.lineCount { return .missingLines(line: parsed.lineCount + 1, expected: head.count) }
        if head.count > 0 && parsed.lineHashes[head.count - 1] != head.hash { return .headMismatch(line: head.count) }
        if head.length != nil && parsed.lineCount != head.count { return .headMismatch(line: head.count) }
        return nil
    }

    /// Records the commit point in `journal.head` (atomically, then the folder is fsynced):
    /// `COUNT LENGTH HASH`.
    ///
    /// Called under the exclusive lock, so a temporary head file left by a writer that
    /// was killed mid-write can be removed safely here.
    func writeHead(count: Int, length: Int, hash: String) throws(JournalError) {
        let directory = (headPath as NSString).deletingLastPathComponent
        let stale =
            (try? FileManager.default.contentsOfDirectory(atPath: directory))?
            .filter { ($0.hasPrefix(".journal.head.") || $0.hasPrefix(".journal.damaged-")) && $0.hasSuffix(".tmp") }
            ?? []
        for name in stale {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
        do {
            try AtomicFile.write(Array("\(count) \(length) \(hash)\n".utf8), to: headPath, permissions: 0o600)
        } catch {
            throw .io(path: error.path, reason: error.reason)
        }
    }

    /// The time as ISO 8601 with offset, e.g. `2023-03-14T09:12:33+01:00`, in `timeZone` (local time by default).
    public static func timestamp(_ date: Date = Date(), timeZone: TimeZone = .current) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
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
        /// The lines' duplicate keys and unknown fields, when scanned with `auditing`.
        var problems: [JournalProblem] = []
    }

    /// Checks journal bytes line by line and returns the sound prefix with the first
    /// problem, if any. Without `decodingEvents` only each line's header is read; with `auditing` (and
    /// `decodingEvents`) each line's form is checked too (``JournalAudit/form(of:decodedAs:)``).
    static func scan(_ bytes: [UInt8], decodingEvents: Bool, auditing: Bool = false) -> (Parsed, JournalError?) {
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
                return (
                    parsed,
                    .malformedLine(
                        line: line, detail: "the line is longer than \(InputBounds.maximumLineBytes >> 20) MB")
                )
            }
            do {
                let sequence: Int
                let prev: String
                if decodingEvents && auditing {
                    let decoded = try JournalLine.decodeAudited(lineBytes, line: line)
                    (sequence, prev) = (decoded.event.sequence, decoded.prev)
                    parsed.events.append(decoded.event)
                    for message in decoded.form { parsed.problems.append(JournalProblem(line: line, message: message)) }
                } else if decodingEvents {
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
