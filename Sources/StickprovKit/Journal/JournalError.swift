/// What can be wrong with a plan's journal (`journal.jsonl`), or with appending to it.
public enum JournalError: Error, Sendable, Equatable {
    /// The journal could not be opened, read, locked or written.
    case io(path: String, reason: String)
    /// The last line has no newline: a write was cut off (crash, full disk).
    case tornLastLine(line: Int)
    /// A line is not a journal event (not JSON, or fields missing).
    case malformedLine(line: Int, detail: String)
    /// A line's `prev` is not the SHA-256 of the line before: something was edited or deleted.
    case brokenChain(line: Int)
    /// A line's sequence number does not follow the one before.
    case wrongSequence(line: Int, expected: Int, found: Int)
    /// A line written by a newer version of Stickprov, whose event this one cannot read.
    case unknownEventType(line: Int, type: String)
    /// The line `journal.head` vouches for differs from it: the journal's last lines were changed.
    case headMismatch(line: Int)
    /// `journal.head` vouches for more lines than there are: lines were removed from the end.
    case missingLines(line: Int, expected: Int)
    /// `journal.head` is not `COUNT LENGTH HASH` (or the older `SEQUENCE HASH`).
    case malformedHead
    /// `journal.head` exists and records lines, but the journal is gone.
    case journalMissing(expected: Int)
    /// The journal is shorter than the committed length `journal.head` records.
    case shorterThanHead(expected: Int, found: Int)
    /// Another writer appended between this writer's reading of the year and its append (the folder's
    /// lock did not hold, e.g. on a network share): nothing was recorded.
    case anotherWriter(read: Int, found: Int)
    /// `repair` was asked to mend damage that is not a cut-off tail: recorded lines were changed,
    /// removed or reordered, and cutting them would destroy genuine lines. Carries that damage.
    indirect case notRepairable(JournalError)
    /// An event would make a line longer than the reader reads (``InputBounds/maximumLineBytes``):
    /// refused before anything is written.
    case lineTooLong(event: String, bytes: Int)
    /// Who makes the change (`--by`, or the system user) may not be written in the journal: why.
    case unfitActor(String)
    /// `journal.jsonl` or `journal.head` is a symbolic link: refused by every reader and writer, because
    /// two plans linked to one journal would each take the other's lines for its own (and lose events).
    case symbolicLink(path: String)

    /// The 1-based line the problem is on, when there is one.
    public var line: Int? {
        switch self {
        case .io, .malformedHead, .journalMissing, .shorterThanHead, .anotherWriter, .lineTooLong, .unfitActor,
            .symbolicLink:
            nil
        case .notRepairable(let damage): damage.line
        case .tornLastLine(let line), .malformedLine(let line, _), .brokenChain(let line),
            .wrongSequence(let line, _, _), .unknownEventType(let line, _), .headMismatch(let line),
            .missingLines(let line, _):
            line
        }
    }

    /// Whether the journal is damaged (everything but I/O and a refused repair).
    public var isDamage: Bool {
        switch self {
        case .io, .notRepairable, .anotherWriter, .lineTooLong, .unfitActor, .symbolicLink: false
        default: true
        }
    }

    /// Whether `stickprov repair` may set the damage aside: only a tail that a crash or a full
    /// disk cut off. Anything else means recorded lines were changed, and is never cut.
    public var isRepairable: Bool {
        if case .tornLastLine = self { return true }
        return false
    }

    /// The short message (the CLI puts `journal.jsonl:LINE:` in front; ``symbolicLink(path:)`` starts with its path).
    public var message: String {
        switch self {
        case .io(let path, let reason): "\(path): \(reason)"
        case .tornLastLine: "the last line is incomplete (a write was cut off)"
        case .malformedLine(_, let detail): "not a journal event: \(detail)"
        case .brokenChain:
            "the chain is broken: 'prev' is not the SHA-256 of the line before (a line was changed or removed)"
        case .wrongSequence(_, let expected, let found): "sequence number \(found), expected \(expected)"
        case .unknownEventType(_, let type):
            "event type '\(type)' is from a newer Stickprov; update the tool to read this journal"
        case .headMismatch: "the line differs from the hash journal.head recorded for it (it was changed)"
        case .missingLines(let line, let expected):
            "lines \(line)–\(expected) are missing: journal.head records \(expected) lines (lines were removed from the end)"
        case .malformedHead: "journal.head is not 'COUNT LENGTH SHA256'"
        case .journalMissing(let expected):
            "the journal is missing, but journal.head records \(expected) lines (it was deleted or moved)"
        case .anotherWriter(let read, let found):
            "another writer got there first: the journal had \(read) lines when this change was decided and has "
                + "\(found) now (the folder's lock did not hold); nothing was recorded, run the command again"
        case .notRepairable(let damage):
            "\(damage.message); this is not a cut-off write but a change to recorded lines, and repair never cuts "
                + "recorded lines: restore journal.jsonl and journal.head from a backup"
        case .unfitActor(let problem): "who records (--by) \(problem); nothing was recorded"
        case .lineTooLong(let event, let bytes):
            "the \(event) would be a journal line of \(InputBounds.megabytes(bytes)) MB, and a line holds at most "
                + "\(InputBounds.maximumLineBytes >> 20) MB; nothing was recorded"
                + (event == "draw" ? ": carry fewer or shorter columns (--carry), or draw fewer items" : "")
        case .symbolicLink(let path):
            "\(path): is a symbolic link; the journal must be a plain file in its own plan folder (plans sharing one "
                + "journal would lose each other's events): replace the link by a copy of the file it points to; "
                + "nothing was read or recorded"
        case .shorterThanHead(let expected, let found):
            "the journal has \(found) bytes, but journal.head records \(expected) committed bytes (lines were removed from the end)"
        }
    }
}
