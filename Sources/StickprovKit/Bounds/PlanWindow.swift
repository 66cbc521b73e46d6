/// The dates and months a plan's year accepts.
///
/// - A review, measurement or result date lies from 1 January of the plan's year to
///   31 January of the next year: the December items are often reviewed in January, before
///   the year-end report.
/// - A measurement may also be the starting value (*utgångsläge*) from the year before, so
///   its window opens on 1 January of the previous year: "37 procent per 2022-12-31" is how a
///   plan's key figure starts.
/// - A draw's month (`--month`) lies in the plan's year itself (January to December).
///
/// Anything outside would be recorded and then silently left out of the report.
public enum PlanWindow {
    /// The first and last day a date may have in a plan for `year`.
    public static func days(year: Int) -> ClosedRange<Day>? {
        guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year + 1, month: 1, day: 31) else {
            return nil
        }
        return first...last
    }

    /// The first and last day a measurement may have in a plan for `year`: the review window
    /// opened a year earlier, for the starting value measured in the year before.
    public static func measurementDays(year: Int) -> ClosedRange<Day>? {
        guard let first = Day(year: year - 1, month: 1, day: 1), let window = days(year: year) else { return nil }
        return first...window.upperBound
    }

    /// The first and last day a plan change (an amendment) may be dated in a plan for `year`: from
    /// 1 January of the year before (a plan is adopted and may be amended before its year begins) to
    /// 31 January of the next.
    public static func changeDays(year: Int) -> ClosedRange<Day>? { measurementDays(year: year) }

    /// The window as a message writes it: `2023-01-01 to 2024-01-31`.
    public static func describeDays(year: Int) -> String {
        describe(days(year: year), year: year)
    }

    /// Throws when `day` is outside the window of a plan for `year`.
    public static func check(_ day: Day, year: Int) throws(RecordError) {
        guard let window = days(year: year), window.contains(day) else {
            throw .dateOutsideWindow(day, window: describeDays(year: year))
        }
    }

    /// Throws when a measurement's `day` is outside ``measurementDays(year:)``.
    public static func checkMeasurement(_ day: Day, year: Int) throws(RecordError) {
        let window = measurementDays(year: year)
        guard let window, window.contains(day) else {
            throw .dateOutsideWindow(day, window: describe(window, year: year))
        }
    }

    private static func describe(_ window: ClosedRange<Day>?, year: Int) -> String {
        window.map { "\($0.lowerBound) to \($0.upperBound)" } ?? "the year \(year)"
    }

    /// Why `month` cannot be a draw's month in a plan for `year`, or nil.
    public static func monthProblem(_ month: Month, year: Int) -> String? {
        guard month.year != year else { return nil }
        return "--month \(month) is outside the plan's year (\(year)-01 to \(year)-12)"
    }
}
