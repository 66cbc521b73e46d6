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
    ///   - today: the date of an amendment without a dated decision.
    ///   - time, actor: for the journal line.
    /// - Returns: the amendment recorded, if any.
    /// - Throws: ``PlanError`` (the plan is invalid or cannot be written), ``JournalError`` (the
    ///   journal is damaged or cannot be written), ``AdoptionError`` (plan.json was changed by hand
    ///   after adoption, or personal data in the decision). Nothing is changed then.
    @discardableResult
    public static func save(
        _ plan: ControlPlan, replacing old: ControlPlan, in directory: String, summary: String, decision: String?,
        today: Day, time: String, actor: String
    ) throws -> AmendmentRecord? {
        let journal = Journal(planDirectory: directory)
        let adoption = PlanAdoption(events: try journal.events(ofKinds: PlanAdoption.kinds))
        guard adoption.isAdopted, let data = FileManager.default.contents(atPath: PlanFile.path(in: directory)) else {
            try PlanFile.save(plan, to: directory)
            return nil
        }
        let before = Array(data)
        let hash = PlanHash.of(before)
        try adoption.check(currentHash: hash)
        if let match = PersonalIdentityNumber.find(in: decision ?? "").first {
            throw AdoptionError.personalData(field: "the decision", masked: match.masked)
        }
        guard
            let amendment = adoption.amendment(
                from: old, to: plan, previousHash: hash, summary: summary, decision: decision, date: today)
        else {
            try PlanFile.save(plan, to: directory)
            return nil
        }
        try PlanFile.save(plan, to: directory)
        do {
            try journal.append([.amendment(amendment)], time: time, actor: actor)
        } catch {
            try? AtomicFile.write(before, to: PlanFile.path(in: directory), permissions: PlanFolder.filePermissions)
            throw error
        }
        return amendment
    }
}
