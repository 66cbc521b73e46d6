/// Changing a plan's signal scale. A level's id never changes, so rewording a level keeps every
/// earlier assessment; a level still named by an assessment cannot be removed.
extension SignalScale {
    /// Adds a level and returns it.
    /// - Parameters:
    ///   - label: the legend's text, e.g. "Kontrollen är genomförd utan anmärkning".
    ///   - id: the id assessments will name; by default made from the label (`utan-anmarkning`).
    ///   - name: the short name beside the dot, e.g. "Utan anmärkning".
    ///   - colour: `#RRGGBB`; by default none, so the level is drawn in the colour its rank in the
    ///     scale gives (``colour(of:)``), whatever the scale becomes.
    ///   - countsAsWithoutRemark: whether the summary counts it as "utan anmärkning eller med
    ///     försumbar anmärkning".
    ///   - position: 1-based place in the scale (best first); by default last.
    /// - Throws: ``PlanError/signalPosition(_:count:)`` for a place outside the scale.
    @discardableResult
    public mutating func add(
        label: String, id: String? = nil, name: String? = nil, colour: String? = nil,
        countsAsWithoutRemark: Bool = false, at position: Int? = nil
    ) throws(PlanError) -> SignalLevel {
        let index = (position ?? levels.count + 1) - 1
        guard (0...levels.count).contains(index) else { throw .signalPosition(index + 1, count: levels.count + 1) }
        let level = SignalLevel(
            id: id ?? newID(for: name ?? label), colour: colour, label: label, name: name,
            countsAsWithoutRemark: countsAsWithoutRemark)
        levels.insert(level, at: index)
        return level
    }

    /// Changes the level `words` names (see ``level(matching:)``) in place; its id stays.
    /// - Throws: ``PlanError/unknownSignal(_:known:)``.
    @discardableResult
    public mutating func update(_ words: String, _ change: (inout SignalLevel) -> Void) throws(PlanError) -> SignalLevel
    {
        guard let id = level(matching: words)?.id, let index = levels.firstIndex(where: { $0.id == id }) else {
            throw .unknownSignal(words, known: levels.map(\.id))
        }
        let original = levels[index].id
        change(&levels[index])
        levels[index].id = original
        return levels[index]
    }

    /// Removes the level `words` names.
    /// - Parameter assessments: how many assessments in the journal name each level id.
    /// - Throws: ``PlanError/unknownSignal(_:known:)``, or ``PlanError/signalInUse(_:assessments:)``
    ///   when assessments name it (their signal would be lost).
    @discardableResult
    public mutating func remove(_ words: String, assessments: [String: Int]) throws(PlanError) -> SignalLevel {
        guard let level = level(matching: words), let index = levels.firstIndex(where: { $0.id == level.id }) else {
            throw .unknownSignal(words, known: levels.map(\.id))
        }
        if let count = assessments[level.id], count > 0 { throw .signalInUse(level.id, assessments: count) }
        levels.remove(at: index)
        return level
    }
}
