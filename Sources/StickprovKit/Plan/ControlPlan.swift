/// A committee's internal control plan for one year: its risks, their control points,
/// and the settings the year's follow-up uses.
public struct ControlPlan: Sendable, Hashable {
    /// The version of the plan.json layout this tool writes.
    public static let currentFormat = 1

    /// The plan.json layout version; a newer one than ``currentFormat`` is refused on load.
    public var format: Int
    /// The committee (*nämnd*), e.g. "Socialnämnden".
    public var committee: String
    /// The plan year.
    public var year: Int
    /// The plan's title, e.g. "Internkontrollplan 2023".
    public var title: String
    /// When and where the committee adopted the plan.
    public var adoption: Adoption?
    /// The last day the interim report (*delårsbokslut*) covers; by default 31 August.
    public var interimCutoff: Day
    /// The signal scale assessments use.
    public var signals: SignalScale
    /// Whether the committee assesses each control point or each risk area.
    public var assessmentLevel: AssessmentLevel
    /// How the appendix's table is laid out.
    public var reportLayout: ReportLayout
    /// Columns the appendix's table shows beside its layout's own (nil or empty: none).
    public var reportColumns: [ReportColumn]?
    /// The identified risks, in the appendix's order.
    public var risks: [Risk]

    /// Creates a plan with the standard signals and an interim cut-off of 31 August.
    public init(
        committee: String, year: Int, title: String? = nil, adoption: Adoption? = nil, interimCutoff: Day? = nil,
        signals: SignalScale = .standard, assessmentLevel: AssessmentLevel = .controlPoint, risks: [Risk] = []
    ) {
        self.format = ControlPlan.currentFormat
        self.committee = committee
        self.year = year
        self.title = title ?? "Internkontrollplan \(year)"
        self.adoption = adoption
        self.interimCutoff = interimCutoff ?? ControlPlan.defaultInterimCutoff(year: year)
        self.signals = signals
        self.assessmentLevel = assessmentLevel
        self.reportLayout = .reference
        self.risks = risks
    }

    /// 31 August of the year, the usual interim cut-off.
    public static func defaultInterimCutoff(year: Int) -> Day {
        Day(year: year, month: 8, day: 31) ?? Day.placeholder
    }

    /// Every control point with the risk it belongs to, in the appendix's order.
    public var controlPoints: [(risk: Risk, control: ControlPoint)] {
        risks.flatMap { risk in risk.controls.map { (risk, $0) } }
    }

    /// The control point with this id, if any.
    public func control(_ id: ControlID) -> ControlPoint? {
        risks.lazy.flatMap(\.controls).first { $0.id == id }
    }

    /// The risk with this id, if any.
    public func risk(_ id: RiskID) -> Risk? { risks.first { $0.id == id } }
}

/// The committee's decision adopting the plan.
public struct Adoption: Sendable, Hashable, Codable {
    /// The meeting date.
    public var date: Day
    /// The minute paragraph, e.g. "§ 123".
    public var paragraph: String?

    /// Creates an adoption record.
    public init(date: Day, paragraph: String? = nil) {
        self.date = date
        self.paragraph = paragraph
    }
}

extension ControlPlan: Codable {
    private enum CodingKeys: String, CodingKey {
        case format, committee, year, title, adoption, interimCutoff, signals, assessmentLevel, reportLayout,
            reportColumns, risks
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decodeIfPresent(Int.self, forKey: .format) ?? ControlPlan.currentFormat
        committee = try container.decode(String.self, forKey: .committee)
        year = try container.decode(Int.self, forKey: .year)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? "Internkontrollplan \(year)"
        adoption = try container.decodeIfPresent(Adoption.self, forKey: .adoption)
        interimCutoff =
            try container.decodeIfPresent(Day.self, forKey: .interimCutoff)
            ?? ControlPlan.defaultInterimCutoff(year: year)
        signals = try container.decodeIfPresent(SignalScale.self, forKey: .signals) ?? .standard
        assessmentLevel = try container.decodeIfPresent(AssessmentLevel.self, forKey: .assessmentLevel) ?? .controlPoint
        reportLayout = try container.decodeIfPresent(ReportLayout.self, forKey: .reportLayout) ?? .reference
        reportColumns = try container.decodeIfPresent([ReportColumn].self, forKey: .reportColumns)
        risks = try container.decodeIfPresent([Risk].self, forKey: .risks) ?? []
    }
}
