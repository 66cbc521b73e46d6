/// Renders the appendix as one self-contained HTML file: inline CSS, no scripts, no
/// external fonts; A4 landscape in print with the header row repeated on every page;
/// signals as a shape character in colour with their names in text, so the page reads in black and white
/// and to a screen reader.
public enum HTMLRenderer {
    /// The HTML document.
    public static func render(_ appendix: Appendix, options: ReportOptions = ReportOptions()) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(appendix.title))</title>
            <style>
            @page { size: A4 landscape; margin: 14mm 12mm; }
            body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; margin: 1.5em; }
            h1 { font-size: 15pt; margin: 0 0 0.3em; }
            p.committee { margin: 0 0 1em; color: #333; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #777; padding: 4pt 5pt; text-align: left; vertical-align: top; }
            thead { display: table-header-group; }
            th { background: #e8e8e8; font-weight: bold; }
            td p, td li { break-inside: avoid; }
            td p { margin: 0 0 0.5em; }
            td p:last-child { margin-bottom: 0; }
            td ul { margin: 0 0 0.5em; padding-left: 1.2em; }
            tr.area th { background: #f3f3f3; font-size: 10.5pt; }
            .mark { font-size: 1.15em; line-height: 1; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            ul.legend { list-style: none; padding: 0; margin: 0 0 1em; }
            ul.legend li { margin: 0.15em 0; }
            .risk { font-weight: bold; }
            col.narrow { width: 9%; }
            col.medium { width: 15%; }
            @media print { body { margin: 0; } }
            </style>
            </head>
            <body>
            <h1>\(escape(appendix.title))</h1>
            <p class="committee">\(escape(appendix.committee))</p>
            <p class="summary">\(escape(appendix.summary))</p>
            <p>Följande signaler har använts för bedömning av respektive kontrollmoment:</p>
            <ul class="legend">

            """
        for level in appendix.legendLevels(options.legend) {
            html += "<li>\(signal(appendix.mark(level), label: level.label)) – \(escape(level.label))</li>\n"
        }
        let table = AppendixTable(appendix)
        // Fixed shares for the short columns leave the rest to the results text.
        let widths = appendix.layout == .reference
            ? ["medium", "medium", "narrow", "narrow", "narrow", "wide"] : ["medium", "narrow", "narrow", "narrow", "wide", "medium"]
        html += "</ul>\n<table>\n<colgroup>" + widths.map { "<col class=\"\($0)\">" }.joined() + "</colgroup>\n<thead>\n<tr>"
        for column in table.header { html += "<th scope=\"col\">\(escape(column))</th>" }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            html += row.isAreaHeading ? "<tr class=\"area\">" : "<tr>"
            if let risk = row.risk {
                let span = risk.span > 1 ? " rowspan=\"\(risk.span)\"" : ""
                html += "<td class=\"risk\"\(span)>\(escape(risk.text))</td>"
            }
            for (index, cell) in row.cells.enumerated() {
                if row.isAreaHeading && index == 0 {
                    html += "<th scope=\"rowgroup\" colspan=\"3\">\(content(cell, in: appendix))</th>"
                } else if row.isAreaHeading && (index == 1 || index == 2) {
                    continue
                } else {
                    html += "<td>\(content(cell, in: appendix))</td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</body>\n</html>\n"
        return html
    }

    static func content(_ cell: AppendixTable.Cell, in appendix: Appendix? = nil) -> String {
        switch cell {
        case .text(let text): return escape(text)
        case .signal(let level):
            guard let level else { return "Ej bedömd" }
            return signal(appendix?.mark(level) ?? SignalMark(level: level, position: 0), label: level.label)
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
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
