/// How often a control is performed during the year (kept apart from when it is reported).
public enum Cadence: Sendable, Hashable {
    /// Every month (*Månadsvis*), e.g. the log check.
    case monthly
    /// Once per tertial (*Per tertial*).
    case tertial
    /// Once per quarter (*Kvartalsvis*).
    case quarterly
    /// Twice a year (*Halvårsvis*).
    case halfYearly
    /// Once a year (*Årligen*).
    case yearly
    /// A number of times a year without fixed dates (*3 ggr/år*).
    case timesPerYear(Int)
    /// On given dates (*15 feb, 15 maj och 15 okt*).
    case dates([Day])

    /// Parses `monthly`, `tertial`, `quarterly`, `half-yearly`, `yearly`, `3/year`
    /// (also Swedish: `månadsvis`, `kvartalsvis`, `årligen`, `3 ggr/år`) or dates
    /// separated by commas (`2023-02-15,2023-05-15`). `nil` when none fits.
    public init?(_ text: String) {
        let word = text.trimmingASCIIWhitespace().nfc.lowercased()
        switch word {
        case "monthly", "månadsvis", "varje månad": self = .monthly
        case "tertial", "per tertial", "tertialvis": self = .tertial
        case "quarterly", "kvartalsvis", "per kvartal": self = .quarterly
        case "half-yearly", "halvårsvis", "per halvår", "2/year", "2 ggr/år": self = .halfYearly
        case "yearly", "årligen", "årsvis", "1/year", "1 gång/år": self = .yearly
        default:
            for suffix in ["/year", " ggr/år", " gånger/år", " ggr per år", " gånger per år"]
            where word.hasSuffix(suffix) {
                if let count = Int(word.dropLast(suffix.count).trimmingASCIIWhitespace()), count >= 1 {
                    self =
                        count == 12 ? .monthly : count == 1 ? .yearly : count == 2 ? .halfYearly : .timesPerYear(count)
                    return
                }
            }
            let parts = word.split(separator: ",").map { $0.trimmingASCIIWhitespace() }
            let days = parts.compactMap { Day($0) }
            guard !parts.isEmpty, days.count == parts.count else { return nil }
            self = .dates(days.sorted())
        }
    }

    /// The stored form, which ``init(_:)`` reads back.
    public var token: String {
        switch self {
        case .monthly: "monthly"
        case .tertial: "tertial"
        case .quarterly: "quarterly"
        case .halfYearly: "half-yearly"
        case .yearly: "yearly"
        case .timesPerYear(let count): "\(count)/year"
        case .dates(let days): days.map(\.description).joined(separator: ",")
        }
    }

    /// The Swedish wording for tables and the appendix.
    public var swedishLabel: String {
        switch self {
        case .monthly: "Månadsvis"
        case .tertial: "Per tertial"
        case .quarterly: "Kvartalsvis"
        case .halfYearly: "Halvårsvis"
        case .yearly: "Årligen"
        case .timesPerYear(let count): "\(count) ggr/år"
        case .dates(let days): SwedishText.list(days.map(SwedishText.dayAndMonth))
        }
    }
}

extension Cadence: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeLeniently(
            expected: "a cadence (monthly, tertial, quarterly, half-yearly, yearly, N/year or dates YYYY-MM-DD,…)",
            fallback: .yearly
        ) { Cadence($0) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(token)
    }
}
