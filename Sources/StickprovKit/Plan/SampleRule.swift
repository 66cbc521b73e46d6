/// How many items a sampling control draws, and from which columns of the population.
public struct SampleRule: Sendable, Hashable {
    /// The size of the draw.
    public var size: SampleSize
    /// The population column holding the key (case number, user id), when the plan remembers it.
    public var keyColumn: String?
    /// The population column holding the stratum, for stratified rules.
    public var stratumColumn: String?
    /// Population columns carried into the sample list (e.g. officer, unit); never personal ids.
    public var carry: [String]
    /// Log check: the officer list's column naming each officer's unit (carried with the draw).
    public var unitColumn: String?
    /// Log check: the officer list's column naming each officer's manager, by whom extracts are grouped.
    public var managerColumn: String?
    /// Log check: the access-log export's column holding the user id.
    public var logUserColumn: String?
    /// Log check: the access-log export's column holding the time of each event.
    public var logTimeColumn: String?
    /// Amount-weighted draw (`sha256-pps-v1`): the population column holding each item's amount in kronor.
    public var amountColumn: String? = nil
    /// Amount-weighted draw: items of this amount or more are taken for certain (SPEC.md §13).
    public var certainFrom: Amount? = nil

    /// Creates a rule.
    public init(
        size: SampleSize, keyColumn: String? = nil, stratumColumn: String? = nil, carry: [String] = [],
        unitColumn: String? = nil, managerColumn: String? = nil, logUserColumn: String? = nil,
        logTimeColumn: String? = nil
    ) {
        self.size = size
        self.keyColumn = keyColumn
        self.stratumColumn = stratumColumn
        self.carry = carry
        self.unitColumn = unitColumn
        self.managerColumn = managerColumn
        self.logUserColumn = logUserColumn
        self.logTimeColumn = logTimeColumn
    }
}

/// The size part of a sample rule.
public enum SampleSize: Sendable, Hashable {
    /// A fixed number of items, e.g. 25 investigations.
    case count(Int)
    /// A share of the population, e.g. 5 %.
    case percent(Percentage)
    /// Per-stratum rules, e.g. 5 % of SoL home care, 25 % of LSS decisions.
    case strata([StratumRule])
    /// The monthly log check: this many users and one ISO week (SPEC.md §7).
    case logCheck(users: Int)

    /// Swedish description for tables: "25 st", "5 %", "Hemtjänst SoL 5 %, LSS 25 %".
    public var swedishDescription: String {
        switch self {
        case .count(let count): "\(count) st"
        case .percent(let percent): "\(percent.swedish) %"
        case .strata(let rules): rules.map(\.swedishDescription).joined(separator: ", ")
        case .logCheck(let users): "\(users) handläggare och en vecka per månad"
        }
    }
}

/// The rule for one stratum of a stratified draw, written `LSS=25%` or `Annat=3`.
public struct StratumRule: Sendable, Hashable, Codable {
    /// The stratum's value in the stratum column.
    public var stratum: String
    /// A count or a percentage; strata rules never nest.
    public var size: StratumSize

    /// Creates a stratum rule.
    public init(stratum: String, size: StratumSize) {
        self.stratum = stratum
        self.size = size
    }

    /// Parses `NAME=25%`, `NAME=12,5 %` or `NAME=3`, splitting at the last `=`.
    public init?(_ text: String) {
        guard let equals = text.lastIndex(of: "=") else { return nil }
        let name = text[..<equals].trimmingASCIIWhitespace().nfc
        let value = text[text.index(after: equals)...].trimmingASCIIWhitespace()
        guard !name.isEmpty else { return nil }
        if value.hasSuffix("%") {
            guard let percent = Percentage(value) else { return nil }
            self.init(stratum: name, size: .percent(percent))
        } else {
            guard let count = Int(value) else { return nil }
            self.init(stratum: name, size: .count(count))
        }
    }

    /// The form ``init(_:)`` reads: `LSS=25%`.
    public var token: String {
        switch size {
        case .count(let count): "\(stratum)=\(count)"
        case .percent(let percent): "\(stratum)=\(percent)%"
        }
    }

    var swedishDescription: String {
        switch size {
        case .count(let count): "\(stratum) \(count) st"
        case .percent(let percent): "\(stratum) \(percent.swedish) %"
        }
    }

    private enum CodingKeys: String, CodingKey { case stratum, count, percent }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stratum = try container.decode(String.self, forKey: .stratum)
        if let count = try container.decodeIfPresent(Int.self, forKey: .count) {
            size = .count(count)
        } else if let percent = try container.decodeIfPresent(Percentage.self, forKey: .percent) {
            size = .percent(percent)
        } else {
            throw DecodingError.keyNotFound(
                CodingKeys.count,
                .init(codingPath: decoder.codingPath, debugDescription: "give count or percent"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stratum, forKey: .stratum)
        switch size {
        case .count(let count): try container.encode(count, forKey: .count)
        case .percent(let percent): try container.encode(percent, forKey: .percent)
        }
    }
}

/// A stratum's size: a count or a percentage.
public enum StratumSize: Sendable, Hashable {
    /// A fixed number of items from the stratum.
    case count(Int)
    /// A share of the stratum.
    case percent(Percentage)
}

extension SampleRule: Codable {
    private enum CodingKeys: String, CodingKey {
        case count, percent, strata, logCheckUsers, keyColumn, stratumColumn, carry
        case unitColumn, managerColumn, logUserColumn, logTimeColumn, amountColumn, certainFrom
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var sizes: [SampleSize] = []
        if let count = try container.decodeIfPresent(Int.self, forKey: .count) { sizes.append(.count(count)) }
        if let percent = try container.decodeIfPresent(Percentage.self, forKey: .percent) {
            sizes.append(.percent(percent))
        }
        if let strata = try container.decodeIfPresent([StratumRule].self, forKey: .strata) {
            sizes.append(.strata(strata))
        }
        if let users = try container.decodeIfPresent(Int.self, forKey: .logCheckUsers) {
            sizes.append(.logCheck(users: users))
        }
        if sizes.count != 1 {
            try decoder.reportIssue("give exactly one of count, percent, strata, logCheckUsers")
        }
        size = sizes.first ?? .count(1)
        keyColumn = try container.decodeIfPresent(String.self, forKey: .keyColumn)
        stratumColumn = try container.decodeIfPresent(String.self, forKey: .stratumColumn)
        carry = try container.decodeIfPresent([String].self, forKey: .carry) ?? []
        unitColumn = try container.decodeIfPresent(String.self, forKey: .unitColumn)
        managerColumn = try container.decodeIfPresent(String.self, forKey: .managerColumn)
        logUserColumn = try container.decodeIfPresent(String.self, forKey: .logUserColumn)
        logTimeColumn = try container.decodeIfPresent(String.self, forKey: .logTimeColumn)
        amountColumn = try container.decodeIfPresent(String.self, forKey: .amountColumn)
        if let text = try container.decodeIfPresent(String.self, forKey: .certainFrom) {
            certainFrom = Amount(text)
            if certainFrom == nil { try decoder.reportIssue("certainFrom '\(text)' is not an amount in kronor") }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch size {
        case .count(let count): try container.encode(count, forKey: .count)
        case .percent(let percent): try container.encode(percent, forKey: .percent)
        case .strata(let rules): try container.encode(rules, forKey: .strata)
        case .logCheck(let users): try container.encode(users, forKey: .logCheckUsers)
        }
        try container.encodeIfPresent(keyColumn, forKey: .keyColumn)
        try container.encodeIfPresent(stratumColumn, forKey: .stratumColumn)
        if !carry.isEmpty { try container.encode(carry, forKey: .carry) }
        try container.encodeIfPresent(unitColumn, forKey: .unitColumn)
        try container.encodeIfPresent(managerColumn, forKey: .managerColumn)
        try container.encodeIfPresent(logUserColumn, forKey: .logUserColumn)
        try container.encodeIfPresent(logTimeColumn, forKey: .logTimeColumn)
        try container.encodeIfPresent(amountColumn, forKey: .amountColumn)
        try container.encodeIfPresent(certainFrom?.description, forKey: .certainFrom)
    }
}
