import Arguments
import Foundation
import StickprovKit

/// `stickprov verify` and `stickprov repair`: check the journal, re-perform a draw, set damage aside.
enum VerifyCommand {
    static let verify = Command(
        spec: CommandSpec(
            path: ["verify"], abstract: "Check the journal's chain, or re-perform a recorded draw.",
            discussion: """
                Without DRAW-ID: reads every line of journal.jsonl, checks each line's 'prev' (the SHA-256 of
                the line before) and journal.head, and prints the number of events and the hash of the last
                line — note it in the minutes. --expect HASH (a hash noted earlier) exits 1 unless a line of
                the chain has it, so a rewritten history shows even if journal and head were both replaced.
                A journal with lines but no journal.head exits 1: its end cannot be confirmed. It also checks what the
                lines mean, naming each line that is wrong: a key given twice or a field the tool does not read, a
                draw id drawn twice, a result for a draw, key or point never drawn, and a control point, risk,
                signal level or criterion the plan does not have. With DRAW-ID and --population:
                recomputes the population's fingerprint and draws again with the recorded seed and rule.
                """,
            arguments: [ArgumentSpec("DRAW-ID", help: "A draw to re-perform, e.g. K3-1.", isOptional: true)],
            options: [
                PlanCommands.planOption,
                .option(
                    "population", "FILE", help: "The population file the draw was made from. Required with a DRAW-ID."),
                .option(
                    "expect", "HASH",
                    help: "A hash noted earlier (e.g. in the minutes) that must be a line of the chain."),
            ],
            examples: [
                "stickprov verify", "stickprov verify --expect 3f2a…(the 64 hex digits from the minutes)",
                "stickprov verify K3-1 --population utredningar-2023-02.csv",
            ]),
        run: runVerify)

    static func runVerify(_ arguments: ParsedArguments, _ console: Console) throws {
        let directory = PlanCommands.folder(arguments)
        let plan = try PlanFile.load(from: directory)
        let journal = Journal(planDirectory: directory)
        guard let id = arguments.arguments.first else {
            // One pass over the journal: the chain, the head, the noted hash and the events for the plan's check.
            let expected = arguments.value("expect")
            if let expected, !JournalVerification.isLineHash(expected) {
                throw UsageError(
                    "--expect '\(expected)' is not a line's hash: a hash is 64 hexadecimal digits (0-9, a-f), as verify "
                        + "prints it after 'last line'; give all of them")
            }
            let found = try journalCall(journal) { () throws(JournalError) in
                try journal.verification(expecting: expected)
            }
            noteUncommitted(journal)
            let events = found.events
            console.line("\(journal.path): \(found.eventCount) events, chain intact; last line \(found.lastLineHash)")
            if !found.hasHead && found.eventCount > 0 {
                throw DataError(lines: [
                    "\(journal.headPath): missing: the end of the journal cannot be confirmed (removed or changed last lines would not show); compare the last line's hash above with the one noted in the minutes"
                ])
            }
            if let expected {
                guard let line = found.expectedLine else {
                    throw DataError(lines: [
                        "\(journal.path): \(expected) is not the hash of any line of this journal: the record was rewritten after that hash was noted"
                    ])
                }
                console.line("\(journal.path): \(expected) is line \(line) of the chain")
            }
            let problems = found.problems(against: plan)
            guard problems.isEmpty else {
                throw DataError(lines: problems.map { "\(journal.path):\($0.line): \($0.message)" })
            }
            if let line = try AdoptionCommands.verify(directory, events: events) { console.line(line) }
            return
        }
        let events = try readJournal(journal)
        let draws = events.compactMap { event -> DrawRecord? in
            if case .draw(let record) = event.payload { return record }
            return nil
        }
        guard let record = draws.first(where: { $0.id.rawValue == id }) else {
            throw DrawError.unknownDraw(DrawID(rawValue: id), known: draws.map(\.id))
        }
        let file = try arguments.required("population")
        let population = try readPopulation(
            file, key: record.rule.keyColumn ?? "", stratum: record.rule.stratumColumn, carry: [],
            amountColumn: record.amounts?.column)
        let problems = Draw.verify(record, population: population)
        guard problems.isEmpty else { throw DataError(lines: problems.map { "\(file): \($0)" }) }
        console.line(
            "\(record.id): re-performed from \(file): the same \(record.items.count) items in the same order (seed \(record.seed), fingerprint \(record.population.fingerprint))"
        )
        if let recorded = record.population.fileDigest {
            let now: PopulationFile
            do { now = try PopulationFile(path: file) } catch { throw DataError(describing: error, in: file) }
            console.line(
                now == recorded
                    ? "\(file): the same file as drawn from (\(now.size) bytes, sha256 \(now.sha256))"
                    : "\(file): note: not byte for byte the file drawn from (sha256 \(now.sha256), \(now.size) bytes; recorded \(recorded.sha256), \(recorded.size) bytes), though its keys are the same"
            )
        }
    }

    static let repair = Command(
        spec: CommandSpec(
            path: ["repair"], abstract: "Set a damaged journal tail aside so recording can go on.",
            discussion: """
                Moves a tail that a crash or a full disk cut off (an incomplete last line, bytes past the
                commit point) into journal.damaged-DATE.jsonl in the plan folder (never deleting it), cuts the
                journal back to its sound lines and appends a 'repair' event saying what was moved. Recorded
                lines that were changed or removed are reported with their line and never cut. Asks before it acts unless --yes is given.
                """,
            options: [
                PlanCommands.planOption,
                .flag("yes", help: "Do not ask (for scripts)."),
                .option("by", "NAME", help: "Who repairs (default: the system user)."),
            ],
            examples: ["stickprov repair", "stickprov repair --plan Plans/socialnamnden-2023 --yes"]),
        run: runRepair)

    static func runRepair(_ arguments: ParsedArguments, _ console: Console) throws {
        let directory = PlanCommands.folder(arguments)
        try PlanFolder(at: directory).requirePlan()
        let journal = Journal(planDirectory: directory)
        guard let damage = try journalCall(journal, { () throws(JournalError) in try journal.damage() }) else {
            console.line("\(journal.path): no damage; nothing to repair")
            return
        }
        guard damage.isRepairable else {
            throw DataError(lines: [
                "\(journal.path):\(damage.line.map(String.init) ?? "-"): \(JournalError.notRepairable(damage).message)"
            ])
        }
        console.line("\(journal.path):\(damage.line.map(String.init) ?? "-"): \(damage.message)")
        if !arguments.has("yes") {
            console.out("Move the damaged lines to a side file and append a repair event? [y/N] ")
            let answer = readLine()?.trimmingASCIIWhitespace().lowercased() ?? ""
            guard ["y", "yes", "j", "ja"].contains(answer) else {
                console.line("Nothing changed.")
                throw DataError(lines: ["\(journal.path): not repaired"])
            }
        }
        let clock = try Now.clock()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = clock.timeZone
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: clock.now)
        let record = try journalCall(journal) { () throws(JournalError) in
            try journal.repair(time: clock.timestamp, actor: Actor.name(arguments), stamp: stamp)
        }
        guard let record else { return }
        let moved = record.lineCount == 1 ? "1 line" : "\(record.lineCount) lines"
        console.line(
            "Moved \(moved) from line \(record.firstLine) to \(record.sideFile.isEmpty ? "(nothing to move)" : record.sideFile); recorded a repair event."
        )
    }
}

/// Runs a journal operation; its problems become `path:line: message`.
func journalCall<T>(_ journal: Journal, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as JournalError {
        let place = error.line.map { "\(journal.path):\($0)" } ?? journal.path
        if case .io(let path, let reason) = error { throw DataError(lines: ["\(path): \(reason)"]) }
        if case .unfitActor = error { throw DataError(lines: ["error: \(error.message)"]) }
        if case .symbolicLink = error { throw DataError(lines: [error.message]) }
        var lines = ["\(place): \(error.message)"]
        if error.isRepairable {
            lines.append("Nothing was recorded. See 'stickprov repair --help' to set the damage aside.")
        } else if error.isDamage {
            lines.append(
                "Nothing was recorded. Recorded lines were changed or removed: restore journal.jsonl and journal.head from a backup."
            )
        }
        throw DataError(lines: lines)
    }
}

/// Reads every event of the journal (see ``journalCall(_:_:)``).
func readJournal(_ journal: Journal) throws -> [JournalEvent] {
    let events = try journalCall(journal) { () throws(JournalError) in try journal.read() }
    noteUncommitted(journal)
    return events
}

/// Refuses a journal that names a control point, risk, signal level or criterion `plan` lacks
/// (``JournalAudit/names(in:plan:)``): what those lines record would silently drop out of what is shown.
func requireNames(_ events: [JournalEvent], in plan: ControlPlan, journal: Journal) throws {
    let problems = JournalAudit.names(in: events, plan: plan)
    guard problems.isEmpty else {
        throw DataError(lines: problems.map { "\(journal.path):\($0.line): \($0.message)" })
    }
}

/// Says on standard error when bytes lie past the journal's commit point (a cut-off write).
func noteUncommitted(_ journal: Journal) {
    let bytes = journal.uncommittedBytes()
    guard bytes > 0 else { return }
    Console().note(
        "note: \(journal.path): \(bytes) bytes past journal.head were never committed (a write was cut off); they are ignored, and the next change moves them to a side file"
    )
}
