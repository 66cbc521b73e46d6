/// An identifier a user types to name something in a plan: `R1`, `K2`, `CENT 1`.
public protocol PlanIdentifier: Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier as written.
    var rawValue: String { get }
    /// Wraps a string without checking it; ``problem`` says what is wrong with it.
    init(rawValue: String)
}

extension PlanIdentifier {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// What makes this unusable as an identifier, or `nil` when it is fine.
    ///
    /// Identifiers end up in file names and command lines, so they are short and made
    /// of letters, digits, spaces and `- _ . :` only (no `/`, no leading dot).
    public var problem: String? {
        if rawValue.trimmingASCIIWhitespace().isEmpty { return "the id is empty" }
        if rawValue != rawValue.trimmingASCIIWhitespace() { return "the id '\(rawValue)' has spaces at an end" }
        if rawValue.count > 40 { return "the id '\(rawValue)' is longer than 40 characters" }
        if rawValue.hasPrefix(".") || rawValue.hasPrefix("-") {
            return "the id '\(rawValue)' may not start with '\(rawValue.prefix(1))'"
        }
        let allowed: (Character) -> Bool = { $0.isLetter || $0.isNumber || " -_.:".contains($0) }
        if let bad = rawValue.first(where: { !allowed($0) }) {
            return "the id '\(rawValue)' has '\(bad)'; use letters, digits, spaces and - _ . :"
        }
        return nil
    }
}

/// Identifies a risk (*Identifierad risk*) within a plan, e.g. `R1`.
public struct RiskID: PlanIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// Identifies a control point within a plan, e.g. `K1` or an external id like `CENT 1`.
public struct ControlID: PlanIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
