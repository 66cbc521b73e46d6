/// When a control point is reported (*Frekvens uppföljning* in the appendix).
public enum FollowUp: String, Sendable, CaseIterable, PlanToken {
    /// At the interim report only (*Delårsbokslut*).
    case interim
    /// At the year-end report only (*Årsbokslut*).
    case yearEnd = "year-end"
    /// At both (*Del- och årsbokslut*).
    case both

    /// The text the appendix prints.
    public var swedishLabel: String {
        switch self {
        case .interim: "Delårsbokslut"
        case .yearEnd: "Årsbokslut"
        case .both: "Del- och årsbokslut"
        }
    }

    /// Other words a user may type for this value.
    public var aliases: [String] {
        switch self {
        case .interim: ["delår", "delårsbokslut", "delårsrapport"]
        case .yearEnd: ["år", "årsbokslut", "yearend"]
        case .both: ["del- och årsbokslut", "del och årsbokslut", "delår och årsbokslut"]
        }
    }

    /// What the choice is called in messages.
    public static var noun: String { "a follow-up" }
}
