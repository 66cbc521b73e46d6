extension ControlPlan {
    /// The first free id of the form `R1`, `R2`, … for a new risk.
    public var nextRiskID: RiskID { RiskID(rawValue: nextFreeID(prefix: "R")) }

    /// The first free id of the form `K1`, `K2`, … for a new control point.
    public var nextControlID: ControlID { ControlID(rawValue: nextFreeID(prefix: "K")) }

    private func nextFreeID(prefix: String) -> String {
        let taken = Set(risks.map(\.id.rawValue) + risks.flatMap(\.controls).map(\.id.rawValue))
        var number = 1
        while taken.contains("\(prefix)\(number)") { number += 1 }
        return "\(prefix)\(number)"
    }

    /// All risk ids, for messages.
    public var riskIDs: [RiskID] { risks.map(\.id) }

    /// All control point ids, for messages.
    public var controlIDs: [ControlID] { risks.flatMap(\.controls).map(\.id) }

    /// Appends a risk. The result is checked when saved.
    public mutating func addRisk(_ risk: Risk) {
        risks.append(risk)
    }

    /// Appends a control point under a risk.
    /// - Throws: ``PlanError/unknownRisk(_:known:)`` when the risk is not in the plan.
    public mutating func addControl(_ control: ControlPoint, to riskID: RiskID) throws(PlanError) {
        guard let index = risks.firstIndex(where: { $0.id == riskID }) else {
            throw .unknownRisk(riskID, known: riskIDs)
        }
        risks[index].controls.append(control)
    }

    /// Changes a risk in place.
    /// - Throws: ``PlanError/unknownRisk(_:known:)``.
    public mutating func updateRisk(_ id: RiskID, _ change: (inout Risk) -> Void) throws(PlanError) {
        guard let index = risks.firstIndex(where: { $0.id == id }) else { throw .unknownRisk(id, known: riskIDs) }
        change(&risks[index])
    }

    /// Changes a control point in place.
    /// - Throws: ``PlanError/unknownControl(_:known:)``.
    public mutating func updateControl(_ id: ControlID, _ change: (inout ControlPoint) -> Void)
        throws(PlanError)
    {
        for r in risks.indices {
            if let c = risks[r].controls.firstIndex(where: { $0.id == id }) {
                change(&risks[r].controls[c])
                return
            }
        }
        throw .unknownControl(id, known: controlIDs)
    }

    /// What an id names in the plan.
    public enum Target: Sendable, Equatable {
        /// A risk.
        case risk(RiskID)
        /// A control point.
        case control(ControlID)
    }

    /// Whether `id` names a risk or a control point.
    /// - Throws: ``PlanError/unknownID(_:)``.
    public func target(_ id: String) throws(PlanError) -> Target {
        if risk(RiskID(rawValue: id)) != nil { return .risk(RiskID(rawValue: id)) }
        if control(ControlID(rawValue: id)) != nil { return .control(ControlID(rawValue: id)) }
        throw .unknownID(id)
    }

    /// Removes a risk or a control point.
    /// - Parameter withControls: also remove a risk's control points; without it a risk
    ///   that has any is refused, so nothing is lost by a slip.
    /// - Returns: what was removed.
    /// - Throws: ``PlanError/unknownID(_:)`` or ``PlanError/riskHasControls(_:controls:)``.
    @discardableResult
    public mutating func remove(_ id: String, withControls: Bool = false) throws(PlanError) -> Target {
        let target = try target(id)
        switch target {
        case .risk(let riskID):
            guard let index = risks.firstIndex(where: { $0.id == riskID }) else { throw .unknownID(id) }
            if !risks[index].controls.isEmpty && !withControls {
                throw .riskHasControls(riskID, controls: risks[index].controls.map(\.id))
            }
            risks.remove(at: index)
        case .control(let controlID):
            for r in risks.indices { risks[r].controls.removeAll { $0.id == controlID } }
        }
        return target
    }
}
