import Foundation
import Testing

@testable import StickprovKit

/// "Today" is the Stockholm date (or TZ's), and SOURCE_DATE_EPOCH is an integer in range or an error.
@Suite struct ClockTests {
    /// 2023-12-31 23:30:00 UTC.
    static let newYearsEve = Date(timeIntervalSince1970: 1_704_065_400)

    @Test func halfAnHourBeforeMidnightUTCOnNewYearsEveIsNewYearsDayInStockholm() throws {
        let clock = try Clock(sourceDateEpoch: nil, timeZone: nil, now: Self.newYearsEve)
        #expect(clock.timeZone.identifier == "Europe/Stockholm")
        #expect(clock.today == Day(year: 2024, month: 1, day: 1))
        #expect(clock.timestamp == "2024-01-01T00:30:00+01:00")
    }

    @Test func aFixedInstantIsToldInTheSameZone() throws {
        let clock = try Clock(sourceDateEpoch: "1704065400", timeZone: "", now: Date(timeIntervalSince1970: 0))
        #expect(clock.now == Self.newYearsEve)
        #expect(clock.today.description == "2024-01-01")
        // Summer time: 2023-07-01 22:30 UTC is 00:30 the next day.
        let summer = try Clock(sourceDateEpoch: "1688250600", timeZone: nil, now: Date())
        #expect(summer.timestamp == "2023-07-02T00:30:00+02:00")
    }

    @Test(arguments: [
        ("UTC", "2023-12-31", "2023-12-31T23:30:00Z"), (":UTC", "2023-12-31", "2023-12-31T23:30:00Z"),
        ("America/New_York", "2023-12-31", "2023-12-31T18:30:00-05:00"),
        ("Europe/Helsinki", "2024-01-01", "2024-01-01T01:30:00+02:00"),
    ])
    func tzIsHonoured(zone: String, today: String, timestamp: String) throws {
        let clock = try Clock(sourceDateEpoch: nil, timeZone: zone, now: Self.newYearsEve)
        #expect(clock.today.description == today)
        #expect(clock.timestamp == timestamp)
    }

    @Test(arguments: ["abc", "1.5", "1e9", " 1700000000", "1700000000 ", "+1700000000", "0x10", "１７"])
    func anEpochThatIsNotAnIntegerIsRefused(text: String) {
        #expect(throws: ClockError.epochNotAnInteger(text)) {
            try Clock(sourceDateEpoch: text, timeZone: nil, now: Date())
        }
    }

    @Test(arguments: [
        ("-1", "UTC"), ("253402300800", "UTC"), ("99999999999999999999999", "UTC"),
        // 9999-12-31 23:59:59 UTC is already 10000-01-01 in Stockholm.
        ("253402300799", "Europe/Stockholm"),
    ])
    func anEpochOutOfRangeIsRefused(text: String, zone: String) {
        #expect(throws: ClockError.epochOutOfRange(text, timeZone: zone)) {
            try Clock(sourceDateEpoch: text, timeZone: zone == "UTC" ? "UTC" : nil, now: Date())
        }
    }

    @Test func theEdgesOfTheRangeAreAccepted() throws {
        #expect(try Clock(sourceDateEpoch: "0", timeZone: "UTC", now: Date()).today.description == "1970-01-01")
        let last = try Clock(sourceDateEpoch: "253402300799", timeZone: "UTC", now: Date())
        #expect(last.today.description == "9999-12-31")
        #expect(last.timestamp == "9999-12-31T23:59:59Z")
    }

    @Test func anUnknownZoneIsRefused() {
        #expect(throws: ClockError.unknownTimeZone("Mars/Olympus")) {
            try Clock(sourceDateEpoch: nil, timeZone: "Mars/Olympus", now: Date())
        }
        #expect(
            ClockError.epochNotAnInteger("abc").message
                == "SOURCE_DATE_EPOCH 'abc' is not a whole number of seconds since 1970-01-01 00:00:00 UTC; unset it or give e.g. 1700000000"
        )
    }
}
