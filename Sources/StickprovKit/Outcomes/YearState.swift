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

    /// Where an outcome belongs: a draw and the control point the result is for (a draw shared by
    /// several control points holds one result per point and item).
    public struct OutcomeSlot: Sendable, Hashable {
        /// The draw.
        public let draw: DrawID
        /// The control point.
        public let control: ControlID

        /// Creates a slot.
        public init(draw: DrawID, control: ControlID) {
            self.draw = draw
            self.control = control
        }
    }

    /// The draws, in journal order, as recorded (a shared draw once, under its first control point).
    public private(set) var draws: [DrawRecord] = []
    /// Current outcome per draw, control point and key.
    public private(set) var outcomes: [OutcomeSlot: [String: RecordedOutcome]] = [:]
    /// Each draw's first control point, which an outcome without a control point is for.
    private var drawControls: [DrawID: ControlID] = [:]
    /// Measurements per control point, in journal order.
    public private(set) var measurements: [ControlID: [MeasurementRecord]] = [:]
    /// Current assessment per target and report point (one a plan change superseded is no longer
    /// current: it is in ``superseded``). An assessment without its own date has its line's day.
    public private(set) var assessments: [AssessmentTarget: [ReportPoint: AssessmentRecord]] = [:]
    /// The journal line of each current assessment.
    public private(set) var assessmentLines: [AssessmentTarget: [ReportPoint: Int]] = [:]
    /// Assessments a plan change took out of every report (``SupersessionRecord``), in journal order.
    public private(set) var superseded: [SupersededNote] = []
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
            drawControls[record.id] = record.control
        case .outcome(let record), .correction(let record):
            let slot = OutcomeSlot(draw: record.draw, control: record.control ?? drawControls[record.draw] ?? "")
            let earlier = outcomes[slot]?[record.key]
            outcomes[slot, default: [:]][record.key] = RecordedOutcome(
                record: record, sequence: event.sequence, corrections: earlier.map { $0.corrections + 1 } ?? 0)
        case .measurement(let record):
            measurements[record.control, default: []].append(record)
        case .assessment(var record):
            if record.date == nil { record.date = Day(String(event.time.prefix(10))) }
            assessments[record.target, default: [:]][record.point] = record
            assessmentLines[record.target, default: [:]][record.point] = event.sequence
        case .supersession(let record):
            for entry in record.assessments where assessmentLines[entry.target]?[entry.point] == entry.line {
                assessments[entry.target]?[entry.point] = nil
                assessmentLines[entry.target]?[entry.point] = nil
                superseded.append(SupersededNote(assessment: entry, changed: record.date, decision: record.decision))
            }
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

    /// The draws of a control point, in journal order; a shared draw as the point sees it
    /// (``DrawRecord/viewed(as:)``), so its results are the point's own.
    public func draws(of control: ControlID) -> [DrawRecord] {
        draws.filter { $0.controls.contains(control) }.map { $0.viewed(as: control) }
    }

    /// The current outcomes of a draw's items for the draw's ``DrawRecord/control`` (a shared draw's
    /// view gives that point's), by key.
    public func results(of draw: DrawRecord) -> [String: RecordedOutcome] {
        outcomes[OutcomeSlot(draw: draw.id, control: draw.control)] ?? [:]
    }

    /// The current outcome of an item for the draw's ``DrawRecord/control``.
    public func outcome(of draw: DrawRecord, _ key: String) -> RecordedOutcome? { results(of: draw)[key] }

    /// The current outcome of an item, for `control` in a shared draw (else the draw's own point).
    public func outcome(_ draw: DrawID, _ key: String, control: ControlID? = nil) -> RecordedOutcome? {
        guard let point = control ?? drawControls[draw] else { return nil }
        return outcomes[OutcomeSlot(draw: draw, control: point)]?[key]
    }

    /// The assessment of a target at a report point.
    public func assessment(_ target: AssessmentTarget, at point: ReportPoint) -> AssessmentRecord? {
        assessments[target]?[point]
    }

    /// A control point's latest measurement on or before `day`.
    public func latestMeasurement(of control: ControlID, onOrBefore day: Day) -> MeasurementRecord? {
        (measurements[control] ?? []).filter { $0.date <= day }.max { $0.date < $1.date }
    }
}
