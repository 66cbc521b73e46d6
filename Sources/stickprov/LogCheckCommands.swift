import Arguments
import Foundation
import StickprovKit

/// `logcheck draw` and `logcheck extract`: the monthly log check of who went into which cases.
enum LogCheckCommands {
    static let all: [Command] = [draw, extract]

    // MARK: draw

    static let draw = Command(
        spec: CommandSpec(
            path: ["logcheck", "draw"], abstract: "Draw the month's log check: officers at random and one week.",
            discussion: """
                OFFICERS is the list of case officers (an export or a kept CSV with id, name, unit and
                manager). The number of officers is the control point's rule (--log-check-users); the week is
                one of the ISO weeks whose Thursday falls in --month (SPEC.md §7). The journal records the
                draw with each officer's unit and manager (--unit, --manager, or the plan's --unit-column and
                --manager-column), so 'logcheck extract --by manager' can make one file per manager. Then
                extract the week's rows with 'stickprov logcheck extract DRAW-ID', hand them to the managers,
                and record each manager's answer per officer with 'stickprov record DRAW-ID OFFICER --ok'
                (authorised) or '--remark KIND'.
                """,
            arguments: [ArgumentSpec("CONTROL-ID", help: "The log-check control point, e.g. K1.")],
            options: [
                .flag("large", help: "Confirm a draw of more than 5,000 items."),
                PlanCommands.planOption,
                .option("officers", "FILE", help: "The officer list: CSV with a header row. Required."),
                .option("month", "YYYY-MM", help: "The month whose week is drawn. Required."),
                .option("seed", "SEED", help: "The seed (default: generated)."),
                .option("key", "COLUMN", help: "The officer id column (default: the plan's key column)."),
                .option("unit", "COLUMN", help: "The unit column (default: the plan's unit column)."),
                .option("manager", "COLUMN", help: "The manager column (default: the plan's manager column)."),
                .option("period", "TEXT", help: "The period the draw covers (default: the month)."),
                .option(
                    "date", "YYYY-MM-DD",
                    help: "The day of the draw (default: today); no answer can be recorded as given before it."),
                .option("by", "NAME", help: "Who draws (default: the system user)."),
            ],
            examples: [
                "stickprov logcheck draw K1 --month 2023-03 --officers handlaggare.csv --seed '2023-03 loggkontroll'",
                "stickprov logcheck draw K1 --month 2023-04 --officers handlaggare.csv --key Användare --unit Enhet --manager Chef",
            ]),
        run: runDraw)

    static func runDraw(_ arguments: ParsedArguments, _ console: Console) throws {
        let context = try DrawContext(arguments)
        let rule = try logCheckCall(nil) { () throws(LogCheckError) in
            try LogCheckDraw.rule(
                for: context.control, key: arguments.value("key"), unit: arguments.value("unit"),
                manager: arguments.value("manager"))
        }
        guard let keyColumn = rule.keyColumn else { throw DrawError.keyColumnRequired(context.control.id) }
        guard let month = try context.month(arguments) else { throw UsageError("missing --month") }
        let officersPath = try arguments.required("officers")
        let population = try readPopulation(officersPath, key: keyColumn, stratum: nil, carry: rule.carry)
        let (record, _) = try context.drawAndRecord(
            rule: rule, population: population, populationPath: officersPath, month: month, spares: 0, arguments,
            shape: { LogCheckDraw.spellingColumns(of: $0, asked: rule) })
        console.out(LogCheckSummary.draw(record, control: context.control, officersPath: officersPath))
    }

    // MARK: extract

    static let extract = Command(
        spec: CommandSpec(
            path: ["logcheck", "extract"],
            abstract: "Extract a log check's rows from the access-log export, per officer or per manager.",
            discussion: """
                Reads the export once and writes, into DIR, one CSV per drawn officer (or per manager with
                --by manager) holding the export's header line and the rows of that officer whose time is in
                the drawn week (Monday 00:00:00 to Sunday 23:59:59), byte for byte as in the export. Files are
                readable only by you and never written into the plan folder. The export may be UTF-8 (with or
                without BOM) or Windows-1252, ';' ',' or tab separated, CRLF or LF, with quoted fields holding
                delimiters, quotes and line breaks. Times: 2023-03-14 09:12:33, 2023-03-14T09:12:33,
                2023-03-14 09:12, 14.03.2023 09:12[:33].
                The user column is --user-column, else the plan's --log-user-column, else the draw's key
                column; the time column is --time-column or the plan's --log-time-column.
                Rows with the wrong number of fields, unreadable times (of drawn officers) and encoding
                switches are anomalies: all are counted and the first N listed as file:line; with --strict the
                first one stops the extract and nothing is written.
                """,
            arguments: [ArgumentSpec("DRAW-ID", help: "The log-check draw, e.g. K1-3.")],
            options: [
                PlanCommands.planOption,
                .option("log", "EXPORT", help: "The case system's access-log export (CSV). Required."),
                .option("out", "DIR", help: "The folder for the extract files (created if missing). Required."),
                .option("by", "officer|manager", help: "One file per officer (default) or per manager."),
                .option("user-column", "NAME", help: "The export's user id column."),
                .option("time-column", "NAME", help: "The export's time column."),
                .flag("strict", help: "Stop at the first anomaly and write nothing."),
                .option("max-anomalies", "N", help: "List at most N anomalies (default 20); all are counted."),
            ],
            examples: [
                "stickprov logcheck extract K1-3 --log behorighetslogg-2023-03.csv --out ~/loggkontroll/2023-03",
                "stickprov logcheck extract K1-3 --log logg.csv --out utdrag --by manager --user-column Användare --time-column Tidpunkt",
            ]),
        run: runExtract)

    static func runExtract(_ arguments: ParsedArguments, _ console: Console) throws {
        let directory = PlanCommands.folder(arguments)
        let plan = try PlanFile.load(from: directory)
        let id = DrawID(rawValue: arguments.arguments[0])
        let draws = try readJournal(Journal(planDirectory: directory)).compactMap { event -> DrawRecord? in
            if case .draw(let record) = event.payload { return record }
            return nil
        }
        guard let record = draws.first(where: { $0.id == id }) else {
            throw DrawError.unknownDraw(id, known: draws.map(\.id))
        }
        let exportPath = try arguments.required("log")
        let out = try arguments.required("out")
        let grouping =
            try arguments.value("by").map { text in
                guard let grouping = LogGrouping(rawValue: text.lowercased()) else {
                    throw UsageError("--by '\(text)' is not officer or manager")
                }
                return grouping
            } ?? .officer
        let listed = try arguments.integer("max-anomalies") ?? 20
        guard listed >= 0 else { throw UsageError("--max-anomalies must be 0 or more") }
        let columns: (user: String, time: String)
        do {
            columns = try LogExtractRequest.columns(
                user: arguments.value("user-column"), time: arguments.value("time-column"),
                planned: plan.control(record.control)?.sampleRule, draw: record)
        } catch {
            throw UsageError(error.message)
        }
        let request = LogExtractRequest(
            draw: record, exportPath: exportPath, outputDirectory: out, userColumn: columns.user,
            timeColumn: columns.time, grouping: grouping, isStrict: arguments.has("strict"), listedAnomalies: listed)
        // Extracts never go into the plan folder, and no extract file is (or removes) the export itself.
        try OutputGuard(planFolders: [directory], inputs: [exportPath]).check(folder: out, names: request.fileNames)
        let report = try logCheckCall(exportPath) { () throws(LogCheckError) in try LogExtractor.run(request) }
        for anomaly in report.anomalies { console.note("\(exportPath):\(anomaly.line): \(anomaly.message)") }
        console.out(LogCheckSummary.extract(report, draw: record, exportPath: exportPath, out: out))
    }
}

/// Runs a log-check operation; its problems become `file:line: message` (about `exportPath`) or `error: …`.
func logCheckCall<T>(_ exportPath: String?, _ body: () throws(LogCheckError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        switch error {
        case .readFailed(let path, _):
            throw DataError("\(path): \(error.message)")
        case .anomaly:
            throw DataError(
                "\(exportPath ?? "-"):\(error.line ?? 0): \(error.message)", "Nothing was written (--strict).")
        default:
            if error.isAboutExport, let exportPath {
                throw DataError(
                    error.line.map { "\(exportPath):\($0): \(error.message)" } ?? "\(exportPath): \(error.message)")
            }
            throw DataError("error: \(error.message)")
        }
    }
}
