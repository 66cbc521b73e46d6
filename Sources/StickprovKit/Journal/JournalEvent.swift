/// One line of the journal: who did what when, in order.
public struct JournalEvent: Sendable, Equatable {
    /// The event's sequence number, 1 for the first line.
    public let sequence: Int
    /// When it was recorded: ISO 8601 with the local offset.
    public let time: String
    /// Who recorded it (`--by`, or the operating system user).
    public let actor: String
    /// What happened.
    public let payload: JournalPayload
    /// The 1-based line in journal.jsonl.
    public var line: Int { sequence }
}

/// What an event records. The journal's `type` field names the case.
public enum JournalPayload: Sendable, Equatable {
    /// A sample was drawn.
    case draw(DrawRecord)
    /// A reviewed item's result.
    case outcome(OutcomeRecord)
    /// A later result for an item that already had one; supersedes it.
    case correction(OutcomeRecord)
    /// A measured key figure.
    case measurement(MeasurementRecord)
    /// A control point's or risk area's assessment at a report point.
    case assessment(AssessmentRecord)
    /// Damaged lines were moved aside by `stickprov repair`.
    case repair(RepairRecord)
    /// A private provider's contract follow-up, or the comment on them all (Bilaga 2).
    case provider(ProviderRecord)
    /// The committee adopted the plan: its hash is pinned.
    case adoption(AdoptionRecord)
    /// An adopted plan was changed.
    case amendment(AmendmentRecord)
    /// A plan change (given `--force`) took recorded assessments out of every report: they no longer hold.
    case supersession(SupersessionRecord)

    /// The `type` written in the journal line.
    public var type: String {
        switch self {
        case .draw: "draw"
        case .outcome: "outcome"
        case .correction: "correction"
        case .measurement: "measurement"
        case .assessment: "assessment"
        case .repair: "repair"
        case .provider: "provider"
        case .adoption: "adoption"
        case .amendment: "amendment"
        case .supersession: "supersession"
        }
    }
}

/// What `stickprov repair` set aside, so the journal itself says what happened.
public struct RepairRecord: Sendable, Hashable, Codable {
    /// The first line that was moved aside.
    public var firstLine: Int
    /// How many lines (including a torn one) were moved.
    public var lineCount: Int
    /// The side file they were moved to (in the plan folder).
    public var sideFile: String
    /// SHA-256 of the moved bytes, to show the side file is what was removed.
    public var sha256: String
    /// The problem that was found.
    public var reason: String

    /// Creates a record.
    public init(firstLine: Int, lineCount: Int, sideFile: String, sha256: String, reason: String) {
        self.firstLine = firstLine
        self.lineCount = lineCount
        self.sideFile = sideFile
        self.sha256 = sha256
        self.reason = reason
    }
}
