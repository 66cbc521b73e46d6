/// Adding to and removing from a control point's lists one entry at a time, so a committee
/// adds a remark kind or a carried column without retyping the others.
extension ControlPoint {
    /// Adds remark kinds not already there (ignoring case), keeping the order.
    public mutating func addRemarkKinds(_ kinds: [String]) {
        remarkKinds = Self.adding(kinds, to: remarkKinds)
    }

    /// Removes a remark kind (ignoring case).
    /// - Throws: ``PlanError/notInList(_:_:list:)`` when the control has no such kind.
    public mutating func removeRemarkKind(_ kind: String) throws(PlanError) {
        remarkKinds = try Self.removing(kind, from: remarkKinds, list: "remark kind")
    }

    /// Adds carried columns not already there to the sample rule.
    /// - Throws: ``PlanError/noSampleRule(_:)`` when there is no rule to carry columns with.
    public mutating func addCarried(_ columns: [String]) throws(PlanError) {
        guard var rule = sampleRule else { throw .noSampleRule(id) }
        rule.carry = Self.adding(columns, to: rule.carry)
        sampleRule = rule
    }

    /// Removes a carried column (ignoring case).
    /// - Throws: ``PlanError/notInList(_:_:list:)``.
    public mutating func removeCarried(_ column: String) throws(PlanError) {
        guard var rule = sampleRule else { throw .notInList(column, [], list: "carried column") }
        rule.carry = try Self.removing(column, from: rule.carry, list: "carried column")
        sampleRule = rule
    }

    static func key(_ text: String) -> String { text.trimmingASCIIWhitespace().nfc.lowercased() }

    static func adding(_ new: [String], to list: [String]) -> [String] {
        var result = list
        for entry in new where !result.contains(where: { key($0) == key(entry) }) { result.append(entry) }
        return result
    }

    static func removing(_ entry: String, from list: [String], list name: String) throws(PlanError) -> [String] {
        guard list.contains(where: { key($0) == key(entry) }) else { throw .notInList(entry, list, list: name) }
        return list.filter { key($0) != key(entry) }
    }
}
