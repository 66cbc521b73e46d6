/// What the risk analysis decided for a risk: handled by control points in this plan, as a goal
/// of the committee, or elsewhere (e.g. in the administration's follow-up of critical factors).
public struct RiskHandling: Sendable, Hashable, Codable {
    /// How the risk is handled.
    public enum Kind: String, Sendable, CaseIterable, PlanToken {
        /// By the risk's control points in this plan.
        case controlPoints = "control-points"
        /// As a goal of the committee (*mål för nämnden*).
        case goal
        /// Elsewhere, as the text says.
        case elsewhere

        /// Other words a user may type.
        public var aliases: [String] {
            switch self {
            case .controlPoints:
                ["control-point", "kontrollpunkt", "kontrollpunkter", "internkontrollpunkt", "internkontroll"]
            case .goal: ["mål", "nämndmål", "mål för nämnden"]
            case .elsewhere: ["annat", "annan", "other", "övrigt"]
            }
        }

        /// What the choice is called in messages.
        public static var noun: String { "a risk handling" }
    }

    /// How the risk is handled.
    public var kind: Kind
    /// For a goal, the goal; for elsewhere, where, written to follow "inom ramen för", e.g.
    /// "förvaltningens uppföljning av kritiska verksamhetsfaktorer".
    public var text: String?

    /// Creates a handling.
    public init(_ kind: Kind, text: String? = nil) {
        self.kind = kind
        self.text = text.flatMap { $0.trimmingASCIIWhitespace().isEmpty ? nil : $0.trimmingASCIIWhitespace() }
    }
}

extension Risk {
    /// The handling the plan records, or control points when the risk has any; nil when the
    /// analysis left the risk without a decision.
    public var effectiveHandling: RiskHandling? {
        handling ?? (controls.isEmpty ? nil : RiskHandling(.controlPoints))
    }
}
