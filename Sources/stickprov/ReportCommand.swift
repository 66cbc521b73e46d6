import Arguments
import Foundation
import StickprovKit

/// `stickprov report`: Bilaga 1 for the interim or year-end report.
enum ReportCommand {
    static let command = Command(
        spec: CommandSpec(
            path: ["report"],
            abstract: "Generate Bilaga 1. Uppföljning av internkontroll (Markdown, HTML, Word or CSV).",
            discussion: """
                Writes the appendix for a report point: the title, the summary sentence, the signal legend and
                the table (Identifierad risk · Vad kontrolleras? · Frekvens uppföljning · Metod · Bedömning ·
                Resultat och åtgärder). Resultat och åtgärder holds the sentences the tool writes from the
                journal, then the officer's result text, then the actions. The appendix is public: any text
                shaped like a personnummer is refused, naming where it is. --summary prints only the summary
                sentence, for the report's main text. --format docx writes a Word document (A4 landscape, "Bilaga 1."
                and "Sida X av Y" on every page) to put into the annual report; html prints to PDF the same way.
                """,
            options: [
                PlanCommands.planOption,
                .option("point", "POINT", help: "delår or årsbokslut (interim, year-end). Default: årsbokslut."),
                .option(
                    "format", "FORMAT",
                    help:
                        "md (default), html, docx (Word; needs --out) or csv. Default from --out's extension. Also for --appendix 2 and --risk-matrix."
                ),
                .option("out", "FILE", help: "Write to FILE (atomically) instead of standard output."),
                .flag("summary", help: "Print only the summary sentence."),
                .option("legend", "LEVELS", help: "all (default): every signal level; used: only the levels assessed."),
                .flag("table-only", help: "Only the title and the table: no committee line, summary or legend."),
                .option(
                    "appendix", "N", help: "1 (default): Bilaga 1; 2: Bilaga 2, the follow-up of private providers."),
                .flag("risk-matrix", help: "The risk analysis instead: the 4×4 matrix and what became of each risk."),
            ],
            examples: [
                "stickprov report --point årsbokslut",
                "stickprov report --point delår --format html --out bilaga1-delar-2023.html",
                "stickprov report --point årsbokslut --format docx --out bilaga1-2023.docx",
                "stickprov report --point årsbokslut --format docx --table-only --legend used --out bilaga1-tabell.docx",
                "stickprov report --point årsbokslut --format csv --out bilaga1.csv",
                "stickprov report --summary",
                "stickprov report --appendix 2 --format html --out bilaga2-2023.html",
                "stickprov report --risk-matrix --format html --out riskanalys-2023.html",
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws {
        let point: ReportPoint =
            try arguments.value("point").map { try PlanCommands.token($0, option: "point") } ?? .yearEnd
        let format = arguments.value("format") ?? (arguments.value("out").map(Self.formatFromExtension) ?? "md")
        guard ["md", "markdown", "html", "docx", "csv"].contains(format) else {
            throw UsageError("--format '\(format)' is not md, html, docx or csv")
        }
        if format == "docx" {
            guard arguments.isGiven("out") else {
                throw UsageError("--format docx writes a Word file; give --out FILE.docx")
            }
        }
        if arguments.has("summary") && (arguments.isGiven("format") || arguments.isGiven("out")) {
            throw UsageError("--summary prints one sentence; it takes no --format or --out")
        }
        let directory = PlanCommands.folder(arguments)
        // Refused before anything is read or written: a report never replaces the record it is made from.
        if let out = arguments.value("out") { try OutputGuard(planFolders: [directory]).check(out) }
        let plan = try PlanFile.load(from: directory)
        let journal = Journal(planDirectory: directory)
        let events = try readJournal(journal)
        try requireNames(events, in: plan, journal: journal)
        let state = YearState(events: events)
        if let document = try ExtraReports.document(arguments, plan: plan, state: state, format: format) {
            return try ExtraReports.write(document, arguments, console, format: format)
        }
        let appendix: Appendix
        do {
            appendix = try Appendix.build(plan: plan, state: state, point: point)
        } catch {
            throw DataError("\(PlanFile.path(in: directory)): \(error.message)")
        }
        if arguments.has("summary") {
            console.line(appendix.summary)
            return
        }
        let options = ReportOptions(
            legend: try arguments.value("legend").map { try PlanCommands.token($0, option: "legend") } ?? .all,
            isTableOnly: arguments.has("table-only"))
        let bytes: [UInt8]
        switch format {
        case "html": bytes = Array(HTMLRenderer.render(appendix, options: options).utf8)
        case "csv": bytes = CSVRenderer.render(appendix)
        case "docx":
            do {
                bytes = try DOCXRenderer.render(appendix, options: options)
            } catch {
                throw DataError("cannot write the Word document: \(error.message)")
            }
        default: bytes = Array(MarkdownRenderer.render(appendix, options: options).utf8)
        }
        guard let out = arguments.value("out") else {
            console.out(String(decoding: bytes, as: UTF8.self))
            return
        }
        try AtomicFile.write(bytes, to: out)
        console.note("Wrote \(out) (\(appendix.title), \(format)).")
    }

    static func formatFromExtension(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": "html"
        case "csv": "csv"
        case "docx": "docx"
        default: "md"
        }
    }
}
