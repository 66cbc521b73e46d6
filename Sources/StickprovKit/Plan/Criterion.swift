/// A control point's checklist: the criteria every sampled item is reviewed against, so one
/// sample serves several checks (one result per criterion and item).
extension ControlPoint {
    /// The built-in case-review checklist after SOSFS 2014:5, in the words the committees'
    /// appendices use (`plan edit K3 --criteria sosfs`).
    public static let sosfsCriteria = [
        "Handläggningsåtgärder dokumenterade",
        "Kommunicering av beslutsunderlag",
        "Underrättelse om beslut",
        "Motivering av beslutsskäl",
    ]

    /// A named built-in checklist: `sosfs` (also `sosfs-2014-5`, `SOSFS 2014:5`), or `nil`.
    public static func builtInCriteria(named name: String) -> [String]? {
        let folded = name.trimmingASCIIWhitespace().lowercased().filter { $0.isLetter || $0.isNumber }
        return ["sosfs", "sosfs20145"].contains(folded) ? sosfsCriteria : nil
    }

    /// Adds criteria not already there (ignoring case), keeping the order.
    public mutating func addCriteria(_ names: [String]) {
        criteria = Self.adding(names.map { $0.trimmingASCIIWhitespace() }.filter { !$0.isEmpty }, to: criteria)
    }

    /// Removes a criterion (ignoring case).
    /// - Throws: ``PlanError/notInList(_:_:list:)`` when the control has no such criterion.
    public mutating func removeCriterion(_ name: String) throws(PlanError) {
        criteria = try Self.removing(name, from: criteria, list: "criterion")
    }

    /// The plan's spelling of a criterion typed in another case, or by its number in the list (1, 2 …).
    public func criterion(matching text: String) -> String? {
        let wanted = Self.key(text)
        if let match = criteria.first(where: { Self.key($0) == wanted }) { return match }
        if let number = Int(wanted), criteria.indices.contains(number - 1) { return criteria[number - 1] }
        return nil
    }
}
