import Glibc

/// The extract files of one part of the export, written as rows are selected.
///
/// Each group (an officer or a manager) collects its rows in a small buffer that is flushed to a
/// temporary file (mode 0600, a hidden name ending in `.tmp` in the output folder) when full, so memory
/// stays bounded whatever the export's size. Nothing has the final name until ``commit(_:)`` renames
/// the complete files; ``discard()`` removes every temporary file.
struct ExtractOutput {
    /// One group's file.
    private struct Group {
        var buffer: [UInt8] = []
        var descriptor: Int32 = -1
        var temporaryPath = ""
        var hasRows = false
    }

    private var groups: [Group]
    private let directory: String
    private let names: [String]
    /// The header line written first (the first part), or nil (a later part, appended to the first).
    private let header: [UInt8]?
    private let tag: String

    /// How many bytes a group buffers before writing.
    static let bufferSize = 128 << 10

    /// Output for `names.count` groups in `directory`; `header` starts each file of the first part.
    init(directory: String, names: [String], header: [UInt8]?, tag: String) {
        self.directory = directory
        self.names = names
        self.header = header
        self.tag = tag
        groups = Array(repeating: Group(), count: names.count)
    }

    /// Whether the group has any rows in this part.
    func hasRows(_ group: Int) -> Bool { groups[group].hasRows }

    /// Appends a record's bytes to a group, and `lineBreak` when the record has none (the file's last).
    mutating func append(_ group: Int, _ bytes: UnsafeBufferPointer<UInt8>, lineBreak: [UInt8]?) throws(LogCheckError) {
        groups[group].hasRows = true
        groups[group].buffer.append(contentsOf: bytes)
        if let lineBreak { groups[group].buffer += lineBreak }
        if groups[group].buffer.count >= ExtractOutput.bufferSize { try flush(group) }
    }

    /// Writes a group's buffer to its temporary file, creating the file (and its header) first.
    private mutating func flush(_ group: Int) throws(LogCheckError) {
        if groups[group].descriptor < 0 {
            let path =
                directory + "/." + names[group] + ".\(getpid()).\(UInt64.random(in: 0...UInt64.max))" + tag + ".tmp"
            let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw failure(path) }
            groups[group].descriptor = descriptor
            groups[group].temporaryPath = path
            guard fchmod(descriptor, 0o600) == 0 else { throw failure(path) }
            if let header { try writeAll(header, to: descriptor, path: path) }
        }
        try writeAll(groups[group].buffer, to: groups[group].descriptor, path: groups[group].temporaryPath)
        groups[group].buffer.removeAll(keepingCapacity: true)
    }

    /// Completes every group with rows in this part or in `later` (the next part of the file, whose
    /// rows follow this part's), flushes the files to disk and gives them their final names. A file of
    /// an earlier extract under the name of a group that has no rows now is removed, so the folder never
    /// holds rows this extract did not find.
    /// - Returns: the final paths by group (nil for groups without rows) and the paths removed.
    mutating func commit(_ later: inout ExtractOutput?) throws(LogCheckError) -> (files: [String?], removed: [String]) {
        var finals: [String?] = Array(repeating: nil, count: names.count)
        for group in groups.indices {
            let laterHasRows = later?.hasRows(group) ?? false
            guard groups[group].hasRows || laterHasRows else { continue }
            try flush(group)
            if laterHasRows, var part = later {
                try part.copy(group, to: groups[group].descriptor, path: groups[group].temporaryPath)
                later = part
            }
            guard fsync(groups[group].descriptor) == 0 else { throw failure(groups[group].temporaryPath) }
            finals[group] = directory + "/" + names[group]
        }
        for group in groups.indices {
            guard let final = finals[group] else { continue }
            guard rename(groups[group].temporaryPath, final) == 0 else { throw failure(final) }
            close(groups[group].descriptor)
            groups[group].descriptor = -1
            groups[group].temporaryPath = ""
        }
        var removed: [String] = []
        for group in groups.indices where finals[group] == nil {
            let stale = directory + "/" + names[group]
            if unlink(stale) == 0 { removed.append(stale) }
        }
        syncDirectory()
        later?.discard()
        return (finals, removed)
    }

    /// Appends a group's rows of this part (its temporary file, then its buffer) to `target`.
    private mutating func copy(_ group: Int, to target: Int32, path: String) throws(LogCheckError) {
        let source = groups[group].descriptor
        if source >= 0 {
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            var offset = 0
            while true {
                let count = try readSome(source, into: &chunk, at: offset, path: groups[group].temporaryPath)
                if count == 0 { break }
                try writeAll(Array(chunk[0..<count]), to: target, path: path)
                offset += count
            }
        }
        try writeAll(groups[group].buffer, to: target, path: path)
        groups[group].buffer.removeAll()
    }

    /// Closes and removes every temporary file.
    mutating func discard() {
        for group in groups.indices where groups[group].descriptor >= 0 {
            close(groups[group].descriptor)
            unlink(groups[group].temporaryPath)
            groups[group].descriptor = -1
        }
    }

    private func syncDirectory() {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(LogCheckError) {
        guard StickprovKit.writeAll(bytes, to: descriptor) else { throw failure(path) }
    }

    private func failure(_ path: String) -> LogCheckError {
        .writeFailed(path: path, reason: String(cString: strerror(errno)))
    }
}
