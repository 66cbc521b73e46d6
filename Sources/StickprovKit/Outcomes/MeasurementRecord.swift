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
    /// A comment; never personal data.
    public var note: String?

    /// Creates a measurement.
    public init(control: ControlID, value: Measure, unit: String, target: Measure? = nil, date: Day, note: String? = nil) {
        self.control = control
        self.value = value
        self.unit = unit
        self.target = target
        self.date = date
        self.note = note
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

    public static func < (a: Measure, b: Measure) -> Bool { a.tenThousandths < b.tenThousandths }

    /// What the text looks like, for decoding errors.
    public static let textForm = "a number"
}
