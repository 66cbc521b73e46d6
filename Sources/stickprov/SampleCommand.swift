import Arguments
import StickprovKit

/// `stickprov sample`: re-performs a draw from a seed and a population file, without a plan.
enum SampleCommand {
    static let command = Command(
        spec: CommandSpec(
            path: ["sample"],
            abstract: "Re-perform a draw from a seed and a population file (no plan needed).",
            discussion: """
                For auditors and scripts: prints the sampled keys, one per line in rank order, and nothing
                else on standard output (notices go to standard error). The algorithm is sha256-rank-v1:
                each key's rank is SHA-256(seed, NUL, key), check one with
                    printf '%s\\0%s' "$SEED" "$KEY" | sha256sum
                and the sample is the keys with the smallest ranks. Stratified draws print
                stratum<TAB>key, strata in the order of the rules.

                With --amount the draw is by amount (sha256-pps-v1): every krona has the same chance.
                H is the first 16 hex digits of the rank, the priority (H + 1) / 2^64 / amount, and
                the sample the K items with the smallest priorities. Items of --certain-from or more
                are printed first as certain<TAB>key (largest first); tau goes to standard error.
                """,
            arguments: [
                ArgumentSpec("FILE", help: "The population: a CSV export with a header row.", isOptional: true)
            ],
            options: [
                .option("key", "COLUMN", help: "The column holding each item's key. Required (except with --week)."),
                .option("seed", "SEED", help: "The draw's seed, exactly as recorded. Required."),
                .option("size", "K", help: "Draw K items."),
                .option("percent", "P", help: "Draw P % of the items (at most two decimals), rounded up."),
                .option("stratum", "COLUMN", help: "The column holding each item's stratum."),
                .option("rule", "'NAME=P%'", help: "A stratum's rule: NAME=P% or NAME=K.", repeatable: true),
                .option("amount", "COLUMN", help: "Draw by amount (sha256-pps-v1), reading kronor from COLUMN."),
                .option("certain-from", "AMOUNT", help: "With --amount: take every item of AMOUNT kronor or more."),
                .flag("fingerprint", help: "Print the population fingerprint instead of drawing."),
                .flag("week", help: "Print the log-check week drawn for --month (no FILE)."),
                .option("month", "YYYY-MM", help: "The month of --week. Required with --week."),
            ],
            examples: [
                "stickprov sample utredningar.csv --key Ärendenummer --seed 'Socialnämnden 2023 § 12' --size 25",
                "stickprov sample beslut.csv --key Beslutsnummer --seed 0f1e2d3c4b5a69788796a5b4c3d2e1f0 --stratum Beslutstyp --rule 'Hemtjänst SoL=5%' --rule 'LSS=25%' --rule 'Annat=3'",
                "stickprov sample --week --seed '2023-03 loggkontroll' --month 2023-03",
                "stickprov sample utredningar.csv --key Ärendenummer --fingerprint",
                "stickprov sample utbetalningar.csv --key Verifikation --seed 'Lönekontroll 2023-1' --amount Belopp --size 60 --certain-from '100 000'",
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws {
        if arguments.has("week") {
            guard arguments.arguments.isEmpty else { throw UsageError("--week takes no FILE") }
            let seed = try seedOption(arguments)
            let text = try arguments.required("month")
            guard let month = Month(text) else { throw UsageError("--month '\(text)' is not a month YYYY-MM") }
            console.line(Sampler.week(of: month, seed: seed).description)
            return
        }
        guard let file = arguments.arguments.first else { throw UsageError("missing FILE (or --week)") }
        let key = try arguments.required("key")
        let rules = try arguments.values("rule").map { text in
            guard let rule = StratumRule(text) else { throw UsageError("--rule '\(text)' is not NAME=P% or NAME=K") }
            return rule
        }
        if !rules.isEmpty && !arguments.isGiven("stratum") { throw UsageError("--rule needs --stratum COLUMN") }
        if arguments.isGiven("certain-from") && !arguments.isGiven("amount") {
            throw UsageError("--certain-from needs --amount COLUMN")
        }
        if let amountColumn = arguments.value("amount") {
            guard rules.isEmpty, !arguments.isGiven("percent") else {
                throw UsageError("--amount draws --size K items; it takes no --percent or --rule")
            }
            try drawByAmount(file, arguments, key: key, amountColumn: amountColumn, console)
            return
        }
        let population = try readPopulation(file, key: key, stratum: arguments.value("stratum"))

        if arguments.has("fingerprint") {
            console.line(population.fingerprint)
            return
        }
        let seed = try seedOption(arguments)
        let sizes = [arguments.isGiven("size"), arguments.isGiven("percent"), !rules.isEmpty].filter { $0 }.count
        guard sizes == 1 else { throw UsageError("give one of --size, --percent or --rule") }
        let size: SampleSize
        if !rules.isEmpty {
            size = .strata(rules)
        } else if let count = try arguments.integer("size") {
            guard count >= 1 else { throw UsageError("--size must be at least 1") }
            size = .count(count)
        } else {
            size = .percent(try percentOption(arguments.value("percent") ?? ""))
        }
        if let problem = size.zeroSizeProblem {
            throw UsageError("\(arguments.isGiven("percent") ? "--percent" : "--rule"): \(problem)")
        }
        let sample = Sample.draw(population, size: size, seed: seed)
        for notice in sample.notices { console.note("note: \(notice)") }
        var output = ""
        for part in sample.parts {
            for item in part.items {
                output += (rules.isEmpty ? "" : (part.stratum ?? "") + "\t") + item.key + "\n"
            }
        }
        console.out(output)
    }

    /// `sample --amount`: certain keys first as `certain<TAB>key`, then the drawn keys in priority order.
    static func drawByAmount(
        _ file: String, _ arguments: ParsedArguments, key: String, amountColumn: String, _ console: Console
    ) throws {
        let seed = try seedOption(arguments)
        guard let count = try arguments.integer("size") else { throw UsageError("--amount needs --size K") }
        guard count >= 1 else { throw UsageError("--size must be at least 1") }
        let certainFrom = try arguments.value("certain-from").map { text in
            guard let amount = Amount(text), amount.ore > 0 else {
                throw UsageError("--certain-from '\(text)' is not a positive amount in kronor (e.g. '100 000')")
            }
            return amount
        }
        let population = try readPopulation(file, key: key, stratum: nil, amountColumn: amountColumn)
        let sample: AmountSample
        do {
            sample = try AmountSampler.draw(population, seed: seed, count: count, certainFrom: certainFrom)
        } catch {
            throw DataError(lines: ["\(file): \(error.message)"])
        }
        for notice in sample.notices { console.note("note: \(notice)") }
        if let threshold = sample.threshold { console.note(threshold.formula) }
        var output = ""
        for index in sample.certain { output += "certain\t" + population.key(index) + "\n" }
        for index in sample.drawn { output += population.key(index) + "\n" }
        console.out(output)
    }

    static func seedOption(_ arguments: ParsedArguments) throws -> Seed {
        do {
            return try Seed(try arguments.required("seed"))
        } catch let error as SamplingError {
            throw UsageError("--seed: \(error.message)")
        }
    }

    static func percentOption(_ text: String) throws -> Percentage {
        guard let percent = Percentage(text), percent.hundredths <= 10_000 else {
            throw UsageError("--percent '\(text)' is not a percentage between 0 and 100 with at most two decimals")
        }
        return percent
    }
}

/// Reads a population file (one streaming pass); its problems become `file:line: message`.
func readPopulation(
    _ path: String, key: String, stratum: String?, carry: [String] = [], amountColumn: String? = nil
) throws -> Population {
    do {
        return try PopulationReader(
            path: path, keyColumn: key, stratumColumn: stratum, carry: carry, amountColumn: amountColumn
        ).read()
    } catch {
        throw DataError(describing: error, in: path)
    }
}

extension DataError {
    /// A population file's problem in `path` as the user reads it.
    init(describing error: PopulationReadError, in path: String) {
        self.init(lines: [error.line.map { "\(path):\($0): \(error.message)" } ?? "\(path): \(error.message)"])
    }
}
