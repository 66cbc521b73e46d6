extension Day {
    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-from-days algorithm.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self = Day(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day) ?? .placeholder
    }

    /// The date `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + count) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let remainder = (daysSinceEpoch + 3) % 7
        return (remainder < 0 ? remainder + 7 : remainder) + 1
    }

    /// The ISO-8601 week this date belongs to.
    public var isoWeek: ISOWeek {
        let thursday = adding(days: 4 - isoWeekday)
        let firstOfYear = Day(year: thursday.year, month: 1, day: 1) ?? .placeholder
        let week = (thursday.daysSinceEpoch - firstOfYear.daysSinceEpoch) / 7 + 1
        return ISOWeek(year: thursday.year, week: week)
    }
}

/// An ISO-8601 week, written `2023-W11` (the ISO week-numbering year, two-digit week).
public struct ISOWeek: Sendable, Hashable, Comparable, TextCodable {
    /// The ISO week-numbering year (may differ from the calendar year near New Year).
    public let year: Int
    /// The week number, 1–53.
    public let week: Int

    /// Creates a week; use ``Day/isoWeek`` to get one that exists.
    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// Parses `2023-W11`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-W", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let week = Int(parts[1]), ISOWeek(year: year, week: week).mondayIfValid != nil
        else { return nil }
        self.init(year: year, week: week)
    }

    /// The label `YYYY-Www` that SPEC.md §7 ranks.
    public var description: String { "\(year)-W\(Day.twoDigits(week))" }

    /// The week's Monday (its window starts Monday 00:00:00).
    public var monday: Day { mondayIfValid ?? .placeholder }

    /// The week's Sunday (its window ends Sunday 23:59:59).
    public var sunday: Day { monday.adding(days: 6) }

    private var mondayIfValid: Day? {
        // 4 January is always in week 1.
        guard let january4 = Day(year: year, month: 1, day: 4), (1...53).contains(week) else { return nil }
        let monday = january4.adding(days: 1 - january4.isoWeekday + (week - 1) * 7)
        return monday.isoWeek == self ? monday : nil
    }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }

    /// What the text looks like, for decoding errors.
    public static let textForm = "an ISO week YYYY-Www"
}

/// A calendar month, written `2023-03`.
public struct Month: Sendable, Hashable, Comparable, TextCodable {
    /// The year.
    public let year: Int
    /// The month, 1–12.
    public let month: Int

    /// Parses `YYYY-MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), (1...9998).contains(year)
        else { return nil }
        self.year = year
        self.month = month
    }

    /// `YYYY-MM`.
    public var description: String { "\(year)-\(Day.twoDigits(month))" }

    /// The ISO weeks whose Thursday falls in this month (SPEC.md §7): four or five, so
    /// each week belongs to exactly one month.
    public var candidateWeeks: [ISOWeek] {
        guard let first = Day(year: year, month: month, day: 1) else { return [] }
        let firstThursday = first.adding(days: (4 - first.isoWeekday + 7) % 7)
        return stride(from: 0, to: 35, by: 7).map { firstThursday.adding(days: $0) }
            .filter { $0.month == month }.map(\.isoWeek)
    }

    public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// What the text looks like, for decoding errors.
    public static let textForm = "a month YYYY-MM"
}
