import Arguments
import StickprovKit

/// `plan signal add|edit|remove`: the committee's own signal scale.
enum PlanSignalCommands {
    static let all: [Command] = [add, edit, remove]

    static let levelOptions: [OptionSpec] = [
        .option("label", "TEXT", help: "The legend's text, e.g. 'Kontrollen är genomförd utan anmärkning'."),
        .option("name", "TEXT", help: "The short name beside the dot, e.g. 'Utan anmärkning'; what --signal may say."),
        .option(
            "colour", "#RRGGBB|auto",
            help: "The mark's colour (default, or auto: by its rank, dark green for the best to red for the worst)."),
        .option(
            "without-remark", "yes|no",
            help: "Whether the summary counts it as 'utan anmärkning eller med försumbar anmärkning'."),
    ]

    static let add = Command(
        spec: CommandSpec(
            path: ["plan", "signal", "add"], abstract: "Add a level to the plan's signal scale.",
            discussion: """
                The scale may have any number of levels, best first. Each level gets an id (by default made
                from its name or label, e.g. utan-anmarkning) that assessments keep: rewording a level later
                with 'plan signal edit' never loses an assessment. 'assess --signal' takes the id, the name,
                the label or the start of one. Mark with --without-remark yes the levels the summary
                sentence counts as 'utan anmärkning eller med försumbar anmärkning' (when none is marked,
                the first level counts).
                """,
            options: [
                PlanCommands.planOption, AdoptionCommands.decisionOption, AdoptionCommands.dateOption,
                AdoptionCommands.forceOption,
                .option("id", "ID", help: "The id assessments name (default: from the name or label)."),
                .option("position", "N", help: "Its place in the scale, 1 = best (default: last)."),
            ] + levelOptions,
            examples: [
                "stickprov plan signal add --name 'Utan anmärkning' --label 'Kontrollen är genomförd utan anmärkning' --without-remark yes",
                "stickprov plan signal add --name 'Ej genomförd' --label 'Kontrollen är inte genomförd' --colour '#e53935'",
            ]),
        run: { arguments, console in
            try PlanCommands.change(arguments, console) { plan in
                guard let label = arguments.value("label") ?? arguments.value("name") else {
                    throw UsageError("missing --label (or --name)")
                }
                let level = try plan.signals.add(
                    label: label, id: arguments.value("id"), name: arguments.value("name"),
                    colour: arguments.value("colour").flatMap { $0 == "auto" ? nil : $0 },
                    countsAsWithoutRemark: try answer(arguments) ?? false,
                    at: try arguments.integer("position"))
                return "Added signal \(level.id) (\(level.displayName))."
            }
            try showScale(arguments, console)
        })

    static let edit = Command(
        spec: CommandSpec(
            path: ["plan", "signal", "edit"], abstract: "Reword or recolour a level of the signal scale; its id stays.",
            discussion: "Earlier assessments name the level by its id, so they show with the new words.",
            arguments: [ArgumentSpec("SIGNAL", help: "The level: its id, name or label.")],
            options: [
                PlanCommands.planOption, AdoptionCommands.decisionOption, AdoptionCommands.dateOption,
                AdoptionCommands.forceOption,
            ] + levelOptions,
            examples: [
                "stickprov plan signal edit green --name 'Utan anmärkning' --label 'Kontrollen är genomförd utan anmärkning'",
                "stickprov plan signal edit 'försumbar anmärkning' --without-remark yes",
            ]),
        run: { arguments, console in
            try PlanCommands.change(arguments, console) { plan in
                let given = Set(arguments.options.keys).subtracting(["plan", "decision", "date"])
                guard !given.isEmpty else {
                    throw UsageError("nothing to change; give --label, --name, --colour or --without-remark")
                }
                let counts = try answer(arguments)
                let level = try plan.signals.update(arguments.arguments[0]) { level in
                    if let label = arguments.value("label") { level.label = label }
                    if let name = arguments.value("name") { level.name = name.isEmpty ? nil : name }
                    if let colour = arguments.value("colour") { level.colour = colour == "auto" ? nil : colour }
                    if let counts { level.countsAsWithoutRemark = counts }
                }
                return "Changed signal \(level.id) (\(level.displayName))."
            }
            try showScale(arguments, console)
        })

    static let remove = Command(
        spec: CommandSpec(
            path: ["plan", "signal", "remove"], abstract: "Remove a level no assessment names from the signal scale.",
            discussion: """
                A level that a recorded assessment shown in the appendix names is not removed: the assessment
                would vanish from every report. --force removes it all the same and records in the journal that
                those assessments no longer hold; the appendix then says so in their place.
                """,
            arguments: [ArgumentSpec("SIGNAL", help: "The level: its id, name or label.")],
            options: [
                PlanCommands.planOption, AdoptionCommands.decisionOption, AdoptionCommands.dateOption,
                AdoptionCommands.forceOption,
            ],
            examples: [
                "stickprov plan signal remove yellow",
                "stickprov plan signal remove yellow --force --decision 'SN 2023-10-11 § 88'",
            ]),
        run: { arguments, console in
            // The plan's change refuses, under the same lock, to take away a level a shown assessment names
            // (PlanFolder.changePlan reads the journal's assessment lines for it).
            try PlanCommands.change(arguments, console) { plan in
                let level = try plan.signals.remove(arguments.arguments[0], assessments: [:])
                return "Removed signal \(level.id)."
            }
            try showScale(arguments, console)
        })

    /// Prints the scale as every document will draw it, after a change.
    static func showScale(_ arguments: ParsedArguments, _ console: Console) throws {
        let plan = try PlanFolder(at: PlanCommands.folder(arguments)).plan()
        console.line("The scale, best first, as every document draws it:")
        for line in plan.signals.describedLevels { console.line("  " + line) }
    }

    static func answer(_ arguments: ParsedArguments) throws -> Bool? {
        guard let answer = arguments.value("without-remark") else { return nil }
        guard ["yes", "ja", "no", "nej"].contains(answer) else { throw UsageError("--without-remark takes yes or no") }
        return answer == "yes" || answer == "ja"
    }
}
