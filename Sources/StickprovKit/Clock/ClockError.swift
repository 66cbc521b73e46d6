import Foundation

/// Why the clock cannot be read from the values the environment gave.
public enum ClockError: Error, Sendable, Equatable {
    /// `SOURCE_DATE_EPOCH` is not a whole number of seconds.
    case epochNotAnInteger(String)
    /// `SOURCE_DATE_EPOCH` is a whole number outside 0 … the end of 9999-12-31 (in the zone the tool tells dates in).
    case epochOutOfRange(String, timeZone: String)
    /// `TZ` names no time zone the system knows.
    case unknownTimeZone(String)

    /// What is wrong and what to give instead.
    public var message: String {
        switch self {
        case .epochNotAnInteger(let text):
            "SOURCE_DATE_EPOCH '\(text)' is not a whole number of seconds since 1970-01-01 00:00:00 UTC; unset it or give e.g. 1700000000"
        case .epochOutOfRange(let text, let zone):
            "SOURCE_DATE_EPOCH '\(text)' is out of range: give 0 (1970-01-01) up to the end of 9999-12-31 in \(zone)"
        case .unknownTimeZone(let text):
            "TZ '\(text)' is not a time zone this system knows; give one such as Europe/Stockholm or UTC, or unset it"
        }
    }
}
