extension ControlPlan {
    /// Moves a risk area or a control point to another place; ids stay, numbers follow the order.
    /// - Parameters:
    ///   - id: the risk or control point.
    ///   - position: the 1-based place among the plan's areas (a risk) or among the area's control
    ///     points (a control point); by default last (a control point moved to another area).
    ///   - riskID: for a control point, the area to move it to (default: its own).
    /// - Returns: what was moved.
    /// - Throws: ``PlanError/unknownID(_:)``, ``PlanError/unknownRisk(_:known:)`` or
    ///   ``PlanError/position(_:count:)``.
    @discardableResult
    public mutating func move(_ id: String, to position: Int?, under riskID: RiskID? = nil) throws(PlanError) -> Target
    {
        let target = try target(id)
        switch target {
        case .risk(let riskID):
            guard let from = risks.firstIndex(where: { $0.id == riskID }) else { throw .unknownID(id) }
            let place = position ?? risks.count
            guard (1...risks.count).contains(place) else { throw .position(place, count: risks.count) }
            let risk = risks.remove(at: from)
            risks.insert(risk, at: place - 1)
        case .control(let controlID):
            guard let r = risks.firstIndex(where: { $0.controls.contains { $0.id == controlID } }),
                let c = risks[r].controls.firstIndex(where: { $0.id == controlID })
            else { throw .unknownID(id) }
            let destination: Int
            if let riskID {
                guard let index = risks.firstIndex(where: { $0.id == riskID }) else {
                    throw .unknownRisk(riskID, known: self.riskIDs)
                }
                destination = index
            } else {
                destination = r
            }
            let count = risks[destination].controls.count + (destination == r ? 0 : 1)
            let place = position ?? count
            guard (1...count).contains(place) else { throw .position(place, count: count) }
            let control = risks[r].controls.remove(at: c)
            risks[destination].controls.insert(control, at: place - 1)
        }
        return target
    }
}
