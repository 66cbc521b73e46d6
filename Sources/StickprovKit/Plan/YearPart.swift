/// A part of a year a draw can cover: a half-year (`2024-H1`), a tertial (`2024-T2`) or a
/// quarter (`2024-Q3`, also `K3`), with or without the year (`H1`, `Granskning 2024 H1`).
public struct YearPart: Sendable, Hashable {
    /// What the year is divided into.
    public enum Kind: Sendable, Hashable {
        /// Two halves (halvår).
        case half
        /// Three tertials (tertial).
        case tertial
        /// Four quarters (kvartal).
        case quarter

        /// How many parts make the year.
        var parts: Int {
            switch self {
            case .half: 2
            case .tertial: 3
            case .quarter: 4
            }
        }

        /// The Swedish noun in the definite form: "halvåret".
        var definite: String {
            switch self {
            case .half: "halvåret"
            case .tertial: "tertialet"
            case .quarter: "kvartalet"
            }
        }
    }

    /// The year, when the text names one.
    public let year: Int?
    /// What the year is divided into.
    public let kind: Kind
    /// Which part, from 1.
    public let index: Int

    /// Parses the last word of `text` (after `-` or a space) as `H1`–`H2`, `T1`–`T3`, `Q1`–`Q4` or
    /// `K1`–`K4`, and the word before it as the year if it has four digits.
    public init?(_ text: String) {
        let words = text.split(whereSeparator: { $0 == "-" || $0 == " " })
        guard let last = words.last?.uppercased(), last.count == 2, let digit = last.last?.wholeNumberValue else {
            return nil
        }
        let kind: Kind
        switch last.first {
        case "H": kind = .half
        case "T": kind = .tertial
        case "Q", "K": kind = .quarter
        default: return nil
        }
        guard (1...kind.parts).contains(digit) else { return nil }
        let before = words.dropLast().last
        year = before.flatMap { $0.count == 4 && $0.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int($0) : nil }
        self.kind = kind
        self.index = digit
    }

    /// The part in Swedish words: "första halvåret", "andra tertialet", "tredje kvartalet".
    public var words: String {
        let ordinals = ["första", "andra", "tredje", "fjärde"]
        return "\(ordinals[index - 1]) \(kind.definite)"
    }

    /// The part's last day (30 June for `2024-H1`), when the text names the year.
    public var lastDay: Day? {
        guard let year else { return nil }
        let month = index * 12 / kind.parts
        return Day(year: year, month: month, day: Day.daysIn(month: month, year: year))
    }
}
