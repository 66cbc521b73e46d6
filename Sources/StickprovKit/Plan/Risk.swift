/// An identified risk (*Identifierad risk*) and the control points that address it.
public struct Risk: Sendable, Hashable, Codable {
    /// The risk's id within the plan, e.g. `R1`.
    public var id: RiskID
    /// The risk as the appendix prints it, e.g. "Att vi inte nyttjar digitala möjligheter i tillräcklig grad".
    public var text: String
    /// Probability × consequence from the risk analysis, when the plan records it.
    public var score: RiskScore?
    /// The control points, in the order the appendix lists them.
    public var controls: [ControlPoint]
    /// What the risk analysis decided for the risk, when the plan records it (see ``effectiveHandling``).
    public var handling: RiskHandling?

    /// Creates a risk.
    public init(
        id: RiskID, text: String, score: RiskScore? = nil, controls: [ControlPoint] = [], handling: RiskHandling? = nil
    ) {
        self.id = id
        self.text = text
        self.score = score
        self.controls = controls
        self.handling = handling
    }

    private enum CodingKeys: String, CodingKey { case id, text, score, controls, handling }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(RiskID.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        score = try container.decodeIfPresent(RiskScore.self, forKey: .score)
        controls = try container.decodeIfPresent([ControlPoint].self, forKey: .controls) ?? []
        handling = try container.decodeIfPresent(RiskHandling.self, forKey: .handling)
    }
}

/// A risk's score in the risk analysis: probability and consequence, each 1–4.
public struct RiskScore: Sendable, Hashable, Codable {
    /// Probability (*sannolikhet*), 1–4.
    public var probability: Int
    /// Consequence (*konsekvens*), 1–4.
    public var consequence: Int

    /// Creates a score; ``ControlPlan/issues`` checks the range.
    public init(probability: Int, consequence: Int) {
        self.probability = probability
        self.consequence = consequence
    }

    /// The risk value, probability × consequence (1–16).
    public var value: Int { probability * consequence }
}
