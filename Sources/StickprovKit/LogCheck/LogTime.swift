/// A wall-clock time from an access-log export, without zone: seconds since 1970-01-01 00:00:00
/// of the same clock (SPEC.md §7: exports carry local times, and the week's window is local too).
///
/// Reads the forms case systems write: `2023-03-14 09:12:33`, `2023-03-14T09:12:33`,
/// `2023-03-14 09:12`, `14.03.2023 09:12` and `14.03.2023 09:12:33`, each optionally with a
/// fraction of a second (`.123` or `,123`, dropped) and surrounded by spaces.
public struct LogTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01 00:00:00 on the export's clock.
    public let seconds: Int

    /// The time at `hour:minute:second` of `day`.
    public init(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        seconds = day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
    }

    init(seconds: Int) { self.seconds = seconds }

    /// Parses one of the forms above, or returns `nil`.
    public init?(_ text: String) {
        var text = text
        guard let time = text.withUTF8({ LogTime.parse($0.baseAddress, $0.count) }) else { return nil }
        self = time
    }

    /// The day the time falls on.
    public var day: Day { Day(daysSinceEpoch: LogTime.floorDivide(seconds, 86_400)) }

    /// `YYYY-MM-DD HH:MM:SS`.
    public var description: String {
        let second = seconds - LogTime.floorDivide(seconds, 86_400) * 86_400
        return "\(day) \(Day.twoDigits(second / 3600)):\(Day.twoDigits(second / 60 % 60)):\(Day.twoDigits(second % 60))"
    }

    public static func < (a: LogTime, b: LogTime) -> Bool { a.seconds < b.seconds }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : (a - b + 1) / b
    }

    /// Parses `count` bytes at `base` (ASCII; anything else fails).
    static func parse(_ base: UnsafePointer<UInt8>?, _ count: Int) -> LogTime? {
        guard let base else { return nil }
        var lo = 0
        var hi = count
        while lo < hi, base[lo] == 0x20 || base[lo] == 0x09 { lo += 1 }
        while hi > lo, base[hi - 1] == 0x20 || base[hi - 1] == 0x09 { hi -= 1 }
        let length = hi - lo
        guard length >= 16 else { return nil }
        let p = base + lo

        /// The value of `width` decimal digits at `offset`, or -1.
        func number(_ offset: Int, _ width: Int) -> Int {
            var value = 0
            for index in offset..<offset + width {
                let digit = Int(p[index]) - 0x30
                guard digit >= 0, digit <= 9 else { return -1 }
                value = value * 10 + digit
            }
            return value
        }

        let year: Int
        let month: Int
        let day: Int
        let timeStart: Int
        if p[4] == UInt8(ascii: "-") && p[7] == UInt8(ascii: "-") {
            // 2023-03-14 09:12[:33] or 2023-03-14T09:12[:33]
            guard p[10] == UInt8(ascii: " ") || p[10] == UInt8(ascii: "T") else { return nil }
            (year, month, day, timeStart) = (number(0, 4), number(5, 2), number(8, 2), 11)
        } else if p[2] == UInt8(ascii: ".") && p[5] == UInt8(ascii: ".") {
            // 14.03.2023 09:12[:33]
            guard length >= 16, p[10] == UInt8(ascii: " ") else { return nil }
            (year, month, day, timeStart) = (number(6, 4), number(3, 2), number(0, 2), 11)
        } else {
            return nil
        }
        guard year >= 1, month >= 1, day >= 1, let date = Day(year: year, month: month, day: day) else { return nil }
        // HH:MM, then optionally :SS, then optionally a fraction.
        guard timeStart + 5 <= length, p[timeStart + 2] == UInt8(ascii: ":") else { return nil }
        let hour = number(timeStart, 2)
        let minute = number(timeStart + 3, 2)
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var second = 0
        var end = timeStart + 5
        if end < length {
            guard p[end] == UInt8(ascii: ":"), end + 3 <= length else { return nil }
            second = number(end + 1, 2)
            guard (0...59).contains(second) else { return nil }
            end += 3
            if end < length {
                guard p[end] == UInt8(ascii: ".") || p[end] == UInt8(ascii: ","), end + 1 < length else { return nil }
                end += 1
                while end < length {
                    guard p[end] >= 0x30, p[end] <= 0x39 else { return nil }
                    end += 1
                }
            }
        }
        return LogTime(day: date, hour: hour, minute: minute, second: second)
    }
}
