/// A percentage with at most two decimals, held exactly as hundredths of a percent.
///
/// SPEC.md §4 computes sample sizes in integers from this value, so it is never a
/// floating-point number: `12.5` is stored as `1250`.
public struct Percentage: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value times 100 (`5 %` is 500).
    public let hundredths: Int

    /// Creates a percentage from hundredths of a percent.
    public init(hundredths: Int) { self.hundredths = hundredths }

    /// Parses `5`, `12.5`, `12,5`, `0.01` or `5%`; `nil` for anything else, including
    /// more than two decimals or a sign.
    public init?(_ text: String) {
        var text = Substring(text.trimmingASCIIWhitespace())
        if text.hasSuffix("%") { text = Substring(text.dropLast().trimmingASCIIWhitespace()) }
        let separator = text.firstIndex { $0 == "." || $0 == "," }
        let whole = separator.map { text[..<$0] } ?? text
        let fraction = separator.map { text[text.index(after: $0)...] } ?? ""
        guard !whole.isEmpty || !fraction.isEmpty, fraction.count <= 2,
            (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber }),
            whole.count <= 9
        else { return nil }
        if separator != nil && fraction.isEmpty { return nil }
        let wholeValue = Int(whole) ?? 0
        let fractionValue = Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0
        self.hundredths = wholeValue * 100 + fractionValue
    }

    /// The shortest decimal form with a point: `5`, `12.5`, `0.01`.
    public var description: String {
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)" }
        return "\(whole).\(Day.twoDigits(fraction))"
    }

    /// The Swedish form with a decimal comma, e.g. `12,5`.
    public var swedish: String { description.replacingOccurrences(of: ".", with: ",") }

    public static func < (a: Percentage, b: Percentage) -> Bool { a.hundredths < b.hundredths }
}

extension Percentage: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self), !(try container.decodeIfPresentString()) {
            let scaled = (number * 100).rounded()
            if abs(number * 100 - scaled) < 1e-6, abs(scaled) < 1e11 {
                self.init(hundredths: Int(scaled))
                return
            }
        }
        self = try decoder.decodeLeniently(
            expected: "a percentage with at most two decimals", fallback: Percentage(hundredths: 0)
        ) { Percentage($0) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension SingleValueDecodingContainer {
    /// Whether the value is a JSON string (used to tell `"5"` from `5`).
    fileprivate func decodeIfPresentString() throws -> Bool { (try? decode(String.self)) != nil }
}
