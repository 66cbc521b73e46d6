/// The window of a log check's week (SPEC.md §7): Monday 00:00:00 to Sunday 23:59:59, both included.
public struct LogWindow: Sendable, Hashable, CustomStringConvertible {
    /// The week.
    public let week: ISOWeek
    /// Monday 00:00:00.
    public let start: LogTime
    /// Sunday 23:59:59.
    public let end: LogTime

    /// The window of `week`.
    public init(week: ISOWeek) {
        self.week = week
        start = LogTime(day: week.monday)
        end = LogTime(day: week.sunday, hour: 23, minute: 59, second: 59)
    }

    /// Whether `time` is inside the window (a fraction of a second after 23:59:59 still is).
    public func contains(_ time: LogTime) -> Bool { start <= time && time <= end }

    /// `2023-W11 (Monday 2023-03-13 00:00:00 to Sunday 2023-03-19 23:59:59)`.
    public var description: String { "\(week) (Monday \(start) to Sunday \(end))" }
}
