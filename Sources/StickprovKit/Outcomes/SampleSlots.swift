/// The places of a draw's sample, for one control point: each drawn item with the spares recorded
/// in its place, so a sample of three counts at most three results however many spares were
/// reviewed. Every count of a draw's results (``ReviewStatistics``, ``StratifiedEstimate``,
/// ``CriterionShares``, `status`) reads the draw through its slots.
///
/// A spare stands in for the item its record names (``OutcomeRecord/replaces``); a spare recorded
/// before spares named what they replace is placed, in its order, in the first place of its
/// stratum still open, and one with no open place counts nowhere (``unplaced``).
public struct SampleSlots: Sendable {
    /// A spare recorded for the draw, with its place in the draw's list of spares.
    public struct Spare: Sendable, Equatable {
        /// The spare as drawn.
        public let item: DrawnItem
        /// Its number on the worksheet: "Reserv 1" is 1.
        public let number: Int
        /// Its current result.
        public let outcome: OutcomeRecord
    }

    /// One place of the sample: a drawn item and the spares that stand in for it, in their order.
    public struct Slot: Sendable, Equatable {
        /// The drawn item.
        public let item: DrawnItem
        /// Its number on the worksheet (Nr), 1-based.
        public let number: Int
        /// The item's own current result, if any.
        public let outcome: OutcomeRecord?
        /// The spares recorded in its place, in their order.
        public fileprivate(set) var spares: [Spare] = []

        /// Every result of the place: the item's, then its spares'.
        public var chain: [OutcomeRecord] { [outcome].compactMap { $0 } + spares.map(\.outcome) }

        /// The result the place counts: the first one reviewed with or without remark (the item's own
        /// before any spare's, so a correction of the item wins over a spare), else the last one
        /// recorded (not reviewed, or not applicable); `nil` when nothing is recorded.
        public var counted: OutcomeRecord? { chain.first { $0.result.isAssessed } ?? chain.last }

        /// The spare whose result the place counts, if it is a spare's.
        public var countedSpare: Spare? {
            guard let counted else { return nil }
            return spares.first { $0.outcome == counted }
        }

        /// Whether a spare may still be recorded in its place: nothing in it is reviewed, and its
        /// last result says it could not be reviewed (or, with `includingNotApplicable`, did not apply).
        public func isOpen(includingNotApplicable: Bool = false) -> Bool {
            guard !chain.contains(where: { $0.result.isAssessed }), let last = chain.last?.result else { return false }
            return last == .notReviewed || (includingNotApplicable && last == .notApplicable)
        }
    }

    /// The places, in the order drawn.
    public let slots: [Slot]
    /// Spares recorded with no place to stand in (journals from before spares were checked).
    public let unplaced: [Spare]

    /// The places of `draw` with `results`, the current results of its items for one control point.
    public init(draw: DrawRecord, results: [String: YearState.RecordedOutcome]) {
        var slots = draw.items.enumerated().map { index, item in
            Slot(item: item, number: index + 1, outcome: results[item.key]?.record)
        }
        var unplaced: [Spare] = []
        var index: [String: Int] = [:]
        for (position, slot) in slots.enumerated() { index[slot.item.key] = index[slot.item.key] ?? position }
        for (position, item) in draw.spares.enumerated() {
            guard let outcome = results[item.key]?.record else { continue }
            let spare = Spare(item: item, number: position + 1, outcome: outcome)
            let place =
                outcome.replaces.flatMap { index[$0] }
                ?? slots.firstIndex { $0.item.stratum == item.stratum && $0.isOpen() }
            if let place {
                slots[place].spares.append(spare)
            } else {
                unplaced.append(spare)
            }
        }
        self.slots = slots
        self.unplaced = unplaced
    }

    /// The places of `draw` for its ``DrawRecord/control`` in `state`.
    public init(draw: DrawRecord, in state: YearState) {
        self.init(draw: draw, results: state.results(of: draw))
    }
}
