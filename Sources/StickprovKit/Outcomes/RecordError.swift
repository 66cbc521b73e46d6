/// Why a result, measurement or assessment cannot be recorded. Nothing is recorded when one is thrown.
public enum RecordError: Error, Sendable, Equatable {
    /// No draw with this id.
    case unknownDraw(DrawID, known: [DrawID])
    /// The key is neither a sampled item nor a spare of the draw.
    case unknownItem(String, draw: DrawID)
    /// A remark without its kind.
    case remarkKindRequired
    /// "Not reviewed" without a reason.
    case reasonRequired
    /// A result word the tool does not know.
    case unknownResult(String)
    /// A date that does not parse.
    case invalidDate(String)
    /// Free text that holds something shaped like a personnummer.
    case personalData(field: String, masked: String)
    /// A free text longer than its limit (``InputBounds``); `problem` says how long and the limit.
    case textTooLong(field: String, problem: String)
    /// A text holds a control or bidirectional character (which field, what it holds).
    case invisibleCharacter(field: String, problem: String)
    /// A review or measurement day outside the plan's window (``PlanWindow``).
    case dateOutsideWindow(Day, window: String)
    /// A signal the plan's scale does not have.
    case unknownSignal(String, known: [String])
    /// A measurement of a control that draws samples, or similar misuse.
    case notMeasured(ControlID, MethodKind)
    /// A remark kind the control point's plan does not list (the nearest listed kind, if any is close).
    case unknownRemarkKind(String, nearest: String?, known: [String])
    /// A worksheet cell right of the header (1-based column) holds text, whose column has no name.
    case cellOutsideHeader(column: Int, text: String)
    /// A worksheet row's seed (Frö) is not its draw's: the row belongs to another draw.
    case wrongSeed(String, draw: DrawID)
    /// A key that is not in the draw, but is a drawn key without its leading zeros, as a
    /// spreadsheet that read the key as a number leaves it, and no Nr says which item it is.
    case lostLeadingZeros(String, drawnKey: String, draw: DrawID)
    /// A worksheet row whose remark kind (Typ av anmärkning) is filled in beside a result that is
    /// not a remark: recording the result would drop the kind and say there was no remark.
    case remarkKindWithoutRemark(String, result: String)
    /// The item was listed twice in one worksheet.
    case repeatedItem(String, firstLine: Int)
    /// A worksheet with problems: every row's problem, by line.
    case rows([Problem])
    /// Worksheet columns that are missing.
    case missingColumn(String, available: [String])
    /// A result without a date when today is outside the plan's year, so today cannot be its day.
    case dateRequired(today: Day, year: Int)
    /// An assessment, measurement or provider follow-up without a date when today is outside the
    /// plan's year; `what` says what the day is ("the day it was assessed").
    case dayRequired(what: String, today: Day, year: Int)
    /// A date after today: what is recorded has happened.
    case dateAfterToday(Day, today: Day)
    /// A correct amount for an item of a draw that did not draw by amount.
    case notDrawnByAmount(DrawID)
    /// A correct amount that is not kronor (SPEC.md §11).
    case invalidAmount(String)
    /// Criterion results for an item of a control point without a checklist.
    case noCriteria(ControlID)
    /// A criterion the control point's checklist does not have.
    case unknownCriterion(String, known: [String])
    /// A criterion result that is not a verdict word, or not `Kriterium=resultat`.
    case unknownCriterionResult(String)
    /// A criterion "ej granskad" without a reason.
    case criterionReasonRequired(String)
    /// One criterion given two different verdicts (or reasons) in one record, by name and number.
    case criterionTwice(String)
    /// An item marked not applicable to its control point with a criterion assessed (fulfilled, a
    /// remark or not reviewed): a point that does not apply has no criterion that does.
    case notApplicableWithCriterion(String, verdict: CriterionVerdict)
    /// A result for an item of a shared draw that does not say which control point it is for.
    case controlRequired(draw: DrawID, controls: [ControlID])
    /// A result for a control point the draw is not for.
    case controlNotInDraw(ControlID, draw: DrawID, controls: [ControlID])
    /// A shared draw's row filled in under a plain "Resultat" column, which says no control point.
    case resultColumnUnmarked(draw: DrawID, controls: [ControlID])
    /// A filled-in column of a shared draw's sheet named as a point's ("Resultat (K3)") that none of
    /// the sheet's draws has: a point not in the draw, a criterion since removed, a header retyped.
    case unreadColumn(String, draws: [DrawID])

    /// A spare recorded before an earlier spare of its stratum was used: spares are used in their order.
    case spareOutOfOrder(String, number: Int, earlier: String, earlierNumber: Int, draw: DrawID)
    /// A spare with no sampled item of its stratum recorded as not reviewed to stand in for.
    case nothingToReplace(String, number: Int, stratum: String?, draw: DrawID)
    /// A spare named to replace an item that is not recorded as not reviewed or not applicable, or
    /// that a spare reviewed already stands in for (`holder`).
    case cannotReplace(String, number: Int, item: String, result: ReviewResult?, holder: String?, draw: DrawID)
    /// `--replaces` naming a key that is not a sampled item of the draw.
    case notASampledItem(String, draw: DrawID)
    /// A spare named to replace an item of another stratum.
    case replacesOtherStratum(String, item: String, draw: DrawID)
    /// `--replaces` for a sampled item: only a spare stands in for another item.
    case replacesForSampledItem(String, draw: DrawID)
    /// A review day before the day its draw was made.
    case reviewBeforeDraw(Day, draw: DrawID, drawnOn: Day)
    /// A review day after today.
    case reviewAfterToday(Day, today: Day)

    /// An assessment of an area when the plan assesses control points, or the reverse: the
    /// appendix would not show it.
    case notAssessedLevel(AssessmentTarget, level: AssessmentLevel)
    /// An assessment at a report point the target is not followed up at: the appendix would not show it.
    case notFollowedUp(AssessmentTarget, at: ReportPoint, followUp: FollowUp)

    /// A count's denominator that is not above zero or is below the count.
    case invalidDenominator(value: Measure, of: Measure)

    /// One row's problem.
    public struct Problem: Sendable, Equatable {
        /// The 1-based line in the worksheet.
        public var line: Int
        /// The problem.
        public var error: RecordError
        /// The control point whose columns the problem is in, on a shared draw's worksheet.
        public var control: ControlID? = nil
    }

    /// The message a user reads.
    public var message: String {
        switch self {
        case .unknownDraw(let id, let known):
            "no draw '\(id)' in the journal (draws: \(known.isEmpty ? "none yet" : known.map(\.rawValue).joined(separator: ", ")))"
        case .unknownItem(let key, let draw): "'\(InputBounds.clip(key))' is not an item or spare of draw \(draw)"
        case .remarkKindRequired: "a remark needs its kind (the worksheet's column 'Typ av anmärkning')"
        case .reasonRequired: "'not reviewed' needs a reason (the worksheet's column 'Kommentar')"
        case .unknownResult(let word):
            "'\(word)' is not a result; write ok / utan anmärkning, anmärkning, ej granskad or ej tillämpligt"
        case .invalidDate(let text): "'\(text)' is not a date YYYY-MM-DD"
        case .personalData(let field, let masked):
            "\(field) holds what looks like a personnummer (\(masked)); personal data does not belong in the record"
        case .textTooLong(let field, let problem): "\(field) \(problem) characters"
        case .invisibleCharacter(let field, let problem): "\(field) \(problem); type it without"
        case .dateOutsideWindow(let day, let window): "\(day) is outside the plan's window for dates (\(window))"
        case .dayRequired(let what, let today, let year):
            "give --date, \(what): today (\(today)) is outside the plan's year \(year)"
        case .dateAfterToday(let day, let today): "--date \(day) is after today (\(today))"
        case .unknownSignal(let signal, let known):
            "'\(signal)' is not a signal of the plan (\(known.joined(separator: ", ")))"
        case .notMeasured(let id, let method):
            "control point '\(id)' is checked by \(method.rawValue); record its items with 'stickprov record'"
        case .unknownRemarkKind(let kind, let nearest, let known):
            "'\(kind.prefix(60))' is not a remark kind of the plan"
                + (nearest.map { "; did you mean '\($0)'?" } ?? " (kinds: \(known.prefix(8).joined(separator: ", ")))")
                + " Add a new kind with 'stickprov plan edit … --remark-kind'"
        case .cellOutsideHeader(let column, let text):
            "column \(column) has no header but holds '\(text.prefix(60))'; move it into Kommentar or clear it"
        case .wrongSeed(let seed, let draw):
            "the seed (Frö) '\(seed.prefix(60))' is not draw \(draw)'s: the row belongs to another draw"
        case .lostLeadingZeros(let key, let drawnKey, let draw):
            "'\(key)' is not an item of draw \(draw), but '\(drawnKey)' is: a spreadsheet dropped its leading zeros; "
                + "keep the Nr column so the row can be matched, or use the .xlsx worksheet"
        case .remarkKindWithoutRemark(let kind, let result):
            "'Typ av anmärkning' holds '\(InputBounds.clip(kind))' but the result is '\(result)'; write anmärkning, or clear Typ av anmärkning"
        case .repeatedItem(let key, let first): "'\(InputBounds.clip(key))' is already on line \(first)"
        case .rows(let problems): problems.map { "line \($0.line): \($0.error.message)" }.joined(separator: "; ")
        case .missingColumn(let name, let available):
            "missing column '\(InputBounds.clip(name))' (columns: \(InputBounds.list(available)))"
        case .notDrawnByAmount(let id): "draw \(id) did not draw by amount; it takes no correct amount"
        case .invalidAmount(let text): "'\(text)' is not an amount in kronor (write e.g. 1 234,50)"
        case .notAssessedLevel(let target, let level):
            switch (target, level) {
            case (.risk(let id), _):
                "the plan assesses each control point, not risk areas; assess the control points of \(id), or set 'plan edit --assessment-level risk'"
            case (.control(let id), _):
                "the plan assesses each risk area, not control points; assess the area that holds \(id), or set 'plan edit --assessment-level control-point'"
            }
        case .notFollowedUp(let target, _, let followUp):
            switch followUp {
            case .interim:
                "\(target.noun) is followed up only at the interim (delårsbokslut); the year-end report shows its interim assessment as concluded then"
            default:
                "\(target.noun) is followed up only at the year end (årsbokslut); the interim report does not list it"
            }
        case .invalidDenominator(let value, let of):
            "--of \(of.swedish) cannot be what \(value.swedish) is counted of: it must be above zero and at least the value"
        case .noCriteria(let id):
            "control point '\(id)' has no criteria; add them with 'stickprov plan edit \(id) --criterion TEXT' or '--criteria sosfs'"
        case .unknownCriterion(let name, let known):
            "'\(name.prefix(60))' is not a criterion of the control point (criteria: \(known.enumerated().map { "\($0 + 1) \($1)" }.joined(separator: ", ")))"
        case .unknownCriterionResult(let text):
            "'\(text.prefix(60))' is not a criterion result; write uppfyllt, anmärkning, ej tillämpligt or ej granskad: reason"
        case .criterionReasonRequired(let name):
            "'ej granskad' for '\(name.prefix(60))' needs a reason ('ej granskad: reason', or Kommentar)"
        case .criterionTwice(let name):
            "criterion '\(name.prefix(60))' is given twice with different results; give it once"
        case .notApplicableWithCriterion(let name, let verdict):
            "the item is marked not applicable (ej tillämpligt) but criterion '\(name.prefix(60))' is '\(verdict.swedish)'; a control point that does not apply has no criterion that does: give the item's result, or mark the criterion ej tillämpligt"
        case .controlRequired(let draw, let controls):
            "draw \(draw) is shared by \(controls.map(\.rawValue).joined(separator: ", ")): say which control point the result is for (--control \(controls.last?.rawValue ?? "ID"))"
        case .resultColumnUnmarked(let draw, let controls):
            "draw \(draw) is shared by \(controls.map(\.rawValue).joined(separator: ", ")): the column 'Resultat' says no control point; name it for its point as the sheet was written (\(controls.map { "'Resultat (\($0))'" }.joined(separator: " or ")))"
        case .unreadColumn(let column, let draws):
            "column '\(InputBounds.clip(column))' is filled in but is not a column of draw \(draws.map(\.rawValue).joined(separator: ", ")) (a control point or criterion it does not have); what it holds would not be recorded: name it as the sheet was written ('Resultat (K1)') or empty it"
        case .controlNotInDraw(let id, let draw, let controls):
            "'\(InputBounds.clip(id.rawValue))' is not a control point of draw \(draw) (its control points: \(controls.map(\.rawValue).joined(separator: ", ")))"
        case .spareOutOfOrder(let key, let number, let earlier, let earlierNumber, let draw):
            "'\(InputBounds.clip(key))' is Reserv \(number) of draw \(draw), and Reserv \(earlierNumber) ('\(InputBounds.clip(earlier))') is not used yet: spares are used in their order"
        case .nothingToReplace(let key, let number, let stratum, let draw):
            "'\(InputBounds.clip(key))' (Reserv \(number)) of draw \(draw) has no item to replace: a spare replaces a sampled item\(stratum.map { " of '\($0)'" } ?? "") recorded as not reviewed, and none is; record the item that cannot be reviewed with --not-reviewed REASON first"
        case .cannotReplace(let key, let number, let item, let result, let holder, let draw):
            "'\(InputBounds.clip(key))' (Reserv \(number)) cannot replace '\(InputBounds.clip(item))' of draw \(draw): "
                + (holder.map { "\($0) is reviewed in its place" }
                    ?? result.map { "it is recorded as \($0.swedish)" } ?? "it has no result yet")
                + "; a spare replaces an item recorded as not reviewed (or not applicable)"
        case .notASampledItem(let key, let draw):
            "--replaces '\(InputBounds.clip(key))' is not a sampled item of draw \(draw)"
        case .replacesOtherStratum(let key, let item, let draw):
            "'\(InputBounds.clip(key))' cannot replace '\(InputBounds.clip(item))' of draw \(draw): they are of different strata, and a spare replaces an item of its own"
        case .replacesForSampledItem(let key, let draw):
            "'\(InputBounds.clip(key))' is a sampled item of draw \(draw), not a spare: only a spare replaces another item (--replaces)"
        case .reviewBeforeDraw(let day, let draw, let drawnOn):
            "the review day \(day) is before \(draw) was drawn (\(drawnOn))"
        case .reviewAfterToday(let day, let today):
            "the review day \(day) is after today (\(today))"
        case .dateRequired(let today, let year):
            "give --date, the day it was reviewed: today (\(today)) is outside the plan's year \(year)"
        }
    }
}
