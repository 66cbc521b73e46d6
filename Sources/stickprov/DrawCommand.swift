import Arguments
import Foundation
import StickprovKit

/// `stickprov draw`: draws a control point's sample, records it in the journal and writes the worksheet.
enum DrawCommand {
    static let command = Command(
        spec: CommandSpec(
            path: ["draw"],
            abstract:
                "Draw a control point's sample (or one for several points of an area), record it and write the worksheet.",
            discussion: """
                Uses the control point's sample rule from the plan; flags override it for this draw. Without
                --seed a seed is generated (16 random bytes). The journal records the seed, the rule, the
                population's fingerprint and the sampled keys with the carried columns — never the population.
                The worksheet (an Excel workbook, or CSV for Swedish Excel with --out X.csv; readable only by you) lists the items with the draw id
                and seed, and empty columns for the results. Drawing again with the same seed and a larger
                size extends the earlier sample: rank order makes the first items the same.
                Several control points of one area can share a sample (draw K13 K14 …): the draw (K13+K14-1) is
                recorded once, every item is reviewed once, and the worksheet has a Resultat, Typ av anmärkning
                and Kommentar column per point ('Resultat (K14)'); on the command line, record --control K14.
                The points' sample rules must be the same (a point without a rule takes the others'); each point
                counts its results in status and the appendix as if the draw were its own.
                """,
            arguments: [
                ArgumentSpec(
                    "CONTROL-ID", help: "The control point, e.g. K3; several points of one area share the sample.",
                    isVariadic: true)
            ],
            options: [
                PlanCommands.planOption,
                .option("population", "FILE", help: "The population: a CSV export with a header row. Required."),
                .option("seed", "SEED", help: "The seed (default: generated)."),
                .option("size", "K", help: "Draw K items (overrides the plan's rule)."),
                .option("percent", "P", help: "Draw P % (overrides the plan's rule)."),
                .option("rule", "'NAME=P%'", help: "A stratum's rule (overrides the plan's rule).", repeatable: true),
                .option("key", "COLUMN", help: "The key column (default: the plan's)."),
                .option("stratum", "COLUMN", help: "The stratum column (default: the plan's)."),
                .option(
                    "carry", "COLUMN", help: "A column to carry into the worksheet (default: the plan's).",
                    repeatable: true),
                .option("month", "YYYY-MM", help: "The month of a log check (its week is drawn)."),
                .option("period", "TEXT", help: "The period the draw covers (default: the month, or today's date)."),
                .option("spares", "N", help: "List N replacements after the sample (per stratum)."),
                .flag("large", help: "Confirm a draw of more than 5,000 items (sample plus spares)."),
                .flag(
                    "confirm-missing-strata",
                    help: "Draw even when a stratum of the rule is not in the population (its part is empty)."),
                .option(
                    "date", "YYYY-MM-DD",
                    help:
                        "The day of the draw (default: today; required without --period or --month when today is outside the plan's year)."
                ),
                .option(
                    "out", "FILE",
                    help:
                        "The worksheet: .xlsx (default: ./urval-DRAW-ID.xlsx; run inside the plan folder, beside ./Plans instead) or .csv."
                ),
                .option("by", "NAME", help: "Who draws (default: the system user)."),
            ],
            examples: [
                "stickprov draw K3 --population utredningar-2023-02.csv --seed 'Socialnämnden 2023-02-15' --spares 3",
                "stickprov draw K1 --population handlaggare.csv --month 2023-03",
                "stickprov draw K2 --population placeringar.csv --rule 'Placering vuxna=10' --rule 'Placering barn och unga=15'",
                "stickprov draw K13 K14 --population beslut-2023-h1.csv --period 2023-H1",
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws {
        let context = try DrawContext(arguments)
        let rule = try effectiveRule(context.control, arguments)
        guard let keyColumn = rule.keyColumn else { throw DrawError.keyColumnRequired(context.control.id) }
        let populationPath = try arguments.required("population")
        let month = try context.month(arguments)
        let spares = try arguments.integer("spares") ?? 0
        guard spares >= 0 else { throw UsageError("--spares must be 0 or more") }
        if spares > 0 && rule.amountColumn != nil {
            // SPEC.md §12–13 define no spares for sha256-pps-v1: a replacement would change every item's weight.
            throw UsageError(
                "--spares: a draw by amount (sha256-pps-v1) has no spares; record an item that cannot be reviewed with 'stickprov record \(context.control.id)-N KEY --not-reviewed REASON'"
            )
        }
        let population = try readPopulation(
            populationPath, key: keyColumn, stratum: rule.stratumColumn, carry: DrawSummary.shownColumns(rule),
            amountColumn: rule.amountColumn)
        let missing = StratumCheck.missing(rule.size, present: Set(population.strata))
        if !missing.isEmpty && !arguments.has("confirm-missing-strata") {
            throw PlanError.missingStrata(context.control.id, column: population.stratumColumn ?? "", missing)
        }
        let fileDigest: PopulationFile
        do {
            fileDigest = try PopulationFile(path: populationPath)
        } catch {
            throw DataError(describing: error, in: populationPath)
        }
        let outOption = arguments.value("out")
        let output = OutputGuard(planFolders: [context.directory], inputs: [populationPath])
        if let outOption {
            try output.check(outOption)
            try refuseExisting(outOption)
        }
        // The worksheet is written to a temporary file inside the transaction and put in place only
        // after the draw is committed: a failed draw leaves no sheet, a failed write records nothing.
        let (record, staged) = try context.drawAndRecord(
            rule: rule, population: population, populationPath: populationPath, month: month, spares: spares,
            arguments,
            shape: { drawn in
                var record = drawn
                record.population.fileDigest = fileDigest
                return record
            },
            stage: { record in
                let out =
                    outOption
                    ?? PlanLocator.defaultOutputPath(
                        "urval-\(SafeFileName.part(record.id.rawValue)).xlsx",
                        currentDirectory: FileManager.default.currentDirectoryPath,
                        planDirectory: context.directory)
                try output.check(out)
                try refuseExisting(out)
                do {
                    let bytes = try Worksheet.fileBytes(for: record, controls: context.controls, path: out)
                    return try AtomicFile.stage(bytes, to: out, permissions: 0o600)
                } catch let error as AtomicFile.WriteError {
                    throw DataError("\(error.path): cannot write: \(error.reason)")
                } catch let error as ZipError {
                    throw DataError("\(out): \(error.message)")
                }
            })
        let out = staged?.path ?? ""
        if let staged {
            do throws(AtomicFile.WriteError) {
                try staged.commit()
            } catch {
                throw DataError(
                    "\(error.path): cannot write: \(error.reason)",
                    "The draw \(record.id) was recorded in the journal, but its worksheet was not written.")
            }
        }
        console.out(
            DrawSummary.render(record, controls: context.controls, worksheet: out, populationPath: populationPath))
    }

    /// The plan's rule with this draw's flags applied.
    static func effectiveRule(_ control: ControlPoint, _ arguments: ParsedArguments) throws -> SampleRule {
        let rules = try arguments.values("rule").map { text in
            guard let rule = StratumRule(text) else { throw UsageError("--rule '\(text)' is not NAME=P% or NAME=K") }
            return rule
        }
        var sizes: [SampleSize] = []
        if let count = try arguments.integer("size") {
            guard count >= 1 else { throw UsageError("--size must be at least 1") }
            sizes.append(.count(count))
        }
        if let text = arguments.value("percent") { sizes.append(.percent(try SampleCommand.percentOption(text))) }
        if !rules.isEmpty { sizes.append(.strata(rules)) }
        guard sizes.count <= 1 else { throw UsageError("give one of --size, --percent or --rule") }
        if let size = sizes.first, let problem = size.zeroSizeProblem {
            throw UsageError("\(arguments.isGiven("percent") ? "--percent" : "--rule"): \(problem)")
        }
        do {
            return try SampleRule.forDraw(
                of: control, size: sizes.first, keyColumn: arguments.value("key"),
                stratumColumn: arguments.value("stratum"),
                carry: arguments.isGiven("carry") ? arguments.values("carry") : nil)
        } catch {
            guard case .invalidRule(_, let problems, isGiven: true) = error else { throw error }
            let option = ["rule", "percent", "size", "key"].first(where: arguments.isGiven) ?? "rule"
            throw UsageError("--\(option): \(problems.joined(separator: "; "))")
        }
    }

    /// A worksheet is never written over an existing file: it may be a sheet being filled in and
    /// not yet recorded. Refused before anything is drawn or recorded.
    static func refuseExisting(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        throw DataError(
            "\(path): the file exists (a sheet being filled in?); nothing was recorded or written: give another --out, or move the file away first"
        )
    }
}

/// What every draw command does around the sampling itself: find the plan and the control point,
/// number the draw after the journal's earlier ones, and record it (`draw` and `logcheck draw`).
struct DrawContext {
    /// The plan folder.
    let directory: String
    /// The control point drawn for (the first of a shared draw's, with the rule they share).
    let control: ControlPoint
    /// Every control point drawn for, as the plan has them (one unless the sample is shared).
    let controls: [ControlPoint]
    /// The plan's year, which a draw's month must lie in.
    let year: Int

    /// Loads the plan and finds the control points named by the arguments (several share one
    /// sample; the library decides whether they may, see ``SharedDraw``).
    init(_ arguments: ParsedArguments) throws {
        directory = PlanCommands.folder(arguments)
        let plan = try PlanFile.load(from: directory)
        let ids = arguments.arguments.map { ControlID(rawValue: $0) }
        control = try SharedDraw.lead(ids, in: plan)
        controls = ids.compactMap { plan.control($0) }
        year = plan.year
    }

    /// `--month`, when given; it must lie in the plan's year.
    func month(_ arguments: ParsedArguments) throws -> Month? {
        try arguments.value("month").map { text in
            guard let month = Month(text) else { throw UsageError("--month '\(text)' is not a month YYYY-MM") }
            if let problem = PlanWindow.monthProblem(month, year: year) { throw UsageError(problem) }
            return month
        }
    }

    /// Draws from `population` by `rule` (seed from `--seed` or generated, period from `--period`) and
    /// records it in one ``PlanFolder`` transaction, so the draw is numbered after the journal's earlier
    /// draws under the folder's lock: concurrent draws get distinct ids.
    /// - Parameters:
    ///   - shape: turns the drawn record into the one to record (e.g. a log check's column names).
    ///   - stage: prepares the files that belong to the draw (a worksheet in a temporary file) before
    ///     the commit; if it throws, nothing is recorded.
    func drawAndRecord(
        rule: SampleRule, population: Population, populationPath: String, month: Month?, spares: Int,
        _ arguments: ParsedArguments, shape: (DrawRecord) -> DrawRecord = { $0 },
        stage: (DrawRecord) throws -> AtomicFile.Staged? = { _ in nil }
    ) throws -> (DrawRecord, AtomicFile.Staged?) {
        let seed = try arguments.value("seed").map { _ in try SampleCommand.seedOption(arguments) }
        let request = Draw.Request(
            control: control.id, rule: rule, seed: seed ?? Seed.generate(), isSeedGenerated: seed == nil,
            period: arguments.value("period"), month: month,
            date: try Draw.day(
                given: try arguments.value("date").map { try PlanCommands.day($0, option: "date") },
                period: arguments.value("period"),
                month: month, rule: rule, today: Now.today(), planYear: year),
            populationFile: (populationPath as NSString).lastPathComponent, spares: spares,
            sharedWith: controls.dropFirst().map(\.id))
        let large = arguments.has("large")
        // The draw is chosen before the transaction, so the carried columns of just the drawn rows can
        // be read from the file (a second pass) without holding the plan's lock meanwhile.
        let selection = try Draw.select(request, population: population)
        var population = population
        do {
            try population.loadCarried(forRows: selection.rows)
        } catch {
            throw DataError(describing: error, in: populationPath)
        }
        let folder = PlanFolder(at: directory)
        let made = Made()
        do {
            _ = try journalCall(folder.journal) {
                try folder.transact(time: Now.timestamp(), actor: Actor.name(arguments)) { plan, state in
                    try folder.checkUnchanged(controls, in: plan)
                    let record = shape(
                        try Draw.make(request, population: population, selection: selection, earlier: state.draws))
                    try DrawBounds.check(record, large: large)
                    made.record = record
                    made.staged = try stage(record)
                    return [.draw(record)]
                }
            }
        } catch {
            made.staged?.discard()
            throw error
        }
        guard let record = made.record else { throw DataError("error: the draw was not recorded") }
        Console.recorded = true
        return (record, made.staged)
    }

    /// What the transaction made, handed out of its closure.
    private final class Made {
        var record: DrawRecord?
        var staged: AtomicFile.Staged?
    }
}

/// Who is recording: `--by`, else the operating system user.
enum Actor {
    static func name(_ arguments: ParsedArguments) -> String {
        if let by = arguments.value("by"), !by.trimmingASCIIWhitespace().isEmpty { return by }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
    }
}

/// The clock of this run: the library's ``Clock`` (Stockholm's date, or `TZ`'s) at now, or at the
/// instant `SOURCE_DATE_EPOCH` names, so a script such as `scripts/build-example` writes the same
/// journal every time. A value the library refuses is a usage error, for every command.
enum Now {
    /// The clock the environment asks for.
    static func clock() throws -> Clock {
        let environment = ProcessInfo.processInfo.environment
        do {
            return try Clock(
                sourceDateEpoch: environment["SOURCE_DATE_EPOCH"], timeZone: environment["TZ"], now: Date())
        } catch {
            throw UsageError(error.message)
        }
    }

    /// Today's date.
    static func today() throws -> Day { try clock().today }

    /// The journal's time for a change made now.
    static func timestamp() throws -> String { try clock().timestamp }
}
