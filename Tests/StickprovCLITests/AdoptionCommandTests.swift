import Foundation
import Testing

@Suite struct AdoptionCommandTests {
    static func sha256sum(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    @Test func aHandEditOfAnAdoptedPlanMakesVerifyFail() throws {
        let folder = try DrawCommandTests.setUp()
        let adopt = try CLI.run(
            ["plan", "adopt", "--plan", "plan", "--date", "2022-12-14", "--paragraph", "§ 123"], in: folder.url)
        #expect(adopt.status == 0, "\(adopt.stderr)")
        let bytes = try Data(contentsOf: folder.file("plan/plan.json"))
        let hash = String(try #require(adopt.stdout.split(separator: " ").last).dropLast(2))
        // What is pinned is what sha256sum says of the file.
        #expect(try Self.sha256sum(folder.file("plan/plan.json")) == hash)
        let ok = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(
            ok.stdout.contains(
                "plan/plan.json: the plan adopted 2022-12-14 § 123; SHA-256 \(hash) as recorded on journal line 1"))

        // A hand edit: same JSON, one responsible changed.
        let text = String(decoding: bytes, as: UTF8.self)
        try folder.write(
            "plan/plan.json", text.replacingOccurrences(of: "\"text\" : \"Granskning", with: "\"text\" : \"Kontroll"))
        let edited = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(edited.status == 1)
        #expect(
            edited.stderr.hasPrefix(
                "plan/plan.json: differs from the adopted plan recorded on journal line 1 (SHA-256 \(hash.prefix(12))…")
        )
        // Changes through the CLI are refused until the hand edit is recorded or undone.
        let refused = try CLI.run(
            ["plan", "edit", "K1", "--plan", "plan", "--responsible", "Systemförvaltare"], in: folder.url)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasSuffix("Nothing was changed.\n"))
        let amend = try CLI.run(
            ["plan", "amend", "--plan", "plan", "--what", "Texten för K2 ändrad", "--decision", "SN 2023-03-15 § 40"],
            in: folder.url)
        #expect(amend.status == 0, "\(amend.stderr)")
        #expect(try CLI.run(["verify", "--plan", "plan"], in: folder.url).status == 0)
    }

    @Test func changesThroughTheCLIAreRecordedAsAmendmentsAndTheAppendixSaysSo() throws {
        let folder = try DrawCommandTests.setUp()
        #expect(
            try CLI.run(
                ["plan", "adopt", "--plan", "plan", "--date", "2022-12-14", "--paragraph", "§ 123"], in: folder.url
            ).status == 0)
        let edit = try CLI.run(
            [
                "plan", "edit", "K1", "--plan", "plan", "--responsible", "Rättshandläggare", "--decision",
                "SN 2023-06-14 § 77",
            ], in: folder.url)
        #expect(edit.status == 0, "\(edit.stderr)")
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        let last = try #require(journal.split(separator: "\n").last)
        #expect(last.contains(#""type":"amendment""#) && last.contains(#""decision":"SN 2023-06-14 § 77""#))
        #expect(last.contains(#""changes":["risks[0].controls[0].responsible"]"#))
        #expect(try CLI.run(["verify", "--plan", "plan"], in: folder.url).status == 0)
        let report = try CLI.run(["report", "--plan", "plan"], in: folder.url)
        #expect(
            report.stdout.contains(
                "\nInternkontrollplanen antogs av nämnden 2022-12-14, § 123, och ändrades 2023-06-14 (SN 2023-06-14 § 77).\n"
            ))
        let personal = try CLI.run(
            ["plan", "adopt", "--plan", "plan", "--date", "2022-12-14", "--paragraph", "811218-9876"], in: folder.url)
        #expect(personal.status == 1)
    }
}
