import Foundation
import Testing

/// What poppler's `pdfinfo` and `pdftotext` say about a PDF a reader program made.
struct PDFInfo {
    /// The number of pages.
    var pages: Int
    /// The first page's width and height in points.
    var width: Double
    var height: Double
    /// The text, page by page (`pdftotext -layout`, split at form feeds).
    var pageTexts: [String]
    /// The text in the order it was drawn (`pdftotext -raw`): a table cell's lines stay together.
    var rawText: String

    /// Reads `pdf` with pdfinfo and pdftotext; nil (after a notice) where poppler is missing.
    static func read(_ pdf: URL, for purpose: String) throws -> PDFInfo? {
        guard let info = ReaderProgram.find("pdfinfo", for: purpose),
            let text = ReaderProgram.find("pdftotext", for: purpose)
        else { return nil }
        let described = try info.run([pdf.path]).text
        let field = { (name: String) -> String in
            described.components(separatedBy: "\n").first { $0.hasPrefix(name + ":") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        // "Page size:       841.92 x 594.96 pts (A4)"
        let size = field("Page size").components(separatedBy: " ").compactMap(Double.init)
        let extracted = try text.run(["-layout", pdf.path, "-"]).text
        var pages = extracted.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        let raw = try text.run(["-raw", pdf.path, "-"]).text
        return PDFInfo(
            pages: Int(field("Pages")) ?? 0, width: size.first ?? 0, height: size.dropFirst().first ?? 0,
            pageTexts: pages,
            rawText: raw)
    }

    /// The text as drawn, with runs of white space (line breaks in cells) made single spaces.
    var flatText: String { rawText.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Whether `text` is in the PDF with any line breaks, even inside a word (a long compound
    /// in a narrow column breaks where it must: "myndighetsutövni ng").
    func containsIgnoringBreaks(_ text: String) -> Bool {
        let squeeze = { (text: String) in String(text.unicodeScalars.filter { !$0.properties.isWhitespace }) }
        return squeeze(rawText).contains(squeeze(text))
    }

    /// Whether `text` is in the PDF, allowing line breaks where it has spaces.
    func contains(_ text: String) -> Bool {
        flatText.contains(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    /// Whether the page is A4 landscape, 841.9 × 595.3 points (within a point and a half:
    /// Chromium rounds to whole CSS pixels).
    var isA4Landscape: Bool { abs(width - 841.9) < 1.5 && abs(height - 595.3) < 1.5 }
}
