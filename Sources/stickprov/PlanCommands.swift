import Arguments
import Foundation
import StickprovKit

/// The `plan` verbs: create, change, show and check a plan.
enum PlanCommands {
    static let all: [Command] = [initPlan, addRisk, addControl, edit, move, remove, show, validate, importPlan]

    static let planOption = OptionSpec.option(
        "plan", "DIR", help: "The plan folder (default: the current folder, or the only plan under ./Plans).")

    /// The plan folder for a command.
    static func folder(_ arguments: ParsedArguments) -> String {
        PlanLocator.resolve(
            explicit: arguments.value("plan"), currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// One plan transaction through ``PlanFolder``: applies `change` under the folder's lock, saves it (checked, atomically) and says what happened.
    static func change(
        _ arguments: ParsedArguments, _ console: Console, _ change: (inout ControlPlan) throws -> String
    ) throws {
        try self.change(arguments, console, checkingYear: false) { plan, _ in try change(&plan) }
    }

    /// As ``change(_:_:_:)``; with `checkingYear`, `change` also sees the year, read under the same lock.
    static func change(
        _ arguments: ParsedArguments, _ console: Console, checkingYear: Bool,
        _ change: (inout ControlPlan, YearState) throws -> String
    ) throws {
        let directory = folder(arguments)
        let summary = try AdoptionCommands.saving(directory) {
            let planFolder = PlanFolder(at: directory)
            let (decision, today, time, actor) = (
                arguments.value("decision"), try Now.today(), try Now.timestamp(), Actor.name(arguments)
            )
            let date = try arguments.value("date").map { try day($0, option: "date") }
            let force = arguments.has("force")
            if checkingYear {
                return try planFolder.changePlan(
                    decision: decision, today: today, date: date, force: force, time: time, actor: actor,
                    checkingYear: change)
            }
            return try planFolder.changePlan(
                decision: decision, today: today, date: date, force: force, time: time, actor: actor
            ) { plan in
                try change(&plan, YearState(events: []))
            }
        }
        if checkingYear { noteUncommitted(Journal(planDirectory: directory)) }
        console.line(summary)
    }

    // MARK: init

    static let initPlan = Command(
        spec: CommandSpec(
            path: ["plan", "init"], abstract: "Create a new, empty plan for a committee and year.",
            discussion:
                "Writes DIR/plan.json with the standard signals (green, yellow, red) and an interim cut-off of 31 August.",
            options: [
                planOption,
                .option("committee", "NAME", help: "The committee (nämnd), e.g. Socialnämnden. Required."),
                .option("year", "YYYY", help: "The plan year. Required."),
                .option("title", "TEXT", help: "Title (default: Internkontrollplan YYYY)."),
                .option("adopted", "YYYY-MM-DD", help: "Date the committee adopted the plan."),
                .option("paragraph", "TEXT", help: "Minute paragraph of the adoption, e.g. '§ 123'."),
                .option("interim-cutoff", "YYYY-MM-DD", help: "Last day of the interim report (default YYYY-08-31)."),
                .option("assessment-level", "LEVEL", help: "control-point (default) or risk: what the summary counts."),
                .option("report-layout", "LAYOUT", help: "reference (default) or areas: the appendix's table layout."),
                .option(
                    "report-columns", "LIST",
                    help: "Columns to add to the appendix: id, cadence, responsible (comma-separated; none)."),
            ] + CarryOverCommand.options,
            examples: [
                "stickprov plan init --plan Plans/socialnamnden-2024 --committee Socialnämnden --year 2024",
                "stickprov plan init --plan Plans/socialnamnden-2024 --from Plans/socialnamnden-2023",
                "stickprov plan init --plan Plans/bun-2024 --committee Barn- och utbildningsnämnden --year 2024 --assessment-level risk",
            ]),
        run: { arguments, console in
            let directory = arguments.value("plan") ?? "."
            guard !PlanFile.exists(in: directory) else {
                throw PlanError.alreadyExists(path: PlanFile.path(in: directory))
            }
            if let source = arguments.value("from") {
                return try CarryOverCommand.run(arguments, console, from: source, into: directory)
            }
            if arguments.isGiven("carry") { throw UsageError("--carry needs --from") }
            let committee = try arguments.required("committee")
            guard let year = try arguments.integer("year") else { throw UsageError("missing --year") }
            var plan = ControlPlan(committee: committee, year: year, title: arguments.value("title"))
            try applyPlanFields(arguments, to: &plan)
            try PlanFolder(at: directory).create(plan)
            console.line("Created \(PlanFile.path(in: directory)): \(plan.committee), \(plan.title).")
        })

    static func applyPlanFields(_ arguments: ParsedArguments, to plan: inout ControlPlan) throws {
        if let committee = arguments.value("committee") { plan.committee = committee }
        if let year = try arguments.integer("year") {
            if plan.interimCutoff == ControlPlan.defaultInterimCutoff(year: plan.year) {
                plan.interimCutoff = ControlPlan.defaultInterimCutoff(year: year)
            }
            if plan.title == "Internkontrollplan \(plan.year)" { plan.title = "Internkontrollplan \(year)" }
            plan.year = year
        }
        if let title = arguments.value("title") { plan.title = title }
        if let adopted = arguments.value("adopted") {
            plan.adoption = Adoption(date: try day(adopted, option: "adopted"), paragraph: plan.adoption?.paragraph)
        }
        if let paragraph = arguments.value("paragraph") {
            guard var adoption = plan.adoption else {
                throw UsageError("--paragraph needs --adopted (the meeting date)")
            }
            adoption.paragraph = paragraph
            plan.adoption = adoption
        }
        if let cutoff = arguments.value("interim-cutoff") {
            plan.interimCutoff = try day(cutoff, option: "interim-cutoff")
        }
        if let level = arguments.value("assessment-level") {
            plan.assessmentLevel = try token(level, option: "assessment-level")
        }
        if let layout = arguments.value("report-layout") {
            plan.reportLayout = try token(layout, option: "report-layout")
        }
        if let list = arguments.value("report-columns") {
            let words = list.split(separator: ",").map { $0.trimmingASCIIWhitespace() }.filter { !$0.isEmpty }
            var columns: [ReportColumn] = []
            if words != ["none"] {
                for word in words {
                    let column: ReportColumn = try token(word, option: "report-columns")
                    if !columns.contains(column) { columns.append(column) }
                }
            }
            plan.reportColumns = columns.isEmpty ? nil : columns
        }
    }

    // MARK: add-risk

    static let addRisk = Command(
        spec: CommandSpec(
            path: ["plan", "add-risk"], abstract: "Add an identified risk (Identifierad risk).",
            options: [
                planOption, AdoptionCommands.decisionOption, AdoptionCommands.dateOption, AdoptionCommands.forceOption,
                .option("text", "TEXT", help: "The risk as the appendix prints it. Required."),
                .option("id", "ID", help: "Its id (default: the next free R1, R2, …)."),
                .option("probability", "1-4", help: "Probability in the risk analysis."),
                .option("consequence", "1-4", help: "Consequence in the risk analysis."),
            ],
            examples: [
                "stickprov plan add-risk --text 'Att vi inte nyttjar digitala möjligheter i tillräcklig grad' --probability 3 --consequence 3"
            ]),
        run: { arguments, console in
            try change(arguments, console) { plan in
                let id = arguments.value("id").map(RiskID.init(rawValue:)) ?? plan.nextRiskID
                let risk = Risk(id: id, text: try arguments.required("text"), score: try score(arguments, current: nil))
                plan.addRisk(risk)
                return "Added risk \(id)."
            }
        })

    static func score(_ arguments: ParsedArguments, current: RiskScore?) throws -> RiskScore? {
        let probability = try arguments.integer("probability")
        let consequence = try arguments.integer("consequence")
        if probability == nil && consequence == nil { return current }
        guard let p = probability ?? current?.probability, let c = consequence ?? current?.consequence else {
            throw UsageError("give both --probability and --consequence")
        }
        return RiskScore(probability: p, consequence: c)
    }

    // MARK: add-control

    static let controlOptions: [OptionSpec] = [
        .option("text", "TEXT", help: "What is checked (Vad kontrolleras?). Required."),
        .option(
            "method", "METHOD",
            help: "sample, case-review, measurement, survey or document-check (Swedish words work too); '' for none."),
        .option(
            "method-label", "TEXT",
            help: "The appendix's Metod text as the committee writes it, e.g. 'kontroll lön'; '' for none."),
        .option(
            "cadence", "CADENCE",
            help:
                "How often, as the committee writes it: monthly, 3 ggr/år, Tertialvis, Löpande, or dates 2023-02-15,2023-05-15."
        ),
        .option(
            "follow-up", "WHEN",
            help:
                "Reported at: both (Del- och årsbokslut, default), interim or year-end, or the committee's words, e.g. 'Delår och årsbokslut'."
        ),
        .option("responsible", "ROLE", help: "Who follows it up (a role, not a name), e.g. Systemförvaltare."),
        .option("count", "N", help: "Sample rule: draw N items."),
        .option("percent", "P", help: "Sample rule: draw P % of the population (at most two decimals)."),
        .option(
            "stratum-rule", "'NAME=P%'", help: "Sample rule per stratum, e.g. 'LSS=25%' or 'Annat=3'.", repeatable: true
        ),
        .option("log-check-users", "N", help: "Sample rule for the monthly log check: N users and one week."),
        .option("key-column", "COLUMN", help: "Population column with the item key."),
        .option("stratum-column", "COLUMN", help: "Population column with the stratum."),
        .option(
            "carry", "COLUMN", help: "Population column to carry into sample lists; adds to those there.",
            repeatable: true),
        .option(
            "remark-kind", "TEXT", help: "A kind of remark reviewers choose from; adds to those there.",
            repeatable: true),
        .option(
            "item-noun", "'en X/Xar'", help: "What items are called in the appendix, e.g. 'en utredning/utredningar'."),
        .option(
            "officer-noun", "'en X/X'", help: "What officers are called, e.g. 'en socialsekreterare/socialsekreterare'."
        ),
        .option(
            "personal-data-in-notes", "yes|no", help: "Whether reviewers' notes may hold a personnummer (default no)."),
        .option("unit-column", "COLUMN", help: "Log check: the officer list's column with each officer's unit."),
        .option("manager-column", "COLUMN", help: "Log check: the officer list's column with each officer's manager."),
        .option("log-user-column", "COLUMN", help: "Log check: the access-log export's column with the user id."),
        .option("log-time-column", "COLUMN", help: "Log check: the access-log export's column with the event's time."),
        .option(
            "amount-column", "COLUMN",
            help:
                "Draw by amount (sha256-pps-v1): the population column with each item's amount in kronor; give --count."
        ),
        .option(
            "certain-from", "KRONOR",
            help: "With --amount-column: take every item of this amount or more for certain, e.g. '100 000'."),
        .option(
            "criterion", "TEXT",
            help: "A criterion each sampled item is reviewed against (one worksheet column each); adds to those there.",
            repeatable: true),
        .option(
            "criteria", "LIST",
            help:
                "A built-in checklist to add: sosfs (SOSFS 2014:5: handläggningsåtgärder, kommunicering, underrättelse, motivering)."
        ),
    ]

    static let addControl = Command(
        spec: CommandSpec(
            path: ["plan", "add-control"], abstract: "Add a control point (kontrollmoment) under a risk.",
            options: [
                planOption, AdoptionCommands.decisionOption, AdoptionCommands.dateOption, AdoptionCommands.forceOption,
                .option("risk", "RISK-ID", help: "The risk it addresses. Required."),
                .option("id", "ID", help: "Its id (default: the next free K1, K2, …)."),
            ] + controlOptions,
            examples: [
                "stickprov plan add-control --risk R1 --text 'Att obehöriga personer ej går in i ärenden' --method sample --cadence monthly --responsible Systemförvaltare --log-check-users 15",
                "stickprov plan add-control --risk R3 --text 'Att vi har en rättssäker handläggning inom vuxenområdet' --method case-review --cadence 2023-02-15,2023-05-15,2023-10-15 --count 25 --key-column Ärendenummer --carry Handläggare",
            ]),
        run: { arguments, console in
            try change(arguments, console) { plan in
                let riskID = RiskID(rawValue: try arguments.required("risk"))
                let id = arguments.value("id").map(ControlID.init(rawValue:)) ?? plan.nextControlID
                var control = ControlPoint(id: id, text: try arguments.required("text"), method: nil)
                try applyControlFields(arguments, to: &control)
                try plan.addControl(control, to: riskID)
                return "Added control point \(id) under risk \(riskID)."
            }
        })

    static func applyControlFields(_ arguments: ParsedArguments, to control: inout ControlPoint) throws {
        if let text = arguments.value("text") { control.text = text }
        if let method = arguments.value("method") {
            control.method =
                method.trimmingASCIIWhitespace().isEmpty ? nil : try token(method, option: "method") as MethodKind
        }
        if let label = arguments.value("method-label") { control.setMethodLabel(label) }
        if let cadence = arguments.value("cadence") { control.setCadence(cadence) }
        if let followUp = arguments.value("follow-up"), !control.setFollowUp(followUp) {
            throw UsageError(
                "--follow-up '\(followUp)' names neither report; give both, interim or year-end, or words like 'Delår och årsbokslut'"
            )
        }
        if let responsible = arguments.value("responsible") { control.responsible = responsible }
        control.addRemarkKinds(arguments.values("remark-kind"))
        if let name = arguments.value("criteria") {
            guard let list = ControlPoint.builtInCriteria(named: name) else {
                throw UsageError(
                    "--criteria '\(name)' is not a built-in checklist (known: sosfs); add criteria one by one with --criterion"
                )
            }
            control.addCriteria(list)
        }
        control.addCriteria(arguments.values("criterion"))
        if let text = arguments.value("item-noun") { control.itemNoun = try noun(text, option: "item-noun") }
        if let text = arguments.value("officer-noun") { control.officerNoun = try noun(text, option: "officer-noun") }
        if let answer = arguments.value("personal-data-in-notes") {
            guard ["yes", "ja", "no", "nej"].contains(answer) else {
                throw UsageError("--personal-data-in-notes takes yes or no")
            }
            control.allowsPersonalDataInNotes = answer == "yes" || answer == "ja"
        }
        if let size = try sampleSize(arguments) {
            var rule = control.sampleRule ?? SampleRule(size: size)
            rule.size = size  // the columns stay
            control.sampleRule = rule
        }
        let columnOptions = [
            "key-column", "stratum-column", "carry", "unit-column", "manager-column", "log-user-column",
            "log-time-column",
            "amount-column", "certain-from",
        ]
        if columnOptions.contains(where: arguments.isGiven) {
            guard var rule = control.sampleRule else {
                throw UsageError(
                    "--key-column, --stratum-column, --carry and the log-check columns belong to a sample rule; give --count, --percent, --stratum-rule or --log-check-users too"
                )
            }
            if let key = arguments.value("key-column") { rule.keyColumn = key }
            if let stratum = arguments.value("stratum-column") { rule.stratumColumn = stratum }
            if let unit = arguments.value("unit-column") { rule.unitColumn = unit }
            if let manager = arguments.value("manager-column") { rule.managerColumn = manager }
            if let user = arguments.value("log-user-column") { rule.logUserColumn = user }
            if let time = arguments.value("log-time-column") { rule.logTimeColumn = time }
            if let amount = arguments.value("amount-column") { rule.amountColumn = amount }
            if let text = arguments.value("certain-from") {
                guard let amount = Amount(text), amount.ore > 0 else {
                    throw UsageError("--certain-from '\(text)' is not a positive amount in kronor (e.g. '100 000')")
                }
                rule.certainFrom = amount
            }
            if rule.certainFrom != nil && rule.amountColumn == nil {
                throw UsageError("--certain-from needs --amount-column COLUMN (the rule must draw by amount)")
            }
            control.sampleRule = rule
            try control.addCarried(arguments.values("carry"))
        }
    }

    static func noun(_ text: String, option: String) throws -> Noun {
        guard let noun = Noun(text) else {
            throw UsageError(
                "--\(option) '\(text)' is not written like 'en utredning/utredningar' or 'ett ärende/ärenden'")
        }
        return noun
    }

    static func sampleSize(_ arguments: ParsedArguments) throws -> SampleSize? {
        var sizes: [SampleSize] = []
        if let count = try arguments.integer("count") { sizes.append(.count(count)) }
        if let text = arguments.value("percent") {
            guard let percent = Percentage(text) else {
                throw UsageError("--percent '\(text)' is not a percentage with at most two decimals")
            }
            sizes.append(.percent(percent))
        }
        let strata = arguments.values("stratum-rule")
        if !strata.isEmpty {
            sizes.append(
                .strata(
                    try strata.map { text in
                        guard let rule = StratumRule(text) else {
                            throw UsageError("--stratum-rule '\(text)' is not NAME=P% or NAME=N")
                        }
                        return rule
                    }))
        }
        if let users = try arguments.integer("log-check-users") { sizes.append(.logCheck(users: users)) }
        guard sizes.count <= 1 else {
            throw UsageError("give one of --count, --percent, --stratum-rule, --log-check-users")
        }
        if let size = sizes.first, let problem = size.zeroSizeProblem {
            let option =
                switch size {
                case .count: "--count"
                case .percent: "--percent"
                case .strata: "--stratum-rule"
                case .logCheck: "--log-check-users"
                }
            throw UsageError("\(option): \(problem)")
        }
        return sizes.first
    }

    // MARK: edit

    static let edit = Command(
        spec: CommandSpec(
            path: ["plan", "edit"], abstract: "Change fields of the plan, a risk or a control point.",
            discussion: """
                Without ID, the options change the plan itself (--committee, --year, --title, --adopted,
                --paragraph, --interim-cutoff, --assessment-level). With a risk's id: --text, --id,
                --probability, --consequence. With a control point's id: --id, --text and the options of
                'plan add-control'; --carry and --remark-kind add to the lists, --remove-carry and
                --remove-remark-kind take one out; --criterion (or --criteria sosfs) adds to the checklist each
                sampled item is reviewed against, --remove-criterion takes one out. --clear FIELD removes an optional field: method, method-label, cadence, follow-up-label,
                responsible, sample-rule, remark-kinds, item-noun, officer-noun, criteria (control points),
                score (risks), adoption (the plan).
                """,
            arguments: [ArgumentSpec("ID", help: "The risk or control point to change.", isOptional: true)],
            options: [
                planOption, AdoptionCommands.decisionOption, AdoptionCommands.dateOption, AdoptionCommands.forceOption,
                .option("id", "NEW-ID", help: "Rename the risk or control point."),
                .option("committee", "NAME", help: "The committee. Required."),
                .option("year", "YYYY", help: "The plan year."),
                .option("title", "TEXT", help: "The plan's title."),
                .option("adopted", "YYYY-MM-DD", help: "Adoption date."),
                .option("paragraph", "TEXT", help: "Adoption minute paragraph."),
                .option("interim-cutoff", "YYYY-MM-DD", help: "Last day of the interim report."),
                .option("assessment-level", "LEVEL", help: "control-point or risk."),
                .option("report-layout", "LAYOUT", help: "reference or areas."),
                .option("report-columns", "LIST", help: "id, cadence, responsible (comma-separated), or none."),
                .option("probability", "1-4", help: "A risk's probability."),
                .option("consequence", "1-4", help: "A risk's consequence."),
                .option("clear", "FIELD", help: "Remove an optional field.", repeatable: true),
                .option("remove-remark-kind", "TEXT", help: "Remove one remark kind.", repeatable: true),
                .option("remove-carry", "COLUMN", help: "Remove one carried column.", repeatable: true),
                .option("remove-criterion", "TEXT", help: "Remove one criterion.", repeatable: true),
            ] + controlOptions,
            examples: [
                "stickprov plan edit K2 --responsible 'Enhetschef ekonomi'",
                "stickprov plan edit K3 --remark-kind 'Beslut saknas' --remove-remark-kind 'Underrättelse om beslut saknas'",
                "stickprov plan edit K3 --cadence 2023-02-15,2023-05-15,2023-10-15",
                "stickprov plan edit K3 --criteria sosfs --criterion 'Uppföljning mot mål' --remove-criterion 'Underrättelse om beslut'",
                "stickprov plan edit R4 --text 'Att vi inte nyttjar digitala möjligheter i tillräcklig grad'",
                "stickprov plan edit --adopted 2022-12-14 --paragraph '§ 123'",
            ]),
        run: { arguments, console in
            try change(arguments, console) { plan in
                let given = Set(arguments.options.keys).union(arguments.flags).subtracting([
                    "plan", "decision", "date", "force",
                ])
                guard !given.isEmpty else { throw UsageError("nothing to change; give the fields to set (see --help)") }
                let clear = arguments.values("clear")
                guard let id = arguments.arguments.first else {
                    try only(
                        given,
                        allowed: [
                            "committee", "year", "title", "adopted", "paragraph", "interim-cutoff", "assessment-level",
                            "report-layout", "report-columns", "clear",
                        ], what: "the plan")
                    try only(Set(clear), allowed: ["adoption"], what: "the plan", verb: "--clear")
                    if clear.contains("adoption") { plan.adoption = nil }
                    try applyPlanFields(arguments, to: &plan)
                    return "Changed the plan."
                }
                switch try plan.target(id) {
                case .risk(let riskID):
                    try only(given, allowed: ["id", "text", "probability", "consequence", "clear"], what: "a risk")
                    try only(Set(clear), allowed: ["score"], what: "a risk", verb: "--clear")
                    guard var risk = plan.risk(riskID) else { throw PlanError.unknownRisk(riskID, known: plan.riskIDs) }
                    risk.score = try score(arguments, current: clear.contains("score") ? nil : risk.score)
                    if let text = arguments.value("text") { risk.text = text }
                    if let newID = arguments.value("id") { risk.id = RiskID(rawValue: newID) }
                    try plan.updateRisk(riskID) { $0 = risk }
                    return "Changed risk \(risk.id)."
                case .control(let controlID):
                    let allowed = Set(
                        controlOptions.map(\.name) + [
                            "id", "clear", "remove-remark-kind", "remove-carry", "remove-criterion",
                        ])
                    try only(given, allowed: allowed, what: "a control point")
                    try only(
                        Set(clear),
                        allowed: [
                            "method", "method-label", "cadence", "follow-up-label", "responsible", "sample-rule",
                            "remark-kinds", "carry", "item-noun", "officer-noun", "criteria",
                        ], what: "a control point", verb: "--clear")
                    guard var control = plan.control(controlID) else {
                        throw PlanError.unknownControl(controlID, known: plan.controlIDs)
                    }
                    if clear.contains("method") { control.method = nil }
                    if clear.contains("method-label") { control.methodLabel = nil }
                    if clear.contains("cadence") { control.setCadence("") }
                    if clear.contains("follow-up-label") { control.followUpLabel = nil }
                    if clear.contains("responsible") { control.responsible = nil }
                    if clear.contains("sample-rule") { control.sampleRule = nil }
                    if clear.contains("remark-kinds") { control.remarkKinds = [] }
                    if clear.contains("item-noun") { control.itemNoun = nil }
                    if clear.contains("officer-noun") { control.officerNoun = nil }
                    if clear.contains("carry"), var rule = control.sampleRule {
                        rule.carry = []
                        control.sampleRule = rule
                    }
                    for kind in arguments.values("remove-remark-kind") { try control.removeRemarkKind(kind) }
                    for column in arguments.values("remove-carry") { try control.removeCarried(column) }
                    if clear.contains("criteria") { control.criteria = [] }
                    try applyControlFields(arguments, to: &control)
                    for name in arguments.values("remove-criterion") { try control.removeCriterion(name) }
                    if let newID = arguments.value("id") { control.id = ControlID(rawValue: newID) }
                    try plan.updateControl(controlID) { $0 = control }
                    return "Changed control point \(control.id)."
                }
            }
        })

    static func only(_ given: Set<String>, allowed: Set<String>, what: String, verb: String = "") throws {
        if let wrong = given.subtracting(allowed).sorted().first {
            let option = verb.isEmpty ? "--\(wrong)" : "\(verb) \(wrong)"
            throw UsageError("\(option) does not apply to \(what)")
        }
    }
}

extension PlanCommands {
    // MARK: remove, show, validate

    static let remove = Command(
        spec: CommandSpec(
            path: ["plan", "remove"], abstract: "Remove a risk or a control point from the plan.",
            arguments: [ArgumentSpec("ID", help: "The risk or control point.")],
            options: [
                planOption, AdoptionCommands.decisionOption, AdoptionCommands.dateOption, AdoptionCommands.forceOption,
                .flag("with-controls", help: "Also remove a risk's control points."),
            ],
            examples: ["stickprov plan remove K4", "stickprov plan remove R2 --with-controls"]),
        run: { arguments, console in
            try change(arguments, console) { plan in
                switch try plan.remove(arguments.arguments[0], withControls: arguments.has("with-controls")) {
                case .risk(let id): return "Removed risk \(id)."
                case .control(let id): return "Removed control point \(id)."
                }
            }
        })

    static let move = Command(
        spec: CommandSpec(
            path: ["plan", "move"], abstract: "Move a risk area or a control point to another place in the plan.",
            discussion: """
                Areas are numbered 1..n and control points 1.1, 1.2, … in plan order, so moving renumbers
                them; ids stay. --to N is the place among the areas (for a risk) or among the area's control
                points; --risk moves a control point to another area (last, unless --to says where).
                """,
            arguments: [ArgumentSpec("ID", help: "The risk or control point.")],
            options: [
                planOption, AdoptionCommands.decisionOption, AdoptionCommands.dateOption, AdoptionCommands.forceOption,
                .option("to", "N", help: "The new place, 1 = first."),
                .option(
                    "risk", "RISK-ID",
                    help: "For a control point: the area to move it to. Required for a control point."),
            ],
            examples: [
                "stickprov plan move K5 --to 1", "stickprov plan move K5 --risk R2 --to 2",
                "stickprov plan move R3 --to 1",
            ]),
        run: { arguments, console in
            try change(arguments, console) { plan in
                let id = arguments.arguments[0]
                let position = try arguments.integer("to")
                let riskID = arguments.value("risk").map(RiskID.init(rawValue:))
                guard position != nil || riskID != nil else {
                    throw UsageError("say where: --to N, --risk RISK-ID or both")
                }
                switch try plan.target(id) {
                case .risk(let riskID):
                    guard arguments.value("risk") == nil else {
                        throw UsageError("--risk moves a control point; a risk moves with --to N")
                    }
                    try plan.move(id, to: position)
                    return "Moved risk \(riskID) to area \(plan.areaNumber(of: riskID) ?? 0)."
                case .control(let controlID):
                    try plan.move(id, to: position, under: riskID)
                    return "Moved control point \(controlID) to \(plan.number(of: controlID) ?? "")."
                }
            }
        })

    static let show = Command(
        spec: CommandSpec(
            path: ["plan", "show"], abstract: "Show the plan as a readable listing.",
            options: [planOption, .option("width", "COLUMNS", help: "Wrap at this many columns (default 100).")],
            examples: ["stickprov plan show", "stickprov plan show --plan Plans/socialnamnden-2023 --width 80"]),
        run: { arguments, console in
            let directory = folder(arguments)
            let plan = try PlanFile.load(from: directory)
            let adopted = (try? Journal(planDirectory: directory).read()).map(PlanAdoption.init(events:))
            let width = try arguments.integer("width") ?? 100
            guard width >= 40 else { throw UsageError("--width must be at least 40") }
            console.out(PlanListing.render(plan, width: width, adopted: adopted))
        })

    static let validate = Command(
        spec: CommandSpec(
            path: ["plan", "validate"], abstract: "Check plan.json and list every problem.",
            discussion:
                "Useful after editing plan.json by hand. Also checks that every assessment in the journal names a level of the signal scale and is shown in some report (a hand edit of a follow-up or of the assessment level can hide one). Exit status 0 when the plan is sound, 1 otherwise.",
            options: [planOption],
            examples: ["stickprov plan validate --plan Plans/socialnamnden-2023"]),
        run: { arguments, console in
            let directory = folder(arguments)
            let plan = try PlanFile.load(from: directory)
            let state = YearState(events: try readJournal(Journal(planDirectory: directory)))
            let orphans = plan.signals.orphanMessages(in: state)
            let hidden = AssessmentVisibility.hidden(in: plan, state: state).filter { $0.reason != .signalRemoved }
            let unshown = hidden.isEmpty ? [] : PlanError.assessmentsNotShown(hidden).messages
            guard orphans.isEmpty && unshown.isEmpty else {
                throw DataError(
                    lines: orphans.map { "\(PlanFile.path(in: directory)): signals: \($0)" }
                        + unshown.map { "\(PlanFile.path(in: directory)): \($0)" })
            }
            console.line(
                "\(PlanFile.path(in: directory)): ok (\(Plural.count(plan.risks.count, "risk")), \(Plural.count(plan.controlPoints.count, "control point")))"
            )
        })

    // MARK: helpers

    static func day(_ text: String, option: String) throws -> Day {
        guard let day = Day(text) else { throw UsageError("--\(option) '\(text)' is not a date YYYY-MM-DD") }
        return day
    }

    static func token<T: PlanToken>(_ text: String, option: String) throws -> T {
        guard let value = T(userText: text) else {
            throw UsageError("--\(option) '\(text)' is not one of: \(T.choices)")
        }
        return value
    }
}
