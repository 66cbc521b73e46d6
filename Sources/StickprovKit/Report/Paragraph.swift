/// A block of text in a table cell: a paragraph, or a bulleted list.
public enum Paragraph: Sendable, Hashable {
    /// A paragraph of running text.
    case text(String)
    /// A bulleted list.
    case bullets([String])

    /// Splits an officer's text into paragraphs: blank lines separate paragraphs, and
    /// lines starting with `- `, `* ` or `• ` form bulleted lists.
    public static func parse(_ text: String) -> [Paragraph] {
        var result: [Paragraph] = []
        var lines: [String] = []
        var bullets: [String] = []
        func flush() {
            if !lines.isEmpty { result.append(.text(lines.joined(separator: " "))) }
            if !bullets.isEmpty { result.append(.bullets(bullets)) }
            lines = []
            bullets = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingASCIIWhitespace()
            if line.isEmpty {
                flush()
            } else if let marker = ["- ", "* ", "• "].first(where: { line.hasPrefix($0) }) {
                if !lines.isEmpty {
                    result.append(.text(lines.joined(separator: " ")))
                    lines = []
                }
                bullets.append(String(line.dropFirst(marker.count)).trimmingASCIIWhitespace())
            } else if !bullets.isEmpty {
                // A continuation of the last bullet.
                bullets[bullets.count - 1] += " " + line
            } else {
                lines.append(line)
            }
        }
        flush()
        return result
    }

    /// Every string in the paragraph, for scanning.
    var texts: [String] {
        switch self {
        case .text(let text): [text]
        case .bullets(let items): items
        }
    }
}
