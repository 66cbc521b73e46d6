/// The summary sentence for the report's main text: "Vid årsbokslutet visar kontrollen att
/// två av totalt fyra kontrollpunkter har genomförts utan anmärkning eller med försumbar
/// anmärkning." It counts control points or risk areas, whichever the plan assesses, and
/// names those not yet assessed rather than counting them silently.
public enum SummarySentence {
    /// The sentence, followed by one naming the unassessed, if any.
    public static func text(plan: ControlPlan, state: YearState, point: ReportPoint) -> String {
        let perRisk = plan.assessmentLevel == .risk
        let units: [(id: String, text: String, signal: String?)]
        if perRisk {
            units = plan.risks.filter { $0.controls.contains { point.covers($0.followUp) } }.map { risk in
                (risk.id.rawValue, risk.text, state.assessment(.risk(risk.id), at: point)?.signal)
            }
        } else {
            units = plan.controlPoints.filter { point.covers($0.control.followUp) }.map { _, control in
                (control.id.rawValue, control.text, state.assessment(.control(control.id), at: point)?.signal)
            }
        }
        let noun = perRisk
            ? (singular: "kontrollområde", plural: "kontrollområden", definite: "kontrollområdet", definitePlural: "kontrollområdena", neuter: true)
            : (singular: "kontrollpunkt", plural: "kontrollpunkter", definite: "kontrollpunkten", definitePlural: "kontrollpunkterna", neuter: false)
        let best = plan.signals.levels.first
        let good = units.filter { $0.signal.map(plan.signals.countsAsWithoutRemark) ?? false }.count
        let isMarked = plan.signals.levels.contains(where: \.countsAsWithoutRemark)
        let outcome = isMarked || best?.label == SignalScale.standard.levels[0].label || best == nil
            ? "har genomförts utan anmärkning eller med försumbar anmärkning"
            : "har bedömts som ”\(Narrative.inSentence(best?.label ?? ""))”"
        let lead = "Vid \(point == .interim ? "delårsbokslutet" : "årsbokslutet") visar kontrollen att"
        let number = { (value: Int) in noun.neuter ? SwedishNumber.neuterWord(value) : SwedishNumber.word(value) }
        let total = units.count
        var sentence: String
        if total == 0 {
            sentence = "Inga \(noun.plural) följs upp vid \(point.swedish)."
        } else if total == 1 {
            sentence = "\(lead) nämndens enda \(noun.singular) \(good == 1 ? outcome : outcome.replacingOccurrences(of: "har ", with: "inte har "))."
        } else if good == total {
            sentence = "\(lead) samtliga \(number(total)) \(noun.plural) \(outcome)."
        } else {
            let count = good == 0 ? (noun.neuter ? "inget" : "ingen") : number(good)
            let whole = perRisk ? "nämndens \(number(total))" : "totalt \(number(total))"
            sentence = "\(lead) \(count) av \(whole) \(noun.plural) \(outcome)."
        }
        let unassessed = units.filter { $0.signal == nil }
        if !unassessed.isEmpty && total > 0 {
            let names = unassessed.map { "\($0.id) (\($0.text))" }
            let subject = unassessed.count == 1 ? noun.definite : noun.definitePlural
            sentence += " \(Narrative.capitalised(subject)) \(SwedishText.list(names)) har ännu inte bedömts."
        }
        return sentence
    }
}
