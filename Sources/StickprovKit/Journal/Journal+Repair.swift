import Foundation

extension Journal {
    /// The first damage in the journal, or `nil` when every line, the chain and
    /// `journal.head` are sound.
    /// - Throws: ``JournalError/io(path:reason:)`` only.
    public func damage() throws(JournalError) -> JournalError? {
        do {
            _ = try read()
            return nil
        } catch {
            if case .io = error { throw error }
            return error
        }
    }

    /// Moves the damaged tail (from the first bad line to the end) into a side file next
    /// to the journal, cuts the journal back to its sound prefix and appends a `repair`
    /// event saying what was moved. The damaged bytes are never deleted.
    /// - Parameters:
    ///   - stamp: a time stamp for the side file's name, e.g. `20231114-091233`.
    /// - Returns: what was set aside, or `nil` when nothing was damaged.
    public func repair(time: String, actor: String, stamp: String) throws(JournalError) -> RepairRecord? {
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
        if damage == nil, let headDamage = checkHead(parsed, head) {
            damage = headDamage
            // A changed line that journal.head vouches for: everything from it on is set aside.
            if case .headMismatch(let line) = headDamage { parsed = Journal.prefix(parsed, lines: line - 1, of: bytes) }
        }
        guard let damage else { return nil }
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
        let lineCount = tail.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
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

    /// The first `lines` lines of a sound scan.
    static func prefix(_ parsed: Parsed, lines: Int, of bytes: [UInt8]) -> Parsed {
        var result = Parsed()
        result.events = Array(parsed.events.prefix(lines))
        result.lineHashes = Array(parsed.lineHashes.prefix(lines))
        result.lineCount = lines
        var length = 0
        for _ in 0..<lines {
            length = (bytes[length...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1
        }
        result.validLength = length
        return result
    }
}
