/// Counts over reviewed items — of one draw, or of all a control's draws in a period —
/// for the status view and the appendix's sentences.
public struct ReviewStatistics: Sendable, Equatable {
    /// Items drawn (not counting spares).
    public var drawn = 0
    /// Items with a result of ok or remark (spares reviewed as replacements included).
    public var reviewed = 0
    /// Reviewed without remark.
    public var ok = 0
    /// Reviewed with a remark.
    public var remarks = 0
    /// Marked as not reviewed.
    public var notReviewed = 0
    /// Drawn items with no result yet.
    public var pending = 0
    /// Spares reviewed as replacements.
    public var sparesReviewed = 0
    /// Remark kinds with their counts, most common first (then by name).
    public var remarkKinds: [(kind: String, count: Int)] = []
    /// The reasons given for items not reviewed, each with how many items it was given for, in
    /// the order first given.
    public var notReviewedReasons: [(reason: String, count: Int)] = []
    /// Distinct values of the officer column among the reviewed items (among the drawn ones
    /// while none is reviewed), when the rule carries one.
    public var officers: Int?

    /// The one-sided 95 % upper bound for the remark rate (Clopper–Pearson), as a share 0–1.
    public var upperBound95: Double? { ClopperPearson.upperBound(deviations: remarks, sampleSize: reviewed) }

    public static func == (a: ReviewStatistics, b: ReviewStatistics) -> Bool {
        a.drawn == b.drawn && a.reviewed == b.reviewed && a.ok == b.ok && a.remarks == b.remarks
            && a.notReviewed == b.notReviewed && a.pending == b.pending && a.sparesReviewed == b.sparesReviewed
            && a.remarkKinds.map(\.kind) == b.remarkKinds.map(\.kind)
            && a.remarkKinds.map(\.count) == b.remarkKinds.map(\.count)
            && a.officers == b.officers && a.notReviewedReasons.map(\.reason) == b.notReviewedReasons.map(\.reason)
            && a.notReviewedReasons.map(\.count) == b.notReviewedReasons.map(\.count)
    }

    /// Counts for draws in `state`. `officerColumn` names the carried column whose
    /// distinct values are counted; by default a carried column whose name says it holds
    /// the officer (*handläggare*, *socialsekreterare* …). A log check's items are the
    /// officers themselves, so it counts none.
    public init(draws: [DrawRecord], in state: YearState, officerColumn: String? = nil) {
        var kinds: [String: Int] = [:]
        // Officers of the items drawn, and of those reviewed (a spare reviewed in an item's place
        // counts): "granskades 25 utredningar fördelade på 13 socialsekreterare" names the reviewed.
        var drawnOfficers: Set<String> = []
        var reviewedOfficers: Set<String> = []
        var hasOfficerColumn = false
        for draw in draws {
            drawn += draw.items.count
            let column = officerColumn ?? ReviewStatistics.officerColumn(of: draw.rule)
            let results = state.results(of: draw)
            // One pass over the items and one over the spares, one lookup each (a long year has 100,000).
            for (list, isSpareList) in [(draw.items, false), (draw.spares, true)] {
                for item in list {
                    let officer = column.flatMap { item.carried[$0] }
                    if !isSpareList, let officer {
                        hasOfficerColumn = true
                        if !officer.isEmpty { drawnOfficers.insert(officer) }
                    }
                    guard let outcome = results[item.key]?.record else {
                        if !isSpareList { pending += 1 }
                        continue
                    }
                    if outcome.result != .notReviewed, let officer, !officer.isEmpty {
                        reviewedOfficers.insert(officer)
                    }
                    switch outcome.result {
                    case .ok:
                        ok += 1
                        reviewed += 1
                    case .remark:
                        remarks += 1
                        reviewed += 1
                        kinds[outcome.remarkKind ?? "Ospecificerad", default: 0] += 1
                    case .notReviewed:
                        notReviewed += 1
                        let reason = outcome.note ?? ""
                        if let index = notReviewedReasons.firstIndex(where: { $0.reason == reason }) {
                            notReviewedReasons[index].count += 1
                        } else {
                            notReviewedReasons.append((reason, 1))
                        }
                    }
                    if outcome.isSpare && outcome.result != .notReviewed { sparesReviewed += 1 }
                }
            }
        }
        remarkKinds = kinds.map { (kind: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.kind < $1.kind }
        officers = hasOfficerColumn ? (reviewed > 0 ? reviewedOfficers : drawnOfficers).count : nil
    }

    /// The carried column that names each item's officer, when the rule has one.
    static func officerColumn(of rule: SampleRule) -> String? {
        if case .logCheck = rule.size { return nil }
        let words = ["handläggare", "sekreterare", "officer", "ansvarig", "utredare"]
        return rule.carry.first { column in words.contains { column.nfc.lowercased().contains($0) } }
    }
}
