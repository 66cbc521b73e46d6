import Arguments
import Foundation
import StickprovKit

/// `provider record`, `provider comment`, `provider import`: the follow-up of private providers
/// (*privata utförare*) for Bilaga 2, recorded in the journal like everything else.
enum ProviderCommands {
    static let all: [Command] = [record, comment, importSheet, worksheet]

    /// Appends the provider records that change what stands and prints what was done.
    static func append(_ arguments: ParsedArguments, _ console: Console, _ records: [ProviderRecord], source: String)
        throws
    {
        let date = try arguments.value("date").map { try PlanCommands.day($0, option: "date") }
        try RecordCommands.append(
            arguments, console, reading: .providers,
            { plan, state in
                let day = try ProviderRecord.day(given: date, today: Now.today(), planYear: plan.year)
                return ProviderFollowUps(state.providerRecords).changes(records.map { $0.dated(day) }).map(
                    JournalPayload.provider)
            },
            summary: { written in
                guard !written.isEmpty else { return "Nothing new from \(source): it is already recorded." }
                let contracts = written.filter { if case .provider(.followUp) = $0.payload { true } else { false } }
                    .count
                let comments = written.count - contracts
                var parts: [String] = []
                if contracts > 0 {
                    parts.append(contracts == 1 ? "1 contract follow-up" : "\(contracts) contract follow-ups")
                }
                if comments > 0 { parts.append("the comment") }
                let first = written[0].sequence
                let last = written[written.count - 1].sequence
                let lines = first == last ? "line \(first)" : "lines \(first)–\(last)"
                return "Recorded \(parts.joined(separator: " and ")) from \(source) (\(lines) of the journal)."
            })
    }

    /// `--date` of `provider record` and `provider import`.
    static let dateOption = OptionSpec.option(
        "date", "YYYY-MM-DD",
        help:
            "The day of the follow-up, from 1 January of the plan's year to 31 January of the next, not after today (optional: without it the follow-up is not dated, never dated by the clock)."
    )

    static func checked<T>(_ body: () throws(ProviderError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw DataError("error: \(error.message)")
        }
    }

    static let record = Command(
        spec: CommandSpec(
            path: ["provider", "record"],
            abstract: "Record the year's follow-up of a contract with a private provider (Bilaga 2).",
            discussion: """
                One row of Bilaga 2. Uppföljning av privata utförare: the contract (Berört avtal), what was
                followed up, whether the provider in the main met the essential goals and requirements (ja or
                nej), and, for nej, the shortcomings found (required), how they affect the committee's
                work and the actions taken. Recording the same contract again replaces its follow-up (both
                stay in the journal). The texts go into the public appendix: no personal data.
                """,
            options: [
                PlanCommands.planOption,
                .option("contract", "TEXT", help: "Berört avtal, e.g. 'Hemtjänst, Omsorgshuset AB (LOV)'. Required."),
                .option("followed-up", "TEXT", help: "Vad har följts upp? Required."),
                .option(
                    "fulfilled", "ja|nej",
                    help: "Har leverantören i huvudsak uppfyllt väsentliga mål och krav? Required."),
                .option("shortcomings", "TEXT", help: "Om Nej, vilka brister har iakttagits? Required with nej."),
                .option("impact", "TEXT", help: "Hur påverkar bristerna nämndens verksamhet?"),
                .option("actions", "TEXT", help: "Vilka åtgärder har vidtagits?"),
                dateOption,
                RecordCommands.byOption,
            ],
            examples: [
                "stickprov provider record --contract 'Boendestöd, Stödkompaniet AB' --followed-up 'Avtalsuppföljning med besök' --fulfilled ja",
                "stickprov provider record --contract 'Hemtjänst, Omsorgshuset AB (LOV)' --followed-up 'Genomförandeplaner' --fulfilled nej --shortcomings 'Genomförandeplaner saknades' --impact 'Risk för insatser som inte motsvarar behoven' --actions 'Handlingsplan begärd'",
            ]),
        run: { arguments, console in
            let answer = try arguments.required("fulfilled")
            guard let isFulfilled = ContractFollowUp.fulfilment(answer) else {
                throw UsageError("--fulfilled '\(answer)' is not ja or nej")
            }
            let contract = try arguments.required("contract")
            let followedUp = try arguments.required("followed-up")
            let followUp = try checked { () throws(ProviderError) in
                try ContractFollowUp(
                    contract: contract, followedUp: followedUp,
                    isFulfilled: isFulfilled, shortcomings: arguments.value("shortcomings") ?? "",
                    impact: arguments.value("impact") ?? "", actions: arguments.value("actions") ?? "")
            }
            try append(arguments, console, [.followUp(followUp)], source: "the command line")
        })

    static let comment = Command(
        spec: CommandSpec(
            path: ["provider", "comment"], abstract: "Record the comment on the year's follow-up of private providers.",
            discussion:
                "The comment follows the table in Bilaga 2. A new comment replaces the earlier one (both stay in the journal).",
            options: [
                PlanCommands.planOption,
                .option("text", "TEXT", help: "The comment."),
                .option("text-file", "FILE", help: "Read the comment from a file."),
                RecordCommands.byOption,
            ],
            examples: ["stickprov provider comment --text-file bilaga2-kommentar.txt"]),
        run: { arguments, console in
            let text = try RecordCommands.text(arguments, "text")
            guard arguments.isGiven("text") || arguments.isGiven("text-file") else {
                throw UsageError("missing --text or --text-file")
            }
            let record = try checked { () throws(ProviderError) in try ProviderRecord.comment(checking: text) }
            try append(arguments, console, [record], source: "the command line")
        })

    static let importSheet = Command(
        spec: CommandSpec(
            path: ["provider", "import"],
            abstract: "Record private-provider follow-ups from a sheet with Bilaga 2's columns.",
            discussion: """
                Reads an Excel workbook (.xlsx) or a CSV (as Excel saves it: ';' or ',', UTF-8 or Windows-1252) with the columns Berört avtal,
                Vad har följts upp?, Har leverantören i huvudsak uppfyllt väsentliga mål och krav? (Ja/Nej) and
                optionally Om Nej, vilka brister har iakttagits?, Hur påverkar bristerna nämndens verksamhet?,
                Vilka åtgärder har vidtagits? (short headings work too: Avtal, Uppföljning, Uppfyllt, Brister,
                Påverkan, Åtgärder; a committee's own longer wording is found by how it begins: 'Om nej, …',
                'Hur påverkar …', 'Vilka åtgärder …'). A filled-in column that is none of these is refused, as
                its text would not reach the appendix, and a Nej must describe the shortcomings. Every row is
                checked first; either all are recorded or none, and every problem is listed as FILE:LINE. Rows already recorded as they stand add nothing.
                """,
            arguments: [ArgumentSpec("FILE", help: "The sheet, e.g. bilaga2-2023.csv.")],
            options: [PlanCommands.planOption, dateOption, RecordCommands.byOption],
            examples: ["stickprov provider import bilaga2-2023.csv --date 2023-11-30"]),
        run: { arguments, console in
            let file = arguments.arguments[0]
            let sheet = try readSheet(file)
            let reading: ProviderWorksheet.Reading
            do throws(ProviderError) {
                reading = try ProviderWorksheet.read(sheet)
            } catch {
                if case .rows(let problems) = error {
                    throw DataError(lines: problems.map { "\(file):\($0.line): \($0.error.message)" })
                }
                throw DataError("\(file): \(error.message)")
            }
            for notice in reading.notices { console.note("\(file): note: \(notice)") }
            guard !reading.records.isEmpty else { throw DataError("\(file): no rows to record") }
            try append(arguments, console, reading.records, source: file)
        })

    static let worksheet = Command(
        spec: CommandSpec(
            path: ["provider", "worksheet"], abstract: "Write a sheet with Bilaga 2's columns to fill in and import.",
            discussion: """
                Writes an Excel workbook (.xlsx: every cell text, Ja/Nej as a drop-down, instructions in Swedish)
                or, for a file ending in .csv, a CSV for Swedish Excel (UTF-8 with BOM, ';'), with the columns of
                Bilaga 2 and one row per contract already recorded this year, so the sheet can be filled in or
                corrected and read back with 'provider import' (rows that are unchanged add nothing).
                """,
            options: [
                PlanCommands.planOption, .option("out", "FILE", help: "The sheet to write: .xlsx or .csv. Required."),
            ],
            examples: [
                "stickprov provider worksheet --out bilaga2-2023.xlsx",
                "stickprov provider worksheet --out bilaga2-2023.csv",
            ]),
        run: { arguments, console in
            let out = try arguments.required("out")
            let fileExtension = (out as NSString).pathExtension.lowercased()
            guard ["xlsx", "csv"].contains(fileExtension) else {
                throw UsageError("--out '\(out)' must end in .xlsx (an Excel workbook) or .csv")
            }
            let folder = PlanFolder(at: PlanCommands.folder(arguments))
            try OutputGuard(planFolders: [folder.path]).check(out)
            try DrawCommand.refuseExisting(out)
            _ = try folder.plan()
            let followUps = ProviderFollowUps(try folder.year().providerRecords)
            let bytes: [UInt8]
            if fileExtension == "csv" {
                bytes = ProviderWorksheet.sheet(followUps)
            } else {
                do throws(ZipError) {
                    bytes = try ProviderWorksheet.workbook(followUps, fileName: (out as NSString).lastPathComponent)
                        .xlsx()
                } catch {
                    throw DataError("\(out): \(error.message)")
                }
            }
            try AtomicFile.write(bytes, to: out)
            console.line(
                "Wrote \(out): Bilaga 2's columns and \(followUps.contracts.count == 1 ? "1 recorded contract" : "\(followUps.contracts.count) recorded contracts")."
            )
        })
}
