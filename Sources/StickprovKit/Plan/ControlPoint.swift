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

    /// Creates a control point.
    public init(
        id: ControlID, text: String, method: MethodKind, methodLabel: String? = nil, cadence: Cadence? = nil,
        followUp: FollowUp = .both, responsible: String? = nil, sampleRule: SampleRule? = nil
    ) {
        self.id = id
        self.text = text
        self.method = method
        self.methodLabel = methodLabel
        self.cadence = cadence
        self.followUp = followUp
        self.responsible = responsible
        self.sampleRule = sampleRule
    }

    /// The *Metod* text the appendix prints.
    public var methodText: String { methodLabel ?? method.swedishLabel }
}
