/// Renders the appendix as one self-contained HTML file: inline CSS, no scripts, no external
/// fonts or links.
///
/// Printed (any Chromium-based browser, "Save as PDF"): A4 landscape with "Bilaga 1." at the
/// top of every page and "Sida X av Y" at the bottom (CSS page-margin boxes, so the browser's
/// own header and footer with the file's path are not needed); the header row repeats on every
/// page; a row that breaks across pages is closed by a line at the foot of the page (a repeated
/// empty table footer). The table has fixed column
/// shares (about 12/13/8/8/8/51 %) and long Swedish compounds wrap inside their column
/// (`overflow-wrap: anywhere`, `hyphens: auto` in `lang="sv"`), so the table is never wider than
/// the page. On a narrow screen the table scrolls sideways instead of squeezing.
///
/// Opened or pasted in a word processor (LibreOffice, Word): each signal is a text character
/// (● ▲ ■ …) with an inline colour and its word, so the shape, the colour and the word all
/// survive; cell borders, column widths and top alignment are also given as HTML attributes,
/// which word processors read. For screen readers each risk area is a `<tbody>` whose risk cell
/// is `<th scope="rowgroup">`, and the table has a caption.
public enum HTMLRenderer {
    /// The start of every self-contained HTML document the tool writes (Bilaga 1 and 2, the
    /// risk matrix, the roll-up): doctype, Swedish language, charset, viewport, the escaped
    /// title, and an opening `<style>` for the caller's stylesheet.
    static func documentStart(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        """
    }

    /// The HTML document.
    public static func render(_ appendix: Appendix, options: ReportOptions = ReportOptions()) -> String {
        let table = AppendixTable(appendix)
        var html = """
            \(HTMLRenderer.documentStart(title: appendix.title))
            \(stylesheet)
            </style>
            </head>
            <body>
            <h1>\(escape(appendix.title))</h1>

            """
        if !options.isTableOnly {
            html += """
                <p class="committee">\(escape(appendix.committee))</p>
                \(appendix.adoption.map { "<p class=\"adoption\">\(escape($0))</p>\n" } ?? "")<p class="summary">\(escape(appendix.summary))</p>

                """
            let levels = appendix.legendLevels(options.legend)
            if !levels.isEmpty {
                html +=
                    "<p>\(escape(appendix.legendIntroduction))</p>\n<ul class=\"legend\">\n"
                for level in levels {
                    html += "<li>\(signal(appendix.mark(level), label: level.label)) – \(escape(level.label))</li>\n"
                }
                html += "</ul>\n"
            }
        }
        // The presentational attributes (border, cellspacing, cellpadding, width, valign) are for word
        // processors that open or paste the HTML and ignore the stylesheet; browsers follow the CSS.
        html +=
            "<div class=\"table-scroll\">\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"5\" width=\"100%\">\n"
        html += "<caption>\(escape(appendix.title)), \(escape(appendix.committee))</caption>\n"
        html += "<colgroup>"
        html += AppendixColumn.percentages(table.columns).map {
            "<col width=\"\(percent($0))\" style=\"width: \(percent($0))\">"
        }.joined()
        html += "</colgroup>\n<thead>\n<tr>"
        for column in table.header { html += "<th scope=\"col\" valign=\"top\">\(headerText(column))</th>" }
        html += "</tr>\n</thead>\n"
        // An empty footer row, repeated at the foot of every printed page, closes the cells of a
        // row that continues on the next page (Chromium leaves them open otherwise).
        html +=
            "<tfoot aria-hidden=\"true\"><tr><td class=\"page-end\" valign=\"top\" colspan=\"\(table.columns.count)\"></td></tr></tfoot>\n"
        var currentGroup: Int?
        for row in table.rows {
            if row.group != currentGroup {
                html += currentGroup == nil ? "<tbody>\n" : "</tbody>\n<tbody>\n"
                currentGroup = row.group
            }
            html += row.isAreaHeading ? "<tr class=\"area\">" : "<tr>"
            if let risk = row.risk {
                let span = risk.span > 1 ? " rowspan=\"\(risk.span)\"" : ""
                html += "<th scope=\"rowgroup\" class=\"risk\" valign=\"top\"\(span)>\(escape(risk.text))</th>"
            }
            for (index, cell) in row.cells.enumerated() {
                if row.isAreaHeading && index == 0 {
                    let span = table.areaHeadingSpan > 1 ? " colspan=\"\(table.areaHeadingSpan)\"" : ""
                    html += "<th scope=\"rowgroup\" valign=\"top\"\(span)>\(content(cell, in: appendix))</th>"
                } else if row.isAreaHeading && index < table.areaHeadingSpan {
                    continue
                } else {
                    html += "<td valign=\"top\">\(content(cell, in: appendix))</td>"
                }
            }
            html += "</tr>\n"
        }
        if currentGroup != nil { html += "</tbody>\n" }
        html += "</table>\n</div>\n</body>\n</html>\n"
        return html
    }

    /// The print and screen rules. No `tr { break-inside: avoid }`: with a risk cell spanning
    /// several rows it would cut that cell and add a page.
    static let stylesheet = """
        @page {
          size: A4 landscape;
          margin: 17mm 12mm 15mm 12mm;
          @top-left { content: "Bilaga 1."; font: bold 10pt Arial, Helvetica, sans-serif; color: #111; vertical-align: bottom; }
          @bottom-right { content: "Sida " counter(page) " av " counter(pages); font: 9pt Arial, Helvetica, sans-serif; color: #111; }
        }
        body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.3; color: #111; margin: 1.5em; }
        h1 { font-size: 15pt; margin: 0 0 0.3em; }
        p.committee { margin: 0 0 1em; color: #333; }
        .table-scroll { overflow-x: auto; }
        table { border-collapse: separate; border-spacing: 0; width: 100%; table-layout: fixed; font-size: 9.5pt;
                border-top: 1px solid #777; border-left: 1px solid #777; }
        caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        th, td { border: 0; border-right: 1px solid #777; border-bottom: 1px solid #777; padding: 3pt 4pt; text-align: left; vertical-align: top;
                 overflow-wrap: anywhere; hyphens: auto; -webkit-hyphens: auto; }
        thead { display: table-header-group; }
        tfoot { display: table-footer-group; }
        td.page-end { border: 0; border-top: 1px solid #777; padding: 0; height: 0; line-height: 0; font-size: 0; }
        thead th { background: #e8e8e8; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        tbody th { font-weight: bold; }
        td p, td li { orphans: 2; widows: 2; }
        td p { margin: 0 0 0.4em; }
        td p:last-child { margin-bottom: 0; }
        td ul { margin: 0 0 0.5em; padding-left: 1.2em; }
        td ul:last-child { margin-bottom: 0; }
        tr.area th, tr.area td { background: #f3f3f3; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        tr.area th { font-size: 10.5pt; }
        .mark { font-size: 1.15em; line-height: 1; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        ul.legend { list-style: none; padding: 0; margin: 0 0 1em; }
        ul.legend li { margin: 0.15em 0; }
        @media screen { table { min-width: 56rem; } tfoot { display: none; } }
        @media print { body { margin: 0; } .table-scroll { overflow: visible; } }
        """

    /// A width in per cent with at most two decimals: "12%", "8.5%".
    static func percent(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(whole)%" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)%" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    /// A column heading with soft hyphens where the committee's appendix breaks it in a narrow
    /// column ("upp-följning", "Bedöm-ning"), so no browser splits it elsewhere.
    static func headerText(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "uppföljning", with: "upp&shy;följning")
            .replacingOccurrences(of: "Bedömning", with: "Bedöm&shy;ning")
            .replacingOccurrences(of: "Periodicitet", with: "Periodi&shy;citet")
            .replacingOccurrences(of: "Uppföljningsansvarig", with: "Uppföljnings&shy;ansvarig")
    }

    static func content(_ cell: AppendixTable.Cell, in appendix: Appendix? = nil) -> String {
        switch cell {
        case .text(let text): return escape(text)
        case .signal(let level):
            guard let level else { return "Ej bedömd" }
            return signal(
                appendix?.mark(level) ?? SignalMark(level: level, position: 0, count: 1), label: level.label)
        case .paragraphs(let paragraphs):
            return paragraphs.map { paragraph in
                switch paragraph {
                case .text(let text): "<p>\(escape(text))</p>"
                case .bullets(let items): "<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
                }
            }.joined()
        }
    }

    /// The level's shape as a character in its colour (inline, so copy and paste keeps both),
    /// then its word; the label is the tooltip.
    static func signal(_ mark: SignalMark, label: String) -> String {
        "<span class=\"mark\" style=\"color: \(mark.colour)\" aria-hidden=\"true\">\(escape(mark.shape))</span> "
            + "<span title=\"\(escape(label))\">\(escape(mark.word))</span>"
    }

    /// Text safe in HTML content and attributes; control characters other than tab and newline are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                // A direction override would reverse the document's own words after it.
                if VisibleText.isBidiControl(scalar) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
