import Foundation

extension PlanAdoption {
    /// Saves a changed plan into its folder; for an adopted plan, first checks that plan.json is
    /// still the plan the journal pinned, then records the change as an amendment. If the
    /// amendment cannot be recorded, plan.json is put back as it was, so the two never disagree.
    ///
    /// Every command that changes a plan goes through here (the CLI's `plan` verbs do).
    /// - Parameters:
    ///   - plan: the plan after the change.
    ///   - old: the plan as loaded before it.
    ///   - summary: what changed, as the command says it ("Changed control point K3.").
    ///   - decision: the decision the change rests on, if given.
    ///   - date: the day of the change (`--date`), see ``changeDay(given:decision:today:planYear:)``.
    ///   - today: today, the date of an amendment without a dated decision or `date` while the plan's
    ///     year lasts.
    ///   - superseding: recorded assessments the change takes out of every report, recorded as no
    ///     longer holding (``SupersessionRecord``) in the same append as the amendment.
    ///   - time, actor: for the journal line.
    /// - Returns: the amendment recorded, if any.
    /// - Throws: ``PlanError`` (the plan is invalid or cannot be written), ``JournalError`` (the
    ///   journal is damaged or cannot be written), ``AdoptionError`` (plan.json was changed by hand
    ///   after adoption, or personal data in the decision), ``RecordError`` (no day for the change).
    ///   Nothing is changed then.
    @discardableResult
    public static func save(
        _ plan: ControlPlan, replacing old: ControlPlan, in directory: String, summary: String, decision: String?,
        date: Day? = nil, today: Day, superseding: [SupersededAssessment] = [], time: String, actor: String
    ) throws -> AmendmentRecord? {
        let journal = Journal(planDirectory: directory)
        let adoption = PlanAdoption(events: try journal.events(ofKinds: PlanAdoption.kinds))
        if let match = PersonalIdentityNumber.find(in: decision ?? "").first {
            throw AdoptionError.personalData(field: "the decision", masked: match.masked)
        }
        let stored = FileManager.default.contents(atPath: PlanFile.path(in: directory)).map { Array($0) }
        var amendment: AmendmentRecord?
        if adoption.isAdopted, let before = stored {
            let hash = PlanHash.of(before)
            try adoption.check(currentHash: hash)
            if PlanHash.of(plan) != hash {
                let day = try changeDay(given: date, decision: decision, today: today, planYear: plan.year)
                amendment = adoption.amendment(
                    from: old, to: plan, previousHash: hash, summary: summary, decision: decision, date: day)
            }
        }
        var lines = amendment.map { [JournalPayload.amendment($0)] } ?? []
        if !superseding.isEmpty {
            let day = try changeDay(given: date, decision: decision, today: today, planYear: plan.year)
            lines.append(
                .supersession(
                    SupersessionRecord(assessments: superseding, summary: summary, date: day, decision: decision)))
        }
        try PlanFile.save(plan, to: directory)
        guard !lines.isEmpty else { return nil }
        do {
            try journal.append(lines, time: time, actor: actor)
        } catch {
            if let stored {
                try? AtomicFile.write(stored, to: PlanFile.path(in: directory), permissions: PlanFolder.filePermissions)
            }
            throw error
        }
        return amendment
    }

    /// The day a plan change is dated: the day in its decision ("SN 2023-06-14 § 77"), else `given`
    /// (`--date`, which must lie in ``PlanWindow/changeDays(year:)`` and not after today), else today,
    /// but only while today is in that window: a past year's plan is never amended "today".
    /// - Throws: ``RecordError`` for a date outside the window or after today, or when none is
    ///   given for a past year's plan.
    public static func changeDay(given: Day?, decision: String?, today: Day, planYear: Int) throws(RecordError) -> Day {
        let window = PlanWindow.changeDays(year: planYear)
        if let given {
            _ = try Recording.eventDay(
                given: given, today: today, planYear: planYear, window: window, what: "the day of the change")
        }
        if let day = decision.flatMap(firstDay) { return day }
        if let given { return given }
        guard let window, window.contains(today) else {
            throw .dayRequired(
                what: "the day of the change (or --decision with its date, e.g. 'SN \(planYear)-06-14 § 77')",
                today: today, year: planYear)
        }
        return today
    }
}
