extension Draw {
    /// Makes the record of an amount-weighted draw (`sha256-pps-v1`) from its sample of `count` items:
    /// the certain items first, with the figures SPEC.md §14 asks the record to keep.
    static func makeByAmount(
        _ request: Request, population: Population, sample: AmountSample, count: Int, earlier: [DrawRecord]
    ) -> DrawRecord {
        var rule = request.rule
        rule.keyColumn = population.keyColumn
        rule.amountColumn = population.amountColumn
        rule.carry = population.carriedColumns
        func drawn(_ index: Int, certain: Bool) -> DrawnItem {
            DrawnItem(
                key: population.key(index),
                carried: Dictionary(
                    uniqueKeysWithValues: zip(population.carriedColumns, population.carriedValues(index))),
                amount: population.amount(index), isCertain: certain)
        }
        let items = sample.certain.map { drawn($0, certain: true) } + sample.drawn.map { drawn($0, certain: false) }
        var record = DrawRecord(
            id: identity(request, earlier: earlier).id, control: request.control, seed: request.seed,
            isSeedGenerated: request.isSeedGenerated, rule: rule,
            period: request.period ?? request.date.description, date: request.date,
            population: PopulationSummary(
                file: request.populationFile, count: population.count, fingerprint: population.fingerprint),
            items: items, notices: sample.notices)
        record.algorithm = AmountSampler.algorithm
        record.amounts = AmountDrawSummary(column: population.amountColumn ?? "", sample: sample)
        if !request.sharedWith.isEmpty { record.sharedWith = request.sharedWith }
        return record
    }

    /// The amount-weighted sample of a population read with an amount column.
    static func amountSample(_ population: Population, count: Int, seed: Seed, certainFrom: Amount?)
        throws(SamplingError) -> AmountSample
    {
        try AmountSampler.draw(population, seed: seed, count: count, certainFrom: certainFrom)
    }

    /// Re-draws an amount-weighted record and compares keys, τ and the totals.
    static func verifyByAmount(_ record: DrawRecord, population: Population) -> [String] {
        guard let summary = record.amounts, case .count(let count) = record.rule.size else {
            return ["the journal's amount-weighted draw has no amount figures"]
        }
        guard population.amountColumn != nil else { return ["the population was read without its amount column"] }
        let sample: AmountSample
        do {
            sample = try amountSample(population, count: count, seed: record.seed, certainFrom: summary.certainFrom)
        } catch {
            return [error.message]
        }
        var problems: [String] = []
        let keys = (sample.certain + sample.drawn).map(population.key)
        if keys != record.items.map(\.key) { problems.append("re-drawing gives other items than the journal records") }
        if sample.threshold != summary.threshold {
            problems.append(
                "re-drawing gives \(sample.threshold?.formula ?? "no tau"), the journal records \(summary.threshold?.formula ?? "no tau")"
            )
        }
        if sample.drawable != summary.drawable {
            problems.append(
                "the population's amounts total \(sample.drawable.sum) kr in \(sample.drawable.count) items, the journal records \(summary.drawable.sum) kr in \(summary.drawable.count)"
            )
        }
        return problems
    }
}
