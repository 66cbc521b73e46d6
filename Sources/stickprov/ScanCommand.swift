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
                full-width or other digits, invisible characters between the digits (the text is
                NFKC-normalised). It reads what a reader of the file sees: a Word document (.docx) or workbook
                (.xlsx) by the text of its parts (paragraph or cell numbers instead of lines), HTML and XML
                without their tags and with character references decoded (1981<b>1218</b>-&#57;876 is
                found). Text files of any size are read a megabyte at a time. Exit status 0 when nothing is
                found, 1 when something is (or a file cannot be read).
                """,
            arguments: [
                ArgumentSpec(
                    "FILE", help: "Files to scan (Word .docx, Excel .xlsx, HTML, Markdown, CSV, text).",
                    isVariadic: true)
            ],
            examples: [
                "stickprov scan bilaga1-2023.html bilaga1-2023.docx",
                "stickprov scan Plans/socialnamnden-2023/journal.jsonl urval-*.csv",
            ]),
        run: { arguments, console in
            var found: [String] = []
            for path in arguments.arguments {
                do {
                    let findings = try PersonalDataScan.scan(contentsOf: path)
                    found += findings.map { finding in
                        let place = finding.part.map { "\(path): \($0), text block \(finding.line)" }
                        return "\(place ?? "\(path):\(finding.line)"): personnummer-shaped number \(finding.masked)"
                    }
                    if findings.isEmpty { console.line("\(path): no personnummer found") }
                } catch let error as ScanError {
                    if case .file(let error) = error, let line = error.line {
                        found.append("\(path):\(line): \(error.message)")
                    } else {
                        found.append("\(path): \(error.message)")
                    }
                }
            }
            if !found.isEmpty { throw DataError(lines: found) }
        })
}
