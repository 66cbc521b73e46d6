import Arguments
import StickprovKit

extension PlanCommands {
    static let importPlan = Command(
        spec: CommandSpec(
            path: ["plan", "import"], abstract: "Create a plan from a spreadsheet (CSV) in the appendix's columns.",
            discussion: """
                Columns (header names, any order, case ignored): Identifierad risk, Vad kontrolleras?,
                Frekvens uppföljning, Metod; optional Frekvens and Ansvarig. A row with an empty risk cell
                belongs to the risk above it. Save from Excel as CSV (';' or ','; UTF-8 or Windows-1252 both
                work). Ids are given in order (R1…, K1…); add sample rules afterwards with 'plan edit'.
                Refuses to overwrite an existing plan.
                """,
            arguments: [ArgumentSpec("FILE", help: "The CSV file.")],
            options: [
                planOption,
                .option("committee", "NAME", help: "The committee (nämnd). Required."),
                .option("year", "YYYY", help: "The plan year. Required."),
                .option("title", "TEXT", help: "Title (default: Internkontrollplan YYYY)."),
            ],
            examples: [
                "stickprov plan import internkontrollplan-2024.csv --plan Plans/socialnamnden-2024 --committee Socialnämnden --year 2024"
            ]),
        run: { arguments, console in
            let file = arguments.arguments[0]
            let directory = arguments.value("plan") ?? "."
            guard !PlanFile.exists(in: directory) else { throw PlanError.alreadyExists(path: PlanFile.path(in: directory)) }
            let committee = try arguments.required("committee")
            guard let year = try arguments.integer("year") else { throw UsageError("missing --year") }
            let table = try readCSV(file)
            let plan: ControlPlan
            do throws(PlanImport.Failure) {
                plan = try PlanImport.plan(from: table, committee: committee, year: year, title: arguments.value("title"))
            } catch .missingColumns(let names, let available) {
                throw DataError(lines: names.map { "\(file): missing column '\($0)' (columns: \(available.joined(separator: ", ")))" })
            } catch .rows(let problems) {
                throw DataError(lines: problems.map { "\(file):\($0.line): \($0.message)" })
            }
            try PlanFile.save(plan, to: directory)
            console.line("Created \(PlanFile.path(in: directory)) from \(file): \(plan.risks.count) risks, \(plan.controlPoints.count) control points.")
        })
}
