import Foundation
import Testing

/// Every single-event append reads only `journal.head`, the last line and what its decision needs:
/// a line further back that is chained but does not decode stops none of them, while `status` and
/// `verify` still name it.
@Suite struct AppendReadingCommandTests {
    /// The example plan (adopted) with a line that does not decode (a draw without its fields) and a
    /// measurement after it, chained, under a head that names the new length.
    static func exampleWithAnUndecodableLine() throws -> (TemporaryFolder, bad: Int) {
        let folder = try TemporaryFolder()
        let example = CLI.packageRoot.appendingPathComponent("Plans/socialnamnden-2023")
        try FileManager.default.createDirectory(at: folder.file("plan"), withIntermediateDirectories: true)
        for name in ["plan.json", "journal.jsonl"] {
            try FileManager.default.copyItem(at: example.appendingPathComponent(name), to: folder.file("plan/\(name)"))
        }
        var lines = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let bad = lines.count + 1
        lines.append(
            #"{"actor":"exempel","data":{},"prev":"\#(SHA256Hex.of(lines[lines.count - 1]))","seq":\#(bad),"time":"2023-12-01T10:00:00+01:00","type":"draw"}"#
        )
        lines.append(
            #"{"actor":"exempel","data":{"control":"K4","date":"2023-11-30","unit":"%","value":"47"},"prev":"\#(SHA256Hex.of(lines[lines.count - 1]))","seq":\#(bad + 1),"time":"2023-12-01T10:00:00+01:00","type":"measurement"}"#
        )
        let text = lines.joined(separator: "\n") + "\n"
        try folder.write("plan/journal.jsonl", text)
        try folder.write(
            "plan/journal.head", "\(lines.count) \(text.utf8.count) \(SHA256Hex.of(lines[lines.count - 1]))\n")
        return (folder, bad)
    }

    @Test func appendsSucceedPastAnUndecodableLineThatStatusNames() throws {
        let (folder, bad) = try Self.exampleWithAnUndecodableLine()
        let status = try CLI.run(["status", "--plan", "plan"], in: folder.url)
        #expect(status.status == 1)
        #expect(status.stderr.contains("journal.jsonl:\(bad): not a journal event"), "\(status.stderr)")
        let appends: [[String]] = [
            ["measure", "K4", "--value", "48", "--unit", "%", "--target", "50", "--date", "2023-12-31"],
            [
                "assess", "K3", "--point", "årsbokslut", "--signal", "green", "--result", "Målet nåddes.", "--date",
                "2023-12-20",
            ],
            ["provider", "comment", "--text", "Inga avvikelser."],
            ["plan", "edit", "--title", "Internkontrollplan 2023 (reviderad)", "--decision", "SN 2023-06-14 § 77"],
            ["record", "K1-1", "hl039", "--not-reviewed", "Akten var utlånad", "--date", "2023-12-20"],
        ]
        var count = bad + 1
        for arguments in appends {
            let result = try CLI.run(arguments + ["--plan", "plan"], in: folder.url)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
            count += 1
            let head = try String(contentsOf: folder.file("plan/journal.head"), encoding: .utf8)
            #expect(head.hasPrefix("\(count) "), "\(arguments[0]) appended one line")
        }
        let verify = try CLI.run(["verify", "--plan", "plan"], in: folder.url)
        #expect(verify.status == 1)
        #expect((verify.stdout + verify.stderr).contains("journal.jsonl:\(bad):"), "\(verify.stderr)")
    }
}
