/// What a reviewer found for one item against one criterion of the control point's checklist.
public enum CriterionVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// The criterion is met (*uppfyllt*).
    case fulfilled
    /// The criterion is not met (*anmärkning*).
    case remark
    /// The criterion does not apply to this item (*ej tillämpligt*), e.g. no decision was communicated.
    case notApplicable = "not-applicable"
    /// The item could not be reviewed against the criterion (*ej granskad*); the reason is kept.
    case notReviewed = "not-reviewed"

    /// The Swedish words, as worksheets and drop-downs write them.
    public var swedish: String {
        switch self {
        case .fulfilled: "uppfyllt"
        case .remark: "anmärkning"
        case .notApplicable: "ej tillämpligt"
        case .notReviewed: "ej granskad"
        }
    }

    /// Reads a verdict, Swedish or English, ignoring case: "uppfyllt" (also uppfylld, ja, ok),
    /// "anmärkning" (also ej uppfyllt, nej, brist), "ej tillämpligt" (also et, ej aktuellt, n/a),
    /// "ej granskad" (also ej granskat, not reviewed).
    public init?(word: String) {
        switch word.trimmingASCIIWhitespace().nfc.lowercased() {
        case "uppfyllt", "uppfylld", "uppfyllda", "ja", "ok", "yes", "fulfilled", "utan anmärkning":
            self = .fulfilled
        case "anmärkning", "ej uppfyllt", "ej uppfylld", "inte uppfyllt", "nej", "no", "brist", "avvikelse", "remark":
            self = .remark
        case "ej tillämpligt", "ej tillämplig", "inte tillämpligt", "et", "e.t.", "ej aktuellt", "n/a", "na",
            "not applicable", "not-applicable":
            self = .notApplicable
        case "ej granskad", "ej granskat", "inte granskad", "not reviewed", "not-reviewed":
            self = .notReviewed
        default:
            return nil
        }
    }
}

/// One item's result against one criterion.
public struct CriterionResult: Sendable, Hashable, Codable {
    /// The criterion, as the plan spells it.
    public var criterion: String
    /// What was found.
    public var verdict: CriterionVerdict
    /// Why the item could not be reviewed against the criterion (for ``CriterionVerdict/notReviewed``).
    public var reason: String?

    /// Creates a result.
    public init(criterion: String, verdict: CriterionVerdict, reason: String? = nil) {
        self.criterion = criterion
        self.verdict = verdict
        self.reason = reason
    }

    /// Reads `Kriterium=resultat` or `Kriterium=ej granskad: skäl` as typed on the command line
    /// (`record … --criterion 'Kommunicering av beslutsunderlag=anmärkning'`); the criterion is
    /// checked against the plan later. `nil` when there is no `=` or the verdict is not a result word.
    public init?(assignment: String) {
        guard let equals = assignment.lastIndex(of: "=") else { return nil }
        let name = assignment[..<equals].trimmingASCIIWhitespace()
        guard !name.isEmpty, let cell = Self.cell(String(assignment[assignment.index(after: equals)...])) else {
            return nil
        }
        self.init(criterion: name, verdict: cell.verdict, reason: cell.reason)
    }

    /// Reads a worksheet cell: a verdict word, optionally followed by `: reason`
    /// ("ej granskad: akten saknas"). `nil` when the word is not a verdict.
    public static func cell(_ text: String) -> (verdict: CriterionVerdict, reason: String?)? {
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingASCIIWhitespace() }
        guard let word = parts.first, let verdict = CriterionVerdict(word: word) else { return nil }
        let reason = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        return (verdict, reason)
    }
}

extension CriterionResult {
    /// `earlier` with `later`'s results taking the place of the same criteria, in the checklist's order.
    public static func merged(_ earlier: [CriterionResult], _ later: [CriterionResult], order: [String])
        -> [CriterionResult]
    {
        var byName: [String: CriterionResult] = [:]
        for result in earlier + later { byName[result.criterion] = result }
        let known = order.compactMap { byName[$0] }
        let other = (earlier + later).map(\.criterion).filter { !order.contains($0) }
        var seen = Set<String>()
        return known + other.filter { seen.insert($0).inserted }.compactMap { byName[$0] }
    }

    /// The item's overall result as its criteria give it: any criterion with a remark makes a
    /// remark (its kind the first such criterion); else, with some criterion fulfilled, it was
    /// reviewed without remark (criteria that do not apply or could not be reviewed are no remark);
    /// else, when some criterion could not be reviewed, the item was not reviewed (the reasons
    /// joined); else — every criterion does not apply — the control point does not apply to it.
    public static func overall(_ results: [CriterionResult]) -> (
        result: ReviewResult, remarkKind: String?, reason: String?
    ) {
        if let first = results.first(where: { $0.verdict == .remark }) { return (.remark, first.criterion, nil) }
        if results.isEmpty || results.contains(where: { $0.verdict == .fulfilled }) { return (.ok, nil, nil) }
        if results.contains(where: { $0.verdict == .notReviewed }) {
            var unique: [String] = []
            for reason in results.compactMap(\.reason) where !unique.contains(reason) { unique.append(reason) }
            return (.notReviewed, nil, unique.isEmpty ? nil : unique.joined(separator: "; "))
        }
        return (.notApplicable, nil, nil)
    }
}

extension OutcomeRecord {
    /// An outcome with its results per criterion.
    public init(
        draw: DrawID, key: String, result: ReviewResult, remarkKind: String? = nil, note: String? = nil,
        criteria: [CriterionResult]
    ) {
        self.init(draw: draw, key: key, result: result, remarkKind: remarkKind, note: note)
        self.criteria = criteria
    }
}
