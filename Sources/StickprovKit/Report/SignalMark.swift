import Foundation

/// How a signal level is drawn in the appendix: a text character whose shape differs per
/// level (● ▲ ■ ◆ …) in the level's colour, followed by its word ("Grön"), so the signal
/// reads in greyscale print, to a red-green colour-blind reader, after copy and paste, and to
/// a screen reader.
///
/// Shape and colour follow the level's meaning, its rank in the plan's scale from best to worst:
/// the best is a dark green circle, the worst a red square, the levels between triangles,
/// diamonds … in the colours between (unless the plan gives a level its own colour). So any
/// scale, of any number of levels, gets distinct shapes without a setting, and a level added
/// to a scale never takes the look of "not done" because of the order it was added in.
public struct SignalMark: Sendable, Hashable {
    /// The shape, a character that common fonts (Arial, Calibri, DejaVu, Liberation) have.
    public let shape: String
    /// What the shape is called in Swedish, for a legend read aloud: "cirkel".
    public let shapeName: String
    /// The colour, `#RRGGBB`.
    public let colour: String
    /// The level's word, "Grön".
    public let word: String

    /// The shapes: the best level's circle, the worst's square, then those of the levels between.
    static let best = (shape: "●", name: "cirkel")
    static let worst = (shape: "■", name: "kvadrat")
    static let between: [(shape: String, name: String)] = [
        ("▲", "triangel"), ("◆", "romb"), ("▼", "nedåtriktad triangel"), ("★", "stjärna"), ("✚", "kors"),
    ]

    /// The mark of the level at `position` (from 0, best first) in a scale of `count` levels.
    public init(level: SignalLevel, position: Int, count: Int) {
        let count = max(count, position + 1, 1)
        let index = max(0, position)
        let shape: (shape: String, name: String)
        if index == 0 {
            shape = SignalMark.best
        } else if index == count - 1 {
            shape = SignalMark.worst
        } else if index - 1 < SignalMark.between.count {
            shape = SignalMark.between[index - 1]
        } else {
            // More levels than shapes: the circle with the level's number keeps each distinct.
            shape = ("●\(index + 1)", "cirkel \(index + 1)")
        }
        self.shape = shape.shape
        shapeName = shape.name
        let colour = level.colour ?? SignalScale.rankColour(position: index, count: count)
        self.colour = SignalMark.isHexColour(colour) ? colour : "#000000"
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

extension SignalScale {
    /// The mark of `level` in this scale: its shape and colour from its rank.
    public func mark(_ level: SignalLevel) -> SignalMark {
        let position = levels.firstIndex { $0.id.lowercased() == level.id.lowercased() } ?? levels.count
        return SignalMark(level: level, position: position, count: levels.count)
    }

    /// The scale as a change to it is told: each level, best first, with its mark, id and colour and
    /// whether the summary counts it as without remark, so a user sees what every document will
    /// show (`1. ● Utan anmärkning (utan-anmarkning), dark green, counted as without remark`).
    public var describedLevels: [String] {
        let counted = Set(withoutRemark.map { $0.id.lowercased() })
        return levels.enumerated().map { index, level in
            let mark = self.mark(level)
            let colour =
                level.colour.map { "colour \($0)" }
                ?? SignalScale.rankColourNames[SignalScale.rankColours.firstIndex(of: mark.colour) ?? 0]
            let summary =
                counted.contains(level.id.lowercased())
                ? ", counted as without remark in the summary" : ""
            return "\(index + 1). \(mark.text) (\(level.id)), \(colour)\(summary)"
        }
    }

    /// What ``rankColours`` are called in messages.
    static let rankColourNames = ["dark green", "light green", "amber", "orange", "red"]
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
        if let mark = markOverrides[level.displayName.lowercased()] { return mark }
        let position = legend.firstIndex { $0.id.lowercased() == level.id.lowercased() } ?? legend.count
        return SignalMark(level: level, position: position, count: legend.count)
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
