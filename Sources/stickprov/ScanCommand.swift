import Arguments
import StickprovKit

/// `stickprov scan`: a last check for personal identity numbers before publishing.
enum ScanCommand {
    static let command = Command(
        spec: CommandSpec(
            path: ["scan"], abstract: "Report personnummer-shaped strings in files, before publishing them.",
            discussion: """
                Looks for personnummer and samordningsnummer (YYMMDD-NNNN, YYYYMMDDNNNN, with + or without a
                dash; the date must exist and the check digit must be valid) and prints file:line with the
                number masked. Found however written: spaces or dashes between the parts (19811218 - 9876),
                full-width or other digits, invisible characters between the digits (the text is NFKC-normalised). Exit status 0 when nothing is found, 1 when something is (or a file cannot be read).
                """,
            arguments: [ArgumentSpec("FILE", help: "Files to scan (HTML, Markdown, CSV, text).", isVariadic: true)],
            examples: [
                "stickprov scan bilaga1-2023.html", "stickprov scan Plans/socialnamnden-2023/journal.jsonl urval-*.csv",
            ]),
        run: { arguments, console in
            var found: [String] = []
            for path in arguments.arguments {
                do {
                    let findings = try PersonalDataScan.scan(contentsOf: path)
                    found += findings.map { "\(path):\($0.line): personnummer-shaped number \($0.masked)" }
                    if findings.isEmpty { console.line("\(path): no personnummer found") }
                } catch let error as CSVError {
                    found.append(error.line.map { "\(path):\($0): \(error.message)" } ?? "\(path): \(error.message)")
                }
            }
            if !found.isEmpty { throw DataError(lines: found) }
        })
}
