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
            return simple(population, count: count, seed: seed, spares: spares)
        case .percent(let percent):
            return simple(
                population, count: Sampler.size(percent: percent, of: population.count), seed: seed, spares: spares)
        case .logCheck(let users):
            return simple(population, count: users, seed: seed.subseed("users"), spares: spares)
        case .strata(let rules):
            return stratified(population, rules: rules, seed: seed, spares: spares)
        }
    }

    private static func simple(_ population: Population, count: Int, seed: Seed, spares: Int) -> Sample {
        let part = drawPart(population, stratum: nil, count: count, seed: seed, spares: spares)
        var notices: [String] = []
        if count >= population.count {
            notices.append("the sample is the whole population (\(population.count) items), in rank order")
        } else if spares > 0 && part.spares.count < spares {
            notices.append("only \(part.spares.count) spares are left in the population")
        }
        return Sample(parts: [part], notices: notices)
    }

    private static func stratified(_ population: Population, rules: [StratumRule], seed: Seed, spares: Int) -> Sample {
        var members = Array(repeating: 0, count: population.strata.count)
        for stratum in population.stratumOfRow { members[Int(stratum)] += 1 }
        let numbers = Dictionary(
            population.strata.enumerated().map { ($0.element, UInt32($0.offset)) }, uniquingKeysWith: { a, _ in a })
        var notices: [String] = []
        var parts: [Part] = []
        for rule in rules {
            let name = Population.normalise(rule.stratum)
            let number = numbers[name]
            let memberCount = number.map { members[Int($0)] } ?? 0
            if memberCount == 0 { notices.append("stratum '\(name)' is not in the population; its part is empty") }
            let count: Int
            switch rule.size {
            case .count(let value): count = value
            case .percent(let percent): count = Sampler.size(percent: percent, of: memberCount)
            }
            if memberCount > 0 && count >= memberCount {
                notices.append("stratum '\(name)': the sample is the whole stratum (\(memberCount) items)")
            }
            parts.append(
                drawPart(
                    population, stratum: name, number: number ?? UInt32.max, count: count, seed: seed, spares: spares))
        }
        let named = Set(rules.compactMap { numbers[Population.normalise($0.stratum)] })
        let leftOutStrata = (0..<population.strata.count).filter { !named.contains(UInt32($0)) && members[$0] > 0 }
        let leftOut = leftOutStrata.reduce(0) { $0 + members[$1] }
        if leftOut > 0 {
            let strata = leftOutStrata.map { population.strata[$0] }.sorted().map { "'\($0)'" }.joined(separator: ", ")
            notices.append("\(leftOut) items in strata the draw does not name were left out (\(strata))")
        }
        return Sample(parts: parts, notices: notices)
    }

    /// Draws one part: of the whole population, or of the rows of stratum `number`.
    private static func drawPart(
        _ population: Population, stratum: String?, number: UInt32? = nil, count: Int, seed: Seed, spares: Int
    ) -> Part {
        let order = Sampler.smallest(count + spares, of: population, stratum: number, seed: seed)
        let members =
            number.map { number in population.stratumOfRow.lazy.filter { $0 == number }.count } ?? population.count
        let chosen = order.prefix(count).map(population.item)
        let replacements = order.dropFirst(count).map(population.item)
        return Part(stratum: stratum, populationCount: members, items: chosen, spares: replacements)
    }
}
