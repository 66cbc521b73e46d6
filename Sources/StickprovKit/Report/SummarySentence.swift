/// The summary sentence for the report's main text: "Vid årsbokslutet visar kontrollen att
/// två av totalt fyra kontrollpunkter har genomförts utan anmärkning eller med försumbar
/// anmärkning." It counts control points or risk areas, whichever the plan assesses, and
/// names those not yet assessed rather than counting them silently.
public enum SummarySentence {
    /// The sentence, followed by one naming the unassessed, if any.
    public static func text(plan: ControlPlan, state: YearState, point: ReportPoint) -> String {
        let perRisk = plan.assessmentLevel == .risk
        // Every area and control point the appendix lists: at the year end all of the year, those
        // concluded at the interim with their interim signal.
        let units: [(name: String, signal: String?)]
        if perRisk {
            units = plan.risks.filter { !$0.controls.isEmpty && plan.lists(.risk($0.id), at: point) }.map { risk in
                (
                    "\(plan.areaNumber(of: risk.id) ?? 0) (\(risk.text))",
                    ReportedAssessment.of(.risk(risk.id), at: point, plan: plan, state: state)?.record.signal
                )
            }
        } else {
            units = plan.controlPoints.filter { plan.lists(.control($0.control.id), at: point) }.map { _, control in
                (
                    "\(plan.number(of: control.id) ?? "") (\(control.text))",
                    ReportedAssessment.of(.control(control.id), at: point, plan: plan, state: state)?.record.signal
                )
            }
        }
        let noun =
            perRisk
            ? (
                singular: "kontrollområde", plural: "kontrollområden", definite: "kontrollområdet",
                definitePlural: "kontrollområdena", neuter: true
            )
            : (
                singular: "kontrollpunkt", plural: "kontrollpunkter", definite: "kontrollpunkten",
                definitePlural: "kontrollpunkterna", neuter: false
            )
        let best = plan.signals.levels.first
        let good = units.filter { $0.signal.map(plan.signals.countsAsWithoutRemark) ?? false }.count
        let isMarked = plan.signals.levels.contains(where: \.countsAsWithoutRemark)
        let outcome =
            isMarked || best?.label == SignalScale.standard.levels[0].label || best == nil
            ? "har genomförts utan anmärkning eller med försumbar anmärkning"
            : "har bedömts som ”\(Narrative.inSentence(best?.label ?? ""))”"
        let lead = "Vid \(point == .interim ? "delårsbokslutet" : "årsbokslutet") visar kontrollen att"
        let number = { (value: Int) in noun.neuter ? SwedishNumber.neuterWord(value) : SwedishNumber.word(value) }
        let total = units.count
        // "båda kontrollområdena", "samtliga fem kontrollområden".
        let all = { (value: Int) in
            value == 2 ? "båda \(noun.definitePlural)" : "samtliga \(number(value)) \(noun.plural)"
        }
        // At the interim, areas followed up only at the year end are not listed: the sentence counts
        // those followed up then, never calling them all of the committee's areas.
        let isPart = perRisk && total < plan.risks.filter { !$0.controls.isEmpty }.count
        let followedUp = "som följs upp vid \(point.swedish)et"
        var sentence: String
        if total == 0 {
            sentence = "Inga \(noun.plural) följs upp vid \(point.swedish)."
        } else if isPart && total > 1 {
            let count = good == total ? (total == 2 ? "båda" : "samtliga") : good == 0 ? "inget" : number(good)
            sentence = "Av de \(number(total)) \(noun.plural) \(followedUp) visar kontrollen att \(count) \(outcome)."
        } else if isPart {
            sentence =
                "Det enda \(noun.singular) \(followedUp) \(good == 1 ? outcome : outcome.replacingOccurrences(of: "har ", with: "inte har "))."
        } else if total == 1 {
            sentence =
                "\(lead) nämndens enda \(noun.singular) \(good == 1 ? outcome : outcome.replacingOccurrences(of: "har ", with: "inte har "))."
        } else if good == total {
            sentence = "\(lead) \(all(total)) \(outcome)."
        } else {
            let count = good == 0 ? (noun.neuter ? "inget" : "ingen") : number(good)
            let whole = perRisk ? "nämndens \(number(total))" : "totalt \(number(total))"
            sentence = "\(lead) \(count) av \(whole) \(noun.plural) \(outcome)."
        }
        let unassessed = units.filter { $0.signal == nil }
        if total > 0 && unassessed.count == total {
            // Nothing assessed yet: say so, without naming every one.
            let when = "Vid \(point == .interim ? "delårsbokslutet" : "årsbokslutet") har"
            sentence =
                isPart
                ? (total == 1
                    ? "Det enda \(noun.singular) \(followedUp) har inte bedömts ännu."
                    : "Av de \(number(total)) \(noun.plural) \(followedUp) har inget bedömts ännu.")
                : total == 1
                    ? "\(when) nämndens enda \(noun.singular) inte bedömts ännu."
                    : "\(when) \(noun.neuter ? "inget" : "ingen") av \(perRisk ? "nämndens" : "totalt") \(number(total)) \(noun.plural) bedömts ännu."
        } else if !unassessed.isEmpty {
            let subject = unassessed.count == 1 ? noun.singular : noun.definitePlural
            sentence +=
                " \(Narrative.capitalised(subject)) \(SwedishText.list(unassessed.map(\.name))) har ännu inte bedömts."
        }
        return sentence
    }
}
