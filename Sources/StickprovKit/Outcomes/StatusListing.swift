/// Renders where the year stands (`stickprov status`): per area (numbered 1..n) and control point
/// (1.1, 1.2, … with its id) its draws with their counts, measurements and assessments.
public enum StatusListing {
    /// The listing, ending in a newline.
    public static func render(_ plan: ControlPlan, _ state: YearState) -> String {
        var lines = ["\(plan.committee) — \(plan.title) · journal: \(state.eventCount) events"]
        for (risk, control) in plan.controlPoints {
            lines.append("")
            if risk.controls.first?.id == control.id, let area = plan.areaTitle(of: risk.id) {
                lines.append(area)
            }
            let how = [control.methodText, control.cadenceText ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
            lines.append(
                "\(plan.number(of: control.id) ?? "") \(control.id)  \(control.text)"
                    + (how.isEmpty ? "" : "  (\(how))"))
            let draws = state.draws(of: control.id)
            for draw in draws {
                let stats = ReviewStatistics(draws: [draw], in: state)
                var line = "    \(draw.id)  \(draw.period)"
                if let week = draw.week { line += " \(week)" }
                if let others = draw.sharedWith, !others.isEmpty {
                    line += "  (shared with \(others.map(\.rawValue).joined(separator: ", ")))"
                }
                line += "  " + counts(stats)
                lines.append(line)
                lines += replacements(SampleSlots(draw: draw, in: state))
                if let amounts = AmountFindings.summary(of: draw, in: state) {
                    lines.append(
                        "      " + AmountFindings.swedishSentence(amounts, noun: control.itemNoun ?? .caseFile))
                }
            }
            // Counted once: a year may have 100,000 items.
            let all = draws.isEmpty ? nil : ReviewStatistics(draws: draws, in: state)
            if draws.count > 1, let all {
                lines.append("    All draws: " + counts(all))
            }
            if let stats = all {
                if let estimate = StratifiedEstimate.of(draws: draws, in: state) {
                    // Stratified: the weighted estimate the appendix gives, and each stratum's plain rate.
                    lines.append(
                        "    Remark rate \(SwedishNumber.percent(estimate.rate)) weighted by stratum size (N \(estimate.population)), 95 % upper bound \(SwedishNumber.percent(estimate.upperBound95))"
                    )
                    for stratum in estimate.strata {
                        let rate =
                            stratum.rate.map { SwedishNumber.percent($0) }
                            ?? (stratum.isOutside ? "not applicable to any" : "nothing reviewed")
                        let outside = stratum.notApplicable > 0 ? " · not applicable \(stratum.notApplicable)" : ""
                        lines.append(
                            "      \(stratum.name)\(draws.count > 1 ? " (\(stratum.draw))" : ""): \(stratum.remarks) of \(stratum.reviewed) with remarks, \(rate) · N \(stratum.population)\(outside)"
                        )
                    }
                } else if stats.reviewed > 0, let bound = stats.upperBound95 {
                    lines.append(
                        "    Remark rate \(SwedishNumber.percent(Double(stats.remarks) / Double(stats.reviewed))), 95 % upper bound \(SwedishNumber.percent(bound))"
                            + (stats.officers.map { " · \($0) officers" } ?? ""))
                }
                if !stats.remarkKinds.isEmpty {
                    lines.append(
                        "    Remark kinds: "
                            + stats.remarkKinds.map { "\($0.kind) \($0.count)" }.joined(separator: ", "))
                }
                if let shares = CriterionShares.of(criteria: control.criteria, draws: draws, in: state) {
                    lines.append("    Criteria fulfilled over the year (the appendix's figures):")
                    lines += shares.figures.map { "      " + criterionLine($0) }
                }
            }
            for measurement in state.measurements[control.id] ?? [] {
                let target = measurement.target.map { " (target \($0.swedish) \(measurement.unit))" } ?? ""
                let of = measurement.of.map { " of \($0.swedish)" + (measurement.ofWhat.map { " \($0)" } ?? "") } ?? ""
                lines.append(
                    "    Measured \(measurement.value.swedish) \(measurement.unit)\(of) per \(measurement.date)\(target)"
                        + (measurement.note.map { " · \($0)" } ?? ""))
            }
            if draws.isEmpty && (state.measurements[control.id] ?? []).isEmpty {
                lines.append("    Nothing recorded yet.")
            }
            // The signals the appendix shows (ReportedAssessment), so status and report agree.
            let target = plan.assessedTarget(risk: risk.id, control: control.id)
            let points = ReportPoint.allCases.filter { plan.lists(target, at: $0) }.map { point in
                let reported = ReportedAssessment.of(target, at: point, plan: plan, state: state)
                return "\(point.swedish): "
                    + (reported.map {
                        plan.signals.name(of: $0.record.signal)
                            + ($0.isConcludedAtInterim ? " (concluded at the interim)" : "")
                    } ?? "not assessed")
            }
            let area = plan.areaNumber(of: risk.id).map { " (area \($0))" } ?? ""
            lines.append("    " + points.joined(separator: " · ") + (plan.assessmentLevel == .risk ? area : ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Kommunicering av beslutsunderlag: 87,5 % weighted by stratum size (14 of 16) · SoL hemtjänst
    /// 87,5 % (7 of 8), LSS 87,5 % (7 of 8) · 2023-H1 79,2 %, 2023-H2 95,8 % · not applicable 2".
    static func criterionLine(_ figure: CriterionShares.Figure) -> String {
        let total = figure.total
        var parts: [String] = []
        if let share = figure.share {
            parts.append(
                "\(SwedishNumber.percent(share))\(figure.isWeighted ? " weighted by stratum size" : "") (\(total.fulfilled) of \(total.assessed))"
            )
            if !figure.strata.isEmpty {
                parts.append(
                    figure.strata.map {
                        "\($0.name) \(SwedishNumber.percent($0.share)) (\($0.counts.fulfilled) of \($0.counts.assessed))"
                    }.joined(separator: ", "))
            }
            if !figure.periods.isEmpty {
                parts.append(
                    figure.periods.map { "\($0.name) \(SwedishNumber.percent($0.share))" }.joined(separator: ", "))
            }
        } else {
            parts.append("not assessed yet")
        }
        if total.notApplicable > 0 { parts.append("not applicable \(total.notApplicable)") }
        if total.notReviewed > 0 {
            parts.append(
                "not reviewed \(total.notReviewed)"
                    + (total.reasons.isEmpty ? "" : " (\(total.reasons.joined(separator: "; ")))"))
        }
        return "\(figure.criterion): " + parts.joined(separator: " · ")
    }

    /// "Reserv 1 'SN-2023-1044' replaces Nr 4 'SN-2023-1010' (ej granskad): utan anmärkning", one line
    /// per spare used, and a line for each spare that stands in for nothing and counts nowhere.
    static func replacements(_ places: SampleSlots) -> [String] {
        var lines: [String] = []
        for slot in places.slots {
            for spare in slot.spares {
                let counted = slot.countedSpare == spare ? "" : " (not counted)"
                lines.append(
                    "      Reserv \(spare.number) '\(spare.item.key)' replaces Nr \(slot.number) '\(slot.item.key)' (\(slot.outcome?.result.swedish ?? "no result")): \(spare.outcome.result.swedish)\(counted)"
                )
            }
        }
        for spare in places.unplaced {
            lines.append(
                "      Reserv \(spare.number) '\(spare.item.key)': \(spare.outcome.result.swedish), replaces no item (none is recorded as not reviewed): not counted"
            )
        }
        return lines
    }

    private static func counts(_ stats: ReviewStatistics) -> String {
        var parts = [
            "\(stats.drawn) drawn", "\(stats.reviewed) reviewed", "\(stats.ok) ok",
            "\(stats.remarks) remark\(stats.remarks == 1 ? "" : "s")",
        ]
        if stats.notReviewed > 0 { parts.append("\(stats.notReviewed) not reviewed") }
        if stats.notApplicable > 0 { parts.append("\(stats.notApplicable) not applicable") }
        if stats.sparesReviewed > 0 { parts.append("\(stats.sparesReviewed) spares reviewed") }
        if stats.pending > 0 { parts.append("\(stats.pending) pending") }
        return parts.joined(separator: " · ")
    }
}
