import Arguments
import Foundation
import StickprovKit

/// `stickprov rollup`: several committees' follow-up in one document for the municipal board.
enum RollupCommand {
    static let command = Command(
        spec: CommandSpec(
            path: ["rollup"], abstract: "Put several committees' follow-up into one document for the municipal board.",
            discussion: """
                Reads every plan folder given (plan.json with all its checks, the journal with its hash chain and
                journal.head) and writes one document: an overview with each committee's units per signal, then
                per committee its summary sentence, counts and Bilaga 1 table, then the municipality's totals.
                A folder that cannot be read or verified is named in the document with its problems, listed on
                standard error, and makes the exit status 1; it is never left out silently. A committee not yet
                assessed is counted as such and named. The CSV holds every committee's Bilaga 1 rows in one
                table with the committee first (for a pivot table).
                """,
            arguments: [ArgumentSpec("PLAN-DIR", help: "Plan folders, e.g. Plans/*.", isVariadic: true)],
            options: [
                .option("point", "POINT", help: "delår or årsbokslut (interim, year-end). Default: årsbokslut."),
                .option("format", "FORMAT", help: "md (default), html, csv or docx (docx needs --out)."),
                .option("out", "FILE", help: "Write to FILE (atomically) instead of standard output."),
            ],
            examples: [
                "stickprov rollup Plans/* --point årsbokslut --format html --out internkontroll-2023.html",
                "stickprov rollup Plans/socialnamnden-2023 Plans/bun-2023 --format csv --out internkontroll-2023.csv",
                "stickprov rollup Plans/* --out internkontroll-2023.docx",
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws {
        guard !arguments.arguments.isEmpty else { throw UsageError("give the plan folders, e.g. Plans/*") }
        let point: ReportPoint =
            try arguments.value("point").map { try PlanCommands.token($0, option: "point") } ?? .yearEnd
        let format =
            arguments.value("format") ?? (arguments.value("out").map(ReportCommand.formatFromExtension) ?? "md")
        guard ["md", "markdown", "html", "csv", "docx"].contains(format) else {
            throw UsageError("--format '\(format)' is not md, html, csv or docx")
        }
        if format == "docx" && !arguments.isGiven("out") {
            throw UsageError("--format docx writes a Word file; give --out FILE.docx")
        }
        // A folder given twice (Plans/* plus one named again) would be counted twice.
        var seen: Set<String> = []
        var folders: [String] = []
        for folder in arguments.arguments
        where seen.insert(URL(fileURLWithPath: folder).standardizedFileURL.path).inserted {
            folders.append(folder)
        }
        if let out = arguments.value("out") { try OutputGuard(planFolders: folders).check(out) }
        let rollup = Rollup.build(folders.map(RollupSource.read), point: point)
        let bytes: [UInt8]
        switch format {
        case "html": bytes = Array(rollup.html().utf8)
        case "csv": bytes = rollup.csv()
        case "docx": bytes = try rollup.docx()
        default: bytes = Array(rollup.markdown().utf8)
        }
        if let out = arguments.value("out") {
            try AtomicFile.write(bytes, to: out)
            console.note("Wrote \(out) (\(rollup.title), \(rollup.committees.count) committees, \(format)).")
        } else {
            console.out(String(decoding: bytes, as: UTF8.self))
        }
        let failures = rollup.failures
        guard failures.isEmpty else {
            throw DataError(
                lines: failures.flatMap(\.messages) + [
                    "\(failures.count == 1 ? "1 plan" : "\(failures.count) plans") could not be read; named in the document, not counted"
                ])
        }
    }
}
