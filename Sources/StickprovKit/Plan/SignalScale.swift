/// One level of a plan's signal scale, e.g. green "Kontrollen är genomförd utan anmärkning…".
public struct SignalLevel: Sendable, Hashable, Codable {
    /// What an assessment names, e.g. `green`.
    public var id: String
    /// The dot's colour in the appendix, `#RRGGBB`.
    public var colour: String
    /// The Swedish text of the legend.
    public var label: String
    /// A short Swedish name printed beside the dot, so the signal reads without colour: "Grön".
    public var name: String?

    /// Creates a level.
    public init(id: String, colour: String, label: String, name: String? = nil) {
        self.id = id
        self.colour = colour
        self.label = label
        self.name = name
    }

    /// The short name, or the id when the plan gives none.
    public var displayName: String { name ?? id }
}

/// The ordered levels a committee uses to assess its controls, best first.
public struct SignalScale: Sendable, Hashable, Codable {
    /// The levels, best first; the first counts as "utan anmärkning" in the summary sentence.
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

    /// The level with an id, ignoring case; `nil` when the scale has none.
    public func level(_ id: String) -> SignalLevel? {
        levels.first { $0.id.lowercased() == id.lowercased() }
    }

    /// How an assessment's level reads: the level's short name (or its id), or the id itself when
    /// the scale no longer has it.
    public func name(of id: String) -> String { level(id)?.displayName ?? id }

    public init(from decoder: any Decoder) throws {
        levels = try decoder.singleValueContainer().decode([SignalLevel].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(levels)
    }
}
