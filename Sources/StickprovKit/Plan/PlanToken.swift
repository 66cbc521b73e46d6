/// A closed choice stored in plan.json as a fixed English word (`sample`, `both`)
/// and accepted on the command line also in the Swedish words a user would type.
public protocol PlanToken: CaseIterable, RawRepresentable, Codable, Sendable where RawValue == String {
    /// Other words accepted for this value when typed by a user (lowercase).
    var aliases: [String] { get }
    /// What the choice is called in messages, e.g. "a method".
    static var noun: String { get }
}

extension PlanToken {
    /// Parses the stored word or any alias, ignoring case and surrounding spaces.
    public init?(userText: String) {
        let word = userText.trimmingASCIIWhitespace().nfc.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue == word || $0.aliases.contains(word) })
        else { return nil }
        self = match
    }

    /// The words accepted, for messages: `sample, case-review, …`.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public init(from decoder: any Decoder) throws {
        guard let fallback = Self.allCases.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "no cases"))
        }
        self = try decoder.decodeLeniently(expected: "\(Self.noun) (\(Self.choices))", fallback: fallback) {
            Self(userText: $0)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
