/// Starts next year's plan from this year's: the control points to follow up again, with
/// their risks, texts and rules, a reference to this year's result, and the year-end actions
/// as the starting point.
public enum CarryOver {
    /// Which control points to carry.
    public enum Selection: String, Sendable, CaseIterable, PlanToken {
        /// Those whose year-end signal was not the scale's best (green), and those not assessed.
        case notGreen = "not-green"
        /// Every control point, and every risk of the analysis.
        case all

        /// Other words a user may type.
        public var aliases: [String] {
            switch self {
            case .notGreen: ["ej grön", "inte grön", "not green"]
            case .all: ["alla", "samtliga"]
            }
        }

        /// What the choice is called in messages.
        public static var noun: String { "a carry-over choice" }
    }

    /// A control point that was carried, with last year's signal.
    public struct Carried: Sendable, Equatable {
        /// The control point's id.
        public let id: ControlID
        /// Its year-end signal last year, nil when it was not assessed.
        public let signal: String?
    }

    /// Next year's plan.
    /// - Parameters:
    ///   - previous: this year's plan.
    ///   - state: this year's journal, folded.
    ///   - planName: the folder name of this year's plan, recorded in each carried point.
    ///   - year: next year (usually `previous.year + 1`).
    ///   - selection: which control points to carry.
    /// - Returns: the new plan (not adopted, standard cut-off for its year) and what was carried.
    public static func plan(
        from previous: ControlPlan, state: YearState, planName: String, year: Int, selection: Selection
    ) -> (plan: ControlPlan, carried: [Carried]) {
        var plan = ControlPlan(
            committee: previous.committee, year: year, signals: previous.signals,
            assessmentLevel: previous.assessmentLevel)
        plan.reportLayout = previous.reportLayout
        plan.reportColumns = previous.reportColumns
        var carried: [Carried] = []
        for risk in previous.risks {
            // The year end's signals as the appendix shows them: what was concluded at the interim keeps its interim signal.
            let riskAssessment = ReportedAssessment.of(.risk(risk.id), at: .yearEnd, plan: previous, state: state)?
                .record
            var controls: [ControlPoint] = []
            for control in risk.controls {
                let assessment =
                    previous.assessmentLevel == .risk
                    ? riskAssessment
                    : ReportedAssessment.of(.control(control.id), at: .yearEnd, plan: previous, state: state)?.record
                let signal = assessment?.signal
                guard selection == .all || !(signal.map(previous.signals.countsAsWithoutRemark) ?? false) else {
                    continue
                }
                var next = control
                next.cadence = control.cadence.map { shift($0, to: year) }
                next.previousYear = PreviousYear(
                    plan: planName, year: previous.year, since: control.previousYear?.since ?? previous.year,
                    id: control.id, signal: signal, actions: assessment?.actions ?? "")
                controls.append(next)
                carried.append(Carried(id: control.id, signal: signal))
            }
            guard selection == .all || !controls.isEmpty else { continue }
            var next = risk
            next.controls = controls
            plan.risks.append(next)
        }
        return (plan, carried)
    }

    /// Given dates moved to the same day and month of `year` (29 February becomes the 28th).
    static func shift(_ cadence: Cadence, to year: Int) -> Cadence {
        guard case .dates(let days) = cadence else { return cadence }
        return .dates(
            days.map { day in
                Day(year: year, month: day.month, day: day.day) ?? Day(year: year, month: day.month, day: day.day - 1)
                    ?? day
            })
    }

    /// "Kontrollpunkten följs upp sedan 2023." for a control carried from an earlier year.
    public static func sentence(for control: ControlPoint, in year: Int) -> Paragraph? {
        guard let previous = control.previousYear, previous.since < year else { return nil }
        return .text("Kontrollpunkten följs upp sedan \(previous.since).")
    }
}
