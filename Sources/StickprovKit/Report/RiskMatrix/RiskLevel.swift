/// A risk value's band in the matrix (probability × consequence, 1–16), with its colour.
public enum RiskLevel: Int, Sendable, CaseIterable, Comparable {
    /// 1–3.
    case low
    /// 4–6.
    case medium
    /// 8–9.
    case high
    /// 12–16.
    case veryHigh

    /// The band of a risk value.
    public init(value: Int) {
        switch value {
        case ...3: self = .low
        case 4...6: self = .medium
        case 7...9: self = .high
        default: self = .veryHigh
        }
    }

    /// The Swedish name: "låg", "medel", "hög", "mycket hög".
    public var swedish: String {
        switch self {
        case .low: "låg"
        case .medium: "medel"
        case .high: "hög"
        case .veryHigh: "mycket hög"
        }
    }

    /// The values in the band as the legend prints them: "1–3".
    public var range: String {
        switch self {
        case .low: "1–3"
        case .medium: "4–6"
        case .high: "8–9"
        case .veryHigh: "12–16"
        }
    }

    /// The cell's background colour, light enough for black numbers.
    public var colour: String {
        switch self {
        case .low: "#a5d6a7"
        case .medium: "#fff176"
        case .high: "#ffb74d"
        case .veryHigh: "#e57373"
        }
    }

    /// A coloured square for Markdown.
    var emoji: String {
        switch self {
        case .low: "🟩"
        case .medium: "🟨"
        case .high: "🟧"
        case .veryHigh: "🟥"
        }
    }

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
