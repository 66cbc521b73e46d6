/// The monthly log check's draw: the plan's rule with the officer list's columns, so the journal
/// remembers each drawn officer's unit and manager and the extract can group by manager.
public enum LogCheckDraw {
    /// The rule a log-check draw follows: the control point's, with the key, unit and manager columns
    /// given for this draw (or the plan's), and unit and manager carried along with the officers.
    /// - Throws: ``LogCheckError/notALogCheckControl(_:_:)`` when the control's rule is not a log check.
    public static func rule(for control: ControlPoint, key: String?, unit: String?, manager: String?)
        throws(LogCheckError) -> SampleRule
    {
        guard var rule = control.sampleRule, case .logCheck = rule.size else {
            throw .notALogCheckControl(control.id, control.sampleRule?.size)
        }
        if let key { rule.keyColumn = key }
        if let unit { rule.unitColumn = unit }
        if let manager { rule.managerColumn = manager }
        var carry: [String] = []
        for column in rule.carry + [rule.unitColumn, rule.managerColumn].compactMap({ $0 })
        where !carry.contains(where: { sameColumn($0, column) }) {
            carry.append(column)
        }
        rule.carry = carry
        return rule
    }

    /// The draw with its unit and manager columns spelled as the officer list spells them (the draw
    /// records the carried columns so), so the extract finds their values.
    public static func spellingColumns(of record: DrawRecord, asked rule: SampleRule) -> DrawRecord {
        var record = record
        func spelled(_ name: String?) -> String? {
            guard let name, let index = rule.carry.firstIndex(where: { sameColumn($0, name) }),
                index < record.rule.carry.count
            else { return name }
            return record.rule.carry[index]
        }
        record.rule.unitColumn = spelled(rule.unitColumn)
        record.rule.managerColumn = spelled(rule.managerColumn)
        return record
    }

    /// Whether two column names name the same column, as ``CSVTable/columnIndex(_:)`` compares them.
    static func sameColumn(_ a: String, _ b: String) -> Bool {
        func key(_ name: String) -> String { name.trimmingASCIIWhitespace().nfc.lowercased() }
        return key(a) == key(b)
    }
}
