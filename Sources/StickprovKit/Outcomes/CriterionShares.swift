/// Per criterion of a control point's checklist, the share of reviewed items where it was fulfilled
/// over a set of draws (the year, or up to a report point), per stratum and per draw's period:
/// the figures `status` and the appendix both give, computed once here.
///
/// The share counts the items where the criterion was assessed (uppfyllt or anmärkning); those
/// where it did not apply or could not be reviewed are counted apart. With strata of known size,
/// every figure that spans strata or periods is weighted by the population each stands for
/// (Σ N·p / Σ N, with N the part of the stratum the criterion applies to), since the strata are
/// drawn at different rates and a pooled count would estimate nothing.
public struct CriterionShares: Sendable, Equatable {
    /// What was found for one criterion in some items.
    public struct Counts: Sendable, Equatable {
        /// Items where the criterion was fulfilled.
        public var fulfilled = 0
        /// Items where it was not (anmärkning).
        public var remarks = 0
        /// Items it did not apply to.
        public var notApplicable = 0
        /// Items that could not be reviewed against it.
        public var notReviewed = 0
        /// The reasons given for those, each once, in the order first given.
        public var reasons: [String] = []
        /// The population the items stand for (one stratum of one draw), when the draw recorded it.
        public var weight: Int?

        /// Items where the criterion was assessed: fulfilled or not.
        public var assessed: Int { fulfilled + remarks }

        /// Adds another cell's counts (the weight is not summed: a sum spans cells).
        mutating func add(_ other: Counts) {
            fulfilled += other.fulfilled
            remarks += other.remarks
            notApplicable += other.notApplicable
            notReviewed += other.notReviewed
            for reason in other.reasons where !reasons.contains(reason) { reasons.append(reason) }
        }
    }

    /// A part of the figures: a stratum over every draw, or one draw's period.
    public struct Part: Sendable, Equatable {
        /// The stratum's name, or the draw's period as written (`2023-H1`).
        public let name: String
        /// The draw, for a period.
        public let draw: DrawID?
        /// Its counts.
        public let counts: Counts
        /// The share fulfilled (weighted by stratum size when the part spans strata or periods).
        public let share: Double
    }

    /// The figures of one criterion.
    public struct Figure: Sendable, Equatable {
        /// The criterion, as the plan spells it.
        public let criterion: String
        /// Its counts over every draw and stratum.
        public let total: Counts
        /// The share fulfilled over all; `nil` when it was not yet assessed in any item.
        public let share: Double?
        /// Whether ``share`` is weighted by stratum size (not the plain count).
        public let isWeighted: Bool
        /// Per stratum where it was assessed, in the order drawn (empty unless the draws are stratified).
        public let strata: [Part]
        /// Per draw where it was assessed, in draw order (empty with one draw).
        public let periods: [Part]
    }

    /// Per criterion, in the checklist's order.
    public let figures: [Figure]
    /// Whether the draws are stratified.
    public let isStratified: Bool

    /// The figures of `criteria` over `draws`; `nil` without criteria or before any result per criterion.
    public static func of(criteria names: [String], draws: [DrawRecord], in state: YearState) -> CriterionShares? {
        guard !names.isEmpty else { return nil }
        let cells = cells(draws, names: names, state: state)
        guard cells.contains(where: { !$0.results.isEmpty }) else { return nil }
        let isStratified = draws.contains { $0.items.contains { $0.stratum != nil } }
        let figures = names.map { name -> Figure in
            let all = cells.compactMap { cell in
                cell.results[name].map { (draw: cell.draw, stratum: cell.stratum, counts: $0) }
            }
            let total = sum(all.map(\.counts))
            guard total.assessed > 0 else {
                return Figure(criterion: name, total: total, share: nil, isWeighted: false, strata: [], periods: [])
            }
            let weighted = isStratified ? weightedShare(all.map(\.counts)) : nil
            var strata: [Part] = []
            if isStratified {
                for stratum in all.compactMap(\.stratum).reduce(
                    into: [String](), { if !$0.contains($1) { $0.append($1) } })
                {
                    let parts = all.filter { $0.stratum == stratum }.map(\.counts)
                    let counts = sum(parts)
                    guard counts.assessed > 0 else { continue }
                    strata.append(
                        Part(name: stratum, draw: nil, counts: counts, share: weightedShare(parts) ?? plain(counts)))
                }
            }
            var periods: [Part] = []
            let drawIDs = all.map(\.draw.id).reduce(into: [DrawID]()) { if !$0.contains($1) { $0.append($1) } }
            if drawIDs.count > 1 {
                for id in drawIDs {
                    let parts = all.filter { $0.draw.id == id }
                    let counts = sum(parts.map(\.counts))
                    guard let draw = parts.first?.draw, counts.assessed > 0 else { continue }
                    let share = (isStratified ? weightedShare(parts.map(\.counts)) : nil) ?? plain(counts)
                    periods.append(Part(name: draw.period, draw: draw.id, counts: counts, share: share))
                }
            }
            return Figure(
                criterion: name, total: total, share: weighted ?? plain(total), isWeighted: weighted != nil,
                strata: strata,
                periods: periods)
        }
        return CriterionShares(figures: figures, isStratified: isStratified)
    }

    /// Per draw and stratum (one cell per draw when not stratified), each criterion's counts: one
    /// result per place of the sample (``SampleSlots``: the item's, or a spare's in its place); an
    /// item the control point does not apply to counts as not applicable for every criterion.
    static func cells(_ draws: [DrawRecord], names: [String], state: YearState)
        -> [(draw: DrawRecord, stratum: String?, results: [String: Counts])]
    {
        var cells: [(draw: DrawRecord, stratum: String?, results: [String: Counts])] = []
        for draw in draws {
            let slots = SampleSlots(draw: draw, in: state).slots
            let strata = slots.map(\.item.stratum).reduce(into: [String?]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            for stratum in strata {
                var results: [String: Counts] = [:]
                for slot in slots where slot.item.stratum == stratum {
                    guard let record = slot.counted else { continue }
                    var given = (record.criteria ?? []).filter { names.contains($0.criterion) }
                    if record.result == .notApplicable {
                        given += names.filter { name in !given.contains { $0.criterion == name } }.map {
                            CriterionResult(criterion: $0, verdict: .notApplicable)
                        }
                    }
                    for result in given {
                        var cell =
                            results[result.criterion] ?? Counts(weight: stratum.flatMap { draw.population.strata?[$0] })
                        switch result.verdict {
                        case .fulfilled: cell.fulfilled += 1
                        case .remark: cell.remarks += 1
                        case .notApplicable: cell.notApplicable += 1
                        case .notReviewed:
                            cell.notReviewed += 1
                            if let reason = result.reason, !cell.reasons.contains(reason) {
                                cell.reasons.append(reason)
                            }
                        }
                        results[result.criterion] = cell
                    }
                }
                cells.append((draw, stratum, results))
            }
        }
        return cells
    }

    static func sum(_ cells: [Counts]) -> Counts {
        cells.reduce(into: Counts()) { $0.add($1) }
    }

    static func plain(_ counts: Counts) -> Double {
        Double(counts.fulfilled) / Double(max(counts.assessed, 1))
    }

    /// The share fulfilled over cells of known population N: Σ (N/n)·fulfilled / Σ (N/n)·assessed, n
    /// the cell's items reviewed against the criterion (applicable or not). Each cell stands for the
    /// items of its population the criterion applies to, estimated as N·assessed/n, so a criterion
    /// that applied to one of 26 items drawn from 512 weighs as about 20 items, not 512. Where it
    /// applies to every item this is Σ N·p / Σ N. `nil` when a cell's N is unknown or nothing was assessed.
    static func weightedShare(_ cells: [Counts]) -> Double? {
        let assessed = cells.filter { $0.assessed > 0 }
        guard !assessed.isEmpty else { return nil }
        var numerator = 0.0
        var denominator = 0.0
        for cell in assessed {
            guard let weight = cell.weight, weight > 0 else { return nil }
            let expansion = Double(weight) / Double(cell.assessed + cell.notApplicable)
            numerator += expansion * Double(cell.fulfilled)
            denominator += expansion * Double(cell.assessed)
        }
        return numerator / denominator
    }
}
