/// How the appendix's table is laid out; a plan setting, since committees differ.
public enum ReportLayout: String, Sendable, CaseIterable, PlanToken {
    /// The reference layout: *Identifierad risk · Vad kontrolleras? · Frekvens uppföljning ·
    /// Metod · Bedömning · Resultat och åtgärder*, a risk spanning its control points' rows.
    case reference
    /// Each risk area is a numbered heading row ("1. Brister i …") followed by its control
    /// points: *Vad kontrolleras? · Frekvens · Metod · Bedömning · Resultat · Åtgärd*.
    case areas

    /// Other words a user may type.
    public var aliases: [String] {
        switch self {
        case .reference: ["standard", "risk"]
        case .areas: ["områden", "numbered"]
        }
    }

    /// What the choice is called in messages.
    public static var noun: String { "a report layout" }
}

/// A column a plan adds to the appendix's table beside its layout's own, for committees whose
/// appendix shows more: *Id*, *Periodicitet* (how often the control is performed) or
/// *Uppföljningsansvarig*. Stored in plan.json as `reportColumns`, in any order; the table
/// always places them at the same spots.
public enum ReportColumn: String, Sendable, CaseIterable, PlanToken {
    /// The control point's id, e.g. `K1` or `CENT 1`, before *Vad kontrolleras?*.
    case id
    /// How often the control is performed (*Periodicitet*); the areas layout has it already.
    case cadence
    /// Who follows the control up (*Uppföljningsansvarig*), before *Bedömning*.
    case responsible

    /// Other words a user may type.
    public var aliases: [String] {
        switch self {
        case .id: ["nr", "nummer"]
        case .cadence: ["periodicitet", "frekvens"]
        case .responsible: ["uppföljningsansvarig", "ansvarig"]
        }
    }

    /// What the choice is called in messages.
    public static var noun: String { "a report column" }
}

/// A Swedish noun with its article and plural, for the appendix's sentences:
/// written `en utredning/utredningar` or `ett ärende/ärenden`.
public struct Noun: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The singular, e.g. "utredning".
    public let singular: String
    /// The plural, e.g. "utredningar".
    public let plural: String
    /// Whether the noun takes *ett* (neuter), which changes "en"/"ett" for one.
    public let isNeuter: Bool

    /// Parses `en utredning/utredningar` or `ett ärende/ärenden`.
    public init?(_ text: String) {
        let words = text.trimmingASCIIWhitespace().split(separator: " ", maxSplits: 1).map(String.init)
        guard words.count == 2, words[0] == "en" || words[0] == "ett" else { return nil }
        let forms = words[1].split(separator: "/").map { $0.trimmingASCIIWhitespace() }
        guard forms.count == 2, !forms[0].isEmpty, !forms[1].isEmpty else { return nil }
        singular = forms[0]
        plural = forms[1]
        isNeuter = words[0] == "ett"
    }

    /// The form ``init(_:)`` reads.
    public var description: String { "\(isNeuter ? "ett" : "en") \(singular)/\(plural)" }

    private init(singular: String, plural: String, isNeuter: Bool) {
        self.singular = singular
        self.plural = plural
        self.isNeuter = isNeuter
    }

    /// "ett ärende/ärenden", the default item noun.
    public static let caseFile = Noun(singular: "ärende", plural: "ärenden", isNeuter: true)
    /// "en handläggare/handläggare", the default officer noun.
    public static let officer = Noun(singular: "handläggare", plural: "handläggare", isNeuter: false)

    /// The noun for a count: "ärende" for one, "ärenden" otherwise.
    public func form(for count: Int) -> String { count == 1 ? singular : plural }

    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeLeniently(expected: "a noun like 'en utredning/utredningar'", fallback: Noun.caseFile)
        {
            Noun($0)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
