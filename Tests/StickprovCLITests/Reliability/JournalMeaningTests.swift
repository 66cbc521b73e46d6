import Foundation
import Testing

/// `verify` checks what the journal says, not only that its chain holds: a hostile user can rewrite
/// lines and recompute every `prev` and journal.head, so each rewrite below keeps the chain sound
/// and must still be named by its line. `report` and `status` refuse a journal naming what the plan lacks.
@Suite struct JournalMeaningTests {
    /// A copy of an example plan (plan.json, journal.jsonl, journal.head) in the folder `plan`.
    static func example(_ name: String = "socialnamnden-2023") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let source = CLI.packageRoot.appendingPathComponent("Plans/\(name)")
        try FileManager.default.createDirectory(at: folder.file("plan"), withIntermediateDirectories: true)
        for file in ["plan.json", "journal.jsonl", "journal.head"] {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(file), to: folder.file("plan/\(file)"))
        }
        return folder
    }

    static func lines(_ folder: TemporaryFolder) throws -> [String] {
        try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8).split(separator: "\n").map(
            String.init)
    }

    /// Writes `lines` as the plan's journal with every `seq`, `prev` and journal.head recomputed (by
    /// Python's hashlib, a second implementation), as a hostile user would: the chain stays sound.
    static func rechain(_ lines: [String], in folder: TemporaryFolder) throws {
        try folder.write("lines.jsonl", lines.joined(separator: "\n") + "\n")
        let script = """
            import hashlib, re, sys
            lines = open(sys.argv[1], 'rb').read().split(b'\\n')[:-1]
            prev, out = b'0' * 64, []
            for number, line in enumerate(lines, 1):
                at = line.rfind(b'"seq":') + 6
                end = at + len(re.match(rb'[0-9]+', line[at:]).group(0))
                line = line[:at] + str(number).encode() + line[end:]
                at = line.rfind(b'"prev":"') + 8
                line = line[:at] + prev + line[at + 64:]
                out.append(line)
                prev = hashlib.sha256(line).hexdigest().encode()
            data = b''.join(line + b'\\n' for line in out)
            open(sys.argv[2], 'wb').write(data)
            open(sys.argv[3], 'w').write('%d %d %s\\n' % (len(out), len(data), prev.decode()))
            """
        let result = try CLI.run(
            program: URL(fileURLWithPath: SampleCommandTests.python ?? "/usr/bin/python3"),
            [
                "-c", script, folder.file("lines.jsonl").path, folder.file("plan/journal.jsonl").path,
                folder.file("plan/journal.head").path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The first line of `lines` whose type is `type` (and that contains `containing`), with its 0-based index.
    static func first(_ lines: [String], type: String, containing: String = "") throws -> (Int, String) {
        try #require(
            lines.enumerated().first {
                $0.element.contains("\"type\":\"\(type)\"") && (containing.isEmpty || $0.element.contains(containing))
            }
            .map { ($0.offset, $0.element) })
    }

    /// Runs `verify` and expects exit 1 with exactly `problems` after the chain's line.
    static func expectVerify(
        _ folder: TemporaryFolder, _ problems: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.status == 1, "\(verify.stdout)", sourceLocation: sourceLocation)
        #expect(verify.stdout.contains("chain intact"), sourceLocation: sourceLocation)
        #expect(
            verify.stderr == problems.map { "plan/journal.jsonl:\($0)\n" }.joined(), sourceLocation: sourceLocation)
    }

    @Test(arguments: ["socialnamnden-2023", "vardomsorg-2024"])
    func theExamplesMeanWhatTheySay(_ name: String) throws {
        let folder = try Self.example(name)
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stderr.isEmpty, "\(verify.stderr)")
        // Re-chaining alone changes nothing that verify checks beyond the noted hash.
        try Self.rechain(try Self.lines(folder), in: folder)
        #expect(try CLI.run(["verify", "--plan", "plan"], in: folder.url).status == 0)
    }

    @Test func aSecondDrawOfTheSameIDIsNamed() throws {
        let folder = try Self.example()
        var lines = try Self.lines(folder)
        let (_, draw) = try Self.first(lines, type: "draw", containing: "\"id\":\"K2-1\"")
        lines.append(draw)
        try Self.rechain(lines, in: folder)
        try Self.expectVerify(
            folder,
            [
                "317: draw K2-1 is drawn a second time (first on line 14); a draw id names one draw, so its results could not be told apart"
            ])
    }

    @Test func resultsForUnknownDrawsKeysOrPointsAreNamed() throws {
        let folder = try Self.example()
        var lines = try Self.lines(folder)
        let (_, outcome) = try Self.first(lines, type: "outcome", containing: "\"draw\":\"K3-1\"")
        let key = try #require(outcome.firstMatch(of: /"key":"([^"]+)"/)?.1)
        lines.append(outcome.replacingOccurrences(of: "\"draw\":\"K3-1\"", with: "\"draw\":\"K3-9\""))
        lines.append(outcome.replacingOccurrences(of: "\"key\":\"\(key)\"", with: "\"key\":\"SN-2023-9999\""))
        lines.append(
            outcome.replacingOccurrences(of: "\"draw\":\"K3-1\"", with: "\"control\":\"K2\",\"draw\":\"K3-1\""))
        lines.append(
            outcome.replacingOccurrences(of: "\"draw\":\"K3-1\"", with: "\"draw\":\"K3-9\"").replacingOccurrences(
                of: "\"type\":\"outcome\"", with: "\"type\":\"correction\""))
        try Self.rechain(lines, in: folder)
        try Self.expectVerify(
            folder,
            [
                "317: a result for draw K3-9, which no earlier line draws",
                "318: a result for 'SN-2023-9999', which draw K3-1 (line 15) did not draw",
                "319: a result for control point K2, which draw K3-1 was not drawn for (K3)",
                "320: a correction for draw K3-9, which no earlier line draws",
            ])
    }

    @Test func unknownFieldsAreNamedWhereverTheyAre() throws {
        let folder = try Self.example()
        var lines = try Self.lines(folder)
        let (at, outcome) = try Self.first(lines, type: "outcome")
        lines[at] = outcome.replacingOccurrences(of: "\"isSpare\":", with: "\"approved\":true,\"isSpare\":")
        let (drawAt, draw) = try Self.first(lines, type: "draw", containing: "\"id\":\"K2-1\"")
        // In a drawn item (read by the fast reader), in the rule, and at the top.
        lines[drawAt] = draw.replacingFirst("{\"key\":", with: "{\"evil\":\"1\",\"key\":")
            .replacingOccurrences(of: "\"rule\":{", with: "\"rule\":{\"keyColum\":\"Personnummer\",")
            .replacingOccurrences(of: "\"type\":\"draw\"", with: "\"type\":\"draw\",\"zz\":{\"a\":1}")
        try Self.rechain(lines, in: folder)
        try Self.expectVerify(
            folder,
            [
                "14: 'data.items[0].evil' is not a field the tool reads (it would be ignored)",
                "14: 'data.rule.keyColum' is not a field the tool reads (it would be ignored); did you mean 'keyColumn'?",
                "14: 'zz' is not a field the tool reads (it would be ignored)",
                "\(at + 1): 'data.approved' is not a field the tool reads (it would be ignored)",
            ])
    }

    @Test func aKeyGivenTwiceIsNamedHoweverTheLineIsRead() throws {
        let folder = try Self.example()
        var lines = try Self.lines(folder)
        let (at, outcome) = try Self.first(lines, type: "outcome", containing: "\"result\":\"ok\"")
        // jq reads the last "result" (a remark), this tool the first (ok): the line says two things.
        lines[at] = outcome.replacingOccurrences(
            of: "\"result\":\"ok\"", with: "\"result\":\"ok\",\"result\":\"remark\"")
        let (measureAt, measurement) = try Self.first(lines, type: "measurement")
        lines[measureAt] = measurement.replacingOccurrences(of: "\"type\":", with: "\"actor\":\"någon\",\"type\":")
        let (drawAt, draw) = try Self.first(lines, type: "draw", containing: "\"id\":\"K3-1\"")
        lines[drawAt] = draw.replacingFirst("\"key\":\"", with: "\"key\":\"X\",\"key\":\"")
        // The tool reads the first key, X, so the result recorded for the item's real key has no item.
        let key = String(try #require(draw.firstMatch(of: /"key":"([^"]+)"/)?.1))
        let (resultAt, _) = try Self.first(lines, type: "outcome", containing: "\"key\":\"\(key)\"")
        try Self.rechain(lines, in: folder)
        let given =
            "is given twice; JSON readers disagree on which one counts (this tool reads the first, jq the last), so the line does not say one thing"
        let expected = [
            (15, "'data.items[0].key' \(given)"), (at + 1, "'data.result' \(given)"),
            (resultAt + 1, "a result for '\(key)', which draw K3-1 (line 15) did not draw"),
            (measureAt + 1, "'actor' \(given)"),
        ]
        try Self.expectVerify(folder, expected.sorted { $0.0 < $1.0 }.map { "\($0.0): \($0.1)" })
    }

    @Test func anEventTypeTheToolDoesNotKnowIsNamed() throws {
        let folder = try Self.example()
        var lines = try Self.lines(folder)
        let (_, measurement) = try Self.first(lines, type: "measurement")
        lines.append(measurement.replacingOccurrences(of: "\"type\":\"measurement\"", with: "\"type\":\"bribe\""))
        try Self.rechain(lines, in: folder)
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.status == 1)
        #expect(
            verify.stderr.hasPrefix(
                "plan/journal.jsonl:317: event type 'bribe' is from a newer Stickprov; update the tool to read this journal"
            ), "\(verify.stderr)")
    }

    @Test func pointsLevelsAndCriteriaThePlanLacksAreNamed() throws {
        let folder = try Self.example()
        var lines = try Self.lines(folder)
        let (_, measurement) = try Self.first(lines, type: "measurement")
        lines.append(measurement.replacingOccurrences(of: "\"control\":\"K4\"", with: "\"control\":\"K9\""))
        let (_, assessment) = try Self.first(lines, type: "assessment", containing: "\"point\":\"interim\"")
        let signal = try #require(assessment.firstMatch(of: /"signal":"([^"]+)"/)?.1)
        lines.append(assessment.replacingOccurrences(of: "\"signal\":\"\(signal)\"", with: "\"signal\":\"purple\""))
        lines.append(
            assessment.replacing(/"target":\{"control":"K[0-9]+"\}/, with: "\"target\":{\"risk\":\"R9\"}"))
        try Self.rechain(lines, in: folder)
        let lacks =
            "(removed or renamed in plan.json?); what it records would be left out of Bilaga 1: give the plan that id back"
        try Self.expectVerify(
            folder,
            [
                "317: a measurement of control point K9, which the plan does not have \(lacks)",
                "318: an assessment at delårsbokslut as 'purple', which is not a level of the plan's signals any more; give that id back (its label may change)",
                "319: an assessment of risk R9, which the plan does not have \(lacks)",
            ])
    }

    /// plan.json edited by hand to take away what the journal names: `report` and `status` refuse,
    /// naming the line, instead of leaving its records out of Bilaga 1.
    @Test func reportAndStatusRefuseAJournalNamingWhatThePlanNoLongerHas() throws {
        let folder = try Self.example()
        let lines = try Self.lines(folder)
        let (at, assessment) = try Self.first(lines, type: "assessment", containing: "\"signal\":\"yellow\"")
        _ = assessment
        var plan = try String(contentsOf: folder.file("plan/plan.json"), encoding: .utf8)
        plan = plan.replacingOccurrences(of: "\"id\" : \"yellow\"", with: "\"id\" : \"amber\"")
        try plan.write(to: folder.file("plan/plan.json"), atomically: true, encoding: .utf8)
        let message =
            "plan/journal.jsonl:\(at + 1): an assessment at \(assessment.contains("\"point\":\"interim\"") ? "delårsbokslut" : "årsbokslut") as 'yellow', which is not a level of the plan's signals any more"
        for arguments in [
            ["report", "--plan", "plan"], ["report", "--plan", "plan", "--point", "delår"],
            ["status", "--plan", "plan"],
            ["verify", "--plan", "plan"],
        ] {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains("# Bilaga 1"), "\(arguments)")
        }
    }

    @Test func aCriterionTakenOutOfPlanJsonByHandIsNamedByReport() throws {
        let folder = try Self.example("vardomsorg-2024")
        let lines = try Self.lines(folder)
        let criterion = "Uppföljning mot målen i genomförandeplanen"
        let (at, _) = try Self.first(lines, type: "outcome", containing: criterion)
        var plan = try String(contentsOf: folder.file("plan/plan.json"), encoding: .utf8)
        #expect(plan.contains("\"\(criterion)\""))
        plan = plan.replacingOccurrences(of: "\"\(criterion)\",", with: "").replacingOccurrences(
            of: ",\n            \"\(criterion)\"", with: "")
        try plan.write(to: folder.file("plan/plan.json"), atomically: true, encoding: .utf8)
        for arguments in [["report", "--plan", "plan"], ["status", "--plan", "plan"]] {
            let result = try CLI.run(arguments, in: folder.url)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            let first = try #require(result.stderr.split(separator: "\n").first)
            #expect(
                first.hasPrefix("plan/journal.jsonl:\(at + 1): a result of '")
                    && first.contains("against criterion '\(criterion)', which control point"),
                "\(arguments): \(first)")
        }
    }

    @Test func aControlPointTakenOutOfPlanJsonByHandIsNamedByStatus() throws {
        let folder = try Self.example()
        var plan = try String(contentsOf: folder.file("plan/plan.json"), encoding: .utf8)
        plan = plan.replacingOccurrences(of: "\"id\" : \"K4\"", with: "\"id\" : \"K40\"")
        try plan.write(to: folder.file("plan/plan.json"), atomically: true, encoding: .utf8)
        let lines = try Self.lines(folder)
        let (at, _) = try Self.first(lines, type: "measurement")
        let result = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "plan/journal.jsonl:\(at + 1): a measurement of control point K4, which the plan does not have (removed or renamed in plan.json?)"
            ), "\(result.stderr)")
    }
}

extension String {
    /// The text with the first `target` replaced.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
