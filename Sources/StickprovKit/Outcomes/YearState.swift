/// The state of a plan year: a fold over the journal's events, latest record winning,
/// with the history kept (corrections, replaced assessments) for whoever asks.
public struct YearState: Sendable {
    /// An outcome as it stands, with its place in the journal.
    public struct RecordedOutcome: Sendable, Equatable {
        /// The record that holds.
        public let record: OutcomeRecord
        /// Its sequence number.
        public let sequence: Int
        /// How many earlier records of this item it supersedes.
        public let corrections: Int
    }

    /// The draws, in journal order.
    public private(set) var draws: [DrawRecord] = []
    /// Current outcome per draw and key.
    public private(set) var outcomes: [DrawID: [String: RecordedOutcome]] = [:]
    /// Measurements per control point, in journal order.
    public private(set) var measurements: [ControlID: [MeasurementRecord]] = [:]
    /// Current assessment per target and report point.
    public private(set) var assessments: [AssessmentTarget: [ReportPoint: AssessmentRecord]] = [:]
    /// Repairs, in journal order.
    public private(set) var repairs: [RepairRecord] = []
    /// Private-provider records (Bilaga 2), in journal order.
    public private(set) var providerRecords: [ProviderRecord] = []
    /// The plan's adoption and amendments.
    public private(set) var adoption = PlanAdoption(events: [])
    /// How many events were folded.
    public private(set) var eventCount = 0

    /// Folds events in order.
    public init(events: [JournalEvent]) {
        for event in events { apply(event) }
    }

    /// Adds one event to the state.
    public mutating func apply(_ event: JournalEvent) {
        eventCount += 1
        switch event.payload {
        case .draw(let record):
            draws.append(record)
        case .outcome(let record), .correction(let record):
            let earlier = outcomes[record.draw]?[record.key]
            outcomes[record.draw, default: [:]][record.key] = RecordedOutcome(
                record: record, sequence: event.sequence, corrections: earlier.map { $0.corrections + 1 } ?? 0)
        case .measurement(let record):
            measurements[record.control, default: []].append(record)
        case .assessment(let record):
            assessments[record.target, default: [:]][record.point] = record
        case .repair(let record):
            repairs.append(record)
        case .provider(let record):
            providerRecords.append(record)
        case .adoption, .amendment:
            adoption.apply(event)
        }
    }

    /// The draw with this id.
    public func draw(_ id: DrawID) -> DrawRecord? { draws.first { $0.id == id } }

    /// The draws of a control point, in journal order.
    public func draws(of control: ControlID) -> [DrawRecord] { draws.filter { $0.control == control } }

    /// The current outcome of an item.
    public func outcome(_ draw: DrawID, _ key: String) -> RecordedOutcome? { outcomes[draw]?[key] }

    /// The assessment of a target at a report point.
    public func assessment(_ target: AssessmentTarget, at point: ReportPoint) -> AssessmentRecord? {
        assessments[target]?[point]
    }

    /// A control point's latest measurement on or before `day`.
    public func latestMeasurement(of control: ControlID, onOrBefore day: Day) -> MeasurementRecord? {
        (measurements[control] ?? []).filter { $0.date <= day }.max { $0.date < $1.date }
    }
}
