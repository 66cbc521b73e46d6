import Foundation
import Testing

@testable import StickprovKit

/// User text in the Markdown appendix stays text: escaping cases one by one, then the whole
/// document read by python-markdown and pandoc as a user would.
@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("Socialnämnden <script>alert(1)</script>", "Socialnämnden &lt;script>alert(1)&lt;/script>"),
        ("[länk](javascript:alert(1))", #"\[länk\](javascript:alert(1))"#),
        ("![bild](https://example.org/x.png)", #"!\[bild\](https://example.org/x.png)"#),
        ("<https://example.org>", "&lt;https://example.org>"),
        ("*viktigt* och **mycket**", #"\*viktigt\* och \*\*mycket\*\*"#),
        ("_viktigt_ och __mycket__", #"\_viktigt\_ och \_\_mycket\_\_"#),
        ("`kod` och ``mer``", #"\`kod\` och \`\`mer\`\`"#),
        ("37 % | 48 %", #"37 % \| 48 %"#),
        ("~~struket~~ och H~2~O", "&#126;&#126;struket&#126;&#126; och H&#126;2&#126;O"),
        ("2^10^ och $x$", "2&#94;10&#94; och &#36;x&#36;"),
        ("&amp; och &#36; men A & O", "&amp;amp; och &amp;#36; men A & O"),
        (#"C:\mapp\*"#, #"C:\\mapp\\\*"#),
        ("rad ett\nrad två\r\nrad tre", "rad ett rad två rad tre"),
        ("ljud\u{7}lös", "ljudlös"),
        (
            "Barn- och utbildningsnämnden (BUN), 2023-12-31: 48 procent.",
            "Barn- och utbildningsnämnden (BUN), 2023-12-31: 48 procent."
        ),
    ])
    func inlineTextIsEscaped(typed: String, escaped: String) {
        #expect(MarkdownText.inline(typed) == escaped)
    }

    @Test(arguments: [
        ("# Rubrik", ##"\# Rubrik"##),
        ("- punkt", #"\- punkt"#),
        ("+ punkt", #"\+ punkt"#),
        ("1. punkt", #"1\. punkt"#),
        ("2023) punkt", #"2023\) punkt"#),
        ("2023 års nämnd", "2023 års nämnd"),
        ("> citat", #"\> citat"#),
        ("    kod", "kod"),
        (": definition", "&#58; definition"),
        ("Socialnämnden", "Socialnämnden"),
    ])
    func aParagraphsFirstCharacterCannotStartABlock(typed: String, escaped: String) {
        #expect(MarkdownText.block(typed) == escaped)
    }

    static let hostile = [
        "Socialnämnden <script>alert(1)</script>",
        "[länk](javascript:alert(1))",
        "![bild](https://example.org/x.png) och <https://example.org>",
        "*kursiv* och **fet** text",
        "_kursiv_ och __fet__ text",
        "`kod` mitt i",
        "37 % | 48 % | 50 %",
        "~~struket~~ H~2~O 2^10^ $x$ &amp; <b>fet</b>",
        #"C:\mapp\fil och \*"#,
    ]

    @Test func theCommitteeLineAndEveryCellAreEscaped() throws {
        let appendix = try AppendixFixture.many(
            committee: "# Socialnämnden <script>alert(1)</script>", risk: "*Risk*", texts: Self.hostile)
        let markdown = MarkdownRenderer.render(appendix)
        let lines = markdown.components(separatedBy: "\n")
        #expect(lines[2] == ##"\# Socialnämnden &lt;script>alert(1)&lt;/script>"##)
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("[länk]"))
        #expect(markdown.contains(#"| **\*Risk\*** |"#))
        // Every table row has exactly the header's number of unescaped pipes.
        let pipes = { (line: String) in
            var count = 0
            var escaped = false
            for character in line {
                if character == "|" && !escaped { count += 1 }
                escaped = character == "\\" && !escaped
            }
            return count
        }
        let rows = lines.filter { $0.hasPrefix("|") }
        #expect(rows.count == 2 + Self.hostile.count)
        #expect(rows.allSatisfy { pipes($0) == 7 }, "\(rows.map(pipes))")
    }

    @Test(arguments: ["python-markdown", "pandoc-markdown", "pandoc-gfm"])
    func aSecondReaderShowsEveryTextAsTyped(reader: String) throws {
        let purpose = "reading the Markdown appendix with \(reader)"
        let program: ReaderProgram?
        if reader == "python-markdown" {
            program = ReaderProgram.python(with: "markdown", for: purpose)
        } else {
            program = ReaderProgram.find("pandoc", for: purpose).flatMap { _ in
                ReaderProgram.find("python3", for: purpose)
            }
        }
        guard let program else { return }
        let appendix = try AppendixFixture.many(
            committee: "Socialnämnden <script>alert(1)</script>", risk: "*Risk* _ett_", texts: Self.hostile)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/markdown_reader.py").path
        let result = try program.run([script, reader], input: Data(MarkdownRenderer.render(appendix).utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let read = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: String])
        let text = try #require(read["text"])
        // GitHub's autolink extension links a bare https:// address to itself: shown as typed,
        // and never a javascript: or other scheme. Nothing else may become markup.
        let html = try #require(read["html"])
            .replacingOccurrences(
                of: #"<a href="https://example.org">https://example.org</a>"#, with: "https://example.org")
        for markup in [
            "<script", "<a ", "<img", "<em>", "<code>", "<del>", "<s>", "<sub>", "<sup>", "math", "<b>", "<blockquote",
            "<h2",
        ] {
            #expect(!html.contains(markup), "\(reader) made \(markup) from user text")
        }
        // Only the risk cell is bold, as the renderer makes it.
        #expect(html.components(separatedBy: "<strong>").count == 2, "\(html)")
        for typed in Self.hostile + ["Socialnämnden <script>alert(1)</script>", "*Risk* _ett_"] {
            #expect(text.contains(typed), "\(reader) does not show \(typed) as typed")
        }
    }

    /// The issue's pandoc run split the table into six equal columns; the separator line's dashes
    /// now carry the column shares, which pandoc reads.
    @Test func pandocKeepsTheColumnShares() throws {
        guard let pandoc = ReaderProgram.find("pandoc", for: "reading the Markdown appendix's table with pandoc") else {
            return
        }
        let (plan, state) = try AppendixSnapshotTests.load()
        let markdown = MarkdownRenderer.render(try Appendix.build(plan: plan, state: state, point: .yearEnd))
        let result = try pandoc.run(["-f", "markdown", "-t", "html"], input: Data(markdown.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let widths = ["12", "13", "8", "9", "7", "51"].map { "<col style=\"width: \($0)%\" />" }.joined(separator: "\n")
        #expect(result.text.contains("<colgroup>\n\(widths)\n</colgroup>"), "\(result.text.prefix(600))")
    }
}
