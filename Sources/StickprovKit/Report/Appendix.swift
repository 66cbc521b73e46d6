/// *Bilaga 1. Uppföljning av internkontroll* as a document model: what the renderers
/// (Markdown, HTML, CSV) lay out. Built from the plan and the year's journal.
public struct Appendix: Sendable {
    /// One row of the table: a control point.
    public struct Row: Sendable {
        /// The control point's id (not printed; for messages and tests).
        public let id: ControlID
        /// *Vad kontrolleras?*
        public let what: String
        /// *Frekvens uppföljning*: "Del- och årsbokslut" …
        public let followUp: String
        /// How often the control is performed, for the areas layout's *Frekvens*.
        public let cadence: String?
        /// *Metod*.
        public let method: String
        /// *Uppföljningsansvarig*, a role, for plans that show it.
        public let responsible: String?
        /// *Bedömning*, when assessed per control point.
        public let signal: SignalLevel?
        /// Sentences the tool wrote from the journal.
        public let generated: [Paragraph]
        /// The officer's result text.
        public let result: [Paragraph]
        /// The actions text.
        public let actions: [Paragraph]
    }

    /// A risk area with its rows.
    public struct Group: Sendable {
        /// The area's number in the appendix, from 1.
        public let number: Int
        /// The risk's id.
        public let id: RiskID
        /// *Identifierad risk*.
        public let risk: String
        /// The area's signal, when assessed per risk.
        public let signal: SignalLevel?
        /// The area's result text, when assessed per risk.
        public let result: [Paragraph]
        /// The area's actions, when assessed per risk.
        public let actions: [Paragraph]
        /// The control points reported at this point.
        public let rows: [Row]
    }

    /// The committee, e.g. "Socialnämnden".
    public let committee: String
    /// "Bilaga 1. Uppföljning av internkontroll vid årsbokslut 2023".
    public let title: String
    /// The summary sentence(s) for the report's main text.
    public let summary: String
    /// When the plan was adopted and amended ("Internkontrollplanen antogs av nämnden 2022-12-14,
    /// § 123, och ändrades 2023-06-14 (SN 2023-06-14 § 77)."), when the journal or the plan says.
    public var adoption: String? = nil
    /// The signal levels for the legend.
    public let legend: [SignalLevel]
    /// Marks that replace those of the levels with these words (lower case): a roll-up draws each
    /// level alike in every committee's section, whatever its place in each committee's scale.
    public var markOverrides: [String: SignalMark] = [:]
    /// The table layout.
    public let layout: ReportLayout
    /// The columns the plan adds to the layout's own.
    public let columns: [ReportColumn]
    /// Whether signals are per risk area (else per control point).
    public let isAssessedPerRisk: Bool
    /// The risk areas with control points reported at this point.
    public let groups: [Group]

    /// The line before the legend: the signals are for each control point (*kontrollmoment*), or for
    /// each area (*kontrollområde*) when the plan assesses areas.
    public var legendIntroduction: String {
        "Följande signaler har använts för bedömning av respektive \(isAssessedPerRisk ? "kontrollområde" : "kontrollmoment"):"
    }

    /// Builds the appendix for a report point.
    /// - Throws: ``ReportError/personalData(place:field:masked:)`` when any text that would be
    ///   printed holds something shaped like a personnummer. Nothing is rendered then.
    public static func build(plan: ControlPlan, state: YearState, point: ReportPoint) throws(ReportError) -> Appendix {
        let isPerRisk = plan.assessmentLevel == .risk
        // Assessments a plan change superseded: said in their place, at their report point and at the year end.
        let notes = state.superseded.filter { point == .yearEnd || $0.assessment.point == point }
        func superseded(_ target: AssessmentTarget, naming: Bool) -> [Paragraph] {
            notes.filter { $0.assessment.target == target }.map { .text($0.sentence(naming: naming)) }
        }
        var groups: [Group] = []
        for risk in plan.risks {
            let controls = risk.controls.filter { plan.lists(.control($0.id), at: point) }
            guard !controls.isEmpty else { continue }
            // In the area's cell when the plan assesses areas, else in its first row.
            let areaNotes =
                isPerRisk
                ? superseded(.risk(risk.id), naming: false)
                    + controls.flatMap { superseded(.control($0.id), naming: true) } : []
            let areaConcluded = isPerRisk && point == .yearEnd && plan.followUp(of: .risk(risk.id)) == .interim
            let areaAssessment =
                isPerRisk ? ReportedAssessment.of(.risk(risk.id), at: point, plan: plan, state: state) : nil
            let rows = controls.enumerated().map { index, control -> Row in
                let assessment =
                    isPerRisk ? nil : ReportedAssessment.of(.control(control.id), at: point, plan: plan, state: state)
                // Followed up only at the interim: at the year end its interim figures, said to be concluded then
                // (once for the area when the whole area was).
                let concluded = point == .yearEnd && control.followUp == .interim
                let context = Narrative.Context(
                    plan: plan, control: control, state: state, point: concluded ? .interim : point)
                let saysConcluded = concluded && !areaConcluded
                let notes =
                    isPerRisk
                    ? []
                    : (index == 0 ? superseded(.risk(risk.id), naming: true) : [])
                        + superseded(.control(control.id), naming: false)
                return Row(
                    id: control.id, what: control.text, followUp: control.followUpText,
                    cadence: control.cadenceText, method: control.methodText, responsible: control.responsible,
                    signal: assessment.flatMap { plan.signals.level($0.record.signal) },
                    generated: (saysConcluded ? [.text(concludedSentence(area: false))] : []) + notes
                        + [CarryOver.sentence(for: control, in: plan.year)].compactMap { $0 }
                        + Narrative.paragraphs(context),
                    result: Paragraph.parse(assessment?.record.result ?? ""),
                    actions: Paragraph.parse(assessment?.record.actions ?? ""))
            }
            groups.append(
                Group(
                    number: plan.areaNumber(of: risk.id) ?? groups.count + 1, id: risk.id, risk: risk.text,
                    signal: areaAssessment.flatMap { plan.signals.level($0.record.signal) },
                    result: (areaConcluded ? [.text(concludedSentence(area: true))] : []) + areaNotes
                        + Paragraph.parse(areaAssessment?.record.result ?? ""),
                    actions: Paragraph.parse(areaAssessment?.record.actions ?? ""),
                    rows: rows))
        }
        var appendix = Appendix(
            committee: plan.committee,
            title: "Bilaga 1. Uppföljning av internkontroll vid \(point.swedish) \(plan.year)",
            summary: SummarySentence.text(plan: plan, state: state, point: point),
            legend: plan.signals.levels, layout: plan.reportLayout, columns: plan.reportColumns ?? [],
            isAssessedPerRisk: isPerRisk,
            groups: groups)
        appendix.adoption = state.adoption.sentence ?? plan.adoption.map(PlanAdoption.sentence)
        try appendix.refusePersonalData()
        return appendix
    }

    /// "Kontrollpunkten slutredovisades vid delårsbokslutet." for what the year end shows from the interim.
    static func concludedSentence(area: Bool) -> String {
        "\(area ? "Kontrollområdet" : "Kontrollpunkten") slutredovisades vid delårsbokslutet."
    }

    /// Scans every printed text; the appendix is public.
    func refusePersonalData() throws(ReportError) {
        func check(_ text: String, _ place: String, _ field: String) throws(ReportError) {
            if let match = PersonalIdentityNumber.find(in: text).first {
                throw .personalData(place: place, field: field, masked: match.masked)
            }
        }
        func check(_ paragraphs: [Paragraph], _ place: String, _ field: String) throws(ReportError) {
            for text in paragraphs.flatMap(\.texts) { try check(text, place, field) }
        }
        try check(committee, "the plan", "committee")
        try check(adoption ?? "", "the plan", "adoption")
        for level in legend { try check(level.label, "signal \(level.id)", "label") }
        for group in groups {
            let place = "risk \(group.id)"
            try check(group.risk, place, "Identifierad risk")
            try check(group.result, place, "result text")
            try check(group.actions, place, "actions text")
            for row in group.rows {
                let place = "control point \(row.id)"
                try check(row.what, place, "Vad kontrolleras?")
                try check(row.method, place, "Metod")
                try check(row.responsible ?? "", place, "Uppföljningsansvarig")
                try check(row.generated, place, "the sentences from the journal (remark kinds)")
                try check(row.result, place, "result text")
                try check(row.actions, place, "actions text")
            }
        }
        try check(summary, "the summary", "text")
    }
}
