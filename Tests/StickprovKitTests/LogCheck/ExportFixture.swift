import Foundation

@testable import StickprovKit

/// A generated access-log export whose every record's bytes are known, so a test can compare the
/// extract with a selection made independently (CSVTable and Foundation's date parsing).
struct ExportFixture {
    var header = ["Tidpunkt", "Användare", "Namn", "Enhet", "Ärendenummer", "Händelse", "Beskrivning"]
    var delimiter: UInt8 = UInt8(ascii: ";")
    var lineBreak: [UInt8] = [0x0D, 0x0A]
    var hasBOM = true
    var isWindows1252 = false
    /// Field values of each data row.
    var rows: [[String]] = []
    /// Quote every field (some exporters do).
    var quotesEverything = false

    /// The whole file, the header record's bytes (with its line break) and each row's bytes.
    func bytes() -> (file: [UInt8], header: [UInt8], rows: [[UInt8]]) {
        let headerBytes = record(header)
        let rowBytes = rows.map(record)
        var file: [UInt8] = hasBOM ? [0xEF, 0xBB, 0xBF] : []
        file += headerBytes
        for row in rowBytes { file += row }
        return (file, headerBytes, rowBytes)
    }

    func record(_ fields: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(delimiter) }
            let needsQuotes =
                quotesEverything || field.utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                || field.hasPrefix(" ")
            if needsQuotes {
                out.append(0x22)
                out += encode(field.replacingOccurrences(of: "\"", with: "\"\""))
                out.append(0x22)
            } else {
                out += encode(field)
            }
        }
        return out + lineBreak
    }

    func encode(_ text: String) -> [UInt8] {
        isWindows1252 ? (UserIDSet.windows1252(text) ?? Array(text.utf8)) : Array(text.utf8)
    }

    // MARK: generation

    static let names = ["Åsa Öberg", "Björn Sjöström", "Märta Lindqvist", "Göran Bäck", "Linnéa Nordén", "Per Ek"]
    static let descriptions = [
        "Visning av översikt", "Sökning; flik Beslut", "Anteckning \"Hembesök\" öppnad",
        "Rad ett\r\nrad två; med \"citat\"", "Rad ett\nrad två", "", "Utskrift – 3 sidor", "\"",
    ]

    /// `count` rows over March 2023 (and the first days of April) for `users`, in one of the common time
    /// forms each, shuffled so times are not in order.
    static func generated(count: Int, users: [String], seed: UInt64) -> ExportFixture {
        var random = SplitMix64(seed: seed)
        var fixture = ExportFixture()
        let start = LogTime(day: Day(year: 2023, month: 3, day: 1) ?? Day(daysSinceEpoch: 0)).seconds
        for _ in 0..<count {
            let seconds = start + Int(random.next() % UInt64(35 * 86_400))
            let user = users[Int(random.next() % UInt64(users.count))]
            fixture.rows.append([
                timeText(seconds, form: Int(random.next() % 5)), Int(random.next() % 9) == 0 ? " \(user) " : user,
                names[Int(random.next() % UInt64(names.count))], "Enhet \(random.next() % 3)",
                "SN-2023-\(10_000 + random.next() % 90_000)", "Läsning",
                descriptions[Int(random.next() % UInt64(descriptions.count))],
            ])
        }
        return fixture
    }

    /// A time in one of the forms exports use.
    static func timeText(_ seconds: Int, form: Int) -> String {
        let time = LogTime(seconds: seconds)
        let text = time.description  // YYYY-MM-DD HH:MM:SS
        let date = text.prefix(10)
        let clock = text.suffix(8)
        let parts = date.split(separator: "-")
        switch form {
        case 0: return text
        case 1: return "\(date)T\(clock)"
        case 2: return "\(parts[2]).\(parts[1]).\(parts[0]) \(clock.prefix(5))"
        case 3: return "\(parts[2]).\(parts[1]).\(parts[0]) \(clock)"
        default: return "\(date) \(clock.prefix(5))"
        }
    }

    // MARK: the independent selection

    /// The rows an extract must select, by CSVTable and Foundation's own date parsing: user among
    /// `officers`, time in `week`. Returns, per officer, the indices of `rows` in file order.
    static func expectedSelection(file: [UInt8], officers: [String], week: ISOWeek) throws -> [String: [Int]] {
        let table = try CSVTable.parse(file)
        let user = try table.requireColumn("Användare")
        let time = try table.requireColumn("Tidpunkt")
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let monday =
            calendar.date(
                from: DateComponents(weekday: 2, weekOfYear: week.week, yearForWeekOfYear: week.year)) ?? Date()
        let nextMonday = monday.addingTimeInterval(7 * 86_400)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = calendar.timeZone
        let forms = [
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm",
            "yyyy-MM-dd HH:mm",
        ]
        var selected: [String: [Int]] = [:]
        for (index, row) in table.rows.enumerated() {
            let id = row.fields[user].trimmingCharacters(in: .whitespaces)
            guard officers.contains(id) else { continue }
            let text = row.fields[time]
            let date = forms.lazy.compactMap { form -> Date? in
                formatter.dateFormat = form
                return formatter.date(from: text)
            }.first
            guard let date, date >= monday, date < nextMonday else { continue }
            selected[id, default: []].append(index)
        }
        return selected
    }
}

/// A log-check draw for tests: `officers` with units and managers, the given week.
func logCheckDraw(_ officers: [String], week: ISOWeek, managers: [String: String] = [:], id: String = "K1-1")
    -> DrawRecord
{
    DrawRecord(
        id: DrawID(rawValue: id), control: "K1", seed: (try? Seed("test")) ?? Seed.generate(), isSeedGenerated: false,
        rule: SampleRule(
            size: .logCheck(users: officers.count), keyColumn: "Användare", carry: ["Enhet", "Chef"],
            unitColumn: "Enhet", managerColumn: "Chef"),
        period: "2023-03", date: Day(year: 2023, month: 4, day: 3) ?? Day(daysSinceEpoch: 0),
        population: PopulationSummary(
            file: "handlaggare.csv", count: 40, fingerprint: String(repeating: "0", count: 64)),
        week: week,
        items: officers.map { officer in
            DrawnItem(key: officer, carried: ["Enhet": "Enhet A", "Chef": managers[officer] ?? "Chef Å"])
        })
}

/// A fresh folder under the temporary directory, removed when the value goes away.
final class LogCheckFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("stickprov-logcheck-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` and returns the path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The bytes of `name`.
    func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
    }

    /// The names in a subfolder (hidden ones too), sorted; empty when it does not exist.
    func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + folder)) ?? []).sorted()
    }
}
