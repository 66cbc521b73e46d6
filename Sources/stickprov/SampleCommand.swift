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
                """,
            arguments: [ArgumentSpec("FILE", help: "The population: a CSV export with a header row.", isOptional: true)],
            options: [
                .option("key", "COLUMN", help: "The column holding each item's key."),
                .option("seed", "SEED", help: "The draw's seed, exactly as recorded."),
                .option("size", "K", help: "Draw K items."),
                .option("percent", "P", help: "Draw P % of the items (at most two decimals), rounded up."),
                .option("stratum", "COLUMN", help: "The column holding each item's stratum."),
                .option("rule", "'NAME=P%'", help: "A stratum's rule: NAME=P% or NAME=K.", repeatable: true),
                .flag("fingerprint", help: "Print the population fingerprint instead of drawing."),
                .flag("week", help: "Print the log-check week drawn for --month (no FILE)."),
                .option("month", "YYYY-MM", help: "The month of --week."),
            ],
            examples: [
                "stickprov sample utredningar.csv --key Ärendenummer --seed 'Socialnämnden 2023 § 12' --size 25",
                "stickprov sample beslut.csv --key Beslutsnummer --seed 0f1e2d3c4b5a69788796a5b4c3d2e1f0 --stratum Beslutstyp --rule 'Hemtjänst SoL=5%' --rule 'LSS=25%' --rule 'Annat=3'",
                "stickprov sample --week --seed '2023-03 loggkontroll' --month 2023-03",
                "stickprov sample utredningar.csv --key Ärendenummer --fingerprint",
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
            guard count >= 0 else { throw UsageError("--size must be 0 or more") }
            size = .count(count)
        } else {
            size = .percent(try percentOption(arguments.value("percent") ?? ""))
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

/// Reads a population file; its problems become `file:line: message`.
func readPopulation(_ path: String, key: String, stratum: String?, carry: [String] = []) throws -> Population {
    let table = try readCSV(path)
    do {
        return try Population(table, keyColumn: key, stratumColumn: stratum, carry: carry)
    } catch {
        throw DataError(lines: [error.line.map { "\(path):\($0): \(error.message)" } ?? "\(path): \(error.message)"])
    }
}
