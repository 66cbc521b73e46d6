import Foundation

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
        case .both: ["del- och årsbokslut", "del och årsbokslut"]
        }
    }

    /// What the choice is called in messages.
    public static var noun: String { "a follow-up" }

    /// Recognises the follow-up from a plan's own words: "Delår och årsbokslut" is both,
    /// "Helår" the year end, "Delårsrapport" the interim. `nil` when the text names neither report.
    public static func recognising(label: String) -> FollowUp? {
        if let exact = FollowUp(userText: label) { return exact }
        let text = label.trimmingASCIIWhitespace().nfc.lowercased()
        let isInterim = text.contains("del") || text.contains("tertial")
        var rest = text
        for interimWord in ["delårsbokslut", "delårsrapport", "delårsuppföljning", "delår"] {
            rest = rest.replacingOccurrences(of: interimWord, with: " ")
        }
        let isYearEnd = rest.contains("år") || rest.contains("bokslut") || rest.contains("verksamhetsberättelse")
        switch (isInterim, isYearEnd) {
        case (true, true): return .both
        case (true, false): return .interim
        case (false, true): return .yearEnd
        case (false, false): return nil
        }
    }
}
