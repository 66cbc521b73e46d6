import Arguments
import StickprovKit

extension PlanCommands {
    static let importPlan = Command(
        spec: CommandSpec(
            path: ["plan", "import"],
            abstract: "Create a plan from a spreadsheet (.xlsx or CSV) in the committee's own columns.",
            discussion: """
                The header is the first row with a column for what is checked (Vad kontrolleras? or
                Kontrollmoment); a title row above it is skipped. Header names are compared without case,
                spaces and trailing ':', '*', '.' or '?'. Other columns, all optional: Id (or Nr),
                Identifierad risk (Risk, Riskområde, Område), Metod, Frekvens (Periodicitet, Kontrollfrekvens),
                Frekvens uppföljning (Uppföljning), Uppföljningsansvarig (Ansvarig). Ids, methods, frequencies
                and follow-ups are kept as written ('CENT 1', 'kontroll lön', '3 ggr/år'); a row without an id
                gets the next free one; a row with an empty risk cell belongs to the risk above it. The
                summary lists the columns read, the defaults of those missing, and the columns not used.
                Save from Excel as CSV (';' or ','; UTF-8 or Windows-1252 both work). The appendix's own
                CSV imports back. Refuses to overwrite an existing plan.
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
            guard !PlanFile.exists(in: directory) else {
                throw PlanError.alreadyExists(path: PlanFile.path(in: directory))
            }
            let committee = try arguments.required("committee")
            guard let year = try arguments.integer("year") else { throw UsageError("missing --year") }
            let sheet = try readSheet(file)
            let imported: PlanImport.Imported
            do throws(PlanImport.Failure) {
                imported = try PlanImport.plan(
                    from: sheet, committee: committee, year: year, title: arguments.value("title"))
            } catch {
                throw DataError(lines: error.messages.map { "\(file)\($0.line.map { ":\($0)" } ?? ""): \($0.text)" })
            }
            try PlanFolder(at: directory).create(imported.plan)
            console.line("Created \(PlanFile.path(in: directory)) from \(file): " + (imported.summary.first ?? ""))
            for line in imported.summary.dropFirst() { console.line(line) }
        })
}
