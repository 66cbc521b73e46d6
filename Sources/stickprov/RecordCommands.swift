import Arguments
import Foundation
import StickprovKit

/// `record`, `measure`, `assess`: what reviewers and control owners put in the journal.
enum RecordCommands {
    static let all: [Command] = [record, measure, assess]

    /// One transaction through ``PlanFolder``: appends what `events` decides from the plan and the year, and prints `summary`.
    /// `events` sees only the `part` of the year it needs (see ``YearReading``; e.g. a draw's lines, or nothing).
    static func append(
        _ arguments: ParsedArguments, _ console: Console, reading part: YearReading,
        _ events: (ControlPlan, YearState) throws -> [JournalPayload], summary: ([JournalEvent]) -> String
    ) throws {
        let folder = PlanFolder(at: PlanCommands.folder(arguments))
        let written = try journalCall(folder.journal) {
            try folder.transact(time: Now.timestamp(), actor: Actor.name(arguments), reading: part, events)
        }
        if !written.isEmpty { Console.recorded = true }
        console.line(summary(written))
    }

    static let byOption = OptionSpec.option("by", "NAME", help: "Who records (default: the system user).")

    // MARK: record

    static let record = Command(
        spec: CommandSpec(
            path: ["record"], abstract: "Record a reviewed item's result, or import a filled-in worksheet.",
            discussion: """
                One item: DRAW-ID ITEM-KEY with --ok, --remark KIND, --not-reviewed REASON or --not-applicable
                (the control point does not apply to the item: it counts in no figure, and the appendix says
                "ej tillämpligt i N beslut"). Recording an item
                again is a correction: it supersedes the earlier result, and both stay in the journal. A key that
                starts with '-' is written after '--', which ends the options: stickprov record --ok -- K3-1 -0412.
                A worksheet (--worksheet FILE, as 'draw' wrote it and Excel or LibreOffice saved it: .xlsx, or
                CSV with ';' or ',', UTF-8 or Windows-1252) is checked row by row first; either every filled-in
                row is recorded or none, and every problem is listed (a workbook's by cell, e.g. Urval!F12).
                Result words (Resultat): utan anmärkning (also ok, okej, ua, godkänd, ja, behörig); anmärkning
                (also med anmärkning, avvikelse, brist, nej, obehörig) with its kind in Typ av anmärkning;
                ej granskad (also utgår) with the reason in Kommentar; ej tillämpligt (also ej aktuell). An empty
                result is left for later.
                Notes must not hold personal data: a personnummer is refused.
                A control point with criteria ('plan edit K3 --criteria sosfs') takes a result per criterion:
                --criterion 'NAME=uppfyllt' (repeatable; also anmärkning, ej tillämpligt, 'ej granskad: reason'),
                or one worksheet column per criterion. Criteria recorded later are added to the item's; its result
                follows from them (any anmärkning makes a remark of that criterion) unless --ok/--remark/--not-reviewed say.
                A draw shared by several control points ('draw K13 K14') takes a result per point: --control K14
                (or the worksheet's columns 'Resultat (K14)', 'Typ av anmärkning (K14)', 'Kommentar (K14)').
                A spare (Reserv 1, 2 … on the worksheet) is used only in its order and only in the place of a
                sampled item recorded as not reviewed: the first such item of its stratum, or the one --replaces
                names (which may also be one recorded as not applicable). A review day is never before its
                draw's day nor after today.
                For a log check ('logcheck draw'), ITEM-KEY is the officer's id and the result is the
                manager's answer: --ok (authorised) or --remark KIND.
                """,
            arguments: [
                ArgumentSpec("DRAW-ID", help: "The draw, e.g. K3-1.", isOptional: true),
                ArgumentSpec("ITEM-KEY", help: "The item's key, e.g. SN-2023-0412.", isOptional: true),
            ],
            options: [
                PlanCommands.planOption,
                .flag("ok", help: "Reviewed without remark."),
                .option("remark", "KIND", help: "Reviewed with a remark of this kind (at most 200 characters)."),
                .option("not-reviewed", "REASON", help: "Could not be reviewed, and why (at most 10,000 characters)."),
                .flag(
                    "not-applicable",
                    help: "The control point does not apply to the item (ej tillämpligt); it counts in no figure."),
                .option("note", "TEXT", help: "A comment (no personal data; at most 10,000 characters)."),
                .option(
                    "criterion", "NAME=RESULT",
                    help:
                        "A criterion's result: uppfyllt, anmärkning, ej tillämpligt or 'ej granskad: reason'; NAME may be the criterion's number.",
                    repeatable: true),
                .option("control", "CONTROL-ID", help: "A shared draw: the control point the result is for."),
                .option(
                    "replaces", "ITEM-KEY",
                    help:
                        "A spare: the sampled item recorded as not reviewed (or not applicable) it stands in for (default: the first such item of its stratum)."
                ),
                .option(
                    "correct-amount", "KRONOR",
                    help: "Drawn by amount: the correct amount; the record keeps booked minus correct."),
                .option("reviewer", "NAME", help: "Who reviewed, if not who records (at most 200 characters)."),
                .option(
                    "date", "YYYY-MM-DD",
                    help:
                        "When it was reviewed, from 1 January of the plan's year to 31 January of the next (default: today; required when today is outside the plan's year)."
                ),
                .option("worksheet", "FILE", help: "Import a filled-in worksheet instead."),
                byOption,
            ],
            examples: [
                "stickprov record K3-1 SN-2023-0412 --ok",
                "stickprov record K3-1 SN-2023-0388 --remark 'Kommunicering ej dokumenterad' --note 'Beslutsunderlag ej kommunicerat'",
                "stickprov record K3-1 SN-2023-0120 --not-reviewed 'Ärendet överflyttat till annan kommun'",
                "stickprov record K1-1 VO-2024-0211 --not-applicable",
                "stickprov record K3-1 SN-2023-0412 --criterion 'Kommunicering av beslutsunderlag=anmärkning' --criterion 'Motivering av beslutsskäl=uppfyllt'",
                "stickprov record K13+K14-1 B-2023-0412 --control K14 --remark 'Uppföljning saknas'",
                "stickprov record --worksheet urval-K3-1.xlsx",
                "stickprov record --worksheet urval-K3-1.csv",
                "stickprov record K1-3 anna.berg --ok --reviewer 'Enhetschef Vuxen'",
            ]),
        run: { arguments, console in
            if let sheet = arguments.value("worksheet") {
                guard arguments.arguments.isEmpty else {
                    throw UsageError("give either --worksheet FILE or DRAW-ID ITEM-KEY")
                }
                let read = try readWorksheet(sheet)
                var filledRows = 0
                try append(
                    arguments, console, reading: .draws(WorksheetImport.draws(in: read)),
                    { plan, state in
                        do {
                            let reading = try WorksheetImport.read(
                                read, plan: plan, state: state, today: Now.today())
                            for notice in reading.notices { console.note("\(sheet): note: \(notice)") }
                            filledRows = reading.filledRows
                            return reading.events
                        } catch let error as RecordError {
                            throw DataError(lines: lines(for: error, in: sheet, table: read.table))
                        }
                    },
                    summary: { written in
                        filledRows == 0
                            ? "\(sheet): nothing to record: no row has a result (Resultat) filled in"
                            : summarise(written, source: sheet)
                    })
                return
            }
            guard arguments.arguments.count == 2 else {
                throw UsageError("give DRAW-ID ITEM-KEY and a result, or --worksheet FILE")
            }
            let results = [
                arguments.has("ok"), arguments.isGiven("remark"), arguments.isGiven("not-reviewed"),
                arguments.has("not-applicable"),
            ]
            let criteria = try arguments.values("criterion").map { text in
                guard let result = CriterionResult(assignment: text) else {
                    throw UsageError(
                        "--criterion '\(text)' is not NAME=RESULT (uppfyllt, anmärkning, ej tillämpligt or 'ej granskad: reason')"
                    )
                }
                return result
            }
            let resultGiven = results.contains(true)
            guard results.filter({ $0 }).count == 1 || (!resultGiven && !criteria.isEmpty) else {
                throw UsageError("give one of --ok, --remark KIND, --not-reviewed REASON, --not-applicable")
            }
            let result: ReviewResult =
                arguments.has("ok") || !resultGiven
                ? .ok
                : arguments.isGiven("remark")
                    ? .remark : arguments.isGiven("not-reviewed") ? .notReviewed : .notApplicable
            let note =
                arguments.value("not-reviewed").map { reason in
                    arguments.value("note").map { "\(reason). \($0)" } ?? reason
                } ?? arguments.value("note")
            let date = try arguments.value("date").map { try PlanCommands.day($0, option: "date") }
            var proposed = OutcomeRecord(
                draw: DrawID(rawValue: arguments.arguments[0]), key: arguments.arguments[1], result: result,
                remarkKind: arguments.value("remark"), note: note, reviewer: arguments.value("reviewer"),
                reviewedOn: date)
            if !criteria.isEmpty { proposed.criteria = criteria }
            proposed.control = arguments.value("control").map { ControlID(rawValue: $0) }
            proposed.replaces = arguments.value("replaces")
            let correctAmount = try arguments.value("correct-amount").map { text in
                guard let amount = Amount(text) else {
                    throw UsageError("--correct-amount '\(text)' is not an amount in kronor (e.g. '24 500,00')")
                }
                return amount
            }
            try append(
                arguments, console, reading: .draws([proposed.draw]),
                { plan, state in
                    if let correctAmount, let draw = state.draw(proposed.draw) {
                        proposed.misstatement = try AmountFindings.misstatement(
                            correct: correctAmount, key: proposed.key, in: draw)
                    }
                    proposed = try Recording.applyingCriteria(
                        proposed, resultGiven: resultGiven, plan: plan, state: state)
                    // What is wrong with the result itself comes first; then the day, which may have to be given.
                    _ = try Recording.outcome(proposed, plan: plan, state: state)
                    guard let draw = state.draw(proposed.draw) else { return [] }
                    proposed.reviewedOn = try Recording.reviewDay(
                        given: date, today: Now.today(), planYear: plan.year, draw: draw)
                    return try Recording.outcome(proposed, plan: plan, state: state).map { [$0] } ?? []
                }, summary: { written in summarise(written, source: nil) })
        })

    /// A worksheet's problems as `file:line: message`, or `file:Urval!C12: message` for a workbook.
    static func lines(for error: RecordError, in file: String, table: CSVTable? = nil) -> [String] {
        if case .rows(let problems) = error {
            return problems.map { problem in
                guard Worksheet.isWorkbook(file), let table else {
                    return "\(file):\(problem.line): \(problem.error.message)"
                }
                let cell = Worksheet.cellReference(for: problem, in: table, sheet: "Urval")
                return "\(file):\(cell): \(problem.error.message)"
            }
        }
        return ["\(file): \(error.message)"]
    }

    /// A filled-in worksheet, CSV or .xlsx; its problems name the file.
    static func readWorksheet(_ path: String) throws -> WorksheetImport.Sheet {
        do {
            return try Worksheet.read(contentsOf: path)
        } catch let error as CSVError {
            throw DataError(describing: error, in: path)
        } catch let error as SpreadsheetError {
            throw DataError("\(path): \(error.message)")
        }
    }

    static func summarise(_ written: [JournalEvent], source: String?) -> String {
        guard !written.isEmpty else {
            return source.map { "\($0): nothing new to record (every filled-in row is already recorded)" }
                ?? "Already recorded with this result; nothing changed."
        }
        let corrections = written.filter { if case .correction = $0.payload { return true } else { return false } }
            .count
        if source == nil, let event = written.first {
            switch event.payload {
            case .outcome(let record):
                return
                    "Recorded \(record.draw) \(record.key)\(point(record)): \(record.result.swedish)\(spare(record))."
            case .correction(let record):
                return
                    "Recorded \(record.draw) \(record.key)\(point(record)): \(record.result.swedish) — a correction superseding line \(record.supersedes ?? 0)."
            default: break
            }
        }
        return
            "\(source ?? "Recorded"): recorded \(written.count) results (\(written.count - corrections) new, \(corrections) corrections), lines \(written[0].sequence)–\(written[written.count - 1].sequence)."
    }

    /// " (spare, in place of SN-2023-1010)" for a spare's result.
    static func spare(_ record: OutcomeRecord) -> String {
        guard record.isSpare else { return "" }
        return " (spare" + (record.replaces.map { ", in place of \($0)" } ?? "") + ")"
    }

    /// " for K14" for a result of a shared draw's control point.
    static func point(_ record: OutcomeRecord) -> String { record.control.map { " for \($0)" } ?? "" }

    // MARK: measure

    static let measure = Command(
        spec: CommandSpec(
            path: ["measure"], abstract: "Record a measured value for a control point without a sample.",
            arguments: [ArgumentSpec("CONTROL-ID", help: "The control point, e.g. K4.")],
            options: [
                PlanCommands.planOption,
                .option("value", "N", help: "The value, e.g. 48 or 37,5. Required."),
                .option("unit", "UNIT", help: "The unit: %, st, dagar … (at most 200 characters). Required."),
                .option("target", "N", help: "The target value."),
                .option(
                    "date", "YYYY-MM-DD",
                    help:
                        "The day the value holds for, from 1 January of the year before the plan's (a starting value) to 31 January of the year after, not after today. Required."
                ),
                .option(
                    "note", "TEXT",
                    help: "A comment (no personal data; at most 10,000 characters); the appendix prints it."),
                .option(
                    "of", "N", help: "For a count, what it is a count of: --value 324 --of 1422 --of-what inbjudna."),
                .option("of-what", "TEXT", help: "What --of counts, e.g. inbjudna."),
                byOption,
            ],
            examples: [
                "stickprov measure K4 --value 48 --unit % --target 50 --date 2023-12-31",
                "stickprov measure K6 --value 324 --unit st --of 1422 --of-what inbjudna --date 2023-12-31",
                "stickprov measure K5 --value 71 --unit dagar --date 2023-12-31 --note 'Genomsnittlig utredningstid, avslutade ärenden'",
            ]),
        run: { arguments, console in
            let controlID = ControlID(rawValue: arguments.arguments[0])
            let value = try measure(arguments.required("value"), option: "value")
            let target = try arguments.value("target").map { try measure($0, option: "target") }
            let unit = try arguments.required("unit")
            let date = try PlanCommands.day(try arguments.required("date"), option: "date")
            let of = try arguments.value("of").map { try measure($0, option: "of") }
            if arguments.isGiven("of-what") && of == nil {
                throw UsageError("--of-what needs --of, the number it names")
            }
            try append(
                arguments, console, reading: .nothing,
                { plan, _ in
                    guard plan.control(controlID) != nil else {
                        throw PlanError.unknownControl(controlID, known: plan.controlIDs)
                    }
                    let record = MeasurementRecord(
                        control: controlID, value: value, unit: unit, target: target, date: date,
                        note: arguments.value("note"),
                        of: of, ofWhat: arguments.value("of-what"))
                    return [try Recording.measurement(record, plan: plan, today: Now.today())]
                },
                summary: { _ in
                    "Recorded \(controlID): \(value.swedish) \(unit)" + (of.map { " of \($0.swedish)" } ?? "")
                        + " per \(date)" + (target.map { " (target \($0.swedish) \(unit))" } ?? "") + "."
                })
        })

    static func measure(_ text: String, option: String) throws -> Measure {
        guard let value = Measure(text) else {
            throw UsageError("--\(option) '\(text)' is not a number (e.g. 48 or 37,5)")
        }
        return value
    }

    // MARK: assess

    static let assess = Command(
        spec: CommandSpec(
            path: ["assess"], abstract: "Assess a control point or risk area at the interim or year-end report.",
            discussion: """
                Sets the signal and the texts of 'Resultat och åtgärder'. The texts go into the public appendix:
                no personal data. Long texts can come from files (--result-file, --actions-file). Assessing the
                same target and point again replaces the earlier assessment (both stay in the journal).
                Whether the summary counts control points or risk areas is the plan's assessment level.
                """,
            arguments: [ArgumentSpec("ID", help: "A control point (K1) or a risk area (R1).")],
            options: [
                PlanCommands.planOption,
                .option("point", "POINT", help: "delår or årsbokslut (interim, year-end). Required."),
                .option(
                    "signal", "SIGNAL",
                    help:
                        "A level of the plan's scale by its id, name or label: green/grön, yellow/gul, red/röd, or the committee's own words. Required."
                ),
                .option("result", "TEXT", help: "The result text."),
                .option("result-file", "FILE", help: "Read the result text from a file."),
                .option("actions", "TEXT", help: "The actions text."),
                .option("actions-file", "FILE", help: "Read the actions text from a file."),
                .option(
                    "date", "YYYY-MM-DD",
                    help:
                        "The day of the assessment, from 1 January of the plan's year to 31 January of the next, not after today (default: today; required when today is outside the plan's year)."
                ),
                byOption,
            ],
            examples: [
                "stickprov assess K1 --point årsbokslut --signal green --result 'I det fallet vidtogs åtgärder.' --actions ''",
                "stickprov assess K3 --point årsbokslut --signal yellow --result-file k3-resultat.txt --actions-file k3-atgarder.txt --date 2024-01-20",
                "stickprov assess K3 --point delår --signal yellow --date 2023-09-12",
            ]),
        run: { arguments, console in
            let id = arguments.arguments[0]
            let point: ReportPoint = try PlanCommands.token(try arguments.required("point"), option: "point")
            let signal = try arguments.required("signal")
            let result = try text(arguments, "result")
            let actions = try text(arguments, "actions")
            let date = try arguments.value("date").map { try PlanCommands.day($0, option: "date") }
            try append(
                arguments, console, reading: .nothing,
                { plan, _ in
                    let target: AssessmentTarget
                    switch try plan.target(id) {
                    case .risk(let risk): target = .risk(risk)
                    case .control(let control): target = .control(control)
                    }
                    let record = AssessmentRecord(
                        target: target, point: point, signal: signal, result: result, actions: actions, date: date)
                    return [try Recording.assessment(record, plan: plan, today: Now.today())]
                },
                summary: { written in
                    guard case .assessment(let record) = written.first?.payload else { return "" }
                    return
                        "Assessed \(id) at \(point.swedish): \(record.signal)\(record.date.map { " (\($0))" } ?? "")."
                })
        })

    /// A text option, or the contents of its `-file` twin.
    static func text(_ arguments: ParsedArguments, _ name: String) throws -> String {
        if arguments.isGiven(name) && arguments.isGiven(name + "-file") {
            throw UsageError("give --\(name) or --\(name)-file, not both")
        }
        guard let file = arguments.value(name + "-file") else { return arguments.value(name) ?? "" }
        do {
            return try TextFile.read(file)
        } catch {
            throw DataError(describing: error, in: file)
        }
    }
}
