/// An amount of money in whole öre, read from kronor text exactly as SPEC.md §11 says.
///
/// Amount-weighted draws compare amounts in integers, so an amount is never a floating-point
/// number: `1 234,5` is 123 450 öre.
public struct Amount: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in öre (1/100 krona); negative for credits.
    public let ore: Int64

    /// The largest amount read: a thousand billion kronor, so that sums over millions of items
    /// stay far inside 64 bits' reach of overflow checks and products with a 64-bit hash fit 128 bits.
    public static let maximumOre: Int64 = 100_000_000_000_000

    /// Wraps an amount in öre.
    public init(ore: Int64) { self.ore = ore }

    /// Parses kronor text (SPEC.md §11): every U+0020, U+00A0 and U+202F removed; an optional
    /// leading `-` or U+2212; one or more ASCII digits; optionally `,` or `.` and one or two
    /// digits. `nil` for anything else (`1.234`, `12,345`, `1e3`, `kr 12`, empty) or beyond
    /// ``maximumOre``.
    public init?(_ text: String) {
        self.init(scalarValues: text.unicodeScalars.lazy.map(\.value))
    }

    /// Parses kronor text given as its Unicode scalar values (or ASCII bytes, widened); see ``init(_:)``.
    init?<Values: Sequence>(scalarValues: Values) where Values.Element == UInt32 {
        var negative = false
        var started = false
        var separator = false
        var whole: Int64 = 0
        var wholeDigits = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        for value in scalarValues {
            switch value {
            case 0x20, 0xA0, 0x202F:
                continue
            case 0x2D, 0x2212:
                guard !started, !negative else { return nil }
                negative = true
            case 0x30...0x39:
                started = true
                let digit = Int64(value - 0x30)
                if separator {
                    guard fractionDigits < 2 else { return nil }
                    fraction = fraction * 10 + digit
                    fractionDigits += 1
                } else {
                    whole = whole * 10 + digit
                    wholeDigits += 1
                    guard whole <= Self.maximumOre / 100 else { return nil }
                }
            case 0x2C, 0x2E:
                guard wholeDigits > 0, !separator else { return nil }
                separator = true
            default:
                return nil
            }
        }
        guard wholeDigits > 0, !separator || fractionDigits > 0 else { return nil }
        let ore = whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
        guard ore <= Self.maximumOre else { return nil }
        self.ore = negative ? -ore : ore
    }

    public static func < (a: Amount, b: Amount) -> Bool { a.ore < b.ore }

    /// Kronor as a Swedish table writes them: `1 234,50`, `-250,00` (narrow spaces are not
    /// used, so the text can be typed back in).
    public var description: String {
        let magnitude = ore.magnitude
        let kronor = magnitude / 100
        let cents = magnitude % 100
        return (ore < 0 ? "-" : "") + Self.grouped(kronor) + "," + (cents < 10 ? "0" : "") + String(cents)
    }

    /// Kronor as a sentence writes them: whole kronor grouped (`10 000 000`), with öre only
    /// when there are any (`10 000 000,50`), so a figure the user typed is shown as typed.
    public var kronorText: String {
        ore % 100 == 0 ? roundedKronor : description
    }

    /// Whole kronor, rounded half away from zero, with thousands grouped: `48 000 kr` is "48 000".
    public var roundedKronor: String {
        let magnitude = (ore.magnitude + 50) / 100
        return (ore < 0 && magnitude > 0 ? "-" : "") + Self.grouped(magnitude)
    }

    /// Digits grouped by three with spaces, as Swedish writes large numbers.
    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(" ") }
            text.append(digit)
        }
        return text
    }

    public init(from decoder: any Decoder) throws {
        ore = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ore)
    }
}
