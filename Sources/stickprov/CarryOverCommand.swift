import Arguments
import Foundation
import StickprovKit

/// `plan init --from DIR`: next year's plan from this year's (see ``CarryOver``).
enum CarryOverCommand {
    /// The options `plan init` takes for a carry-over.
    static let options: [OptionSpec] = [
        .option("from", "DIR", help: "Start from last year's plan folder: carry its control points (see --carry)."),
        .option(
            "carry", "WHICH",
            help: "With --from: not-green (default; those not green at the year end, or not assessed) or all."),
    ]

    /// Creates the plan in `directory` from `--from`; the other `plan init` options apply on top.
    static func run(_ arguments: ParsedArguments, _ console: Console, from source: String, into directory: String)
        throws
    {
        let selection: CarryOver.Selection =
            try arguments.value("carry").map { try PlanCommands.token($0, option: "carry") } ?? .notGreen
        // Last year's plan and journal read together, under that folder's lock.
        let sourceFolder = PlanFolder(at: source)
        let (previous, events) = try journalCall(sourceFolder.journal) { try sourceFolder.snapshot() }
        noteUncommitted(sourceFolder.journal)
        let state = YearState(events: events)
        // Carrying from a plan changed by hand after its adoption would carry an unrecorded plan.
        _ = try AdoptionCommands.verify(source, events: events)
        let year = try arguments.integer("year") ?? previous.year + 1
        guard year > previous.year else {
            throw UsageError("--year \(year) is not after the plan's year \(previous.year)")
        }
        let name = URL(fileURLWithPath: source).standardizedFileURL.lastPathComponent
        var (plan, carried) = CarryOver.plan(
            from: previous, state: state, planName: name, year: year, selection: selection)
        try PlanCommands.applyPlanFields(arguments, to: &plan)
        try PlanFolder(at: directory).create(plan)
        console.line("Created \(PlanFile.path(in: directory)): \(plan.committee), \(plan.title).")
        let names = Dictionary(uniqueKeysWithValues: previous.signals.levels.map { ($0.id, $0.displayName) })
        let which = selection == .all ? "every control point" : "the control points not green at the year end"
        console.line(
            "Carried \(carried.count) of \(previous.controlPoints.count) control points from \(name) (\(which)):")
        for point in carried {
            let signal = point.signal.map { names[$0] ?? $0 } ?? "not assessed"
            console.line("  \(point.id)  \(previous.year) year end: \(signal)")
        }
    }
}
