import Foundation

/// One level of a plan's signal scale, e.g. green "Kontrollen är genomförd utan anmärkning…".
///
/// Assessments in the journal name a level by its ``id``, which never changes once the level is
/// used: the label, name and colour may be reworded at any time without orphaning them.
public struct SignalLevel: Sendable, Hashable, Codable {
    /// What an assessment names, e.g. `green` or `utan-anmarkning`; stable.
    public var id: String
    /// The mark's colour in the appendix, `#RRGGBB`, when the plan gives one; else it follows from
    /// the level's rank in its scale (``SignalScale/colour(of:)``), so a level added below the
    /// standard three never takes the red meant for "not done" because of where it was added.
    public var colour: String?
    /// The Swedish text of the legend.
    public var label: String
    /// A short Swedish name printed beside the dot, so the signal reads without colour: "Grön".
    public var name: String?
    /// Whether the summary sentence counts this level as "utan anmärkning eller med försumbar
    /// anmärkning". When no level of a scale says so, the first level counts.
    public var countsAsWithoutRemark: Bool

    /// Creates a level.
    public init(
        id: String, colour: String? = nil, label: String, name: String? = nil, countsAsWithoutRemark: Bool = false
    ) {
        self.id = id
        self.colour = colour
        self.label = label
        self.name = name
        self.countsAsWithoutRemark = countsAsWithoutRemark
    }

    /// The short name, or the id when the plan gives none.
    public var displayName: String { name ?? id }

    private enum CodingKeys: String, CodingKey { case id, colour, label, name, countsAsWithoutRemark }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        colour = try container.decodeIfPresent(String.self, forKey: .colour)
        label = try container.decode(String.self, forKey: .label)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        countsAsWithoutRemark = try container.decodeIfPresent(Bool.self, forKey: .countsAsWithoutRemark) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(colour, forKey: .colour)
        try container.encode(label, forKey: .label)
        try container.encodeIfPresent(name, forKey: .name)
        if countsAsWithoutRemark { try container.encode(true, forKey: .countsAsWithoutRemark) }
    }
}

/// The ordered levels a committee uses to assess its controls, best first: the standard three
/// or the committee's own, any number of them.
public struct SignalScale: Sendable, Hashable, Codable {
    /// The levels, best first.
    public var levels: [SignalLevel]

    /// Creates a scale.
    public init(levels: [SignalLevel]) { self.levels = levels }

    /// The three levels of DESIGN.md: green, yellow, red. The colours differ in lightness too
    /// (dark green, light amber, mid red: at least 1.8:1 apart), so greyscale print and red-green
    /// colour-blind readers tell them apart; the appendix also gives each level its own shape.
    public static let standard = SignalScale(levels: [
        SignalLevel(
            id: "green", colour: "#1b5e20",
            label: "Kontrollen är genomförd utan anmärkning/med försumbar anmärkning", name: "Grön"),
        SignalLevel(id: "yellow", colour: "#f9a825", label: "Kontrollen är genomförd med anmärkning", name: "Gul"),
        SignalLevel(id: "red", colour: "#e53935", label: "Kontrollen är inte genomförd", name: "Röd"),
    ])

    /// The colours a level without its own takes, from best to worst: dark green, light green,
    /// amber, orange, red. They differ in lightness as well as hue.
    public static let rankColours = ["#1b5e20", "#7cb342", "#f9a825", "#ef6c00", "#e53935"]

    /// The colour of the level at `position` (from 0, best first) of a scale of `count` levels, by
    /// its meaning: the best is dark green, the worst red, the standard three are green, amber and
    /// red, and levels between take the colours between.
    public static func rankColour(position: Int, count: Int) -> String {
        let stops = rankColours
        guard count > 1 else { return stops[0] }
        let chosen: [Int]
        switch count {
        case 2: chosen = [0, 4]
        case 3: chosen = [0, 2, 4]
        case 4: chosen = [0, 1, 2, 4]
        case 5: chosen = [0, 1, 2, 3, 4]
        default:
            let clamped = min(max(position, 0), count - 1)
            return stops[Int((Double(clamped) * 4 / Double(count - 1)).rounded())]
        }
        return stops[chosen[min(max(position, 0), count - 1)]]
    }

    /// The colour `level` is drawn in: its own, else the one its rank in this scale gives
    /// (``rankColour(position:count:)``); a level not in the scale is drawn as the worst.
    public func colour(of level: SignalLevel) -> String {
        if let colour = level.colour { return colour }
        let position = levels.firstIndex { $0.id.lowercased() == level.id.lowercased() } ?? levels.count
        return Self.rankColour(position: position, count: max(levels.count, position + 1))
    }

    /// The level with an id, ignoring case; `nil` when the scale has none.
    public func level(_ id: String) -> SignalLevel? {
        levels.first { $0.id.lowercased() == id.lowercased() }
    }

    /// How an assessment's level reads: the level's short name (or its id), or the id itself when
    /// the scale no longer has it.
    public func name(of id: String) -> String { level(id)?.displayName ?? id }

    /// The level a user means by `words`, ignoring case and surrounding spaces: the level with that
    /// id, else that name, else that label, else whose id or name is that colour in Swedish or
    /// English (`grön`, `gul`, `röd`, `green` …), else whose name or label starts with the words
    /// (`försumbar` for "Försumbar anmärkning"). `nil` when none fits, or several fit equally.
    public func level(matching words: String) -> SignalLevel? {
        let key = Self.key(words)
        guard !key.isEmpty else { return nil }
        let stages: [(SignalLevel) -> Bool] = [
            { Self.key($0.id) == key },
            { $0.name.map(Self.key) == key },
            { Self.key($0.label) == key },
            { level in
                Self.colourWords.contains { $0.contains(key) && !Set($0).isDisjoint(with: Self.names(of: level)) }
            },
            { level in [level.name, level.label].compactMap { $0 }.map(Self.key).contains { $0.hasPrefix(key) } },
        ]
        for matches in stages {
            let found = levels.filter(matches)
            if found.count == 1 { return found[0] }
            if found.count > 1 { return nil }
        }
        return nil
    }

    /// The words each level answers to, for messages: `green (grön, Grön)`.
    public var choices: String {
        levels.map { level in
            let other = [level.name].compactMap { $0 }.filter { Self.key($0) != Self.key(level.id) }
            return other.isEmpty ? level.id : "\(level.id) (\(other.joined(separator: ", ")))"
        }.joined(separator: ", ")
    }

    /// The levels the summary sentence counts as "utan anmärkning eller med försumbar anmärkning":
    /// those marked so, or the first when none is.
    public var withoutRemark: [SignalLevel] {
        let marked = levels.filter(\.countsAsWithoutRemark)
        return marked.isEmpty ? Array(levels.prefix(1)) : marked
    }

    /// Whether an assessment at this level counts as "utan anmärkning eller med försumbar anmärkning".
    public func countsAsWithoutRemark(_ id: String) -> Bool {
        withoutRemark.contains { $0.id.lowercased() == id.lowercased() }
    }

    /// A new level's id made from its label: lower case ASCII letters and digits joined by `-`
    /// (`utan-anmarkning`), unique in the scale.
    public func newID(for label: String) -> String {
        let folded = label.nfc.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
        let base = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.prefix(4).joined(separator: "-")
        let stem = base.isEmpty ? "niva" : base
        var id = stem
        var number = 2
        while level(id) != nil {
            id = "\(stem)-\(number)"
            number += 1
        }
        return id
    }

    static func key(_ text: String) -> String {
        text.trimmingASCIIWhitespace().nfc.lowercased()
    }

    /// Colour words in Swedish and English, for levels whose id or name is a colour.
    private static let colourWords: [[String]] = [
        ["green", "grön", "gron"], ["yellow", "gul"], ["red", "röd", "rod"], ["orange"], ["blue", "blå"],
        ["grey", "gray", "grå"],
    ]

    private static func names(of level: SignalLevel) -> Set<String> {
        Set([level.id, level.name].compactMap { $0 }.map(key))
    }

    public init(from decoder: any Decoder) throws {
        levels = try decoder.singleValueContainer().decode([SignalLevel].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(levels)
    }
}
