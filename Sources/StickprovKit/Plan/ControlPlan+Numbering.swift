/// The numbers a committee reads: areas (risks) 1..n in plan order, control points 1.1, 1.2, …
/// within their area. They follow the order, so moving something renumbers it; ids stay.
extension ControlPlan {
    /// The area's number, 1 for the first risk of the plan; `nil` when the plan has no such risk.
    public func areaNumber(of id: RiskID) -> Int? {
        risks.firstIndex { $0.id == id }.map { $0 + 1 }
    }

    /// The control point's number within the plan, `2.1` for the first of the second area.
    public func number(of id: ControlID) -> String? {
        for (r, risk) in risks.enumerated() {
            if let c = risk.controls.firstIndex(where: { $0.id == id }) { return "\(r + 1).\(c + 1)" }
        }
        return nil
    }

    /// How a sentence names an area: its number and text, "1. Att vi inte nyttjar …".
    public func areaTitle(of id: RiskID) -> String? {
        guard let number = areaNumber(of: id), let risk = risk(id) else { return nil }
        return "\(number). \(risk.text)"
    }

    /// How a sentence names a control point: its number and text, "1.2 Att vi har likabehandling …".
    public func controlTitle(of id: ControlID) -> String? {
        guard let number = number(of: id), let control = control(id) else { return nil }
        return "\(number) \(control.text)"
    }
}
