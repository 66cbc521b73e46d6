import Foundation

/// Turns what a user records into journal events, checking it against the plan and the
/// year so far. Pure: takes values, returns the events to append.
public enum Recording {
    /// The event for one item's result: an outcome, a correction of an earlier one, or
    /// `nil` when the item already has exactly this result (recording is idempotent).
    /// - Throws: ``RecordError`` for an unknown draw or item, a missing remark kind or
    ///   reason, or personal data in the texts.
    public static func outcome(_ proposed: OutcomeRecord, plan: ControlPlan, state: YearState) throws(RecordError)
        -> JournalPayload?
    {
        guard let draw = state.draw(proposed.draw) else {
            throw .unknownDraw(proposed.draw, known: state.draws.map(\.id))
        }
        var record = proposed
        let point = try controlPoint(of: record, in: draw)
        record.control = draw.isShared ? point : nil
        record.key = Population.normalise(record.key)
        if draw.spares.contains(where: { $0.key == record.key }) {
            record.isSpare = true
        } else if !draw.items.contains(where: { $0.key == record.key }) {
            throw .unknownItem(record.key, draw: draw.id)
        } else if record.replaces != nil {
            throw .replacesForSampledItem(record.key, draw: draw.id)
        }
        record.note = trimmedOrNil(record.note)
        record.reviewer = trimmedOrNil(record.reviewer)
        record.remarkKind = trimmedOrNil(record.remarkKind)
        switch record.result {
        case .remark:
            guard let kind = record.remarkKind else { throw .remarkKindRequired }
            try refusePersonalData(kind, field: "the remark kind")  // before any message repeats it
            let control = plan.control(point)
            if let criterion = control?.criterion(matching: kind), !(control?.criteria ?? []).isEmpty {
                record.remarkKind = criterion  // a criterion not met is a kind of remark of its own
            } else {
                record.remarkKind = try planKind(kind, known: control?.remarkKinds ?? [])
            }
        case .notReviewed:
            guard record.note != nil else { throw .reasonRequired }
            record.remarkKind = nil
        case .ok, .notApplicable:
            record.remarkKind = nil
        }
        if record.result == .notApplicable,
            let assessed = (record.criteria ?? []).first(where: { $0.verdict != .notApplicable })
        {
            throw .notApplicableWithCriterion(assessed.criterion, verdict: assessed.verdict)
        }
        if plan.control(point)?.allowsPersonalDataInNotes != true {
            try refusePersonalData(record.note, field: "the note")
        }
        try refusePersonalData(record.remarkKind, field: "the remark kind")
        try refuseOverlong(record.note, field: "the note", limit: InputBounds.maximumTextCharacters)
        try refuseOverlong(record.remarkKind, field: "the remark kind", limit: InputBounds.maximumNameCharacters)
        try refusePersonalData(record.reviewer, field: "the reviewer")
        try refuseOverlong(record.reviewer, field: "the reviewer", limit: InputBounds.maximumNameCharacters)
        if record.isSpare { record.replaces = try replacedItem(by: record, in: draw, control: point, state: state) }
        guard let current = state.outcome(draw.id, record.key, control: point) else { return .outcome(record) }
        if current.record.saysTheSame(as: record) { return nil }
        record.supersedes = current.sequence
        return .correction(record)
    }

    /// The control point a result is for: the one it names, which must be one of the draw's, else
    /// the draw's own — a shared draw's result must name its point.
    /// - Throws: ``RecordError/controlRequired(draw:controls:)``, ``RecordError/controlNotInDraw(_:draw:controls:)``.
    public static func controlPoint(of record: OutcomeRecord, in draw: DrawRecord) throws(RecordError) -> ControlID {
        guard let named = record.control else {
            if draw.isShared { throw .controlRequired(draw: draw.id, controls: draw.controls) }
            return draw.control
        }
        guard draw.controls.contains(named) else {
            throw .controlNotInDraw(named, draw: draw.id, controls: draw.controls)
        }
        return named
    }

    /// The day a result is recorded as reviewed: the one given, else today — but only when today is
    /// in the plan's year, so a late entry is never dated in the wrong year. Either way a day that
    /// cannot be true is refused (``checkReviewDay(_:draw:today:)``).
    /// (A worksheet row without a date takes its draw's day.)
    /// - Throws: ``RecordError/dateRequired(today:year:)``, ``RecordError/reviewBeforeDraw(_:draw:drawnOn:)``,
    ///   ``RecordError/reviewAfterToday(_:today:)``.
    public static func reviewDay(given: Day?, today: Day, planYear: Int, draw: DrawRecord) throws(RecordError) -> Day {
        if let given {
            try PlanWindow.check(given, year: planYear)
            try checkReviewDay(given, draw: draw, today: today)
            return given
        }
        guard today.year == planYear else { throw .dateRequired(today: today, year: planYear) }
        try checkReviewDay(today, draw: draw, today: today)
        return today
    }

    /// Refuses a review day that cannot be true: before its draw was made (the item was not yet
    /// drawn) or after today.
    /// - Throws: ``RecordError/reviewBeforeDraw(_:draw:drawnOn:)``, ``RecordError/reviewAfterToday(_:today:)``.
    public static func checkReviewDay(_ day: Day, draw: DrawRecord, today: Day) throws(RecordError) {
        if day < draw.date { throw .reviewBeforeDraw(day, draw: draw.id, drawnOn: draw.date) }
        if day > today { throw .reviewAfterToday(day, today: today) }
    }

    /// The day an assessment, a provider follow-up or a plan change is dated: the one given, which
    /// must lie in `window` and not after today; else today, but only when today is in the plan's
    /// year, so a past year's record is never dated by the machine's clock.
    /// - Parameter what: what the day is, for the message ("the day it was assessed").
    /// - Throws: ``RecordError/dateOutsideWindow(_:window:)``, ``RecordError/dateAfterToday(_:today:)``
    ///   or ``RecordError/dayRequired(what:today:year:)``.
    public static func eventDay(
        given: Day?, today: Day, planYear: Int, window: ClosedRange<Day>?, what: String
    ) throws(RecordError) -> Day {
        guard let given else {
            guard today.year == planYear else { throw .dayRequired(what: what, today: today, year: planYear) }
            return today
        }
        guard let window, window.contains(given) else {
            throw .dateOutsideWindow(
                given, window: window.map { "\($0.lowerBound) to \($0.upperBound)" } ?? "the year \(planYear)")
        }
        guard given <= today else { throw .dateAfterToday(given, today: today) }
        return given
    }

    /// The event for a measured value.
    /// - Throws: ``RecordError/notMeasured(_:_:)`` for a sampling control, or personal data in the note.
    /// - Parameter today: when given, a measurement dated after it is refused (a value not yet known).
    public static func measurement(_ record: MeasurementRecord, plan: ControlPlan, today: Day? = nil)
        throws(RecordError) -> JournalPayload
    {
        if let control = plan.control(record.control), let method = control.method, method.takesSampleRule {
            throw .notMeasured(control.id, method)
        }
        var record = record
        record.note = trimmedOrNil(record.note)
        record.ofWhat = trimmedOrNil(record.ofWhat)
        if let of = record.of, of.tenThousandths <= 0 || of < record.value {
            throw .invalidDenominator(value: record.value, of: of)
        }
        try refusePersonalData(record.note, field: "the note")
        try refusePersonalData(record.unit, field: "the unit")
        try refuseOverlong(record.note, field: "the note", limit: InputBounds.maximumTextCharacters)
        try refuseOverlong(record.unit, field: "the unit", limit: InputBounds.maximumNameCharacters)
        try refusePersonalData(record.ofWhat, field: "what the count is of")
        try refuseOverlong(record.ofWhat, field: "what the count is of", limit: InputBounds.maximumNameCharacters)
        try PlanWindow.checkMeasurement(record.date, year: plan.year)
        if let today, record.date > today { throw .dateAfterToday(record.date, today: today) }
        return .measurement(record)
    }

    /// The event for an assessment. Its texts go into the public appendix, so an assessment the
    /// appendix would not show is refused: one at the level the plan does not assess (an area
    /// when it assesses control points, or the reverse), or at a report point the target is not
    /// followed up at (a year-end assessment of what is concluded at the interim shows the interim's).
    /// - Throws: ``RecordError/notAssessedLevel(_:level:)``, ``RecordError/notFollowedUp(_:at:followUp:)``,
    ///   ``RecordError/unknownSignal(_:known:)`` or personal data in the texts; with `today`, what
    ///   ``eventDay(given:today:planYear:window:what:)`` throws for its date.
    /// - Parameter today: when given, the record's date is checked (or set to today) as
    ///   ``eventDay(given:today:planYear:window:what:)`` says.
    public static func assessment(_ record: AssessmentRecord, plan: ControlPlan, today: Day? = nil)
        throws(RecordError) -> JournalPayload
    {
        switch (record.target, plan.assessmentLevel) {
        case (.risk, .controlPoint), (.control, .risk):
            throw .notAssessedLevel(record.target, level: plan.assessmentLevel)
        default: break
        }
        let followUp = plan.followUp(of: record.target)
        guard record.point.covers(followUp) else {
            throw .notFollowedUp(record.target, at: record.point, followUp: followUp)
        }
        guard let level = plan.signals.level(matching: record.signal) else {
            throw .unknownSignal(
                record.signal,
                known: plan.signals.levels.map { level in level.name.map { "\(level.id) (\($0))" } ?? level.id })
        }
        var record = record
        record.signal = level.id
        try refusePersonalData(record.result, field: "the result text")
        try refusePersonalData(record.actions, field: "the actions text")
        try refuseOverlong(record.result, field: "the result text", limit: InputBounds.maximumTextCharacters)
        try refuseOverlong(record.actions, field: "the actions text", limit: InputBounds.maximumTextCharacters)
        if let today {
            record.date = try eventDay(
                given: record.date, today: today, planYear: plan.year, window: PlanWindow.days(year: plan.year),
                what: "the day it was assessed")
        }
        return .assessment(record)
    }

    /// The plan's spelling of a remark kind typed in another case or with a trailing full stop.
    /// A control point whose plan lists no kinds takes any kind as written.
    /// - Throws: ``RecordError/unknownRemarkKind(_:nearest:known:)`` for a kind the plan lacks.
    public static func planKind(_ kind: String, known: [String]) throws(RecordError) -> String {
        guard !known.isEmpty else { return kind }
        func folded(_ text: String) -> String {
            var text = text.nfc.lowercased().trimmingCharacters(in: .whitespaces)
            while let last = text.last, ".:;!,".contains(last) {
                text = String(text.dropLast()).trimmingCharacters(in: .whitespaces)
            }
            return text
        }
        if let match = known.first(where: { folded($0) == folded(kind) }) { return match }
        throw .unknownRemarkKind(kind, nearest: PlanFile.nearest(kind, in: Set(known)), known: known)
    }

    static func refusePersonalData(_ text: String?, field: String) throws(RecordError) {
        guard let text, let match = PersonalIdentityNumber.find(in: text).first else { return }
        throw .personalData(field: field, masked: match.masked)
    }

    static func refuseOverlong(_ text: String?, field: String, limit: Int) throws(RecordError) {
        if let problem = InputBounds.lengthProblem(text, limit: limit) {
            throw .textTooLong(field: field, problem: problem)
        }
        // A name is one line; a text may have several, but nothing a reader cannot see.
        if let problem = VisibleText.problem(in: text, allowingLineBreaks: limit > InputBounds.maximumNameCharacters) {
            throw .invisibleCharacter(field: field, problem: problem)
        }
    }

    static func trimmedOrNil(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingASCIIWhitespace(), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
