/// What is checked for a risk (*Vad kontrolleras?*), how, how often and by whom.
public struct ControlPoint: Sendable, Hashable, Codable {
    /// The control point's id, unique in the plan, e.g. `K1` or `CENT 1`.
    public var id: ControlID
    /// What is checked, as the appendix prints it.
    public var text: String
    /// How it is checked, as far as the tool needs to know (a draw, a measurement …); `nil` when
    /// the plan leaves *Metod* blank or names a method the tool does not recognise.
    public var method: MethodKind?
    /// The appendix's *Metod* text as the committee writes it, when it differs from the method's
    /// own label, e.g. "Kontroll av antal e-ansökningar" or "kontroll lön".
    public var methodLabel: String?
    /// How often the control is performed, when the plan says and the tool understands it.
    public var cadence: Cadence?
    /// The committee's own words for how often ("3 ggr/år", "Löpande", "Tertialvis"), when they
    /// differ from the cadence's own label; printed as written.
    public var cadenceLabel: String?
    /// When it is reported.
    public var followUp: FollowUp
    /// The committee's own words for when it is reported ("Delår och årsbokslut"), when they
    /// differ from the follow-up's own label; printed as written.
    public var followUpLabel: String?
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
    /// Where the control point was carried over from, when `plan init --from` carried it.
    public var previousYear: PreviousYear?
    /// The checklist each sampled item is reviewed against, e.g. the SOSFS 2014:5 criteria
    /// (``ControlPoint/sosfsCriteria``); empty when an item has one result only.
    public var criteria: [String] = []

    /// Creates a control point.
    public init(
        id: ControlID, text: String, method: MethodKind?, methodLabel: String? = nil, cadence: Cadence? = nil,
        cadenceLabel: String? = nil, followUp: FollowUp = .both, followUpLabel: String? = nil,
        responsible: String? = nil, sampleRule: SampleRule? = nil, remarkKinds: [String] = [],
        itemNoun: Noun? = nil, officerNoun: Noun? = nil, allowsPersonalDataInNotes: Bool = false
    ) {
        self.id = id
        self.text = text
        self.method = method
        self.methodLabel = methodLabel
        self.cadence = cadence
        self.cadenceLabel = cadenceLabel
        self.followUp = followUp
        self.followUpLabel = followUpLabel
        self.responsible = responsible
        self.sampleRule = sampleRule
        self.remarkKinds = remarkKinds
        self.itemNoun = itemNoun
        self.officerNoun = officerNoun
        self.allowsPersonalDataInNotes = allowsPersonalDataInNotes
    }

    private enum CodingKeys: String, CodingKey {
        case id, text, method, methodLabel, cadence, cadenceLabel, followUp, followUpLabel, responsible, sampleRule,
            remarkKinds, itemNoun, officerNoun,
            allowsPersonalDataInNotes, previousYear, criteria
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(ControlID.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        method = try container.decodeIfPresent(MethodKind.self, forKey: .method)
        methodLabel = try container.decodeIfPresent(String.self, forKey: .methodLabel)
        cadence = try container.decodeIfPresent(Cadence.self, forKey: .cadence)
        cadenceLabel = try container.decodeIfPresent(String.self, forKey: .cadenceLabel)
        followUp = try container.decodeIfPresent(FollowUp.self, forKey: .followUp) ?? .both
        followUpLabel = try container.decodeIfPresent(String.self, forKey: .followUpLabel)
        responsible = try container.decodeIfPresent(String.self, forKey: .responsible)
        sampleRule = try container.decodeIfPresent(SampleRule.self, forKey: .sampleRule)
        remarkKinds = try container.decodeIfPresent([String].self, forKey: .remarkKinds) ?? []
        itemNoun = try container.decodeIfPresent(Noun.self, forKey: .itemNoun)
        officerNoun = try container.decodeIfPresent(Noun.self, forKey: .officerNoun)
        allowsPersonalDataInNotes =
            try container.decodeIfPresent(Bool.self, forKey: .allowsPersonalDataInNotes) ?? false
        previousYear = try container.decodeIfPresent(PreviousYear.self, forKey: .previousYear)
        criteria = try container.decodeIfPresent([String].self, forKey: .criteria) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(method, forKey: .method)
        try container.encodeIfPresent(methodLabel, forKey: .methodLabel)
        try container.encodeIfPresent(cadence, forKey: .cadence)
        try container.encodeIfPresent(cadenceLabel, forKey: .cadenceLabel)
        try container.encode(followUp, forKey: .followUp)
        try container.encodeIfPresent(followUpLabel, forKey: .followUpLabel)
        try container.encodeIfPresent(responsible, forKey: .responsible)
        try container.encodeIfPresent(sampleRule, forKey: .sampleRule)
        if !remarkKinds.isEmpty { try container.encode(remarkKinds, forKey: .remarkKinds) }
        try container.encodeIfPresent(itemNoun, forKey: .itemNoun)
        try container.encodeIfPresent(officerNoun, forKey: .officerNoun)
        if allowsPersonalDataInNotes { try container.encode(true, forKey: .allowsPersonalDataInNotes) }
        try container.encodeIfPresent(previousYear, forKey: .previousYear)
        if !criteria.isEmpty { try container.encode(criteria, forKey: .criteria) }
    }

    /// The *Metod* text the appendix prints: the committee's words, else the method's label,
    /// else blank.
    public var methodText: String { methodLabel ?? method?.swedishLabel ?? "" }

    /// The *Frekvens* text as printed: the committee's words, else the cadence's label; `nil`
    /// when the plan does not say.
    public var cadenceText: String? { cadenceLabel ?? cadence?.swedishLabel }

    /// The *Frekvens uppföljning* text as printed: the committee's words, else the follow-up's label.
    public var followUpText: String { followUpLabel ?? followUp.swedishLabel }

}
