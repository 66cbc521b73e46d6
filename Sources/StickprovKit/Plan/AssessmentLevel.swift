/// Whether a committee assesses each control point or gives one assessment per risk area.
public enum AssessmentLevel: String, Sendable, CaseIterable, PlanToken {
    /// One signal per control point (the reference appendix of 2023).
    case controlPoint = "control-point"
    /// One signal per risk area, covering its control points.
    case risk

    /// Other words a user may type for this value.
    public var aliases: [String] {
        switch self {
        case .controlPoint: ["kontrollpunkt", "control"]
        case .risk: ["risk area", "riskområde", "kontrollområde"]
        }
    }

    /// What the choice is called in messages.
    public static var noun: String { "an assessment level" }
}
