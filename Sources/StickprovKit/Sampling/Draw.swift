/// Makes the record of a draw for a control point: runs the sampler over the
/// population and says how this draw relates to earlier ones of the same control.
public enum Draw {
    /// What a draw needs besides the population.
    public struct Request: Sendable {
        /// The control point drawn for.
        public var control: ControlID
        /// The rule to follow (the plan's, possibly changed by flags).
        public var rule: SampleRule
        /// The seed.
        public var seed: Seed
        /// Whether the tool generated the seed.
        public var isSeedGenerated: Bool
        /// The period the draw covers; defaults to the month for a log check, else the date.
        public var period: String?
        /// The month of a log check (required for one).
        public var month: Month?
        /// The day of the draw.
        public var date: Day
        /// The population file's name (without folders).
        public var populationFile: String
        /// How many replacements to list after each part.
        public var spares: Int
        /// The other control points of the same area sharing the sample (see ``SharedDraw``).
        public var sharedWith: [ControlID] = []

        /// Every control point the draw is for, ``control`` first.
        public var controls: [ControlID] { [control] + sharedWith }

        /// Creates a request.
        public init(
            control: ControlID, rule: SampleRule, seed: Seed, isSeedGenerated: Bool, period: String? = nil,
            month: Month? = nil, date: Day, populationFile: String, spares: Int = 0, sharedWith: [ControlID] = []
        ) {
            self.control = control
            self.rule = rule
            self.seed = seed
            self.isSeedGenerated = isSeedGenerated
            self.period = period
            self.month = month
            self.date = date
            self.populationFile = populationFile
            self.spares = spares
            self.sharedWith = sharedWith
        }
    }

    /// The day of a draw: the one given, else today. A draw with neither a period nor a month covers
    /// its day, so a draw of today in a plan of another year would be recorded and then left out of
    /// the year's report: then the day must be given. (A log check without its month is refused
    /// for the month by ``make(_:population:earlier:)``.)
    /// - Throws: ``DrawError/dateRequired(today:year:)``.
    public static func day(given: Day?, period: String?, month: Month?, rule: SampleRule, today: Day, planYear: Int)
        throws(DrawError) -> Day
    {
        if let given { return given }
        if case .logCheck = rule.size { return today }
        guard today.year == planYear || period != nil || month != nil else {
            throw .dateRequired(today: today, year: planYear)
        }
        return today
    }

    /// What a draw chose, before its record is made: the rows drawn, so that a population read from a
    /// file can fetch their carried columns (``Population/loadCarried(forRows:)``) first.
    public enum Selection: Sendable {
        /// A `sha256-rank-v1` sample (simple, percentage, stratified or log check).
        case ranked(Sample)
        /// A `sha256-pps-v1` sample of `count` items.
        case byAmount(AmountSample, count: Int)

        /// Every row the record will name, spares included.
        public var rows: [Int] {
            switch self {
            case .ranked(let sample): sample.parts.flatMap { $0.items.map(\.row) + $0.spares.map(\.row) }
            case .byAmount(let sample, _): sample.certain + sample.drawn
            }
        }
    }

    /// Draws from the population by the request's rule and seed.
    /// - Throws: ``DrawError`` for an amount rule that cannot be drawn (see ``makeByAmount``).
    public static func select(_ request: Request, population: Population) throws(DrawError) -> Selection {
        try checkTexts(request)
        guard request.rule.amountColumn != nil else {
            return .ranked(Sample.draw(population, size: request.rule.size, seed: request.seed, spares: request.spares))
        }
        guard case .count(let count) = request.rule.size else { throw .amountRuleNeedsCount(request.control) }
        guard population.amountColumn != nil else { throw .populationWithoutAmounts(request.control) }
        do {
            return .byAmount(
                try AmountSampler.draw(
                    population, seed: request.seed, count: count, certainFrom: request.rule.certainFrom),
                count: count)
        } catch {
            throw .amounts(error)
        }
    }

    /// Draws and returns the record to append to the journal.
    /// - Parameter earlier: the control's earlier draws, to number this one and to notice
    ///   when it extends one (same seed and population, larger size: rank order makes the
    ///   earlier sample a prefix of this one).
    /// - Throws: ``DrawError/monthRequired(_:)`` for a log check without a month.
    public static func make(_ request: Request, population: Population, earlier: [DrawRecord]) throws(DrawError)
        -> DrawRecord
    {
        try make(request, population: population, selection: select(request, population: population), earlier: earlier)
    }

    /// Makes the record of a draw already selected (``select(_:population:)``), with the carried
    /// values the population holds for its rows.
    public static func make(
        _ request: Request, population: Population, selection: Selection, earlier: [DrawRecord]
    ) throws(DrawError) -> DrawRecord {
        let sample: Sample
        switch selection {
        case .byAmount(let amountSample, let count):
            return makeByAmount(request, population: population, sample: amountSample, count: count, earlier: earlier)
        case .ranked(let ranked):
            sample = ranked
        }
        // Record the columns as the file spells them, so the worksheet and a re-draw find them.
        var rule = request.rule
        rule.keyColumn = population.keyColumn
        rule.stratumColumn = population.stratumColumn
        rule.carry = population.carriedColumns
        var week: ISOWeek?
        if case .logCheck = request.rule.size {
            guard let month = request.month else { throw .monthRequired(request.control) }
            week = Sampler.week(of: month, seed: request.seed)
        }
        func drawn(_ item: Population.Item) -> DrawnItem {
            DrawnItem(
                key: item.key, stratum: item.stratum,
                carried: Dictionary(
                    uniqueKeysWithValues: zip(population.carriedColumns, population.carriedValues(item.row))))
        }
        var strata: [String: Int]?
        if population.stratumColumn != nil {
            var counts = Array(repeating: 0, count: population.strata.count)
            for stratum in population.stratumOfRow { counts[Int(stratum)] += 1 }
            strata = Dictionary(zip(population.strata, counts), uniquingKeysWith: +)
        }
        let fingerprint = population.fingerprint
        let (id, mine) = identity(request, earlier: earlier)
        let items = sample.parts.flatMap { $0.items.map(drawn) }
        var notices = sample.notices
        let prefixOf = mine.last { previous in
            previous.seed == request.seed && previous.population.fingerprint == fingerprint
                && previous.items.count <= items.count
                && isPrefix(previous.items, of: items, strata: population.stratumColumn != nil)
        }
        if let prefixOf {
            notices.append(
                prefixOf.items.count == items.count
                    ? "same seed and population as \(prefixOf.id): the same \(items.count) items"
                    : "extends \(prefixOf.id): its \(prefixOf.items.count) items come first, in the same order, then \(items.count - prefixOf.items.count) more"
            )
        }
        var record = DrawRecord(
            id: id, control: request.control, seed: request.seed,
            isSeedGenerated: request.isSeedGenerated, rule: rule,
            period: request.period ?? request.month?.description ?? request.date.description, date: request.date,
            population: PopulationSummary(
                file: request.populationFile, count: population.count, fingerprint: fingerprint, strata: strata),
            week: week, items: items, spares: sample.parts.flatMap { $0.spares.map(drawn) },
            extends: prefixOf.flatMap { $0.items.count < items.count ? $0.id : nil }, notices: notices)
        if !request.sharedWith.isEmpty { record.sharedWith = request.sharedWith }
        return record
    }

    /// The new draw's id and the earlier draws of the same control points (the same set, for a
    /// shared draw), which it is numbered after and may extend: `K3-2` is the second draw of K3,
    /// `K13+K14-1` the first that K13 and K14 share. An id already in the journal is skipped, so
    /// the id is unique whatever the journal holds. Called inside ``PlanFolder``'s transaction.
    static func identity(_ request: Request, earlier: [DrawRecord]) -> (id: DrawID, mine: [DrawRecord]) {
        let mine = earlier.filter { $0.controls == request.controls }
        let stem = request.controls.map(\.rawValue).joined(separator: "+")
        let used = Set(earlier.map(\.id))
        var number = mine.count + 1
        while used.contains(DrawID(rawValue: "\(stem)-\(number)")) { number += 1 }
        return (DrawID(rawValue: "\(stem)-\(number)"), mine)
    }

    /// Whether an earlier sample is a prefix of a new one (per stratum for stratified draws).
    private static func isPrefix(_ earlier: [DrawnItem], of later: [DrawnItem], strata: Bool) -> Bool {
        guard strata else { return later.starts(with: earlier) }
        let groupedEarlier = Dictionary(grouping: earlier, by: { $0.stratum ?? "" })
        let groupedLater = Dictionary(grouping: later, by: { $0.stratum ?? "" })
        return groupedEarlier.allSatisfy { stratum, items in (groupedLater[stratum] ?? []).starts(with: items) }
    }

    /// Re-performs a recorded draw from the population file: checks the fingerprint, then
    /// draws again with the recorded seed and rule and compares the keys.
    /// - Returns: the problems found; empty when the draw is reproduced exactly.
    public static func verify(_ record: DrawRecord, population: Population) -> [String] {
        var problems: [String] = []
        let fingerprint = population.fingerprint
        if fingerprint != record.population.fingerprint {
            problems.append(
                "the population's fingerprint is \(fingerprint), the draw recorded \(record.population.fingerprint): this is not the file the draw was made from"
            )
            return problems
        }
        if record.algorithm == AmountSampler.algorithm { return verifyByAmount(record, population: population) }
        let sample = Sample.draw(population, size: record.rule.size, seed: record.seed)
        let keys = sample.parts.flatMap { $0.items.map(\.key) }
        if keys != record.items.map(\.key) {
            problems.append("re-drawing gives other items than the journal records")
        }
        if let week = record.week, let month = Month(record.period), Sampler.week(of: month, seed: record.seed) != week
        {
            problems.append(
                "re-drawing the week gives \(Sampler.week(of: month, seed: record.seed)), the journal records \(week)")
        }
        return problems
    }
}

extension SampleRule {
    /// The rule one draw follows: the control point's planned rule, with what the user gave
    /// for this draw taking its place (a new size keeps the plan's columns).
    /// - Throws: ``DrawError/noSampleRule(_:)`` when neither gives a size, and
    ///   ``DrawError/stratumColumnRequired(_:)`` for strata without a stratum column.
    public static func forDraw(
        of control: ControlPoint, size: SampleSize?, keyColumn: String?, stratumColumn: String?, carry: [String]?
    ) throws(DrawError) -> SampleRule {
        guard var rule = control.sampleRule ?? size.map({ SampleRule(size: $0) }) else {
            throw .noSampleRule(control.id)
        }
        if let size { rule.size = size }
        if let keyColumn { rule.keyColumn = keyColumn }
        if let stratumColumn { rule.stratumColumn = stratumColumn }
        if let carry { rule.carry = carry }
        if case .strata = rule.size, rule.stratumColumn == nil { throw .stratumColumnRequired(control.id) }
        // A rule given for one draw passes the plan's own checks (duplicate strata, over 100 %):
        // the command line is no way around them.
        var checked = control
        checked.sampleRule = rule
        let problems = checked.issues(at: "").filter { $0.path.hasPrefix(".sampleRule") }.map(\.message)
        if !problems.isEmpty {
            throw .invalidRule(control.id, problems: problems, isGiven: size != nil || keyColumn != nil)
        }
        return rule
    }
}

extension Draw {
    /// The request's texts that enter the journal as given — seed, period, the population file's
    /// name — hold no personnummer, nothing invisible and nothing overlong: the journal is
    /// append-only, so what enters it stays for good.
    /// - Throws: ``DrawError/unfitText(field:problem:)``.
    static func checkTexts(_ request: Request) throws(DrawError) {
        let texts = [
            ("the seed", request.seed.text), ("the period", request.period),
            ("the population file's name", request.populationFile),
        ]
        for case (let field, let text?) in texts {
            if let match = PersonalIdentityNumber.find(in: text).first {
                throw .unfitText(
                    field: field,
                    problem: "holds what looks like a personnummer (\(match.masked)); it would stay in the journal")
            }
            if let problem = VisibleText.problem(in: text, allowingLineBreaks: false) {
                throw .unfitText(field: field, problem: problem)
            }
            if let problem = InputBounds.lengthProblem(text, limit: InputBounds.maximumNameCharacters) {
                throw .unfitText(field: field, problem: problem + " characters")
            }
        }
    }
}

/// Why a draw cannot be made or checked.
public enum DrawError: Error, Sendable, Equatable {
    /// The control point has no sample rule and none was given.
    case noSampleRule(ControlID)
    /// The control's method draws no sample.
    case methodDrawsNoSample(ControlID, MethodKind)
    /// A log check needs the month whose week is drawn.
    case monthRequired(ControlID)
    /// The rule names no key column and none was given.
    case keyColumnRequired(ControlID)
    /// No draw with this id in the journal.
    case unknownDraw(DrawID, known: [DrawID])
    /// A stratified rule without a stratum column.
    case stratumColumnRequired(ControlID)
    /// An amount-weighted rule with a percentage or strata instead of a count.
    case amountRuleNeedsCount(ControlID)
    /// An amount-weighted rule, but the population was read without its amount column.
    case populationWithoutAmounts(ControlID)
    /// The population's amounts cannot be drawn from.
    case amounts(SamplingError)
    /// A shared draw names a control point twice.
    case controlNamedTwice(ControlID)
    /// A shared draw names control points of different risk areas (first point, its area, the other, its area).
    case sharedAcrossAreas(ControlID, RiskID, other: ControlID, RiskID)
    /// The control points of a shared draw have different sample rules.
    case sharedRulesDiffer(ControlID, ControlID, difference: String)
    /// A draw without a day, period or month when today is outside the plan's year.
    case dateRequired(today: Day, year: Int)
    /// The rule a draw would follow fails the plan's checks (its problems); `isGiven` when the
    /// command line gave or changed it.
    case invalidRule(ControlID, problems: [String], isGiven: Bool)
    /// A text the draw would record (seed, period, file name) may not enter the journal.
    case unfitText(field: String, problem: String)

    /// The message a user reads.
    public var message: String {
        switch self {
        case .noSampleRule(let id):
            "control point '\(id)' has no sample rule; give --size, --percent or --rule, or set one with 'stickprov plan edit \(id) --count N'"
        case .methodDrawsNoSample(let id, let method):
            "control point '\(id)' is checked by \(method.rawValue), which draws no sample"
        case .monthRequired(let id): "control point '\(id)' is a log check; give --month YYYY-MM"
        case .keyColumnRequired(let id):
            "no key column for '\(id)'; give --key COLUMN or set it with 'stickprov plan edit \(id) --key-column COLUMN'"
        case .stratumColumnRequired(let id):
            "a stratified rule needs a stratum column; give --stratum COLUMN or set it with 'stickprov plan edit \(id) --stratum-column COLUMN'"
        case .amountRuleNeedsCount(let id):
            "control point '\(id)' draws by amount; give it a count ('stickprov plan edit \(id) --count 60'), not a percentage or strata"
        case .populationWithoutAmounts(let id):
            "control point '\(id)' draws by amount; the population needs its amount column"
        case .amounts(let error): error.message
        case .unfitText(let field, let problem): "\(field) \(problem); nothing was recorded"
        case .invalidRule(let id, let problems, _):
            "the sample rule for '\(id)' is not valid: \(problems.joined(separator: "; "))"
        case .controlNamedTwice(let id):
            "control point '\(id)' is named twice; name each control point of a shared draw once"
        case .sharedAcrossAreas(let first, let area, let other, let otherArea):
            "'\(first)' is in area \(area) and '\(other)' in area \(otherArea): one sample is shared only by control points of the same area; draw them apart"
        case .sharedRulesDiffer(let first, let second, let difference):
            "the sample rules of '\(first)' and '\(second)' differ in \(difference); a shared draw follows one rule: make them the same ('stickprov plan edit \(second) …') or leave one without a rule"
        case .dateRequired(let today, let year):
            "give --date, the day of the draw (or --period): today (\(today)) is outside the plan's year \(year), and a draw dated today would be left out of its report"
        case .unknownDraw(let id, let known):
            "no draw '\(id)' in the journal (draws: \(known.isEmpty ? "none yet" : known.map(\.rawValue).joined(separator: ", ")))"
        }
    }
}
