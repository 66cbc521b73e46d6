import Foundation

/// The moment a command runs and the time zone its days and times are told in.
///
/// "Today" is the date in Europe/Stockholm, where the committees work, unless `TZ` names another
/// zone; a journal line's time is told in the same zone, with its offset. `SOURCE_DATE_EPOCH` (the
/// reproducible-builds convention: seconds since 1970 in UTC) fixes the moment, so a script such as
/// `scripts/build-example` writes the same journal every time. The library reads no environment: the
/// front end passes the values it found.
public struct Clock: Sendable, Equatable {
    /// The zone used when `TZ` is not set.
    public static let defaultTimeZone = "Europe/Stockholm"
    /// The latest `SOURCE_DATE_EPOCH` accepted: 9999-12-31 23:59:59 UTC (a later zone's day must also be in 9999).
    public static let latestEpoch = 253_402_300_799

    /// The moment.
    public let now: Date
    /// The zone days and times are told in.
    public let timeZone: TimeZone

    /// A clock at `now` in `timeZone`.
    public init(now: Date, timeZone: TimeZone) {
        self.now = now
        self.timeZone = timeZone
    }

    /// The clock the environment asks for.
    /// - Parameters:
    ///   - sourceDateEpoch: `SOURCE_DATE_EPOCH`, if set: the moment as whole seconds since 1970 (UTC).
    ///     Unset or empty: `now`.
    ///   - timeZone: `TZ`, if set: a zone name such as `Europe/Stockholm` or `UTC` (a leading `:` is
    ///     allowed). Unset or empty: Europe/Stockholm.
    ///   - now: the system's current moment.
    /// - Throws: ``ClockError`` for an epoch that is not an integer or out of range, or an unknown zone.
    public init(sourceDateEpoch: String?, timeZone: String?, now: Date) throws(ClockError) {
        let (zone, zoneName) = try Self.zone(timeZone)
        self.timeZone = zone
        guard let text = sourceDateEpoch, !text.isEmpty else {
            self.now = now
            return
        }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .epochNotAnInteger(text)
        }
        guard !text.hasPrefix("-"), let seconds = Int(digits), seconds <= Self.latestEpoch else {
            throw .epochOutOfRange(text, timeZone: zoneName)
        }
        let moment = Date(timeIntervalSince1970: TimeInterval(seconds))
        guard Self.parts(of: moment, in: zone).year <= 9999 else {
            throw .epochOutOfRange(text, timeZone: zoneName)
        }
        self.now = moment
    }

    /// The zone `TZ` names and its name as given, or Europe/Stockholm when it is unset or empty.
    static func zone(_ text: String?) throws(ClockError) -> (TimeZone, String) {
        let name = text.map { $0.hasPrefix(":") ? String($0.dropFirst()) : $0 } ?? ""
        if name.isEmpty {
            return (
                TimeZone(identifier: defaultTimeZone) ?? TimeZone(secondsFromGMT: 3600) ?? .current, defaultTimeZone
            )
        }
        guard let zone = TimeZone(identifier: name) else { throw .unknownTimeZone(text ?? "") }
        return (zone, name)
    }

    /// Today's date in the clock's zone.
    public var today: Day { Self.day(of: now, in: timeZone) }

    /// The journal's time for a change made now: ISO 8601 with the zone's offset, e.g. `2023-03-14T09:12:33+01:00`.
    public var timestamp: String { Journal.timestamp(now, timeZone: timeZone) }

    /// The date of `moment` in `zone`.
    static func day(of moment: Date, in zone: TimeZone) -> Day {
        let parts = parts(of: moment, in: zone)
        return Day(year: parts.year, month: parts.month, day: parts.day) ?? Day(daysSinceEpoch: 0)
    }

    /// The Gregorian year, month and day of `moment` in `zone` (a year may be past 9999 here).
    static func parts(of moment: Date, in zone: TimeZone) -> (year: Int, month: Int, day: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: moment)
        return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
