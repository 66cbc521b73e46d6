/// Identifies a draw in a plan's journal: the control point's id, a dash and the draw's
/// number for that control, e.g. `K1-3` for the third log check. A draw shared by several
/// control points joins their ids with `+` (`K13+K14-1`); ids never hold `+`, so it is unique.
public struct DrawID: PlanIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// Everything a draw leaves in the journal — enough for an auditor to re-perform it
/// with the population file and `sha256sum`, and nothing of the population beyond the
/// sampled keys and the columns the user chose to carry.
public struct DrawRecord: Sendable, Hashable, Codable {
    /// The draw's id, e.g. `K3-1`.
    public var id: DrawID
    /// The control point the draw belongs to (the first, for a draw shared by several).
    public var control: ControlID
    /// The other control points of the same area that share this sample, in the order given
    /// (`nil` for a draw of one control point, so older journal lines read unchanged).
    public var sharedWith: [ControlID]? = nil
    /// The sampling algorithm, `sha256-rank-v1`.
    public var algorithm: String
    /// The seed exactly as ranks use it.
    public var seed: Seed
    /// Whether the tool generated the seed (otherwise the user gave it).
    public var isSeedGenerated: Bool
    /// The rule the draw followed (size, key, stratum and carried columns).
    public var rule: SampleRule
    /// The period the draw covers as the user names it, e.g. `2023-03` or `2023-02-15`.
    public var period: String
    /// The day the draw was made.
    public var date: Day
    /// What was drawn from.
    public var population: PopulationSummary
    /// The week of a log check.
    public var week: ISOWeek?
    /// The sampled items, part after part, each in rank order.
    public var items: [DrawnItem]
    /// Replacements in rank order after the sample, for items that cannot be reviewed.
    public var spares: [DrawnItem]
    /// An earlier draw this one extends (same seed and population, larger size).
    public var extends: DrawID?
    /// What the user was told (whole population taken, absent strata …).
    public var notices: [String]
    /// The figures of an amount-weighted draw (`sha256-pps-v1`), which an estimate needs.
    public var amounts: AmountDrawSummary? = nil

    /// Creates a record.
    public init(
        id: DrawID, control: ControlID, seed: Seed, isSeedGenerated: Bool, rule: SampleRule, period: String,
        date: Day, population: PopulationSummary, week: ISOWeek? = nil, items: [DrawnItem], spares: [DrawnItem] = [],
        extends: DrawID? = nil, notices: [String] = []
    ) {
        self.id = id
        self.control = control
        self.algorithm = Sampler.algorithm
        self.seed = seed
        self.isSeedGenerated = isSeedGenerated
        self.rule = rule
        self.period = period
        self.date = date
        self.population = population
        self.week = week
        self.items = items
        self.spares = spares
        self.extends = extends
        self.notices = notices
    }
}

extension DrawRecord {
    /// Every control point the sample is for: ``control`` first, then ``sharedWith``.
    public var controls: [ControlID] { [control] + (sharedWith ?? []) }

    /// Whether several control points share the sample.
    public var isShared: Bool { !(sharedWith ?? []).isEmpty }

    /// The draw as one of its control points sees it: the same record with `point` as its
    /// ``control`` and the others in ``sharedWith``, so every count of that point's results reads
    /// the shared draw exactly as a draw of its own. A draw of one point is returned as it is.
    public func viewed(as point: ControlID) -> DrawRecord {
        guard isShared, point != control, controls.contains(point) else { return self }
        var view = self
        view.control = point
        view.sharedWith = controls.filter { $0 != point }
        return view
    }
}

/// The population a draw was made from: its file's name, size and fingerprint — never its rows.
public struct PopulationSummary: Sendable, Hashable, Codable {
    /// The file's name (without folders), to help find it again.
    public var file: String
    /// How many items it had.
    public var count: Int
    /// SPEC.md §9 fingerprint; `verify` recomputes it from the file.
    public var fingerprint: String
    /// Items per stratum, for stratified draws.
    public var strata: [String: Int]?
    /// The file's own SHA-256 and size, to check with `sha256sum` before re-performing.
    public var fileDigest: PopulationFile? = nil

    /// Creates a summary.
    public init(file: String, count: Int, fingerprint: String, strata: [String: Int]? = nil) {
        self.file = file
        self.count = count
        self.fingerprint = fingerprint
        self.strata = strata
    }
}

/// What an amount-weighted draw records besides its items (SPEC.md §14).
public struct AmountDrawSummary: Sendable, Hashable, Codable {
    /// The amount column as the file writes it.
    public var column: String
    /// Number and sum of the drawable items (amount > 0).
    public var drawable: AmountTally
    /// Number and sum of the items left out for an amount ≤ 0.
    public var leftOut: AmountTally
    /// The threshold C of certain items.
    public var certainFrom: Amount?
    /// Number and sum of the certain items.
    public var certain: AmountTally
    /// Number and sum of the rest, the part drawn by priority.
    public var rest: AmountTally
    /// τ as `(H + 1, a)`; `nil` when every item of the rest was drawn.
    public var threshold: AmountThreshold?

    /// Creates a summary from a sample.
    public init(column: String, sample: AmountSample) {
        self.column = column
        drawable = sample.drawable
        leftOut = sample.leftOut
        certainFrom = sample.certainFrom
        certain = sample.certainTally
        rest = sample.restTally
        threshold = sample.threshold
    }
}

/// One sampled item: its key, its stratum, and the carried columns' values.
public struct DrawnItem: Sendable, Hashable, Codable {
    /// The item's key.
    public var key: String
    /// The item's stratum, for stratified draws.
    public var stratum: String?
    /// Carried column values by column name.
    public var carried: [String: String]
    /// The booked amount, for amount-weighted draws.
    public var amount: Amount?
    /// Whether the item was taken for certain (amount ≥ C) rather than drawn.
    public var isCertain: Bool

    /// Creates an item.
    public init(
        key: String, stratum: String? = nil, carried: [String: String] = [:], amount: Amount? = nil,
        isCertain: Bool = false
    ) {
        self.key = key
        self.stratum = stratum
        self.carried = carried
        self.amount = amount
        self.isCertain = isCertain
    }

    private enum CodingKeys: String, CodingKey { case key, stratum, carried, amountOre, certain }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        stratum = try container.decodeIfPresent(String.self, forKey: .stratum)
        carried = try container.decodeIfPresent([String: String].self, forKey: .carried) ?? [:]
        amount = try container.decodeIfPresent(Amount.self, forKey: .amountOre)
        isCertain = try container.decodeIfPresent(Bool.self, forKey: .certain) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encodeIfPresent(stratum, forKey: .stratum)
        if !carried.isEmpty { try container.encode(carried, forKey: .carried) }
        try container.encodeIfPresent(amount, forKey: .amountOre)
        if isCertain { try container.encode(true, forKey: .certain) }
    }
}
