/// The sentences the tool writes from the journal for one control point at a report
/// point, in Swedish as the committee's own appendices phrase them.
///
/// Number words are used for one to twelve, as Swedish prose does; in a sentence that
/// compares counts of which one is above twelve, all are digits ("25 utredningar
/// fördelade på 13 socialsekreterare, varav 11 …").
enum Narrative {
    /// What the sentences are about.
    struct Context {
        let plan: ControlPlan
        let control: ControlPoint
        let state: YearState
        let point: ReportPoint

        /// The last day the report covers.
        var periodEnd: Day {
            point == .interim ? plan.interimCutoff : Day(year: plan.year, month: 12, day: 31) ?? plan.interimCutoff
        }

        /// "under året" or "till och med 31 augusti".
        var periodPhrase: String {
            point == .yearEnd ? "under året" : "till och med \(SwedishText.dayAndMonth(periodEnd))"
        }

        /// The control's draws that fall in the period.
        var draws: [DrawRecord] {
            state.draws(of: control.id).filter { $0.periodEnd <= periodEnd && $0.periodEnd.year >= plan.year }
        }

        var itemNoun: Noun { control.itemNoun ?? .caseFile }
        var officerNoun: Noun { control.officerNoun ?? .officer }
    }

    /// The generated paragraphs (empty when the journal holds nothing for the period).
    static func paragraphs(_ context: Context) -> [Paragraph] {
        var result: [Paragraph] = []
        let draws = context.draws
        // A point without a rule of its own shares another's draws: their rule says how it was drawn.
        if let rule = context.control.sampleRule ?? draws.first?.rule, !draws.isEmpty {
            switch rule.size {
            case .logCheck: result += logCheck(context, draws: draws)
            case .strata: result += strata(context, draws: draws)
            case .count, .percent: result += rounds(context, draws: draws)
            }
        } else if !draws.isEmpty {
            result += rounds(context, draws: draws)
        }
        result += criteria(context, draws: draws)
        // Amount-weighted draws: the projected misstatement and its upper limit (SPEC.md §14).
        result += draws.compactMap { AmountFindings.summary(of: $0, in: context.state) }
            .map { .text(AmountFindings.swedishSentence($0, noun: context.itemNoun)) }
        if let sentence = measurements(context) { result.append(.text(sentence)) }
        return result
    }

    // MARK: log check

    static func logCheck(_ context: Context, draws: [DrawRecord]) -> [Paragraph] {
        let stats = ReviewStatistics(draws: draws, in: context.state)
        let how =
            context.control.cadence == .monthly
            ? "månadsvis" : "vid \(SwedishNumber.neuterWord(draws.count)) tillfällen"
        var sentences = [capitalised("\(context.periodPhrase) har loggkontroll genomförts \(how).")]
        let when =
            context.point == .yearEnd
            ? "under \(context.plan.year)"
            : "till och med \(SwedishText.dayAndMonth(context.periodEnd)) \(context.plan.year)"
        switch stats.reviewed {
        case 0:
            sentences.append("Resultat av kontrollerna saknas ännu.")
        case 1:
            sentences.append(
                "Den kontroll som genomfördes \(when) var \(stats.remarks == 0 ? "utan anmärkning" : "med anmärkning")."
            )
        default:
            let remarks =
                stats.remarks == 0
                ? "ingen anmärkning"
                : stats.remarks == 1 ? "en anmärkning" : "\(SwedishNumber.word(stats.remarks)) anmärkningar"
            sentences.append("Av de \(stats.reviewed) kontrollerna som genomfördes \(when) fanns \(remarks).")
        }
        if stats.notReviewed > 0 {
            sentences.append(
                capitalised(
                    "\(count(stats.notReviewed, "kontroll", "kontroller", neuter: false)) kunde inte genomföras\(reasons(stats, context: context))."
                ))
        }
        if stats.notApplicable > 0 {
            sentences.append(
                "Ej tillämpligt för \(count(stats.notApplicable, "kontroll", "kontroller", neuter: false)).")
        }
        if stats.pending > 0 && stats.reviewed > 0 {
            sentences.append("För \(count(stats.pending, "kontroll", "kontroller", neuter: false)) saknas ännu svar.")
        }
        return [.text(sentences.joined(separator: " "))] + remarkKinds(stats)
    }

    // MARK: review rounds

    static func rounds(_ context: Context, draws: [DrawRecord]) -> [Paragraph] {
        let noun = context.itemNoun
        let lines = draws.map { round($0, context: context) }
        guard draws.count > 1 else {
            return lines.map(Paragraph.text) + remarkKinds(ReviewStatistics(draws: draws, in: context.state))
        }
        let total = ReviewStatistics(draws: draws, in: context.state)
        let activity = context.control.method == .caseReview ? "Granskning" : "Stickprovskontroll"
        let period = context.point == .yearEnd ? "under året" : "under perioden"
        let intro =
            "\(activity) har genomförts vid \(SwedishNumber.neuterWord(draws.count)) tillfällen \(period)."
            + (total.reviewed > 0 ? " Totalt har \(count(total.reviewed, noun)) granskats." : "")
        return [.text(intro), .bullets(lines)] + remarkKinds(total)
    }

    /// "15 februari granskades 25 utredningar fördelade på 13 socialsekreterare, varav 11 var utan anmärkning."
    static func round(_ draw: DrawRecord, context: Context) -> String {
        let stats = ReviewStatistics(draws: [draw], in: context.state)
        let noun = context.itemNoun
        let officers = stats.officers
        let compared = [stats.reviewed, stats.ok, officers ?? 0]
        let useDigits = compared.contains { $0 > 12 }
        func number(_ value: Int, neuter: Bool) -> String {
            useDigits || value > 12 ? "\(value)" : neuter ? SwedishNumber.neuterWord(value) : SwedishNumber.word(value)
        }
        // Nothing reviewed yet: what was drawn, never "granskades noll".
        let reviewedOrDrawn = stats.reviewed > 0 ? stats.reviewed : stats.drawn
        var sentence =
            "\(whenLabel(draw)) \(stats.reviewed > 0 ? "granskades" : "valdes") "
            + "\(number(reviewedOrDrawn, neuter: noun.isNeuter)) \(noun.form(for: reviewedOrDrawn))"
        if let officers, officers > 0 {
            let officerNoun = context.officerNoun
            sentence +=
                " fördelade på \(number(officers, neuter: officerNoun.isNeuter)) \(officerNoun.form(for: officers))"
        }
        if stats.reviewed > 0 {
            if stats.ok == stats.reviewed {
                sentence += stats.reviewed == 1 ? ", utan anmärkning" : ", samtliga utan anmärkning"
            } else if stats.ok == 0 {
                sentence += stats.reviewed == 1 ? ", med anmärkning" : ", samtliga med anmärkning"
            } else {
                sentence += ", varav \(number(stats.ok, neuter: noun.isNeuter)) var utan anmärkning"
            }
        }
        sentence += "."
        if stats.notReviewed > 0 {
            sentence += " " + capitalised(notReviewed(stats, context: context) + ".")
        }
        if stats.notApplicable > 0 {
            sentence += " " + capitalised(notApplicable(stats, noun: noun) + ".")
        }
        if stats.pending > 0 {
            sentence += " Resultat saknas ännu för \(count(stats.pending, noun))."
        }
        return capitalised(sentence)
    }

    /// "15 februari" for a draw of a day, "I mars" for a month.
    static func whenLabel(_ draw: DrawRecord) -> String {
        if let day = Day(draw.period) { return SwedishText.dayAndMonth(day) }
        if let month = Month(draw.period) { return "I \(SwedishText.monthNames[month.month - 1])" }
        return SwedishText.dayAndMonth(draw.date)
    }

    // MARK: strata

    /// One line per stratum over the period's draws ("SoL hemtjänst: 50 beslut har granskats (24 under
    /// första halvåret och 26 under andra halvåret), varav 43 utan anmärkning (86 procent)."), the rate
    /// weighted by the strata's sizes, and the remark kinds.
    static func strata(_ context: Context, draws: [DrawRecord]) -> [Paragraph] {
        var bullets: [String] = []
        let names = draws.flatMap { $0.items.compactMap(\.stratum) }.reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        let noun = context.itemNoun
        for name in names {
            let parts: [DrawRecord] = draws.compactMap { draw in
                var part = draw
                part.items = draw.items.filter { $0.stratum == name }
                part.spares = draw.spares.filter { $0.stratum == name }
                return part.items.isEmpty ? nil : part
            }
            let stats = ReviewStatistics(draws: parts, in: context.state)
            // Clauses for what there is: reviewed, not reviewed (with the reasons), still pending.
            var clauses: [String] = []
            if stats.reviewed > 0 {
                var reviewed = "\(count(stats.reviewed, noun)) har granskats"
                if parts.count > 1 {
                    let digits = stats.reviewed > 12
                    let each = parts.map { part -> String in
                        let done = ReviewStatistics(draws: [part], in: context.state).reviewed
                        return "\(digits ? String(done) : countWord(done, neuter: noun.isNeuter)) \(when(part))"
                    }
                    reviewed += " (\(SwedishText.list(each)))"
                }
                if stats.ok == stats.reviewed {
                    reviewed += stats.reviewed == 1 ? ", utan anmärkning" : ", samtliga utan anmärkning"
                } else if stats.ok == 0 {
                    reviewed += stats.reviewed == 1 ? ", med anmärkning" : ", samtliga med anmärkning"
                } else {
                    let share = percent(Double(stats.ok) / Double(stats.reviewed))
                    reviewed += ", varav \(countWord(stats.ok, neuter: noun.isNeuter)) utan anmärkning (\(share))"
                }
                clauses.append(reviewed)
            }
            if stats.notReviewed > 0 { clauses.append(notReviewed(stats, context: context)) }
            if stats.pending > 0 { clauses.append("resultat saknas ännu för \(count(stats.pending, noun))") }
            // A group the control point applied to in no drawn item gets no line: it is outside the point.
            if clauses.isEmpty { continue }
            if stats.notApplicable > 0 { clauses.append(notApplicable(stats, noun: noun)) }
            bullets.append("\(name): " + clauses.joined(separator: "; ") + ".")
        }
        var result: [Paragraph] = bullets.isEmpty ? [] : [.bullets(bullets)]
        // The rate for the whole population: each stratum weighted by the part of it the point applies
        // to, never the pooled count.
        if let estimate = StratifiedEstimate.of(draws: draws, in: context.state),
            estimate.contributing.count > 1
        {
            result.append(
                .text(
                    "Viktat efter gruppernas storlek är andelen med anmärkning \(percent(estimate.rate)) "
                        + "(med 95 procents säkerhet högst \(percent(estimate.upperBound95)))"
                        + (estimate.leavesOutStrata ? "; grupper där inget har granskats ingår inte." : ".")))
        }
        return result + remarkKinds(ReviewStatistics(draws: draws, in: context.state))
    }

    /// When a draw's items were reviewed, after a count: "under första halvåret", "i mars",
    /// "den 15 februari", else "i" and the period as written.
    static func when(_ draw: DrawRecord) -> String {
        if Day(draw.period) != nil { return "den \(periodLabel(draw))" }
        if Month(draw.period) != nil { return "i \(periodLabel(draw))" }
        if YearPart(draw.period) != nil { return "under \(periodLabel(draw))" }
        return "i \(draw.period)"
    }

    /// "95 procent", "7,4 procent": one decimal at most.
    static func percent(_ share: Double) -> String {
        SwedishNumber.decimal(share * 100, decimals: 1) + " procent"
    }

    // MARK: remark kinds

    /// "Anmärkningarna gäller ”ekonomisk bedömning saknas” (4) och ”avgiftsbeslut saknas” (2)." Each kind
    /// in quotation marks, as a name, so any kind reads grammatically; with more than three kinds the
    /// three most common, and every kind tied with the third ("De vanligaste anmärkningarna gäller …").
    static func remarkKinds(_ stats: ReviewStatistics) -> [Paragraph] {
        let all = stats.remarkKinds
        guard let first = all.first else { return [] }
        func quoted(_ kind: String) -> String {
            var text = kind.trimmingASCIIWhitespace()
            while text.hasSuffix(".") { text.removeLast() }
            return "”\(inSentence(text))”"
        }
        if all.count == 1 {
            return [
                .text("\(stats.remarks == 1 ? "Anmärkningen" : "Samtliga anmärkningar") gäller \(quoted(first.kind)).")
            ]
        }
        let third = all.count > 3 ? all[2].count : 0
        let shown = all.enumerated().filter { $0.offset < 3 || $0.element.count == third }.map(\.element)
        let lead = shown.count < all.count ? "De vanligaste anmärkningarna" : "Anmärkningarna"
        return [.text("\(lead) gäller \(SwedishText.list(shown.map { "\(quoted($0.kind)) (\($0.count))" })).")]
    }

    /// "två beslut kunde inte granskas (akten saknades; beslutet överklagat)": the reasons given,
    /// unless the control's notes may hold personal data (then the count only).
    static func notReviewed(_ stats: ReviewStatistics, context: Context) -> String {
        "\(count(stats.notReviewed, context.itemNoun)) kunde inte granskas" + reasons(stats, context: context)
    }

    /// "ej tillämpligt i tre beslut": the items the control point does not apply to, which no other
    /// figure counts.
    static func notApplicable(_ stats: ReviewStatistics, noun: Noun) -> String {
        "ej tillämpligt i \(count(stats.notApplicable, noun))"
    }

    /// " (akten saknades; beslutet överklagat, 2)": the reasons given for what was not reviewed, with
    /// their counts when there are several; empty when the control's notes may hold personal data.
    static func reasons(_ stats: ReviewStatistics, context: Context) -> String {
        let reasons = stats.notReviewedReasons.filter { !$0.reason.isEmpty }.map { reason -> String in
            var words = reason.reason.trimmingASCIIWhitespace()
            while words.hasSuffix(".") { words.removeLast() }
            return inSentence(words)
                + (reason.count > 1 && stats.notReviewedReasons.count > 1 ? ", \(reason.count)" : "")
        }
        guard context.control.allowsPersonalDataInNotes != true, !reasons.isEmpty else { return "" }
        return " (\(reasons.joined(separator: "; ")))"
    }

    // MARK: measurements

    /// "Andelen var 37 procent per 2022-12-31, 42,5 procent per 2023-08-31 och 48 procent per 2023-12-31
    /// (mål 50 procent)." — "Antalet var 324 av 1 422 inbjudna (22,8 procent) per 2023-12-31." Every value
    /// of the year up to the report, after the starting point (the last value before the plan year);
    /// *Andelen* only for a share, *Antalet* for a count, *Värdet* for anything else; then the notes.
    static func measurements(_ context: Context) -> String? {
        let all = (context.state.measurements[context.control.id] ?? []).filter { $0.date <= context.periodEnd }
            .enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        guard let latest = all.last else { return nil }
        let baseline = all.last { $0.date.year < context.plan.year }
        let ofTheYear = all.filter { $0.date.year >= context.plan.year }
        let shown = [baseline].compactMap { $0 } + ofTheYear
        func unit(_ text: String, of kind: MeasurementRecord.Kind) -> String {
            kind == .share ? "procent" : text.trimmingASCIIWhitespace()
        }
        // What a count is of is named at its first value, and again only where it changes:
        // "41 av 46 beslut om särskilt boende (89,1 procent) per 2024-06-30 och 88 av 97 (90,7 procent) per …".
        func amount(_ record: MeasurementRecord, after previous: MeasurementRecord?) -> String {
            let value = record.value.swedishGrouped
            if let of = record.of, of.tenThousandths > 0 {
                let named = previous?.of != nil && previous?.ofWhat == record.ofWhat
                let what = named ? "" : record.ofWhat.map { " \($0)" } ?? ""
                return "\(value) av \(of.swedishGrouped)\(what) (\(percent(record.value.doubleValue / of.doubleValue)))"
            }
            return "\(value) \(unit(record.unit, of: record.kind))"
        }
        let lead =
            switch latest.kind {
            case .share: "Andelen"
            case .count: "Antalet"
            case .value: "Värdet"
            }
        let amounts = shown.indices.map {
            "\(amount(shown[$0], after: $0 > 0 ? shown[$0 - 1] : nil)) per \(shown[$0].date)"
        }
        var sentence = "\(lead) var " + SwedishText.list(amounts)
        if let target = latest.target {
            sentence += " (mål \(target.swedishGrouped) \(unit(latest.unit, of: latest.kind)))"
        }
        sentence += "."
        // The notes, each once, as sentences of their own.
        var notes: [String] = []
        for record in shown {
            guard var note = record.note?.trimmingASCIIWhitespace(), !note.isEmpty else { continue }
            while note.hasSuffix(".") { note.removeLast() }
            let text = capitalised(note) + "."
            if !notes.contains(text) { notes.append(text) }
        }
        return ([sentence] + notes).joined(separator: " ")
    }

    // MARK: words

    /// "tio ärenden", "ett ärende", "25 utredningar".
    static func count(_ value: Int, _ noun: Noun) -> String {
        count(value, noun.singular, noun.plural, neuter: noun.isNeuter)
    }

    static func count(_ value: Int, _ singular: String, _ plural: String, neuter: Bool) -> String {
        "\(countWord(value, neuter: neuter)) \(value == 1 ? singular : plural)"
    }

    static func countWord(_ value: Int, neuter: Bool) -> String {
        neuter ? SwedishNumber.neuterWord(value) : SwedishNumber.word(value)
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// A remark kind inside a sentence: first letter lower-cased unless it starts an acronym (LSS, SoL).
    static func inSentence(_ kind: String) -> String {
        let firstWord = kind.split(separator: " ").first.map(String.init) ?? kind
        let isAcronym = firstWord.count > 1 && firstWord.dropFirst().contains { $0.isUppercase }
        guard let first = kind.first, !isAcronym else { return kind }
        return first.lowercased() + kind.dropFirst()
    }
}

extension DrawRecord {
    /// The last day the draw covers: its period's day, its month's last day or its part of the
    /// year's last day (`2024-H2`: 31 December, though drawn in January), else the day it was drawn.
    public var periodEnd: Day {
        if let day = Day(period) { return day }
        if let last = YearPart(period)?.lastDay { return last }
        if let month = Month(period) {
            return Day(year: month.year, month: month.month, day: Day.daysIn(month: month.month, year: month.year))
                ?? date
        }
        return date
    }
}
