/// Counts over reviewed items — of one draw, or of all a control's draws in a period —
/// for the status view and the appendix's sentences.
public struct ReviewStatistics: Sendable, Equatable {
    /// Items drawn (not counting spares).
    public var drawn = 0
    /// Items with a result of ok or remark (spares reviewed in an item's place included); never more
    /// than ``drawn``.
    public var reviewed = 0
    /// Reviewed without remark.
    public var ok = 0
    /// Reviewed with a remark.
    public var remarks = 0
    /// Marked as not reviewed (an item, or a spare in its place).
    public var notReviewed = 0
    /// Places of the sample the control point does not apply to (*ej tillämpligt*): neither
    /// reviewed nor pending, and in no rate.
    public var notApplicable = 0
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
            && a.notReviewed == b.notReviewed && a.notApplicable == b.notApplicable && a.pending == b.pending
            && a.sparesReviewed == b.sparesReviewed
            && a.remarkKinds.map(\.kind) == b.remarkKinds.map(\.kind)
            && a.remarkKinds.map(\.count) == b.remarkKinds.map(\.count)
            && a.officers == b.officers && a.notReviewedReasons.map(\.reason) == b.notReviewedReasons.map(\.reason)
            && a.notReviewedReasons.map(\.count) == b.notReviewedReasons.map(\.count)
    }

    /// Counts for draws in `state`, each draw read through its ``SampleSlots``: a place of the sample
    /// counts one result (the item's, or a spare's in its place), so the items reviewed never
    /// exceed the items drawn; every result of not reviewed is counted with its reason. Items the
    /// control point does not apply to are counted apart and in nothing else. `officerColumn`
    /// names the carried column whose distinct values are counted; by default a carried column
    /// whose name says it holds the officer (*handläggare*, *socialsekreterare* …). A log check's
    /// items are the officers themselves, so it counts none.
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
            // One pass over the places, one lookup per item and spare (a long year has 100,000).
            let places = SampleSlots(draw: draw, in: state)
            for slot in places.slots {
                if let officer = column.flatMap({ slot.item.carried[$0] }) {
                    hasOfficerColumn = true
                    if !officer.isEmpty { drawnOfficers.insert(officer) }
                }
                for record in slot.chain where record.result == .notReviewed {
                    notReviewed += 1
                    let reason = record.note ?? ""
                    if let index = notReviewedReasons.firstIndex(where: { $0.reason == reason }) {
                        notReviewedReasons[index].count += 1
                    } else {
                        notReviewedReasons.append((reason, 1))
                    }
                }
                guard let counted = slot.counted else {
                    pending += 1
                    continue
                }
                let spare = slot.countedSpare
                switch counted.result {
                case .ok:
                    ok += 1
                    reviewed += 1
                case .remark:
                    remarks += 1
                    reviewed += 1
                    kinds[counted.remarkKind ?? "Ospecificerad", default: 0] += 1
                case .notApplicable:
                    notApplicable += 1
                case .notReviewed:
                    break
                }
                guard counted.result.isAssessed else { continue }
                if spare != nil { sparesReviewed += 1 }
                if let officer = column.flatMap({ (spare?.item ?? slot.item).carried[$0] }), !officer.isEmpty {
                    reviewedOfficers.insert(officer)
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
