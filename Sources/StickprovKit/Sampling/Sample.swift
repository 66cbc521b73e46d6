/// The outcome of a draw over a population: one part per stratum (or a single part),
/// with the chosen items in rank order and any spares after them.
public struct Sample: Sendable {
    /// One part of the sample.
    public struct Part: Sendable {
        /// The stratum, or `nil` for an unstratified draw.
        public let stratum: String?
        /// How many population items the part was drawn from.
        public let populationCount: Int
        /// The chosen items, in ascending rank order.
        public let items: [Population.Item]
        /// Replacements, next in rank order after the chosen items.
        public let spares: [Population.Item]
    }

    /// The parts, in the order the rule names the strata.
    public let parts: [Part]
    /// Things the user should know (the whole population was taken, a stratum is absent …).
    public let notices: [String]

    /// All chosen items, part after part.
    public var items: [Population.Item] { parts.flatMap(\.items) }

    /// Draws from `population` by `size` under `seed` (SPEC.md §3–5).
    ///
    /// A log-check size draws that many users (the week is drawn apart, see
    /// ``Sampler/week(of:seed:)``, and users under the sub-seed `users`).
    /// - Parameter spares: how many replacements to list after each part.
    public static func draw(_ population: Population, size: SampleSize, seed: Seed, spares: Int = 0) -> Sample {
        switch size {
        case .count(let count):
            return simple(population.items, count: count, seed: seed, spares: spares)
        case .percent(let percent):
            return simple(
                population.items, count: Sampler.size(percent: percent, of: population.items.count), seed: seed,
                spares: spares)
        case .logCheck(let users):
            return simple(population.items, count: users, seed: seed.subseed("users"), spares: spares)
        case .strata(let rules):
            return stratified(population.items, rules: rules, seed: seed, spares: spares)
        }
    }

    private static func simple(_ items: [Population.Item], count: Int, seed: Seed, spares: Int) -> Sample {
        let part = drawPart(items, stratum: nil, count: count, seed: seed, spares: spares)
        var notices: [String] = []
        if count >= items.count {
            notices.append("the sample is the whole population (\(items.count) items), in rank order")
        } else if spares > 0 && part.spares.count < spares {
            notices.append("only \(part.spares.count) spares are left in the population")
        }
        return Sample(parts: [part], notices: notices)
    }

    private static func stratified(_ items: [Population.Item], rules: [StratumRule], seed: Seed, spares: Int) -> Sample {
        var byStratum: [String: [Population.Item]] = [:]
        for item in items { byStratum[item.stratum ?? "", default: []].append(item) }
        var notices: [String] = []
        var parts: [Part] = []
        for rule in rules {
            let name = Population.normalise(rule.stratum)
            let members = byStratum[name] ?? []
            if members.isEmpty { notices.append("stratum '\(name)' is not in the population; its part is empty") }
            let count: Int
            switch rule.size {
            case .count(let value): count = value
            case .percent(let percent): count = Sampler.size(percent: percent, of: members.count)
            }
            if !members.isEmpty && count >= members.count {
                notices.append("stratum '\(name)': the sample is the whole stratum (\(members.count) items)")
            }
            parts.append(drawPart(members, stratum: name, count: count, seed: seed, spares: spares))
        }
        let named = Set(rules.map { Population.normalise($0.stratum) })
        let leftOut = items.filter { !named.contains($0.stratum ?? "") }
        if !leftOut.isEmpty {
            let strata = Set(leftOut.map { $0.stratum ?? "" }).sorted().map { "'\($0)'" }.joined(separator: ", ")
            notices.append("\(leftOut.count) items in strata the draw does not name were left out (\(strata))")
        }
        return Sample(parts: parts, notices: notices)
    }

    private static func drawPart(
        _ items: [Population.Item], stratum: String?, count: Int, seed: Seed, spares: Int
    ) -> Part {
        let order = Sampler.smallest(count + spares, of: items.map(\.key), seed: seed)
        let chosen = order.prefix(count).map { items[$0] }
        let replacements = order.dropFirst(count).map { items[$0] }
        return Part(stratum: stratum, populationCount: items.count, items: chosen, spares: replacements)
    }
}
