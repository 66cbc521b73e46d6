/// Several committees' follow-up at one report point in one document, for the municipal board
/// (*kommunstyrelsen*): per committee its summary sentence and counts per signal, then each
/// committee's Bilaga 1 table, then the municipality's totals. A plan that could not be read
/// or verified is named in its place, never left out.
public struct Rollup: Sendable {
    /// How many units (control points or risk areas) of a committee have one signal.
    public struct Count: Sendable, Equatable {
        /// The level.
        public let level: SignalLevel
        /// How the level is drawn.
        public let mark: SignalMark
        /// How many units have it.
        public let count: Int
    }

    /// A committee whose plan and journal were read and verified.
    public struct Committee: Sendable {
        /// The plan folder, as given.
        public let folder: String
        /// Its Bilaga 1 at the report point.
        public let appendix: Appendix
        /// Units per signal level, in the scale's order (levels with none included).
        public let counts: [Count]
        /// Units not yet assessed.
        public let unassessed: Int
        /// Whether the units are risk areas (else control points).
        public var isPerRisk: Bool { appendix.isAssessedPerRisk }
        /// All units.
        public var total: Int { counts.reduce(unassessed) { $0 + $1.count } }
    }

    /// A plan folder that could not be read or verified, and why.
    public struct Failure: Sendable, Equatable {
        /// The plan folder, as given, with any personnummer in it masked.
        public let folder: String
        /// What is wrong, as `file:line: message` lines, with any personnummer masked (a message
        /// may quote a folder's path or a value of its plan.json, and the roll-up is a public document).
        public let messages: [String]

        init(folder: String, messages: [String]) {
            self.folder = PersonalIdentityNumber.masking(folder)
            self.messages = messages.map(PersonalIdentityNumber.masking)
        }
    }

    /// One place in the document, in the order the folders were given.
    public enum Entry: Sendable {
        /// A committee's follow-up.
        case committee(Committee)
        /// A plan that could not be used.
        case failure(Failure)
    }

    /// The report point.
    public let point: ReportPoint
    /// "Uppföljning av internkontroll vid årsbokslut 2023 – sammanställning".
    public let title: String
    /// The committees and failures, in order.
    public let entries: [Entry]

    /// The committees that were read.
    public var committees: [Committee] {
        entries.compactMap { if case .committee(let committee) = $0 { committee } else { nil } }
    }

    /// The plans that could not be used.
    public var failures: [Failure] {
        entries.compactMap { if case .failure(let failure) = $0 { failure } else { nil } }
    }

    /// Units per signal over every committee, matched by the level's word ("Grön"), in order of
    /// first appearance; and the unassessed.
    public var totals: (counts: [Count], unassessed: Int) {
        var counts: [Count] = []
        for committee in committees {
            for count in committee.counts {
                if let index = counts.firstIndex(where: { $0.mark.word.lowercased() == count.mark.word.lowercased() }) {
                    counts[index] = Count(
                        level: counts[index].level, mark: counts[index].mark, count: counts[index].count + count.count)
                } else {
                    counts.append(count)
                }
            }
        }
        return (counts, committees.reduce(0) { $0 + $1.unassessed })
    }

    /// Builds the roll-up from what was read of each folder.
    /// - Parameter sources: each folder with its plan and year, or what went wrong reading it.
    public static func build(_ sources: [RollupSource], point: ReportPoint) -> Rollup {
        var entries: [Entry] = []
        for source in sources {
            switch source.content {
            case .failure(let messages):
                entries.append(.failure(Failure(folder: source.folder, messages: messages)))
            case .plan(let plan, let state):
                do {
                    let appendix = try Appendix.build(plan: plan, state: state, point: point)
                    entries.append(.committee(committee(appendix, folder: source.folder)))
                } catch {
                    entries.append(
                        .failure(
                            Failure(
                                folder: source.folder,
                                messages: ["\(PlanFile.path(in: source.folder)): \(error.message)"])))
                }
            }
        }
        entries = unifyingMarks(entries)
        let years = Set(sources.compactMap { if case .plan(let plan, _) = $0.content { plan.year } else { nil } })
        let year = years.count == 1 ? years.first.map { " \($0)" } ?? "" : ""
        return Rollup(
            point: point, title: "Uppföljning av internkontroll vid \(point.swedish)\(year) – sammanställning",
            entries: entries)
    }

    /// The entries with every level drawn by one mark throughout the document: the mark of the first
    /// committee with a level of that word ("Gul"), so the overview, each committee's counts and each
    /// committee's table show one symbol and colour per level.
    static func unifyingMarks(_ entries: [Entry]) -> [Entry] {
        var marks: [String: SignalMark] = [:]
        for case .committee(let committee) in entries {
            for level in committee.appendix.legend where marks[level.displayName.lowercased()] == nil {
                marks[level.displayName.lowercased()] = committee.appendix.mark(level)
            }
        }
        return entries.map { entry in
            guard case .committee(let committee) = entry else { return entry }
            var appendix = committee.appendix
            appendix.markOverrides = marks
            return .committee(Self.committee(appendix, folder: committee.folder))
        }
    }

    static func committee(_ appendix: Appendix, folder: String) -> Committee {
        let signals: [SignalLevel?] =
            appendix.isAssessedPerRisk
            ? appendix.groups.map(\.signal) : appendix.groups.flatMap(\.rows).map(\.signal)
        let counts = appendix.legend.map { level in
            Count(level: level, mark: appendix.mark(level), count: signals.filter { $0?.id == level.id }.count)
        }
        return Committee(
            folder: folder, appendix: appendix, counts: counts, unassessed: signals.filter { $0 == nil }.count)
    }

    /// The sentences on the municipality as a whole: "Sammanställningen omfattar två nämnder:
    /// Socialnämnden och Barn- och utbildningsnämnden. Av nämndernas totalt sex kontrollpunkter har
    /// tre bedömningen grön och två bedömningen gul. En har ännu inte bedömts: …"
    public var totalsSentence: String {
        let (counts, unassessed) = totals
        let units = committees.reduce(0) { $0 + $1.total }
        var sentences: [String] = []
        if committees.isEmpty {
            sentences.append("Ingen nämnds uppföljning kunde läsas.")
        } else {
            let names = SwedishText.list(committees.map(\.appendix.committee))
            sentences.append(
                committees.count == 1
                    ? "Sammanställningen omfattar en nämnd: \(names)."
                    : "Sammanställningen omfattar \(SwedishNumber.word(committees.count)) nämnder: \(names).")
            let noun =
                committees.allSatisfy(\.isPerRisk)
                ? "kontrollområden"
                : committees.allSatisfy { !$0.isPerRisk } ? "kontrollpunkter" : "kontrollpunkter och kontrollområden"
            let parts = counts.filter { $0.count > 0 }.map {
                "\(SwedishNumber.word($0.count)) bedömningen \($0.mark.word.lowercased())"
            }
            if parts.isEmpty {
                sentences.append("Av nämndernas totalt \(SwedishNumber.word(units)) \(noun) har ännu ingen bedömts.")
            } else {
                sentences.append(
                    "Av nämndernas totalt \(SwedishNumber.word(units)) \(noun) har \(SwedishText.list(parts)).")
                if unassessed > 0 {
                    let which = committees.filter { $0.unassessed > 0 }.map {
                        "\($0.appendix.committee) (\(SwedishNumber.word($0.unassessed)))"
                    }
                    sentences.append(
                        "\(Narrative.capitalised(SwedishNumber.word(unassessed))) har ännu inte bedömts: \(SwedishText.list(which))."
                    )
                }
            }
        }
        if !failures.isEmpty {
            let folders = SwedishText.list(failures.map(\.folder))
            sentences.append(
                failures.count == 1
                    ? "En plan kunde inte läsas och ingår inte i summan: \(folders)."
                    : "\(Narrative.capitalised(SwedishNumber.word(failures.count))) planer kunde inte läsas och ingår inte i summan: \(folders)."
            )
        }
        return sentences.joined(separator: " ")
    }
}
