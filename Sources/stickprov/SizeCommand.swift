import Arguments
import StickprovKit

/// `stickprov size`: plans a sample size (SPEC.md §15) before the plan's `--count` is set.
enum SizeCommand {
    static let command = Command(
        spec: CommandSpec(
            path: ["size"],
            abstract: "Plan a sample size: for a deviation rate, or for an amount-weighted sample.",
            discussion: """
                Prints the size on the first line, then one sentence saying what it means. Put the size
                in the plan with 'stickprov plan add-control … --count N' (or 'plan edit ID --count N').
                Attribute sample: the smallest n whose one-sided Clopper–Pearson upper bound, with the
                expected deviations found, is at most the tolerable rate. Amount sample (sha256-pps-v1):
                n = ceil(W · U(0) / TM) with U(0) = 2.9957 at 95 %.
                """,
            options: [
                .option("tolerable-rate", "P%", help: "Attribute sample: the highest deviation rate you can accept."),
                .option("expected", "E", help: "Attribute sample: deviations you expect to find (default 0)."),
                .option("confidence", "P%", help: "Confidence (default 95%)."),
                .option("population-amount", "KRONOR", help: "Amount sample: the population's total in kronor."),
                .option(
                    "tolerable-misstatement", "KRONOR", help: "Amount sample: the largest total error you can accept."),
            ],
            examples: [
                "stickprov size --tolerable-rate 5%",
                "stickprov size --tolerable-rate 5% --expected 1",
                "stickprov size --population-amount '10 000 000' --tolerable-misstatement '500 000'",
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws {
        let confidence = try share(arguments.value("confidence") ?? "95", option: "--confidence")
        guard confidence >= 0.5, confidence < 1 else {
            throw UsageError("--confidence must be at least 50% and below 100%")
        }
        let confidenceText = SwedishNumber.decimal(confidence * 100, decimals: 2)
        if let rateText = arguments.value("tolerable-rate") {
            guard !arguments.isGiven("population-amount"), !arguments.isGiven("tolerable-misstatement") else {
                throw UsageError(
                    "give --tolerable-rate (attribute) or --population-amount with --tolerable-misstatement (amount), not both"
                )
            }
            let rate = try share(rateText, option: "--tolerable-rate")
            guard rate > 0, rate < 1 else { throw UsageError("--tolerable-rate must be above 0% and below 100%") }
            let expected = try arguments.integer("expected") ?? 0
            guard expected >= 0 else { throw UsageError("--expected must be 0 or more") }
            guard
                let size = SampleSizePlanning.attribute(
                    tolerableRate: rate, expectedDeviations: expected, confidence: confidence)
            else {
                throw UsageError(
                    "no sample up to \(SampleSizePlanning.largestAttributeSample) items reaches a \(rateText) tolerable rate with \(expected) deviations expected"
                )
            }
            let rateShown = SwedishNumber.decimal(rate * 100, decimals: 2)
            console.line("\(size)")
            console.line(
                "If you review \(Plural.count(size, "item")) drawn at random and find \(expected == 0 ? "no deviation" : "at most \(Plural.count(expected, "deviation"))"), you can say with \(confidenceText) % confidence that the deviation rate in the population is at most \(rateShown) %."
            )
            return
        }
        guard let totalText = arguments.value("population-amount"),
            let tolerableText = arguments.value("tolerable-misstatement")
        else {
            throw UsageError(
                "give --tolerable-rate P%, or --population-amount KRONOR with --tolerable-misstatement KRONOR")
        }
        let total = try kronor(totalText, option: "--population-amount")
        let tolerable = try kronor(tolerableText, option: "--tolerable-misstatement")
        guard tolerable < total else {
            throw UsageError(
                "--tolerable-misstatement (\(tolerable.kronorText) kr) is not below the population amount (\(total.kronorText) kr): any error would be tolerable, so no sample is needed"
            )
        }
        guard
            let size = SampleSizePlanning.amount(
                populationTotal: total, tolerableMisstatement: tolerable, confidence: confidence)
        else { throw UsageError("--tolerable-misstatement is too small for a sample of this population") }
        console.line("\(size)")
        console.line(
            "If you review \(Plural.count(size, "item")) drawn by amount (--amount) and find no misstatement, you can say with \(confidenceText) % confidence that the \(total.kronorText) kr are misstated by at most \(tolerable.kronorText) kr."
        )
    }

    /// A percentage such as `5%`, `2,5 %` or `95` as a share 0–1.
    static func share(_ text: String, option: String) throws -> Double {
        guard let percent = Percentage(text) else {
            throw UsageError("\(option) '\(text)' is not a percentage with at most two decimals")
        }
        return Double(percent.hundredths) / 10_000
    }

    static func kronor(_ text: String, option: String) throws -> Amount {
        guard let amount = Amount(text), amount.ore > 0 else {
            throw UsageError("\(option) '\(text)' is not a positive amount in kronor (e.g. '10 000 000')")
        }
        return amount
    }
}
