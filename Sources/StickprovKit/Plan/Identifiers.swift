import Foundation

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
        if let scalar = rawValue.unicodeScalars.first(where: VisibleText.isInvisible) {
            return "the id '\(VisibleText.showingInvisible(rawValue))' holds the invisible character "
                + "\(VisibleText.codePoint(scalar)); use letters, digits, spaces and - _ . :"
        }
        if rawValue.trimmingASCIIWhitespace().isEmpty { return "the id is empty" }
        if rawValue != rawValue.trimmingASCIIWhitespace() { return "the id '\(rawValue)' has spaces at an end" }
        if rawValue.count > 40 { return "the id '\(rawValue)' is longer than 40 characters" }
        if rawValue.hasPrefix(".") || rawValue.hasPrefix("-") {
            return "the id '\(rawValue)' may not start with '\(rawValue.prefix(1))'"
        }
        // Scalar by scalar, in NFC: a joiner or a combining mark hides inside a Character that
        // `isLetter` accepts, and `isNumber` takes '²' and 'Ⅻ'.
        for scalar in rawValue.nfc.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .decimalNumber: break
            default:
                guard " -_.:".unicodeScalars.contains(scalar) else {
                    // A visible ASCII character speaks for itself; anything else is named by its code point.
                    let shown =
                        scalar.isASCII
                        ? "'\(Character(scalar))'" : "'\(Character(scalar))' (\(VisibleText.codePoint(scalar)))"
                    return "the id '\(rawValue)' has \(shown); use letters, digits, spaces and - _ . :"
                }
            }
            // Full-width 'Ｋ９' prints like 'K9' but is another id: compatibility characters are refused.
            let plain = String(scalar).precomposedStringWithCompatibilityMapping
            if plain != String(scalar) {
                return "the id '\(rawValue)' has the look-alike '\(Character(scalar))' "
                    + "(\(VisibleText.codePoint(scalar))); type '\(plain)'"
            }
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
