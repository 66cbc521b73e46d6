import Foundation

/// How a signal level is drawn in the appendix: a text character whose shape differs per
/// level (● ▲ ■ ◆ …) in the level's colour, followed by its word ("Grön"), so the signal
/// reads in greyscale print, to a red-green colour-blind reader, after copy and paste, and to
/// a screen reader.
///
/// The shape comes from the level's place in the plan's scale (best first), so any scale,
/// of any number of levels, gets distinct shapes without a setting.
public struct SignalMark: Sendable, Hashable {
    /// The shape, a character that common fonts (Arial, Calibri, DejaVu, Liberation) have.
    public let shape: String
    /// What the shape is called in Swedish, for a legend read aloud: "cirkel".
    public let shapeName: String
    /// The colour, `#RRGGBB`, as the plan gives it.
    public let colour: String
    /// The level's word, "Grön".
    public let word: String

    /// The shapes in order of the scale: circle, triangle, square, diamond, then others.
    static let shapes: [(shape: String, name: String)] = [
        ("●", "cirkel"), ("▲", "triangel"), ("■", "kvadrat"), ("◆", "romb"), ("▼", "nedåtriktad triangel"),
        ("★", "stjärna"), ("✚", "kors"),
    ]

    /// The mark of the level at `position` (from 0, best first) in a scale.
    public init(level: SignalLevel, position: Int) {
        let shapes = SignalMark.shapes
        let index = max(0, position)
        if index < shapes.count {
            shape = shapes[index].shape
            shapeName = shapes[index].name
        } else {
            // More levels than shapes: the circle with the level's number keeps each distinct.
            shape = "●\(index + 1)"
            shapeName = "cirkel \(index + 1)"
        }
        colour = SignalMark.isHexColour(level.colour) ? level.colour : "#000000"
        word = level.displayName
    }

    /// The shape and the word, as plain text: "● Grön".
    public var text: String { "\(shape) \(word)" }

    /// The colour as six hex digits without `#`, as WordprocessingML writes it: "1B5E20".
    public var hexDigits: String { String(colour.dropFirst()).uppercased() }

    /// Whether `text` is `#RRGGBB`, the only colour form the renderers write into a document.
    static func isHexColour(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count == 7 && scalars[0] == "#"
            && scalars.dropFirst().allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// WCAG relative luminance of `#RRGGBB` (0 black … 1 white), for checking that a scale's
    /// colours differ in lightness, not only in hue.
    public static func relativeLuminance(_ colour: String) -> Double? {
        guard isHexColour(colour), let value = UInt32(colour.dropFirst(), radix: 16) else { return nil }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// The WCAG contrast ratio of two colours (1 … 21); `nil` when one is not `#RRGGBB`.
    public static func contrast(_ first: String, _ second: String) -> Double? {
        guard let a = relativeLuminance(first), let b = relativeLuminance(second) else { return nil }
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}

/// Which signal levels the appendix's legend lists.
public enum LegendLevels: String, Sendable, CaseIterable, PlanToken {
    /// Every level of the plan's scale.
    case all
    /// Only the levels some assessment in the appendix uses, as the committee's own appendix does.
    case used

    /// Other words a user may type.
    public var aliases: [String] {
        switch self {
        case .all: ["alla"]
        case .used: ["använda", "används"]
        }
    }

    /// What the choice is called in messages.
    public static var noun: String { "a legend choice" }
}

extension Appendix {
    /// The mark of a level, from its place in the plan's scale.
    public func mark(_ level: SignalLevel) -> SignalMark {
        let position = legend.firstIndex { $0.id.lowercased() == level.id.lowercased() } ?? legend.count
        return SignalMark(level: level, position: position)
    }

    /// The levels some row or area of the appendix is assessed with, in the scale's order.
    public var usedLevels: [SignalLevel] {
        let used = Set(
            groups.flatMap { group in [group.signal] + group.rows.map(\.signal) }.compactMap { $0?.id.lowercased() })
        return legend.filter { used.contains($0.id.lowercased()) }
    }

    /// The levels the legend lists.
    public func legendLevels(_ choice: LegendLevels) -> [SignalLevel] {
        choice == .all ? legend : usedLevels
    }
}
