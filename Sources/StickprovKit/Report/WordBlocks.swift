/// WordprocessingML pieces the documents around Bilaga 1 share (Bilaga 2, the risk matrix,
/// the roll-up): a bold subheading, a page break, a plain table, and the package with its running
/// header and "Sida X av Y" footer, in the same look as the Word appendix (``DOCXRenderer``).
enum WordBlocks {
    /// A bold paragraph kept with the next one.
    static func subheading(_ text: String) -> String {
        WordML.paragraph(WordML.run(text, WordML.RunStyle(isBold: true, halfPoints: 24)), keepNext: true)
    }

    /// Paragraphs of running text (blank lines and bullets as ``Paragraph/parse(_:)`` reads them).
    static func text(_ paragraphs: [Paragraph]) -> String {
        paragraphs.map { paragraph in
            switch paragraph {
            case .text(let text): WordML.paragraph(WordML.run(text))
            case .bullets(let items):
                items.map { WordML.paragraph(WordML.run($0), style: "ListBullet", isBullet: true) }.joined()
            }
        }.joined()
    }

    /// A paragraph that starts a new page.
    static let pageBreak = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"

    /// A cell's content, already built as paragraphs, and an optional fill (six hex digits).
    struct Cell {
        var content: String
        var shading: String?

        /// A cell of running text.
        static func text(_ text: String, bold: Bool = false) -> Cell {
            Cell(content: text.isEmpty ? "" : paragraphs(Paragraph.parse(text), bold: bold))
        }

        private static func paragraphs(_ paragraphs: [Paragraph], bold: Bool) -> String {
            bold
                ? paragraphs.flatMap(\.texts).map { WordML.paragraph(WordML.run($0, .bold)) }.joined()
                : WordBlocks.text(paragraphs)
        }
    }

    /// A table with a repeated, shaded header row, fixed column widths in the given shares of
    /// `width` (twips), and the borders of the Word appendix.
    static func table(header: [String], rows: [[Cell]], shares: [Double], width: Int, caption: String) -> String {
        var widths = shares.map { Int(($0 / shares.reduce(0, +) * Double(width)).rounded()) }
        if let last = widths.indices.last { widths[last] += width - widths.reduce(0, +) }
        var xml = tableStart(width: width, columns: widths, caption: caption)
        if !header.isEmpty {
            xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            for (heading, width) in zip(header, widths) {
                xml += WordML.cell(WordML.paragraph(WordML.run(heading, .bold)), width: width, shading: "E8E8E8")
            }
            xml += "</w:tr>"
        }
        for row in rows {
            xml += "<w:tr>"
            for (cell, width) in zip(row, widths) {
                xml += WordML.cell(cell.content, width: width, shading: cell.shading)
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    /// A table's opening up to its grid: full `width` (twips), the appendix's grey borders,
    /// fixed layout, cell margins, an optional `look` element, the caption screen readers give,
    /// and one grid column per width in `columns`. The rows and `</w:tbl>` follow.
    static func tableStart(width: Int, columns: [Int], caption: String, look: String = "") -> String {
        let border = { (side: String) in "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>" }
        return "<w:tbl><w:tblPr><w:tblW w:w=\"\(width)\" w:type=\"dxa\"/><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map(border).joined() + "</w:tblBorders>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>"
            + "<w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
            + look + "<w:tblCaption w:val=\"\(XMLText.escape(caption))\"/></w:tblPr>"
            + "<w:tblGrid>" + columns.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
    }

    /// The running header (`running` at the top of every page) and the "Sida X av Y" footer.
    static func headerAndFooter(running: String) -> (header: String, footer: String) {
        let header = WordML.paragraph(WordML.run(running), style: "Header")
        let footer = WordML.paragraph(
            WordML.run("Sida ") + WordML.field("PAGE", placeholder: "1") + WordML.run(" av ")
                + WordML.field("NUMPAGES", placeholder: "1"), style: "Footer")
        return (header, footer)
    }

    /// The document's parts: `body` on A4 landscape pages with `running` at the top of each page
    /// and "Sida X av Y" at the bottom.
    static func parts(title: String, creator: String, running: String, body: String) -> [(path: String, bytes: [UInt8])]
    {
        let (header, footer) = headerAndFooter(running: running)
        return WordPackage(
            title: title, creator: creator, body: body, header: header, footer: footer, page: .a4Landscape
        ).parts
    }

    /// The width between the margins of an A4 landscape page, in twips.
    static var textWidth: Int { WordPackage.Page.a4Landscape.textWidth }

    /// The parts packed as a .docx file (a ZIP with the content types first).
    static func package(_ parts: [(path: String, bytes: [UInt8])]) throws(ZipError) -> [UInt8] {
        try ZipArchive.write(parts.map { ZipEntry(name: $0.path, data: $0.bytes) })
    }
}
