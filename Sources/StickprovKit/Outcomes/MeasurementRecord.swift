/// A measured key figure for a control point without a sample, e.g. the share of
/// e-applications (48 % per 2023-12-31, target 50 %).
public struct MeasurementRecord: Sendable, Hashable, Codable {
    /// The control point measured.
    public var control: ControlID
    /// The value.
    public var value: Measure
    /// The unit as the report writes it: `%`, `st`, `dagar` …
    public var unit: String
    /// The target, when there is one.
    public var target: Measure?
    /// The day the value holds for.
    public var date: Day
    /// A comment; never personal data. The appendix prints it.
    public var note: String?
    /// For a count, what it is a count of: 324 *of 1 422* invited.
    public var of: Measure?
    /// What the denominator counts, e.g. "inbjudna".
    public var ofWhat: String?

    /// Creates a measurement.
    public init(
        control: ControlID, value: Measure, unit: String, target: Measure? = nil, date: Day, note: String? = nil,
        of: Measure? = nil, ofWhat: String? = nil
    ) {
        self.control = control
        self.value = value
        self.unit = unit
        self.target = target
        self.date = date
        self.note = note
        self.of = of
        self.ofWhat = ofWhat
    }

    /// What the measurement is: a share (unit `%`), a count (`st`, `antal`, or any value with a
    /// denominator), or another value (days, kronor …).
    public var kind: Kind {
        let unit = unit.trimmingASCIIWhitespace().nfc.lowercased()
        if unit == "%" || unit == "procent" { return .share }
        if of != nil || ["st", "st.", "antal", "stycken"].contains(unit) { return .count }
        return .value
    }

    /// What a measurement is, for the word that introduces it (*Andelen*, *Antalet*, *Värdet*).
    public enum Kind: Sendable, Equatable {
        /// A percentage.
        case share
        /// A number of things.
        case count
        /// Anything else.
        case value
    }
}

/// A measured number, kept exactly as a decimal with up to four decimals (`48`, `37,5`).
public struct Measure: Sendable, Hashable, Comparable, TextCodable {
    /// The value times 10,000.
    public let tenThousandths: Int

    /// Parses `48`, `-3`, `37.5` or `37,5` (at most four decimals).
    public init?(_ text: String) {
        var text = text.trimmingASCIIWhitespace().replacingOccurrences(of: " ", with: "")
        let isNegative = text.hasPrefix("-")
        if isNegative || text.hasPrefix("+") { text.removeFirst() }
        let parts = text.split(separator: text.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 12,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts.count == 1 || (1...4).contains(parts[1].count),
            let whole = Int(parts[0])
        else { return nil }
        let fraction = parts.count == 2 ? Int(parts[1].padding(toLength: 4, withPad: "0", startingAt: 0)) ?? 0 : 0
        tenThousandths = (whole * 10_000 + fraction) * (isNegative ? -1 : 1)
    }

    /// The shortest decimal form with a point: `48`, `37.5`.
    public var description: String {
        let sign = tenThousandths < 0 ? "-" : ""
        let magnitude = abs(tenThousandths)
        var fraction = String(magnitude % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + "\(magnitude / 10_000)" + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// The Swedish form with a decimal comma: `37,5`.
    public var swedish: String { description.replacingOccurrences(of: ".", with: ",") }

    /// The Swedish form with thousands set apart by a space, as reports print them: `1 422`, `37,5`.
    public var swedishGrouped: String {
        let parts = swedish.split(separator: ",", maxSplits: 1).map(String.init)
        var whole = parts[0]
        let sign = whole.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { whole.removeFirst() }
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole.removeLast(3)
        }
        groups.insert(whole, at: 0)
        return sign + groups.joined(separator: " ") + (parts.count > 1 ? "," + parts[1] : "")
    }

    /// The value as a Double, for shares.
    public var doubleValue: Double { Double(tenThousandths) / 10_000 }

    public static func < (a: Measure, b: Measure) -> Bool { a.tenThousandths < b.tenThousandths }

    /// What the text looks like, for decoding errors.
    public static let textForm = "a number"
}
