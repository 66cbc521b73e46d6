/// Renders the appendix as a Word document (WordprocessingML, .docx) to insert into the
/// committee's annual report: A4 landscape; the title, then (unless table-only) the committee,
/// the summary and the legend; the table with fixed column widths in the same shares as the
/// HTML (about 12/13/8/9/7/51 %), its header row repeated on every page, the risk cell merged
/// down its control points' rows, real paragraphs and bullet lists in the cells, and each signal
/// as its shape in its colour and its word; "Bilaga 1." at the top of every page and
/// "Sida X av Y" (PAGE and NUMPAGES fields) at the bottom. Swedish language, Arial. The same
/// appendix always gives the same bytes.
public enum DOCXRenderer {
    /// The .docx file: the parts packed as a ZIP archive (the library's ``ZipArchive``).
    /// - Throws: ``ZipError`` only beyond what a ZIP without ZIP64 holds (4 GB), which an
    ///   appendix never reaches.
    public static func render(_ appendix: Appendix, options: ReportOptions = ReportOptions()) throws(ZipError)
        -> [UInt8]
    {
        try ZipArchive.write(parts(appendix, options: options).map { ZipEntry(name: $0.path, data: $0.bytes) })
    }

    /// The document's parts (path inside the package, bytes), in the order they are stored.
    public static func parts(_ appendix: Appendix, options: ReportOptions = ReportOptions()) -> [(
        path: String, bytes: [UInt8]
    )] {
        package(appendix, options: options).parts
    }

    static func package(_ appendix: Appendix, options: ReportOptions) -> WordPackage {
        var body = WordML.paragraph(WordML.run(appendix.title), style: "Heading1")
        if !options.isTableOnly {
            body += WordML.paragraph(WordML.run(appendix.committee))
            if let adoption = appendix.adoption { body += WordML.paragraph(WordML.run(adoption)) }
            body += WordML.paragraph(WordML.run(appendix.summary))
            // With --legend used and nothing assessed yet there is no legend to introduce.
            let levels = appendix.legendLevels(options.legend)
            if !levels.isEmpty {
                body += WordML.paragraph(
                    WordML.run(appendix.legendIntroduction),
                    keepNext: true)
            }
            for (index, level) in levels.enumerated() {
                let mark = appendix.mark(level)
                body += WordML.paragraph(
                    shapeRun(mark) + WordML.run(" \(mark.word) – \(level.label)"), keepNext: index < levels.count - 1)
            }
        }
        let page = WordPackage.Page.a4Landscape
        body += table(appendix, width: page.textWidth)
        let (header, footer) = WordBlocks.headerAndFooter(running: "Bilaga 1.")
        return WordPackage(
            title: appendix.title, creator: appendix.committee, body: body, header: header, footer: footer, page: page)
    }

    /// The widths of the columns in twips, adding up to `total`.
    static func columnWidths(_ columns: [AppendixColumn], total: Int) -> [Int] {
        var widths = AppendixColumn.percentages(columns).map { Int(($0 * Double(total) / 100).rounded()) }
        if let last = widths.indices.last { widths[last] += total - widths.reduce(0, +) }
        return widths
    }

    static func table(_ appendix: Appendix, width: Int) -> String {
        let table = AppendixTable(appendix)
        let widths = columnWidths(table.columns, total: width)
        var xml = WordBlocks.tableStart(
            width: width, columns: widths, caption: "\(appendix.title), \(appendix.committee)",
            look:
                "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
        )
        xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for (heading, width) in zip(table.header, widths) {
            xml += WordML.cell(
                WordML.paragraph(WordML.run(hyphenatable: hyphenationPoints(heading), .bold)), width: width,
                shading: "E8E8E8")
        }
        xml += "</w:tr>"
        let hasRiskColumn = table.columns.first == .risk
        for row in table.rows {
            xml += "<w:tr>"
            var column = 0
            if hasRiskColumn {
                if let risk = row.risk {
                    xml += WordML.cell(
                        WordML.paragraph(WordML.run(risk.text, .bold)), width: widths[0], merge: .restart)
                } else {
                    xml += WordML.cell("", width: widths[0], merge: .continue)
                }
                column = 1
            }
            for (index, cell) in row.cells.enumerated() {
                if row.isAreaHeading && index == 0 {
                    let span = max(1, min(table.areaHeadingSpan, widths.count - column))
                    let text: String
                    if case .text(let heading) = cell { text = heading } else { text = "" }
                    xml += WordML.cell(
                        WordML.paragraph(WordML.run(text, .bold)), width: widths[column..<(column + span)].reduce(0, +),
                        span: span,
                        shading: "F3F3F3")
                    column += span
                } else if row.isAreaHeading && index < table.areaHeadingSpan {
                    continue
                } else {
                    xml += WordML.cell(
                        content(cell, in: appendix), width: widths[min(column, widths.count - 1)],
                        shading: row.isAreaHeading ? "F3F3F3" : nil)
                    column += 1
                }
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    /// A cell's paragraphs.
    static func content(_ cell: AppendixTable.Cell, in appendix: Appendix) -> String {
        switch cell {
        case .text(let text):
            return text.isEmpty ? "" : WordML.paragraph(WordML.run(text))
        case .signal(let level):
            guard let level else { return WordML.paragraph(WordML.run("Ej bedömd")) }
            let mark = appendix.mark(level)
            return WordML.paragraph(shapeRun(mark) + WordML.run(" \(mark.word)"))
        case .paragraphs(let paragraphs):
            return WordBlocks.text(paragraphs)
        }
    }

    /// The signal's shape, a little larger than the text, in its colour.
    static func shapeRun(_ mark: SignalMark) -> String {
        WordML.run(mark.shape, WordML.RunStyle(colour: mark.hexDigits, halfPoints: 22))
    }

    /// Where a column heading may break with a hyphen in a narrow column, as the committee's
    /// appendix breaks them ("upp-följning", "Bedöm-ning").
    static func hyphenationPoints(_ heading: String) -> [String] {
        let breaks = [
            "uppföljning": ["upp", "följning"], "Bedömning": ["Bedöm", "ning"], "Periodicitet": ["Periodi", "citet"],
            "Uppföljningsansvarig": ["Uppföljnings", "ansvarig"],
        ]
        var pieces = [""]
        for (index, word) in heading.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { pieces[pieces.count - 1] += " " }
            let parts = breaks[String(word)] ?? [String(word)]
            pieces[pieces.count - 1] += parts[0]
            pieces += parts.dropFirst()
        }
        return pieces
    }
}
