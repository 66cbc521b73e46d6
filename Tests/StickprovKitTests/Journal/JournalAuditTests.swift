import Foundation
import Testing

@testable import StickprovKit

/// A line's form (a key given twice, a field the tool does not read) is judged the same whichever way
/// the journal reads the line: the fast reader of outcomes and draw items, or `JSONDecoder` alone.
@Suite struct JournalAuditTests {
    static let prev = JournalLine.firstPrev

    static func outcomeLine(_ data: String, top: String = "") -> String {
        #"{"actor":"a","data":{"# + data + #"},"prev":""# + prev + #"","seq":1,"time":"t","type":"outcome""# + top
            + "}"
    }

    static func drawLine() -> String {
        let record = DrawRecord(
            id: "K3-2", control: "K3", seed: (try? Seed("frö")) ?? Seed.generate(), isSeedGenerated: true,
            rule: SampleRule(size: .count(2), keyColumn: "Ärendenummer", carry: ["Handläggare"]),
            period: "2023-05-15", date: Day(year: 2023, month: 5, day: 15) ?? .placeholder,
            population: PopulationSummary(file: "p.csv", count: 50, fingerprint: String(repeating: "b", count: 64)),
            items: [
                DrawnItem(key: "SN-1", carried: ["Handläggare": "hl1"]), DrawnItem(key: "SN-2", isCertain: false),
            ],
            spares: [DrawnItem(key: "SN-3")])
        let line = JournalLine.encode(.draw(record), sequence: 1, time: "t", actor: "a", prev: prev)
        return String(decoding: line, as: UTF8.self)
    }

    /// The verdict of the journal's own reading (fast where it can) and of the decoder's alone.
    static func verdicts(_ text: String) throws -> (read: [String], decoder: [String]) {
        let line = Array(text.utf8)
        let read = try JournalLine.decodeAudited(line[...], line: 1)
        let alone = try JournalLine.decodeByFoundation(line[...], line: 1)
        #expect(read.event == alone.event)
        return (read.form, JournalAudit.form(of: line[...], decodedAs: alone.event))
    }

    static let plain = #""draw":"K3-1","isSpare":false,"key":"x","result":"ok""#

    @Test(
        arguments: [
            // (line, what both must say)
            (outcomeLine(plain), []),
            (outcomeLine(plain + #","note":null"#), []),
            (
                outcomeLine(#""draw":"K3-1","isSpare":false,"key":"x","key":"y","result":"ok""#),
                [
                    "'data.key' is given twice; JSON readers disagree on which one counts (this tool reads the first, jq the last), so the line does not say one thing"
                ]
            ),
            (
                outcomeLine(plain + #","reslut":"remark""#),
                ["'data.reslut' is not a field the tool reads (it would be ignored); did you mean 'result'?"]
            ),
            (
                outcomeLine(plain, top: #","type":"correction""#),
                [
                    "'type' is given twice; JSON readers disagree on which one counts (this tool reads the first, jq the last), so the line does not say one thing"
                ]
            ),
            (
                outcomeLine(plain, top: #","extra":{"deep":[{"x":1}]}"#),
                ["'extra' is not a field the tool reads (it would be ignored)"]
            ),
            (drawLine(), []),
            (
                drawLine().replacingOccurrences(of: #"{"key":"SN-2"}"#, with: #"{"key":"SN-2","certain":false}"#),
                []
            ),
            (
                drawLine().replacingOccurrences(of: #"{"key":"SN-2"}"#, with: #"{"key":"SN-2","weight":2}"#),
                ["'data.items[1].weight' is not a field the tool reads (it would be ignored)"]
            ),
            (
                drawLine().replacingOccurrences(of: #""hl1"}"#, with: #""hl1","Handläggare":"hl9"}"#),
                [
                    "'data.items[0].carried.Handläggare' is given twice; JSON readers disagree on which one counts (this tool reads the first, jq the last), so the line does not say one thing"
                ]
            ),
            (
                drawLine().replacingOccurrences(of: #""period":"#, with: #""period":"2023-01","period":"#),
                [
                    "'data.period' is given twice; JSON readers disagree on which one counts (this tool reads the first, jq the last), so the line does not say one thing"
                ]
            ),
            (
                drawLine().replacingOccurrences(of: #"{"key":"SN-3"}"#, with: #"{"key":"SN-3","x":1}"#),
                ["'data.spares[0].x' is not a field the tool reads (it would be ignored)"]
            ),
        ] as [(String, [String])])
    func bothReadingsGiveTheSameVerdict(_ text: String, _ expected: [String]) throws {
        let (read, decoder) = try Self.verdicts(text)
        #expect(read == expected, "\(text)")
        #expect(decoder == expected, "\(text)")
    }

    /// `plan signal remove yellow --force` supersedes the assessment naming it: that assessment is
    /// printed as superseded, so the names check must not refuse the journal (verify and report failed).
    @Test func anAssessmentAForcedChangeSupersededIsNotAMissingName() {
        var plan = ControlPlan(committee: "Kulturnämnden", year: 2023)
        plan.signals = SignalScale(levels: SignalScale.standard.levels.filter { $0.id != "yellow" })
        plan.addRisk(Risk(id: "R1", text: "Risk"))
        let assessment = JournalEvent(
            sequence: 1, time: "t", actor: "a",
            payload: .assessment(
                AssessmentRecord(target: .risk("R1"), point: .yearEnd, signal: "yellow", result: "", actions: "")))
        #expect(JournalAudit.names(in: [assessment], plan: plan).map(\.line) == [1])
        let superseded = SupersededAssessment(
            target: .risk("R1"), point: .yearEnd, signal: "yellow", signalName: "Gul",
            date: Day(year: 2023, month: 11, day: 10) ?? Day(daysSinceEpoch: 0), line: 1)
        let supersession = JournalEvent(
            sequence: 2, time: "t", actor: "a",
            payload: .supersession(
                SupersessionRecord(
                    assessments: [superseded], summary: "Removed signal yellow.",
                    date: Day(year: 2023, month: 11, day: 14) ?? Day(daysSinceEpoch: 0), decision: nil)))
        #expect(JournalAudit.names(in: [assessment, supersession], plan: plan).isEmpty)
    }

    @Test func everyLineOfTheExamplesHasItsForm() throws {
        for name in ["socialnamnden-2023", "vardomsorg-2024"] {
            let path = JournalLineReaderTests.example.replacingOccurrences(of: "socialnamnden-2023", with: name)
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path + "/journal.jsonl")))
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                let (read, decoder) = try Self.verdicts(String(decoding: line, as: UTF8.self))
                #expect(read.isEmpty && decoder.isEmpty, "\(name): \(read) \(decoder)")
            }
        }
    }

    @Test func meaningAcrossEventsIsCheckedInLineOrder() {
        func event(_ sequence: Int, _ payload: JournalPayload) -> JournalEvent {
            JournalEvent(sequence: sequence, time: "t", actor: "a", payload: payload)
        }
        let draw = JournalTests.draw(1)
        var extended = JournalTests.draw(2)
        if case .draw(var record) = extended {
            record.extends = "K1-7"
            extended = .draw(record)
        }
        let events = [
            event(1, .outcome(OutcomeRecord(draw: "K1-1", key: "SN-1", result: .ok))),
            event(2, draw), event(3, draw), event(4, extended),
        ]
        let problems = JournalAudit.meaning(of: events)
        #expect(problems.map(\.line) == [1, 3, 4])
        #expect(problems[0].message == "a result for draw K1-1, which no earlier line draws")
        #expect(problems[1].message.hasPrefix("draw K1-1 is drawn a second time (first on line 2)"))
        #expect(problems[2].message == "draw K1-2 extends draw K1-7, which no earlier line draws")
    }
}

/// The folder above a path, as plan creation walks up to find an enclosing plan.
@Suite struct PlanFolderParentTests {
    @Test(
        arguments: [
            ("a", "."), ("a/", "."), ("a/b", "a"), ("/a", "/"), ("/a/b/", "/a"), ("/", nil), (".", nil), ("", nil),
        ] as [(String, String?)])
    func theParentOfAPath(_ path: String, _ parent: String?) {
        #expect(PlanFolder.parent(of: path) == parent)
    }
}
