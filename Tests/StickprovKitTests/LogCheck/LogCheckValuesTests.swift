import Foundation
import Testing

@testable import StickprovKit

@Suite struct LogCheckValuesTests {
    @Test(arguments: [
        ("2023-03-14 09:12:33", "2023-03-14 09:12:33"),
        ("2023-03-14T09:12:33", "2023-03-14 09:12:33"),
        ("2023-03-14 09:12", "2023-03-14 09:12:00"),
        ("14.03.2023 09:12", "2023-03-14 09:12:00"),
        ("14.03.2023 09:12:33", "2023-03-14 09:12:33"),
        ("  2023-03-14 09:12:33  ", "2023-03-14 09:12:33"),
        ("2023-03-14 09:12:33.250", "2023-03-14 09:12:33"),
        ("2023-03-14 09:12:33,5", "2023-03-14 09:12:33"),
        ("2024-02-29 23:59:59", "2024-02-29 23:59:59"),
        ("1969-12-31 23:59:59", "1969-12-31 23:59:59"),
    ])
    func readsTheCommonExportForms(text: String, expected: String) throws {
        #expect(try #require(LogTime(text)).description == expected)
    }

    @Test(arguments: [
        "", "2023-03-14", "2023-03-14 9:12", "2023-02-29 10:00:00", "2023-03-14 24:00:00", "2023-03-14 09:60",
        "2023-03-14 09:12:33Z", "2023-03-14 09:12:33+01:00", "14/03/2023 09:12", "03.14.2023 09:12",
        "2023-03-14 09:12:3", "2023-03-14 09:12:33.", "2023-03-14_09:12:33", "x023-03-14 09:12:33",
    ])
    func refusesAnythingElse(text: String) {
        #expect(LogTime(text) == nil)
    }

    @Test func theWeeksWindowIncludesBothEnds() throws {
        let window = LogWindow(week: ISOWeek(year: 2023, week: 11))
        #expect(window.description == "2023-W11 (Monday 2023-03-13 00:00:00 to Sunday 2023-03-19 23:59:59)")
        #expect(window.contains(try #require(LogTime("2023-03-13 00:00:00"))))
        #expect(window.contains(try #require(LogTime("2023-03-19 23:59:59"))))
        #expect(!window.contains(try #require(LogTime("2023-03-12 23:59:59"))))
        #expect(!window.contains(try #require(LogTime("2023-03-20 00:00:00"))))
    }

    @Test func fileNamesNeverClimbOrHide() {
        #expect(SafeFileName.part("anna.berg") == "anna.berg")
        #expect(SafeFileName.part("../../etc/passwd") == "etc-passwd")
        #expect(SafeFileName.part("..") == "x")
        #expect(SafeFileName.part("a/b\\c") == "a-b-c")
        #expect(SafeFileName.part("Enhetschef Åsa Öberg-Ström") == "Enhetschef-Asa-Oberg-Strom")
        #expect(SafeFileName.part(".hidden..name.") == "hidden.name")
        #expect(SafeFileName.part("") == "x")
        #expect(SafeFileName.part(String(repeating: "a", count: 100)).count == 60)
        let names = SafeFileName.unique(["Åsa", "Asa", "asa", "Björn"], prefix: "logg-K1-3")
        #expect(names == ["logg-K1-3-Asa.csv", "logg-K1-3-Asa-2.csv", "logg-K1-3-asa-3.csv", "logg-K1-3-Bjorn.csv"])
    }

    @Test func userIDsMatchAsBytesInEitherEncoding() {
        let set = UserIDSet(["u3", "anna.berg", "örjan", "a-very-long-user-id-of-many-bytes"])
        func lookup(_ bytes: [UInt8]) -> Int {
            (bytes + [0, 0, 0, 0, 0, 0, 0, 0]).withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { set.officer($0, bytes.count) } ?? -1
            }
        }
        #expect(lookup(Array("u3".utf8)) == 0)
        #expect(lookup(Array("anna.berg".utf8)) == 1)
        #expect(lookup(Array("örjan".utf8)) == 2)
        #expect(lookup([0xF6] + Array("rjan".utf8)) == 2)  // Windows-1252
        #expect(lookup(Array("a-very-long-user-id-of-many-bytes".utf8)) == 3)
        #expect(lookup(Array("u".utf8)) == -1)
        #expect(lookup(Array("u33".utf8)) == -1)
        #expect(lookup(Array("U3".utf8)) == -1)  // case is kept, as for keys
        #expect(lookup([]) == -1)
        // Many ids, none lost to collisions.
        let many = (0..<500).map { "handl\($0)" }
        let big = UserIDSet(many)
        for (index, id) in many.enumerated() {
            let bytes = Array(id.utf8) + [0, 0, 0, 0, 0, 0, 0, 0]
            #expect(
                bytes.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { big.officer($0, id.utf8.count) } }
                    == index)
        }
    }

    @Test func theQuickEncodingLookAgreesWithAFullValidation() {
        let pieces: [[UInt8]] = [
            Array("a;b".utf8), Array("Åsa".utf8), Array("–".utf8), Array("😀".utf8), [0xE5], [0x81], [0xC0, 0x80],
            [0xC3], [0xA5], [0xED, 0xA0, 0x80], [0xC3, 0xA4, 0xC3, 0xB6], Array("12345678".utf8),
        ]
        var random = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let offset = Int(random.next() % 8)
            var bytes = [UInt8](repeating: 0xFF, count: offset)
            for _ in 0..<Int(random.next() % 10) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
            let record = Array(bytes[offset...])
            bytes += [UInt8](repeating: 0xC3, count: 16)  // what follows the record must not matter
            let summary = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { EncodingSummary($0, offset, offset + record.count) }
            }
            let isValid = record.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) == nil }
            #expect(summary?.hasHighBytes == record.contains { $0 >= 0x80 })
            #expect(summary?.hasContinuationBytes == record.contains { (0x80...0xBF).contains($0) })
            #expect(summary?.isSimpleUTF8 == (isValid && !record.contains { $0 >= 0xE0 }), "\(record)")
        }
    }

    @Test func aLogCheckRuleCarriesUnitAndManagerOnce() throws {
        let control = ControlPoint(
            id: "K1", text: "t", method: .sample,
            sampleRule: SampleRule(
                size: .logCheck(users: 15), keyColumn: "Användare", carry: ["Enhet"], managerColumn: "Chef"))
        let rule = try LogCheckDraw.rule(for: control, key: nil, unit: "enhet", manager: nil)
        #expect(rule.carry == ["Enhet", "Chef"])
        #expect(rule.unitColumn == "enhet")
        #expect(rule.keyColumn == "Användare")
        let record = DrawRecord(
            id: "K1-1", control: "K1", seed: try Seed("s"), isSeedGenerated: false,
            rule: SampleRule(
                size: .logCheck(users: 15), keyColumn: "Användare", carry: ["ENHET", "CHEF"], unitColumn: "enhet",
                managerColumn: "Chef"),
            period: "2023-03", date: Day(year: 2023, month: 3, day: 1) ?? .placeholder,
            population: PopulationSummary(file: "f", count: 1, fingerprint: ""), items: [])
        let spelled = LogCheckDraw.spellingColumns(of: record, asked: rule)
        #expect(spelled.rule.unitColumn == "ENHET")
        #expect(spelled.rule.managerColumn == "CHEF")
        let counted = ControlPoint(id: "K2", text: "t", method: .sample, sampleRule: SampleRule(size: .count(25)))
        #expect(throws: LogCheckError.notALogCheckControl("K2", .count(25))) {
            try LogCheckDraw.rule(for: counted, key: nil, unit: nil, manager: nil)
        }
    }

    @Test func theLogColumnsRoundTripThroughPlanJSON() throws {
        var plan = ControlPlan(committee: "Socialnämnden", year: 2023)
        plan.addRisk(Risk(id: "R1", text: "r"))
        try plan.addControl(
            ControlPoint(
                id: "K1", text: "t", method: .sample,
                sampleRule: SampleRule(
                    size: .logCheck(users: 15), keyColumn: "Användare", carry: ["Enhet", "Chef"], unitColumn: "Enhet",
                    managerColumn: "Chef", logUserColumn: "Användar-id", logTimeColumn: "Tidpunkt")),
            to: "R1")
        let bytes = PlanFile.encode(plan)
        let again = try PlanFile.decode(bytes, path: "plan.json")
        #expect(again == plan)
        #expect(PlanFile.encode(again) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"logTimeColumn\" : \"Tidpunkt\""))
        #expect(text.contains("\"managerColumn\" : \"Chef\""))
        // Empty names are refused with their place.
        let json = text.replacingOccurrences(of: "\"Tidpunkt\"", with: "\" \"")
        #expect(throws: PlanError.self) { try PlanFile.decode(Data(json.utf8), path: "plan.json") }
        do {
            _ = try PlanFile.decode(Data(json.utf8), path: "plan.json")
        } catch {
            #expect(error.messages.contains { $0.hasSuffix("risks[0].controls[0].sampleRule.logTimeColumn: is empty") })
        }
    }
}
