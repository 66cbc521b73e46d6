/// Results per criterion: an item reviewed against the control point's checklist.
extension Recording {
    /// `proposed` with its criterion results checked against the checklist, merged with what the
    /// item already has (so criteria can be recorded one at a time), and — unless `resultGiven` —
    /// its overall result following from them (any anmärkning makes a remark; see
    /// ``CriterionResult/overall(_:)``). A record without criterion results is returned as it is.
    /// - Throws: ``RecordError`` for an unknown draw or criterion, a control point without
    ///   criteria, "ej granskad" without a reason, or one criterion given two verdicts.
    public static func applyingCriteria(
        _ proposed: OutcomeRecord, resultGiven: Bool, plan: ControlPlan, state: YearState
    ) throws(RecordError) -> OutcomeRecord {
        guard let given = proposed.criteria, !given.isEmpty else { return proposed }
        guard let draw = state.draw(proposed.draw) else {
            throw .unknownDraw(proposed.draw, known: state.draws.map(\.id))
        }
        let point = try controlPoint(of: proposed, in: draw)
        guard let control = plan.control(point), !control.criteria.isEmpty else { throw .noCriteria(point) }
        var checked: [CriterionResult] = []
        for result in given {
            guard let name = control.criterion(matching: result.criterion) else {
                throw .unknownCriterion(result.criterion, known: control.criteria)
            }
            var result = result
            result.criterion = name
            if result.verdict == .notReviewed {
                result.reason = trimmedOrNil(result.reason) ?? trimmedOrNil(proposed.note)
                guard result.reason != nil else { throw .criterionReasonRequired(name) }
                if !control.allowsPersonalDataInNotes { try refusePersonalData(result.reason, field: "the reason") }
                try refuseOverlong(result.reason, field: "the reason", limit: InputBounds.maximumTextCharacters)
            } else {
                result.reason = nil
            }
            if let earlier = checked.first(where: { $0.criterion == name }) {
                guard earlier == result else { throw .criterionTwice(name) }
                continue
            }
            checked.append(result)
        }
        var record = proposed
        let earlier = state.outcome(draw.id, Population.normalise(proposed.key), control: point)?.record.criteria ?? []
        let merged = CriterionResult.merged(earlier, checked, order: control.criteria)
        record.criteria = merged
        if !resultGiven {
            let overall = CriterionResult.overall(merged)
            record.result = overall.result
            switch overall.result {
            case .remark: record.remarkKind = trimmedOrNil(record.remarkKind) ?? overall.remarkKind
            case .notReviewed: record.note = trimmedOrNil(record.note) ?? overall.reason
            case .ok, .notApplicable: break
            }
        }
        return record
    }
}
