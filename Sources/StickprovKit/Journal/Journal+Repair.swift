import Foundation

extension Journal {
    /// The first damage in the journal, or `nil` when every line, the chain and
    /// `journal.head` are sound.
    /// - Throws: ``JournalError/io(path:reason:)`` and ``JournalError/symbolicLink(path:)`` only.
    public func damage() throws(JournalError) -> JournalError? {
        do {
            _ = try read()
            return nil
        } catch {
            if case .io = error { throw error }
            if case .symbolicLink = error { throw error }
            return error
        }
    }

    /// Moves a tail that a crash or a full disk cut off (an incomplete last line, or bytes past
    /// the commit point) into a side file next to the journal, cuts the journal back to its
    /// sound prefix and appends a `repair` event saying what was moved. The moved bytes are
    /// never deleted, and recorded lines are never cut: other damage throws.
    /// - Throws: ``JournalError/notRepairable(_:)`` when recorded lines were changed or removed.
    /// - Parameters:
    ///   - stamp: a time stamp for the side file's name, e.g. `20231114-091233`.
    /// - Returns: what was set aside, or `nil` when nothing was damaged.
    public func repair(time: String, actor: String, stamp: String) throws(JournalError) -> RepairRecord? {
        try refuseLinks()
        let file = try LockedFile(path: path, exclusive: true, create: true)
        defer { file.close() }
        let all = try file.readAll()
        let head = try readHead()
        // An uncommitted tail (past the length journal.head records) is what repair sets aside.
        let bytes = head?.length.map { $0 <= all.count ? Array(all[..<$0]) : all } ?? all
        var (parsed, damage) = Journal.scan(bytes, decodingEvents: true)
        if damage == nil && all.count > bytes.count {
            damage = .tornLastLine(line: parsed.lineCount + 1)
        }
        if damage == nil { damage = checkHead(parsed, head) ?? shortness(all.count, head) }
        guard let damage else { return nil }
        // Only a tail cut off by a crash or a full disk is set aside; a changed, removed or
        // reordered recorded line is reported with its line and never cut.
        guard damage.isRepairable else { throw .notRepairable(damage) }
        let tail = Array(all[parsed.validLength...])
        let directory = (path as NSString).deletingLastPathComponent
        var name = "journal.damaged-\(stamp).jsonl"
        var attempt = 1
        while FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name)) {
            attempt += 1
            name = "journal.damaged-\(stamp)-\(attempt).jsonl"
        }
        if !tail.isEmpty {
            do {
                try AtomicFile.write(tail, to: (directory as NSString).appendingPathComponent(name), permissions: 0o600)
            } catch {
                throw .io(path: error.path, reason: error.reason)
            }
        }
        let lineCount =
            tail.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
            - (tail.last == UInt8(ascii: "\n") || tail.isEmpty ? 1 : 0)
        let record = RepairRecord(
            firstLine: parsed.lineCount + 1, lineCount: lineCount, sideFile: tail.isEmpty ? "" : name,
            sha256: SHA256.hash(tail).hex, reason: "line \(damage.line ?? 0): \(damage.message)")
        try file.truncate(to: parsed.validLength)
        let sequence = parsed.lineCount + 1
        let line = JournalLine.encode(
            .repair(record), sequence: sequence, time: time, actor: actor, prev: parsed.lastLineHash)
        try file.appendAndSync(line + [UInt8(ascii: "\n")])
        try writeHead(count: sequence, length: parsed.validLength + line.count + 1, hash: SHA256.hash(line).hex)
        return record
    }
}

/// What `verify` found in a sound journal: how many events, the hash of the last line
/// actually there, whether `journal.head` vouches for the end, and where a noted hash is.
public struct JournalVerification: Sendable, Equatable {
    /// The committed events.
    public var eventCount: Int
    /// SHA-256 of the last committed line as stored (64 zeros for an empty journal): the hash
    /// to note in the minutes.
    public var lastLineHash: String
    /// Whether `journal.head` exists. Without it, lines removed from the end or a changed last
    /// line would not show.
    public var hasHead: Bool
    /// The line whose hash is the expected one, when one was given and found.
    public var expectedLine: Int?
    /// The committed events, read in the same pass.
    public var events: [JournalEvent] = []
    /// The lines' duplicate keys and unknown fields (``JournalAudit/form(of:decodedAs:)``), in line order.
    public var formProblems: [JournalProblem] = []

    /// Everything the sound chain does not show, in line order: each line's form, the meaning across the
    /// events (``JournalAudit/meaning(of:)``) and the names `plan` must have (``JournalAudit/names(in:plan:)``).
    public func problems(against plan: ControlPlan) -> [JournalProblem] {
        let all = formProblems + JournalAudit.meaningAndNames(of: events, plan: plan)
        return all.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}

extension JournalVerification {
    /// Whether `text` has the form of a line's hash: 64 hexadecimal digits (either case). A shorter,
    /// longer or otherwise mistyped `--expect` is a mistake in the command, not a sign of a rewritten record.
    public static func isLineHash(_ text: String) -> Bool {
        text.utf8.count == 64
            && text.utf8.allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
            }
    }
}

extension Journal {
    /// Checks every line, the chain and `journal.head`, and looks for `expected` (a hash noted
    /// earlier, e.g. in the minutes) among the lines' hashes.
    /// - Throws: ``JournalError`` naming the first damage.
    public func verification(expecting expected: String? = nil) throws(JournalError) -> JournalVerification {
        try refuseLinks()
        let head = try readHead()
        guard FileManager.default.fileExists(atPath: path) else {
            if let head, head.count > 0 { throw .journalMissing(expected: head.count) }
            return JournalVerification(
                eventCount: 0, lastLineHash: JournalLine.firstPrev, hasHead: head != nil, expectedLine: nil)
        }
        let file = try LockedFile(path: path, exclusive: false, create: false)
        defer { file.close() }
        let bytes = try file.readAll()
        let (parsed, damage) = Journal.scan(committed(bytes, head), decodingEvents: true, auditing: true)
        if let damage = damage ?? checkHead(parsed, head) ?? shortness(bytes.count, head) { throw damage }
        let wanted = expected?.lowercased()
        return JournalVerification(
            eventCount: parsed.lineCount, lastLineHash: parsed.lastLineHash, hasHead: head != nil,
            expectedLine: wanted.flatMap { hash in parsed.lineHashes.firstIndex(of: hash).map { $0 + 1 } },
            events: parsed.events, formProblems: parsed.problems)
    }
}
