/// What is checked for a risk (*Vad kontrolleras?*), how, how often and by whom.
public struct ControlPoint: Sendable, Hashable, Codable {
    /// The control point's id, unique in the plan, e.g. `K1` or `CENT 1`.
    public var id: ControlID
    /// What is checked, as the appendix prints it.
    public var text: String
    /// How it is checked.
    public var method: MethodKind
    /// The appendix's *Metod* text when it says more than the method's own label,
    /// e.g. "Kontroll av antal e-ansökningar".
    public var methodLabel: String?
    /// How often the control is performed, when the plan says.
    public var cadence: Cadence?
    /// When it is reported.
    public var followUp: FollowUp
    /// Who follows it up (*uppföljningsansvarig*), a role rather than a person.
    public var responsible: String?
    /// How items are drawn, for methods that draw.
    public var sampleRule: SampleRule?
    /// The kinds of remark reviewers choose from, e.g. "Kommunicering ej dokumenterad".
    /// Other kinds are accepted too; these fix the spelling the statistics group by.
    public var remarkKinds: [String]
    /// What the items are called in the appendix's sentences, e.g. "en utredning/utredningar"
    /// (default "ett ärende/ärenden").
    public var itemNoun: Noun?
    /// What the officers are called, e.g. "en socialsekreterare/socialsekreterare"
    /// (default "en handläggare/handläggare").
    public var officerNoun: Noun?
    /// Whether reviewers' notes on this control's items may hold a personnummer (they are
    /// refused otherwise). Remark kinds and the appendix refuse them regardless.
    public var allowsPersonalDataInNotes: Bool

    /// Creates a control point.
    public init(
        id: ControlID, text: String, method: MethodKind, methodLabel: String? = nil, cadence: Cadence? = nil,
        followUp: FollowUp = .both, responsible: String? = nil, sampleRule: SampleRule? = nil, remarkKinds: [String] = [],
        itemNoun: Noun? = nil, officerNoun: Noun? = nil, allowsPersonalDataInNotes: Bool = false
    ) {
        self.id = id
        self.text = text
        self.method = method
        self.methodLabel = methodLabel
        self.cadence = cadence
        self.followUp = followUp
        self.responsible = responsible
        self.sampleRule = sampleRule
        self.remarkKinds = remarkKinds
        self.itemNoun = itemNoun
        self.officerNoun = officerNoun
        self.allowsPersonalDataInNotes = allowsPersonalDataInNotes
    }

    private enum CodingKeys: String, CodingKey {
        case id, text, method, methodLabel, cadence, followUp, responsible, sampleRule, remarkKinds, itemNoun, officerNoun,
            allowsPersonalDataInNotes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ControlID.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        method = try container.decode(MethodKind.self, forKey: .method)
        methodLabel = try container.decodeIfPresent(String.self, forKey: .methodLabel)
        cadence = try container.decodeIfPresent(Cadence.self, forKey: .cadence)
        followUp = try container.decodeIfPresent(FollowUp.self, forKey: .followUp) ?? .both
        responsible = try container.decodeIfPresent(String.self, forKey: .responsible)
        sampleRule = try container.decodeIfPresent(SampleRule.self, forKey: .sampleRule)
        remarkKinds = try container.decodeIfPresent([String].self, forKey: .remarkKinds) ?? []
        itemNoun = try container.decodeIfPresent(Noun.self, forKey: .itemNoun)
        officerNoun = try container.decodeIfPresent(Noun.self, forKey: .officerNoun)
        allowsPersonalDataInNotes = try container.decodeIfPresent(Bool.self, forKey: .allowsPersonalDataInNotes) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encode(method, forKey: .method)
        try container.encodeIfPresent(methodLabel, forKey: .methodLabel)
        try container.encodeIfPresent(cadence, forKey: .cadence)
        try container.encode(followUp, forKey: .followUp)
        try container.encodeIfPresent(responsible, forKey: .responsible)
        try container.encodeIfPresent(sampleRule, forKey: .sampleRule)
        if !remarkKinds.isEmpty { try container.encode(remarkKinds, forKey: .remarkKinds) }
        try container.encodeIfPresent(itemNoun, forKey: .itemNoun)
        try container.encodeIfPresent(officerNoun, forKey: .officerNoun)
        if allowsPersonalDataInNotes { try container.encode(true, forKey: .allowsPersonalDataInNotes) }
    }

    /// The *Metod* text the appendix prints.
    public var methodText: String { methodLabel ?? method.swedishLabel }
}
