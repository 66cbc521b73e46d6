import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The library's front: the one door through which every command reads and changes a plan folder
/// (`plan.json` and the journal).
///
/// Every change is one transaction: take the folder's lock, read the current plan and year,
/// decide (numbering, validation, corrections) in a pure closure, append, make it durable,
/// release. Numbers such as draw ids are therefore assigned inside the transaction, and two
/// users (or two front ends) changing the same folder at once are serialised, never interleaved.
/// Reading needs no folder lock: the journal's own shared lock gives whole, committed lines.
public struct PlanFolder: Sendable {
    /// The plan folder's path.
    public let path: String
    /// The folder's journal.
    public let journal: Journal

    /// Whether changes take the folder's lock (tests turn it off to race writers as on a network share).
    let isLocking: Bool

    /// The plan folder at `path`.
    public init(at path: String) {
        self.init(at: path, locking: ProcessInfo.processInfo.environment["STICKPROV_TEST_NO_LOCKS"] == nil)
    }

    /// The plan folder at `path`, without the folder's lock when `locking` is false (tests only).
    init(at path: String, locking: Bool) {
        self.path = path
        journal = Journal(planDirectory: path)
        isLocking = locking
    }

    /// The plan as `plan.json` holds it now.
    /// - Throws: ``PlanError`` when it is missing or not a sound plan.
    public func plan() throws(PlanError) -> ControlPlan {
        try PlanFile.load(from: path)
    }

    /// Every event of the journal, checked.
    /// - Throws: ``JournalError`` naming the first damage.
    public func events() throws(JournalError) -> [JournalEvent] {
        try journal.read()
    }

    /// The year so far, from the journal.
    /// - Throws: ``JournalError`` naming the first damage.
    public func year() throws(JournalError) -> YearState {
        YearState(events: try journal.read())
    }

    /// One transaction on the journal: under the folder's lock, reads the plan and the year,
    /// asks `decide` what to record, and appends it (all lines or none, durable on return).
    /// - Parameters:
    ///   - time: the ISO 8601 time to record (see ``Journal/timestamp(_:)``).
    ///   - actor: who records.
    ///   - decide: a pure decision from the current plan and year to the lines to append;
    ///     an empty answer records nothing. What it throws is rethrown and nothing is recorded.
    /// - Returns: the events as written (empty when nothing was recorded).
    @discardableResult
    public func transact(
        time: String, actor: String, _ decide: (ControlPlan, YearState) throws -> [JournalPayload]
    ) throws -> [JournalEvent] {
        try transact(time: time, actor: actor, reading: .all, decide)
    }

    /// One transaction about some draws (recording an item's result): as ``transact(time:actor:_:)``,
    /// but `decide` sees a year of only these draws and their items' results, read without decoding the
    /// rest of the journal, so the transaction costs about the same at any length of the year. When a
    /// draw is not found, `decide` sees the whole year (so a message can list the draws there are).
    @discardableResult
    public func transact(
        time: String, actor: String, concerning draws: [DrawID],
        _ decide: (ControlPlan, YearState) throws -> [JournalPayload]
    ) throws -> [JournalEvent] {
        try transact(time: time, actor: actor, reading: .draws(draws), decide)
    }

    /// One transaction whose decision sees only `part` of the year (see ``YearReading``): the rest of the
    /// journal is not decoded, so a measurement or an assessment reads only `journal.head` and the last
    /// line, whatever the length of the year.
    @discardableResult
    public func transact(
        time: String, actor: String, reading part: YearReading,
        _ decide: (ControlPlan, YearState) throws -> [JournalPayload]
    ) throws -> [JournalEvent] {
        try transaction(time: time, actor: actor, decide) { try year(part) }
    }

    /// The part of the year `part` names, read now (inside a transaction, under the folder's lock).
    func year(_ part: YearReading) throws -> YearState {
        switch part {
        case .all:
            return YearState(events: try journal.read())
        case .nothing:
            return YearState(events: [])
        case .draws(let draws):
            guard !draws.contains(where: { $0.rawValue.isEmpty }) else { return YearState(events: try journal.read()) }
            let state = YearState(events: try journal.events(mentioning: draws.map(\.rawValue)))
            return draws.contains(where: { state.draw($0) == nil }) ? YearState(events: try journal.read()) : state
        case .kinds(let kinds):
            return YearState(events: try journal.events(ofKinds: kinds))
        }
    }

    /// How many times a transaction is decided again when another writer got there first.
    static let attempts = 5

    /// Under the folder's lock: notes the commit point, reads the plan and the year, decides, and appends
    /// only if the journal still ends where it was read. The folder's lock makes that certain on one
    /// machine; where it does not hold (a network share, or `STICKPROV_TEST_NO_LOCKS` in tests) the
    /// journal's own lock and this check keep two writers from both appending to the same end: the later
    /// one reads the year again and decides again (at most ``attempts`` times), else nothing is recorded.
    private func transaction(
        time: String, actor: String, _ decide: (ControlPlan, YearState) throws -> [JournalPayload],
        year: () throws -> YearState
    ) throws -> [JournalEvent] {
        var attempt = 1
        while true {
            do {
                return try exclusively {
                    let expected = try journal.lastCommitted()
                    let plan = try PlanFile.load(from: path)
                    let payloads = try decide(plan, try year())
                    guard !payloads.isEmpty else { return [] }
                    return try journal.append(payloads, time: time, actor: actor, expecting: expected)
                }
            } catch JournalError.anotherWriter where attempt < PlanFolder.attempts {
                attempt += 1
            }
        }
    }

    /// One transaction on `plan.json`: under the folder's lock, reads the plan, lets `change`
    /// edit it and say what it did, and saves it by atomic replace (an adopted plan's change is
    /// recorded as an amendment in the same transaction, and rolled back if that fails). A change
    /// taking away an id the journal names, or giving one out, is refused
    /// (``PlanError/namedInJournal(_:uses:added:)``), and so is one that would take a recorded
    /// assessment out of every report (``PlanError/hidesAssessments(_:)``, see ``AssessmentVisibility``)
    /// unless `force` records, in the same transaction, that those assessments no longer hold.
    /// - Parameters:
    ///   - decision: the minute paragraph allowing the change, when the plan is adopted.
    ///   - today: today (an amendment's date when neither `date` nor the decision gives one, while
    ///     the plan's year lasts; see ``PlanAdoption/changeDay(given:decision:today:planYear:)``).
    ///   - date: the day of the change (`--date`).
    ///   - force: make a change that takes recorded assessments out of every report, recording that
    ///     they are superseded.
    /// - Returns: what `change` said it did.
    @discardableResult
    public func changePlan(
        decision: String?, today: Day, date: Day? = nil, force: Bool = false, time: String, actor: String,
        _ change: (inout ControlPlan) throws -> String
    ) throws -> String {
        try changePlan(
            decision: decision, today: today, date: date, force: force, time: time, actor: actor, readingYear: false
        ) { plan, _ in
            try change(&plan)
        }
    }

    /// As ``changePlan(decision:today:date:force:time:actor:_:)``, for a change that depends on the year:
    /// `change` also sees the year, read under the same lock, so no record can slip in between what it
    /// checked and the saved plan.
    @discardableResult
    public func changePlan(
        decision: String?, today: Day, date: Day? = nil, force: Bool = false, time: String, actor: String,
        checkingYear change: (inout ControlPlan, YearState) throws -> String
    ) throws -> String {
        try changePlan(
            decision: decision, today: today, date: date, force: force, time: time, actor: actor, readingYear: true,
            change)
    }

    private func changePlan(
        decision: String?, today: Day, date: Day?, force: Bool, time: String, actor: String, readingYear: Bool,
        _ change: (inout ControlPlan, YearState) throws -> String
    ) throws -> String {
        try exclusively {
            var plan = try PlanFile.load(from: path)
            let old = plan
            let summary = try change(&plan, readingYear ? YearState(events: try journal.read()) : YearState(events: []))
            try JournalNamedIDs.check(old: old, new: plan) { try journal.events(mentioning: $0) }
            let hidden = try hiddenAssessments(from: old, to: plan)
            guard hidden.isEmpty || force else { throw PlanError.hidesAssessments(hidden) }
            try PlanAdoption.save(
                plan, replacing: old, in: path, summary: summary, decision: decision, date: date, today: today,
                superseding: hidden.map(\.superseded), time: time, actor: actor)
            return summary
        }
    }

    /// The recorded assessments a change from `old` to `new` would take out of every report; reads only
    /// the journal's assessment lines (and their supersessions), and only when the change touches what
    /// an assessment's place in the appendix rests on.
    private func hiddenAssessments(from old: ControlPlan, to new: ControlPlan) throws -> [HiddenAssessment] {
        guard AssessmentVisibility.mayHide(from: old, to: new) else { return [] }
        let state = YearState(events: try journal.events(ofKinds: ["assessment", "supersession"]))
        return AssessmentVisibility.hiddenByChange(from: old, to: new, state: state)
    }

    /// Creates the folder's plan (`plan init`, `plan import`, a carry-over): under the folder's lock
    /// (the folder is made first when missing, mode 0700 whatever the umask), refuses when `plan.json` exists
    /// or when the folder lies inside another plan's folder, and saves it atomically.
    /// - Throws: ``PlanError/alreadyExists(path:)``, ``PlanError/insidePlan(path:enclosing:)``, or what saving
    ///   throws (the plan's problems, a failed write).
    public func create(_ plan: ControlPlan) throws {
        let issues = plan.issues
        guard issues.isEmpty else { throw PlanError.rejectedChange(issues: issues) }  // before making the folder
        if let outer = PlanFolder.enclosingPlan(of: path) {
            throw PlanError.insidePlan(path: PlanFile.path(in: path), enclosing: outer)
        }
        try PlanFolder.makePrivateFolder(path)
        try exclusively {
            guard !PlanFile.exists(in: path) else { throw PlanError.alreadyExists(path: PlanFile.path(in: path)) }
            try PlanFile.save(plan, to: path)
        }
    }

    /// The plan and the journal's events read together under the folder's lock, so neither changes
    /// between the two (a carry-over reads last year's plan with its year).
    /// - Throws: ``PlanError`` or ``JournalError``.
    public func snapshot() throws -> (plan: ControlPlan, events: [JournalEvent]) {
        _ = try PlanFile.load(from: path)  // a missing or unsound plan is named as a plain read names it
        return try exclusively { (try PlanFile.load(from: path), try journal.read()) }
    }

    /// Runs `body` holding the folder's exclusive lock (`flock` on the folder itself, so no lock
    /// file is left behind). Locks are advisory and per machine: the journal's append checks
    /// besides that nothing was written since it read. `STICKPROV_TEST_NO_LOCKS` (tests only) turns
    /// this lock off, to show that check at work.
    public func exclusively<T>(_ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw PlanFolderError.cannotLock(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        if isLocking {
            while flock(descriptor, LOCK_EX) != 0 {
                if errno == EINTR { continue }
                throw PlanFolderError.cannotLock(path: path, reason: String(cString: strerror(errno)))
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}

extension PlanFolder {
    /// Checks, inside a transaction, that the control points a command decided from (read before
    /// the lock, e.g. a draw's rule, chosen while the population was read) are still the plan's:
    /// a plan edited meanwhile would otherwise be recorded against with the rule of a moment before.
    /// - Throws: ``PlanFolderError/planChanged(path:controls:)`` naming the points.
    public func checkUnchanged(_ controls: [ControlPoint], in plan: ControlPlan) throws(PlanFolderError) {
        guard controls.allSatisfy({ plan.control($0.id) == $0 }) else {
            throw .planChanged(path: path + "/plan.json", controls: controls.map(\.id))
        }
    }
}

/// What can stop ``PlanFolder`` before it reads or changes anything.
public enum PlanFolderError: Error, Sendable, Equatable {
    /// The folder could not be opened or locked.
    case cannotLock(path: String, reason: String)
    /// The plan's control points changed between what a command read and its transaction.
    case planChanged(path: String, controls: [ControlID])

    /// The message, with the folder's path.
    public var message: String {
        switch self {
        case .cannotLock(let path, let reason): "\(path): cannot lock the plan folder: \(reason)"
        case .planChanged(let path, let controls):
            "\(path): \(controls.map(\.rawValue).joined(separator: ", ")) changed while the command ran; "
                + "nothing was recorded: run it again"
        }
    }
}

/// What part of the year a transaction's decision reads: the less it reads, the less a long year costs.
/// A part other than ``all`` is found without decoding the rest of the journal, and without checking its
/// chain (readers and `verify` check that; an append checks `journal.head` and the last line).
public enum YearReading: Sendable, Equatable {
    /// Every event, the chain checked: a decision that needs the whole year (a draw's number).
    case all
    /// No event: a decision from the plan alone (a measurement, an assessment, an adoption).
    case nothing
    /// These draws and their items' results (recording results); the whole year when one is not
    /// found, so a message can list the draws there are.
    case draws([DrawID])
    /// The events of these kinds (their journal `type`, see ``JournalPayload/type``).
    case kinds([String])

    /// The adoption and the amendments: whether the plan is adopted and the hash it must have.
    public static let adoption = YearReading.kinds(PlanAdoption.kinds)
    /// The private providers' records (Bilaga 2).
    public static let providers = YearReading.kinds(["provider"])
}
