/// Why a log-check draw or extract cannot be made. Nothing is written when one is thrown.
public enum LogCheckError: Error, Sendable, Equatable {
    /// The control point's rule is not a log check.
    case notALogCheckControl(ControlID, SampleSize?)
    /// The draw has no week: it is not a log check.
    case notALogCheckDraw(DrawID)
    /// Grouping by manager, but the draw carries no manager column.
    case noManagerColumn(DrawID)
    /// No column is known for the export's user or time (`what` is "user" or "time").
    case columnNotGiven(what: String, option: String, control: ControlID)
    /// The user and time columns are the same column.
    case sameColumn(String)
    /// The export has no header line.
    case emptyFile
    /// The export's header is not readable as CSV (UTF-16, a workbook, a duplicate column …).
    case header(CSVError)
    /// A column named for the extract is not in the export's header (on `line`).
    case missingColumn(String, line: Int, available: [String])
    /// A record is longer than the reader holds at once (a quote that never closes, most likely).
    case recordTooLong(line: Int, limit: Int)
    /// `--strict`: the first anomaly stopped the extract.
    case anomaly(LogAnomaly)
    /// A file could not be read.
    case readFailed(path: String, reason: String)
    /// A file or folder could not be written.
    case writeFailed(path: String, reason: String)

    /// The 1-based line of the export the problem is on, when there is one.
    public var line: Int? {
        switch self {
        case .header(let error): error.line
        case .missingColumn(_, let line, _), .recordTooLong(let line, _): line
        case .anomaly(let anomaly): anomaly.line
        default: nil
        }
    }

    /// Whether the message is about the export file (the CLI puts its name in front).
    public var isAboutExport: Bool {
        switch self {
        case .emptyFile, .header, .missingColumn, .recordTooLong, .anomaly: true
        default: false
        }
    }

    /// The message a user reads.
    public var message: String {
        switch self {
        case .notALogCheckControl(let id, let size):
            "control point '\(id)' is not a log check (its rule: \(size?.swedishDescription ?? "none")); set one with 'stickprov plan edit \(id) --log-check-users 15', or use 'stickprov draw'"
        case .notALogCheckDraw(let id): "draw '\(id)' is not a log check (it has no week)"
        case .noManagerColumn(let id):
            "draw '\(id)' carries no manager column; draw with --manager COLUMN to group by manager"
        case .columnNotGiven(let what, let option, let control):
            "no \(what) column for the export; give --\(option)-column NAME or set it with 'stickprov plan edit \(control) --log-\(option)-column NAME'"
        case .sameColumn(let name): "the user and time columns are the same column '\(name)'"
        case .emptyFile: "the file is empty; expected a header line"
        case .header(let error): error.message
        case .missingColumn(let name, _, let available):
            "missing column '\(name)' (columns: \(available.joined(separator: ", ")))"
        case .recordTooLong(_, let limit):
            "a record from this line on is longer than \(limit >> 20) MB; is a closing quote missing?"
        case .anomaly(let anomaly): anomaly.message
        case .readFailed(_, let reason): "cannot read the file: \(reason)"
        case .writeFailed(let path, let reason): "cannot write '\(path)': \(reason)"
        }
    }
}
