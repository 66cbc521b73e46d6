/// How a control point is checked (*Metod* in the appendix).
public enum MethodKind: String, Sendable, CaseIterable, PlanToken {
    /// A random sample of items (*Stickprov*), e.g. the monthly log check.
    case sample
    /// A review of case handling against SOSFS 2014:5 (*Granskning av handläggning*).
    case caseReview = "case-review"
    /// A measured key figure (*Kontroll av antal …*).
    case measurement
    /// A survey (*Enkät*).
    case survey
    /// A check of documents (*Dokumentkontroll*).
    case documentCheck = "document-check"

    /// The label the appendix prints unless the control point overrides it.
    public var swedishLabel: String {
        switch self {
        case .sample: "Stickprov"
        case .caseReview: "Granskning av handläggning"
        case .measurement: "Kontroll av antal"
        case .survey: "Enkät"
        case .documentCheck: "Dokumentkontroll"
        }
    }

    /// Whether the method draws items and so may carry a sample rule.
    public var takesSampleRule: Bool { self == .sample || self == .caseReview }

    /// Other words a user may type for this value.
    public var aliases: [String] {
        switch self {
        case .sample: ["stickprov"]
        case .caseReview: ["granskning", "granskning av handläggning", "review"]
        case .measurement: ["kontroll av antal", "mätning", "measure"]
        case .survey: ["enkät"]
        case .documentCheck: ["dokumentkontroll"]
        }
    }

    /// What the choice is called in messages.
    public static var noun: String { "a method" }

    /// Recognises the method from an appendix's *Metod* cell, e.g. "Kontroll av antal
    /// e-ansökningar" and "Beräkning av andel" are measurements. `nil` when the text names none of
    /// the methods (the plan then keeps the text and the tool asks for what a step needs).
    public static func recognising(label: String) -> MethodKind? {
        let text = label.trimmingASCIIWhitespace().nfc.lowercased()
        if let exact = MethodKind(userText: text) { return exact }
        if text.hasPrefix("stickprov") { return .sample }
        if text.hasPrefix("granskning") { return .caseReview }
        if text.hasPrefix("kontroll av") || text.hasPrefix("mätning") || text.hasPrefix("beräkning")
            || text.hasPrefix("uppföljning av antal") || text.hasPrefix("nyckeltal")
        {
            return .measurement
        }
        if text.hasPrefix("enkät") { return .survey }
        if text.hasPrefix("dokument") { return .documentCheck }
        return nil
    }
}
