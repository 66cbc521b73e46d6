import Foundation

/// A problem with what one journal line says, though the chain holds: `journal.jsonl:LINE: message`.
public struct JournalProblem: Sendable, Equatable {
    /// The 1-based line in journal.jsonl.
    public var line: Int
    /// What is wrong, for a reader.
    public var message: String

    /// Creates a problem.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// Checks what the journal's lines mean, beyond their chain: the chain shows that no line changed
/// since it was written, not that the lines make sense — a hostile user can rewrite lines and recompute
/// every `prev` and `journal.head`. Three pure checks, each naming the line:
///
/// - ``form(of:decodedAs:)``: one line's JSON has no key twice in an object (readers disagree on which
///   one counts: Foundation reads the first, `jq` the last) and no field the tool does not read;
/// - ``meaning(of:)``: a draw id is drawn once, a draw extends an earlier draw, and a result (outcome or
///   correction) is for an earlier draw, one of its drawn keys (items or spares) and one of its points;
/// - ``names(in:plan:)``: the control points, risks, signal levels and criteria the lines name are the
///   plan's, so nothing recorded drops out of Bilaga 1 unseen (`verify`, `report` and `status` share it).
public enum JournalAudit {
    /// Keys the tool reads but does not write when their value is the default (`"certain": false`,
    /// `"carried": {}`, `"carry": []`), by the shape of their object's place.
    static let defaultKeys: [String: Set<String>] = [
        "data.items[0]": ["carried", "certain"], "data.spares[0]": ["carried", "certain"], "data.rule": ["carry"],
    ]

    /// The duplicate keys and unknown fields of one line's JSON `bytes`, which decoded to `event`.
    ///
    /// The fields the tool reads at each place are what it writes for that same event (encoded again)
    /// plus the few it leaves out when they hold their default; a `null` is taken as absent. A key under
    /// an unknown field is not named again. Pure; used on the lines the journal's fast reader did not
    /// vouch for (``JournalLine/decodeAudited(_:line:)``), and it gives the same verdict on any line.
    public static func form(of bytes: ArraySlice<UInt8>, decodedAs event: JournalEvent) -> [String] {
        guard let objects = JSONKeyScanner.objects(in: Array(bytes)) else { return [] }
        let written = JournalLine.encode(
            event.payload, sequence: event.sequence, time: event.time, actor: event.actor, prev: "")
        guard let canonical = try? JSONSerialization.jsonObject(with: Data(written)) else { return [] }
        var problems: [String] = []
        // In the scanner's order: each object as it closes, so what is inside comes before what holds it.
        for object in objects {
            guard let known = JSONKeyScanner.value(at: object.path, in: canonical) as? [String: Any] else {
                continue  // inside a field the tool does not read: named once, at that field
            }
            let keys = Set(known.keys).union(defaultKeys[JSONKeyScanner.shape(object.path)] ?? [])
            var seen: Set<String> = []
            for entry in object.keys {
                let place = JSONKeyScanner.render(object.path + [.key(entry.key)])
                if !seen.insert(entry.key).inserted {
                    problems.append(
                        "'\(place)' is given twice; JSON readers disagree on which one counts (this tool reads "
                            + "the first, jq the last), so the line does not say one thing")
                    continue
                }
                guard !keys.contains(entry.key), !entry.isNull else { continue }
                let suggestion = PlanFile.nearest(entry.key, in: keys).map { "; did you mean '\($0)'?" } ?? ""
                problems.append("'\(place)' is not a field the tool reads (it would be ignored)\(suggestion)")
            }
        }
        return problems
    }

    /// The problems of meaning across the events, in line order: a draw id drawn twice, a draw extending
    /// no earlier draw, and a result for a draw no earlier line draws, for a key that draw did not draw
    /// (items and spares), or for a point the draw was not drawn for.
    public static func meaning(of events: [JournalEvent]) -> [JournalProblem] {
        walk(events, meaning: true, plan: nil)
    }

    /// The lines naming a control point, risk, signal level or criterion `plan` does not have (a hand edit
    /// of plan.json removed or renamed it): what they record would silently drop out of Bilaga 1.
    public static func names(in events: [JournalEvent], plan: ControlPlan) -> [JournalProblem] {
        walk(events, meaning: false, plan: plan)
    }

    /// ``meaning(of:)`` and ``names(in:plan:)`` in one pass, in line order.
    public static func meaningAndNames(of events: [JournalEvent], plan: ControlPlan) -> [JournalProblem] {
        walk(events, meaning: true, plan: plan)
    }

    /// One pass over the events: the problems of meaning (when `meaning`) and of names (with a `plan`).
    private static func walk(_ events: [JournalEvent], meaning: Bool, plan: ControlPlan?) -> [JournalProblem] {
        struct Drawn {
            var line: Int
            var record: DrawRecord
            var keys: Set<String>
        }
        var points: [ControlID: ControlPoint] = [:]
        for risk in plan?.risks ?? [] {
            for control in risk.controls { points[control.id] = control }
        }
        let risks = Set(plan?.riskIDs ?? [])
        var draws: [DrawID: Drawn] = [:]
        var problems: [JournalProblem] = []
        func problem(_ line: Int, _ message: String) {
            problems.append(JournalProblem(line: line, message: message))
        }
        func lacking(_ line: Int, _ message: String) {
            problem(
                line,
                message + " (removed or renamed in plan.json?); what it records would be left out of Bilaga 1: "
                    + "give the plan that id back")
        }
        // An assessment a forced plan change superseded is printed as superseded, not by the plan's
        // names: the level or point it names may be gone on purpose.
        var superseded: Set<Int> = []
        for event in events {
            if case .supersession(let record) = event.payload { superseded.formUnion(record.assessments.map(\.line)) }
        }
        for event in events {
            let line = event.line
            switch event.payload {
            case .draw(let record):
                if plan != nil {
                    for control in record.controls where points[control] == nil {
                        lacking(line, "draw \(record.id) is for control point \(control), which the plan does not have")
                    }
                }
                if let first = draws[record.id] {
                    if meaning {
                        problem(
                            line,
                            "draw \(record.id) is drawn a second time (first on line \(first.line)); a draw id names "
                                + "one draw, so its results could not be told apart")
                    }
                    continue
                }
                if meaning, let extended = record.extends, draws[extended] == nil {
                    problem(line, "draw \(record.id) extends draw \(extended), which no earlier line draws")
                }
                var keys = Set<String>()
                if meaning {
                    keys.reserveCapacity(record.items.count + record.spares.count)
                    for item in record.items { keys.insert(item.key) }
                    for item in record.spares { keys.insert(item.key) }
                }
                draws[record.id] = Drawn(line: line, record: record, keys: keys)
            case .outcome(let record), .correction(let record):
                let noun = event.payload.type == "outcome" ? "a result" : "a correction"
                guard let draw = draws[record.draw] else {
                    if meaning { problem(line, "\(noun) for draw \(record.draw), which no earlier line draws") }
                    continue
                }
                if meaning && !draw.keys.contains(record.key) {
                    problem(
                        line, "\(noun) for '\(record.key)', which draw \(record.draw) (line \(draw.line)) did not draw")
                }
                if meaning, let control = record.control, !draw.record.controls.contains(control) {
                    problem(
                        line,
                        "\(noun) for control point \(control), which draw \(record.draw) was not drawn for "
                            + "(\(draw.record.controls.map(\.rawValue).joined(separator: ", ")))")
                }
                guard plan != nil, let criteria = record.criteria, !criteria.isEmpty,
                    let point = points[record.control ?? draw.record.control]
                else { continue }
                for result in criteria where !point.criteria.contains(result.criterion) {
                    problem(
                        line,
                        "a result of '\(record.key)' (draw \(record.draw)) against criterion '\(result.criterion)', "
                            + "which control point \(point.id) does not have in the plan; it would be left out of "
                            + "Bilaga 1: give the point that criterion back")
                }
            case .measurement(let record) where plan != nil && points[record.control] == nil:
                lacking(line, "a measurement of control point \(record.control), which the plan does not have")
            case .assessment(let record):
                guard let plan, !superseded.contains(line) else { continue }
                switch record.target {
                case .control(let id) where points[id] == nil:
                    lacking(line, "an assessment of control point \(id), which the plan does not have")
                case .risk(let id) where !risks.contains(id):
                    lacking(line, "an assessment of risk \(id), which the plan does not have")
                default:
                    break
                }
                if plan.signals.level(record.signal) == nil {
                    problem(
                        line,
                        "an assessment at \(record.point.swedish) as '\(record.signal)', which is not a level of "
                            + "the plan's signals any more; give that id back (its label may change)")
                }
            default:
                break
            }
        }
        return problems
    }
}
