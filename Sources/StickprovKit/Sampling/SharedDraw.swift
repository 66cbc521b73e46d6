/// One sample for several control points of one area (`stickprov draw K13 K14`): each item is
/// reviewed once and a result recorded per control point, and each point counts its results as if
/// the draw were its own.
///
/// The decision: the points must be distinct, in the same risk area, each checked by a method
/// that draws a sample, and the points that have a sample rule must have the same one (size, key,
/// stratum and amount columns, log-check columns); a point without a rule takes it. The draw
/// carries the columns every point carries, the first point's first. The rule is thus never taken
/// silently from one point over another's different rule.
public enum SharedDraw {
    /// The control point a shared draw is made for: the first point, with the rule all the points
    /// share (so the draw's flags apply to it as to a single point's).
    /// - Parameter ids: the control points in the order given, at least one.
    /// - Returns: the first point carrying the shared rule (its own rule when there is one point).
    /// - Throws: ``PlanError/unknownControl(_:known:)`` for a point not in the plan, else ``DrawError``:
    ///   ``DrawError/controlNamedTwice(_:)``, ``DrawError/methodDrawsNoSample(_:_:)``,
    ///   ``DrawError/sharedAcrossAreas(_:_:other:_:)``, ``DrawError/sharedRulesDiffer(_:_:difference:)``.
    public static func lead(_ ids: [ControlID], in plan: ControlPlan) throws -> ControlPoint {
        var points: [(risk: Risk, control: ControlPoint)] = []
        for id in ids {
            guard let found = plan.controlPoints.first(where: { $0.control.id == id }) else {
                throw PlanError.unknownControl(id, known: plan.controlIDs)
            }
            if points.contains(where: { $0.control.id == id }) { throw DrawError.controlNamedTwice(id) }
            if let method = found.control.method, !method.takesSampleRule {
                throw DrawError.methodDrawsNoSample(id, method)
            }
            points.append(found)
        }
        guard var lead = points.first?.control, let area = points.first?.risk else {
            throw DrawError.noSampleRule(ids.first ?? "")
        }
        if let other = points.first(where: { $0.risk.id != area.id }) {
            throw DrawError.sharedAcrossAreas(lead.id, area.id, other: other.control.id, other.risk.id)
        }
        let ruled = points.map(\.control).filter { $0.sampleRule != nil }
        guard var rule = ruled.first?.sampleRule, let ruler = ruled.first else { return lead }
        for control in ruled.dropFirst() {
            if let difference = difference(rule, control.sampleRule ?? rule) {
                throw DrawError.sharedRulesDiffer(ruler.id, control.id, difference: difference)
            }
        }
        for control in points.map(\.control) {
            for column in control.sampleRule?.carry ?? [] where !rule.carry.contains(column) {
                rule.carry.append(column)
            }
        }
        lead.sampleRule = rule
        return lead
    }

    /// What two rules differ in, in words naming both values ("size: 25 st and 5 %"); `nil` when
    /// they draw the same sample (the carried columns aside).
    public static func difference(_ first: SampleRule, _ second: SampleRule) -> String? {
        if first.size != second.size {
            return "size: \(first.size.swedishDescription) and \(second.size.swedishDescription)"
        }
        if first.certainFrom != second.certainFrom {
            return
                "certain-from amount: \(first.certainFrom.map { "\($0) kr" } ?? "none") and \(second.certainFrom.map { "\($0) kr" } ?? "none")"
        }
        // Columns are found in a population without regard to case, so only a real difference counts.
        let columns: [(String, KeyPath<SampleRule, String?>)] = [
            ("key column", \.keyColumn), ("stratum column", \.stratumColumn), ("amount column", \.amountColumn),
            ("unit column", \.unitColumn), ("manager column", \.managerColumn), ("log user column", \.logUserColumn),
            ("log time column", \.logTimeColumn),
        ]
        for (name, path) in columns
        where first[keyPath: path]?.nfc.lowercased() != second[keyPath: path]?.nfc.lowercased() {
            func shown(_ value: String?) -> String { value.map { "'\($0)'" } ?? "none" }
            return "\(name): \(shown(first[keyPath: path])) and \(shown(second[keyPath: path]))"
        }
        return nil
    }
}
