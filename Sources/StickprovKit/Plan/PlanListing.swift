/// Renders a plan as a readable listing for the terminal (`stickprov plan show`).
///
/// Long texts wrap at `width` columns under their label, so the listing stays
/// readable in an 80-column terminal; the words are the appendix's Swedish ones.
public enum PlanListing {
    /// The listing, ending in a newline. Areas are numbered 1..n and control points 1.1, 1.2, … in
    /// plan order, each followed by its id (what commands take).
    /// - Parameter adopted: the adoption and amendments the journal records, which take precedence
    ///   over the plan's own adoption field.
    public static func render(_ plan: ControlPlan, width: Int = 100, adopted: PlanAdoption? = nil) -> String {
        var lines: [String] = []
        lines.append("\(plan.committee) — \(plan.title)")
        var facts: [String] = []
        if let pinned = adopted?.adoption {
            facts.append("Antagen \(pinned.date)" + (pinned.paragraph.map { ", \($0)" } ?? ""))
            let amended = adopted?.amendments.count ?? 0
            if amended > 0 {
                facts.append(
                    "ändrad \(amended == 1 ? "en gång" : "\(amended) gånger"), senast \(adopted?.amendments.last?.date.description ?? "")"
                )
            }
        } else if let adoption = plan.adoption {
            facts.append("Antagen \(adoption.date)" + (adoption.paragraph.map { ", \($0)" } ?? ""))
        } else {
            facts.append("Ej antagen")
        }
        facts.append("Delårsbokslut per \(plan.interimCutoff)")
        facts.append(plan.assessmentLevel == .risk ? "Bedömning per riskområde" : "Bedömning per kontrollpunkt")
        if plan.reportLayout == .areas { facts.append("Bilaga med numrerade områden") }
        lines += wrap(facts.joined(separator: " · "), first: "", rest: "", width: width)
        lines.append("Signaler:")
        let idWidth = (plan.signals.levels.map(\.id.count).max() ?? 0) + 4
        for level in plan.signals.levels {
            var text = level.name.map { "\($0): \(level.label)" } ?? level.label
            if level.countsAsWithoutRemark { text += " (räknas som utan anmärkning)" }
            if level.name == SignalScale.standard.level(level.id)?.name { text = level.label }
            lines += wrap(
                text, first: "  " + pad(level.id, idWidth - 2), rest: String(repeating: " ", count: idWidth),
                width: width)
        }
        let count = plan.controlPoints.count
        lines.append(
            "\(plan.risks.count) \(plan.risks.count == 1 ? "risk" : "risker"), \(count) \(count == 1 ? "kontrollpunkt" : "kontrollpunkter")"
        )
        let numberWidth =
            plan.risks.enumerated().map { "\($0.offset + 1).\($0.element.controls.count)".count }.max() ?? 3
        let controlIDWidth = plan.controlIDs.map(\.rawValue.count).max() ?? 2
        for (r, risk) in plan.risks.enumerated() {
            lines.append("")
            let score = risk.score.map { ", risk \($0.probability)×\($0.consequence) = \($0.value)" } ?? ""
            lines += wrap(
                "\(r + 1). \(risk.text)  (\(risk.id)\(score))", first: "",
                rest: String(repeating: " ", count: "\(r + 1). ".count),
                width: width)
            switch risk.handling?.kind {
            case .goal?:
                lines += wrap(
                    "Hanteras som mål för nämnden" + (risk.handling?.text.map { ": \($0)" } ?? ""), first: "   ",
                    rest: "   ", width: width)
            case .elsewhere?:
                lines += wrap(
                    "Hanteras inom ramen för \(risk.handling?.text ?? "annat")", first: "   ", rest: "   ", width: width
                )
            case .controlPoints?, nil: if risk.controls.isEmpty { lines.append("   (inga kontrollpunkter)") }
            }
            for (c, control) in risk.controls.enumerated() {
                let head =
                    "   " + pad("\(r + 1).\(c + 1)", numberWidth + 2) + pad(control.id.rawValue, controlIDWidth + 2)
                let indent = String(repeating: " ", count: head.count)
                lines += wrap(control.text, first: head, rest: indent, width: width)
                var details: [String] = []
                if !control.methodText.isEmpty { details.append("Metod: \(control.methodText)") }
                if let cadence = control.cadenceText { details.append("Frekvens: \(cadence)") }
                details.append("Uppföljning: \(control.followUpText)")
                if let responsible = control.responsible { details.append("Ansvarig: \(responsible)") }
                lines += wrap(details.joined(separator: " · "), first: indent, rest: indent, width: width)
                if let previous = control.previousYear {
                    var text =
                        "Följs upp sedan \(previous.since) · \(previous.year): \(previous.signal.map { plan.signals.level($0)?.displayName ?? $0 } ?? "ej bedömd")"
                    if let first = Paragraph.parse(previous.actions).first?.texts.first {
                        text += " · Åtgärder \(previous.year): \(first)"
                    }
                    lines += wrap(text, first: indent, rest: indent, width: width)
                }
                if !control.criteria.isEmpty {
                    lines += wrap(
                        "Kriterier: " + control.criteria.joined(separator: "; "), first: indent, rest: indent,
                        width: width)
                }
                if !control.remarkKinds.isEmpty {
                    lines += wrap(
                        "Anmärkningstyper: " + control.remarkKinds.joined(separator: "; "), first: indent, rest: indent,
                        width: width)
                }
                if let rule = control.sampleRule {
                    var text = "Urval: \(rule.size.swedishDescription)"
                    if let key = rule.keyColumn { text += " · nyckel: \(key)" }
                    if let stratum = rule.stratumColumn { text += " · stratum: \(stratum)" }
                    if !rule.carry.isEmpty { text += " · medföljer: " + rule.carry.joined(separator: ", ") }
                    if let unit = rule.unitColumn { text += " · enhet: \(unit)" }
                    if let manager = rule.managerColumn { text += " · chef: \(manager)" }
                    if let user = rule.logUserColumn { text += " · loggens användare: \(user)" }
                    if let time = rule.logTimeColumn { text += " · loggens tid: \(time)" }
                    if let amount = rule.amountColumn {
                        text +=
                            " · efter belopp: \(amount)"
                            + (rule.certainFrom.map { ", säkert från \($0.roundedKronor) kr" } ?? "")
                    }
                    lines += wrap(text, first: indent, rest: indent, width: width)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count + 1 >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// Greedy word wrap with a first-line prefix and a continuation indent.
    static func wrap(_ text: String, first: String, rest: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = first
        var isLineEmpty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !isLineEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = rest
                isLineEmpty = true
            }
            current += (isLineEmpty ? "" : " ") + word
            isLineEmpty = false
        }
        lines.append(current)
        return lines
    }
}
