/// A plan's adoption and amendments as the journal records them, and whether plan.json is
/// still the plan they pinned.
public struct PlanAdoption: Sendable, Equatable {
    /// The adoption, when recorded.
    public private(set) var adoption: AdoptionRecord?
    /// The amendments after it, in journal order.
    public private(set) var amendments: [AmendmentRecord] = []
    /// The journal line of the last adoption or amendment.
    public private(set) var lastLine: Int?

    /// The kinds of event (journal `type`) the adoption is folded from: all a plan change reads of the year.
    public static let kinds = ["adoption", "amendment"]

    /// Folds the adoption and amendment events of a journal.
    public init(events: [JournalEvent]) {
        for event in events { apply(event) }
    }

    /// Adds one event; other kinds of event change nothing. A new adoption starts afresh.
    public mutating func apply(_ event: JournalEvent) {
        switch event.payload {
        case .adoption(let record):
            adoption = record
            amendments = []
            lastLine = event.sequence
        case .amendment(let record):
            amendments.append(record)
            lastLine = event.sequence
        default:
            break
        }
    }

    /// Whether the plan has been adopted.
    public var isAdopted: Bool { adoption != nil }

    /// The hash plan.json must have: the last amendment's, else the adoption's.
    public var expectedHash: String? { amendments.last?.sha256 ?? adoption?.sha256 }

    /// Checks plan.json's hash against the last recorded one.
    /// - Throws: ``AdoptionError/planChanged(expected:found:line:)`` for a change made outside the tool.
    public func check(currentHash: String) throws(AdoptionError) {
        guard let expected = expectedHash, let line = lastLine, expected != currentHash else { return }
        throw .planChanged(expected: expected, found: currentHash, line: line)
    }

    /// The amendment for a change the tool makes to an adopted plan, or nil when the plan is
    /// not adopted or nothing changed.
    /// - Parameter previousHash: plan.json's hash before the change (as stored, which need not be
    ///   the tool's own encoding of `old`).
    public func amendment(
        from old: ControlPlan, to new: ControlPlan, previousHash: String, summary: String, decision: String?, date: Day
    ) -> AmendmentRecord? {
        guard isAdopted else { return nil }
        let before = previousHash
        let after = PlanHash.of(new)
        guard before != after else { return nil }
        return AmendmentRecord(
            summary: summary, changes: PlanDiff.changes(from: old, to: new), previousSHA256: before, sha256: after,
            decision: decision, date: decision.flatMap(Self.firstDay) ?? date)
    }

    /// The amendment recording plan.json as it now is after a change made by hand (`plan amend`).
    /// - Parameter currentHash: plan.json's hash now, read under the folder's lock.
    /// - Throws: ``AdoptionError/notAdopted`` or ``AdoptionError/unchanged(hash:)``.
    public func handAmendment(currentHash: String, what: String, decision: String?, date: Day) throws(AdoptionError)
        -> AmendmentRecord
    {
        guard let expected = expectedHash else { throw .notAdopted }
        guard expected != currentHash else { throw .unchanged(hash: currentHash) }
        return AmendmentRecord(
            summary: what, changes: [], previousSHA256: expected, sha256: currentHash, decision: decision, date: date)
    }

    /// The first date written YYYY-MM-DD in a decision's text ("SN 2023-06-14 § 77"), the day it was taken.
    public static func firstDay(in text: String) -> Day? {
        let words = text.split { !($0.isNumber || $0 == "-") }
        return words.lazy.compactMap { $0.count == 10 ? Day(String($0)) : nil }.first
    }

    /// For a plan whose adoption only plan.json records: "Internkontrollplanen antogs av nämnden 2022-12-14, § 123."
    public static func sentence(for adoption: Adoption) -> String {
        PlanAdoption(adoption: AdoptionRecord(date: adoption.date, paragraph: adoption.paragraph, sha256: "")).sentence
            ?? ""
    }

    private init(adoption: AdoptionRecord) {
        self.adoption = adoption
    }

    /// For the appendix: "Internkontrollplanen antogs av nämnden 2022-12-14, § 123, och ändrades
    /// 2023-06-14 (SN 2023-06-14 § 77)." Nil when the plan is not adopted. The amendments are told
    /// in date order (an amendment recorded later may be dated earlier, by its decision), each with
    /// its decision.
    public var sentence: String? {
        guard let adoption else { return nil }
        var text = "Internkontrollplanen antogs av nämnden \(adoption.date)"
        if let paragraph = adoption.paragraph, !paragraph.isEmpty { text += ", \(paragraph)," }
        if !amendments.isEmpty {
            let ordered = amendments.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            let changes = ordered.map(\.element).map { amendment in
                amendment.decision.map { "\(amendment.date) (\($0))" } ?? "\(amendment.date)"
            }
            // One date per decision: several changes on one day under one decision read once.
            var seen: Set<String> = []
            let distinct = changes.filter { seen.insert($0).inserted }
            text += " och ändrades \(SwedishText.list(distinct))"
        }
        return text.hasSuffix(",") ? String(text.dropLast()) + "." : text + "."
    }
}
