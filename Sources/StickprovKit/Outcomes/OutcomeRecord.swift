/// The result of reviewing one sampled item.
public enum ReviewResult: String, Sendable, Hashable, Codable, CaseIterable {
    /// Reviewed without remark (*utan anmärkning*).
    case ok
    /// Reviewed with a remark (*anmärkning*) of some kind.
    case remark
    /// Could not be reviewed; the reason is in the note.
    case notReviewed = "not-reviewed"
    /// The control point does not apply to the item (*ej tillämpligt*), e.g. a follow-up of a
    /// time-limited decision drawn among decisions that are not time-limited. Left out of the
    /// point's counts, rates and sentences, as if it were not in the population the point checks.
    case notApplicable = "not-applicable"

    /// Whether the item was assessed against the control point: reviewed with or without remark.
    public var isAssessed: Bool { self == .ok || self == .remark }

    /// Reads a result word from a worksheet, Swedish or English, ignoring case:
    /// "ok", "utan anmärkning", "godkänd" · "anmärkning", "remark", "avvikelse" ·
    /// "ej granskad", "not reviewed", "kunde inte granskas", "utgår" · "ej tillämpligt", "not applicable",
    /// "ej aktuell".
    public init?(word: String) {
        let text = word.trimmingASCIIWhitespace().nfc.lowercased()
        switch text {
        case "ok", "okej", "utan anmärkning", "ua", "u.a.", "godkänd", "godkänt", "ja", "yes", "behörig", "authorised",
            "authorized":
            self = .ok
        case "anmärkning", "med anmärkning", "remark", "avvikelse", "brist", "nej", "no", "obehörig":
            self = .remark
        case "ej granskad", "ej granskat", "inte granskad", "not reviewed", "not-reviewed", "kunde inte granskas",
            "utgår":
            self = .notReviewed
        case "ej tillämpligt", "ej tillämplig", "inte tillämpligt", "et", "e.t.", "ej aktuell", "ej aktuellt", "n/a",
            "not applicable", "not-applicable":
            self = .notApplicable
        default:
            return nil
        }
    }

    /// The Swedish word, as worksheets and reports write it.
    public var swedish: String {
        switch self {
        case .ok: "utan anmärkning"
        case .remark: "anmärkning"
        case .notReviewed: "ej granskad"
        case .notApplicable: "ej tillämpligt"
        }
    }
}

/// What a reviewer found for one item of a draw. A later record of the same item is a
/// correction: it supersedes this one, and both stay in the journal.
public struct OutcomeRecord: Sendable, Hashable, Codable {
    /// The draw the item belongs to.
    public var draw: DrawID
    /// The item's key.
    public var key: String
    /// The result.
    public var result: ReviewResult
    /// The kind of remark, e.g. "Kommunicering ej dokumenterad" (for remarks).
    public var remarkKind: String?
    /// Free text: the reason an item was not reviewed, or a comment. Never personal data.
    public var note: String?
    /// Who reviewed (a name or role), when it differs from who recorded.
    public var reviewer: String?
    /// When the review was done.
    public var reviewedOn: Day?
    /// Whether the item is one of the draw's spares, reviewed as a replacement.
    public var isSpare: Bool
    /// The sequence number of the outcome this one corrects.
    public var supersedes: Int?
    /// Amount-weighted draws: booked minus correct amount, in öre (zero when the amount was right).
    public var misstatement: Amount? = nil
    /// Per criterion of the control point's checklist, what was found (`nil` without a checklist).
    public var criteria: [CriterionResult]? = nil
    /// The control point the result is for, in a draw shared by several (`nil`: the draw's only one).
    public var control: ControlID? = nil
    /// For a spare: the key of the sampled item it stands in for, one recorded as not reviewed
    /// (``SampleSlots``); `nil` for a sampled item, and for spares recorded before this was kept.
    public var replaces: String? = nil

    /// Creates an outcome.
    public init(
        draw: DrawID, key: String, result: ReviewResult, remarkKind: String? = nil, note: String? = nil,
        reviewer: String? = nil, reviewedOn: Day? = nil, isSpare: Bool = false, supersedes: Int? = nil
    ) {
        self.draw = draw
        self.key = key
        self.result = result
        self.remarkKind = remarkKind
        self.note = note
        self.reviewer = reviewer
        self.reviewedOn = reviewedOn
        self.isSpare = isSpare
        self.supersedes = supersedes
    }

    /// Whether two records say the same about the item (who recorded it and when aside).
    public func saysTheSame(as other: OutcomeRecord) -> Bool {
        result == other.result && remarkKind == other.remarkKind && note == other.note
            && reviewer == other.reviewer && reviewedOn == other.reviewedOn && misstatement == other.misstatement
            && criteria == other.criteria && replaces == other.replaces
    }
}
