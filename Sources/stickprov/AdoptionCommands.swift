import Arguments
import Foundation
import StickprovKit

/// `plan adopt` and `plan amend`, and the amendment every change to an adopted plan records.
enum AdoptionCommands {
    static let all: [Command] = [adopt, amend]

    /// The option plan-changing commands take to name the decision a change rests on.
    static let decisionOption = OptionSpec.option(
        "decision", "TEXT",
        help:
            "For an adopted plan: the decision the change rests on, e.g. 'SN 2023-06-14 § 77'; the date in it dates the amendment."
    )

    /// The option plan-changing commands take to date a change.
    static let dateOption = OptionSpec.option(
        "date", "YYYY-MM-DD",
        help:
            "For an adopted plan: the day of the change, when --decision holds no date; from 1 January of the year before the plan's to 31 January after it, not after today (default: today, but required once today is past that window: a past year's plan is never amended 'today')."
    )

    /// The option that makes a plan change which takes recorded assessments out of every report.
    static let forceOption = OptionSpec.flag(
        "force",
        help:
            "Make a change that takes recorded assessments out of every report (a follow-up, the assessment level, a removed signal level): the journal records that they no longer hold, and the appendix says so in their place."
    )

    static let adopt = Command(
        spec: CommandSpec(
            path: ["plan", "adopt"], abstract: "Record the committee's adoption of the plan, pinning plan.json's hash.",
            discussion: """
                Records in the journal the meeting date, the minute paragraph and the SHA-256 of plan.json exactly
                as stored (the same as 'sha256sum plan.json'). From then on every change made with the CLI is
                recorded as an amendment (what changed, the new hash, and --decision if given), and 'verify'
                reports a plan.json that differs from the last recorded hash — a change made by hand — with exit
                status 1 ('plan amend' records such a change). The appendix says when the plan was adopted and
                amended.
                """,
            options: [
                PlanCommands.planOption,
                .option("date", "YYYY-MM-DD", help: "The meeting that adopted the plan. Required."),
                .option("paragraph", "TEXT", help: "The minute paragraph, e.g. '§ 123'."),
                RecordCommands.byOption,
            ],
            examples: ["stickprov plan adopt --date 2022-12-14 --paragraph '§ 123'"]),
        run: { arguments, console in
            let date = try PlanCommands.day(try arguments.required("date"), option: "date")
            let paragraph = arguments.value("paragraph")?.trimmingASCIIWhitespace()
            try refusePersonalData(paragraph ?? "", field: "--paragraph")
            let directory = PlanCommands.folder(arguments)
            var pinned = ""
            try RecordCommands.append(
                arguments, console, reading: .nothing,
                { _, _ in
                    // Read under the folder's lock, so no plan change slips between the hash and the record.
                    pinned = try currentHash(directory)
                    return [
                        .adoption(
                            AdoptionRecord(
                                date: date, paragraph: paragraph?.isEmpty == true ? nil : paragraph, sha256: pinned))
                    ]
                },
                summary: { written in
                    "Recorded the adoption \(date)\(paragraph.flatMap { $0.isEmpty ? nil : " \($0)" } ?? "") on journal line \(written.first?.sequence ?? 0); plan.json SHA-256 \(pinned)."
                })
        })

    static let amend = Command(
        spec: CommandSpec(
            path: ["plan", "amend"], abstract: "Record a change made to an adopted plan.json by hand.",
            discussion: """
                Changes made with the CLI ('plan edit' and the like) are recorded as amendments by themselves.
                When plan.json was edited by hand, 'verify' reports it; this records the file as it now is
                (after checking it as 'plan validate' does) as an amendment with what changed (--what) and the
                decision it rests on.
                """,
            options: [
                PlanCommands.planOption,
                .option("what", "TEXT", help: "What was changed. Required."),
                decisionOption,
                .option(
                    "date", "YYYY-MM-DD",
                    help:
                        "The day of the change when --decision holds no date (the decision's date dates the amendment), from 1 January of the year before the plan's to 31 January after it, not after today (default: today, but required once today is past that window)."
                ),
                RecordCommands.byOption,
            ],
            examples: [
                "stickprov plan amend --what 'K3: granskning även i december' --decision 'SN 2023-06-14 § 77' --date 2023-06-14"
            ]),
        run: { arguments, console in
            let what = try arguments.required("what")
            let decision = arguments.value("decision")
            try refusePersonalData(what, field: "--what")
            try refusePersonalData(decision ?? "", field: "--decision")
            let given = try arguments.value("date").map { try PlanCommands.day($0, option: "date") }
            let directory = PlanCommands.folder(arguments)
            var hash = ""
            try RecordCommands.append(
                arguments, console, reading: .adoption,
                { plan, state in
                    let date = try PlanAdoption.changeDay(
                        given: given, decision: decision, today: Now.today(), planYear: plan.year)
                    hash = try currentHash(directory)
                    do throws(AdoptionError) {
                        return [
                            .amendment(
                                try state.adoption.handAmendment(
                                    currentHash: hash, what: what, decision: decision, date: date))
                        ]
                    } catch {
                        throw DataError("\(PlanFile.path(in: directory)): \(error.message)")
                    }
                },
                summary: { written in
                    "Recorded the amendment on journal line \(written.first?.sequence ?? 0); plan.json SHA-256 \(hash)."
                })
        })

    /// plan.json's hash (the plan was loaded and checked by the transaction that asks).
    static func currentHash(_ directory: String) throws -> String {
        guard let hash = PlanHash.ofFile(in: directory) else {
            throw DataError("\(PlanFile.path(in: directory)): cannot read the file")
        }
        return hash
    }

    /// For `verify`: whether plan.json is the plan the journal last pinned; nil when not adopted.
    /// - Throws: a `DataError` (exit 1) for a plan.json changed outside the tool.
    static func verify(_ directory: String, events: [JournalEvent]) throws -> String? {
        let adoption = PlanAdoption(events: events)
        guard let pinned = adoption.adoption, let line = adoption.lastLine else { return nil }
        let path = PlanFile.path(in: directory)
        guard let hash = PlanHash.ofFile(in: directory) else { throw DataError("\(path): cannot read the file") }
        do {
            try adoption.check(currentHash: hash)
        } catch {
            throw DataError("\(path): \(error.message)")
        }
        let amended = adoption.amendments.count
        let amendments = amended == 0 ? "" : amended == 1 ? ", amended once" : ", amended \(amended) times"
        return
            "\(path): the plan adopted \(pinned.date)\(pinned.paragraph.map { " \($0)" } ?? "")\(amendments); SHA-256 \(hash) as recorded on journal line \(line)"
    }

    static func refusePersonalData(_ text: String, field: String) throws {
        if let match = PersonalIdentityNumber.find(in: text).first {
            throw DataError("error: \(AdoptionError.personalData(field: field, masked: match.masked).message)")
        }
    }

    /// Runs a plan save (``PlanFolder/changePlan(decision:today:time:actor:_:)``, which records the
    /// amendment of an adopted plan), turning its journal and adoption errors into what the user reads.
    @discardableResult
    static func saving<T>(_ directory: String, _ body: () throws -> T) throws -> T {
        let journal = Journal(planDirectory: directory)
        do {
            return try body()
        } catch let error as JournalError {
            return try journalCall(journal) { () throws(JournalError) -> T in throw error }
        } catch let error as AdoptionError {
            if case .personalData = error { throw DataError("error: \(error.message)") }
            throw DataError("\(PlanFile.path(in: directory)): \(error.message)", "Nothing was changed.")
        }
    }
}
