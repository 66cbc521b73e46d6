extension Rollup {
    /// The roll-up as one self-contained HTML file (inline CSS, no scripts), A4 landscape in
    /// print, each committee's section starting on a new page with Bilaga 1's own table.
    public func html() -> String {
        let escape = HTMLRenderer.escape
        let (totalCounts, totalUnassessed) = totals
        var html = """
            <!DOCTYPE html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            @page { size: A4 landscape; margin: 14mm 12mm; }
            body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; margin: 1.5em; }
            h1 { font-size: 15pt; margin: 0 0 0.6em; }
            h2 { font-size: 13pt; margin: 1.4em 0 0.4em; }
            section.committee { break-before: page; }
            table { border-collapse: collapse; width: 100%; }
            table.overview { width: auto; margin-bottom: 1em; }
            th, td { border: 1px solid #777; padding: 4pt 5pt; text-align: left; vertical-align: top; }
            table.overview td.number { text-align: right; }
            thead { display: table-header-group; }
            th { background: #e8e8e8; font-weight: bold; }
            td p, td li { break-inside: avoid; }
            td p { margin: 0 0 0.5em; }
            td p:last-child { margin-bottom: 0; }
            td ul { margin: 0 0 0.5em; padding-left: 1.2em; }
            tr.area th { background: #f3f3f3; font-size: 10.5pt; }
            tr.total td, tr.total th { font-weight: bold; }
            .mark { font-size: 1.15em; line-height: 1; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            .risk { font-weight: bold; }
            .failure { color: #8b0000; }
            col.narrow { width: 9%; }
            col.medium { width: 15%; }
            @media print { body { margin: 0; } }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <table class="overview">
            <thead>
            <tr><th scope="col">Nämnd</th>
            """
        for total in totalCounts {
            html += "<th scope=\"col\">\(HTMLRenderer.signal(total.mark, label: total.level.label))</th>"
        }
        html += "<th scope=\"col\">Ej bedömda</th><th scope=\"col\">Totalt</th></tr>\n</thead>\n<tbody>\n"
        for entry in entries {
            switch entry {
            case .committee(let committee):
                html += "<tr><th scope=\"row\">\(escape(committee.appendix.committee))</th>"
                html += totalCounts.map { "<td class=\"number\">\(committee.count(of: $0.mark.word))</td>" }.joined()
                html += "<td class=\"number\">\(committee.unassessed)</td><td class=\"number\">\(committee.total)</td></tr>\n"
            case .failure(let failure):
                html += "<tr><th scope=\"row\">\(escape(failure.folder))</th><td class=\"failure\" colspan=\"\(totalCounts.count + 2)\">Kunde inte läsas</td></tr>\n"
            }
        }
        let units = committees.reduce(0) { $0 + $1.total }
        html += "<tr class=\"total\"><th scope=\"row\">Totalt</th>" + totalCounts.map { "<td class=\"number\">\($0.count)</td>" }.joined()
        html += "<td class=\"number\">\(totalUnassessed)</td><td class=\"number\">\(units)</td></tr>\n</tbody>\n</table>\n"
        for entry in entries {
            switch entry {
            case .committee(let committee):
                html += "<section class=\"committee\">\n<h2>\(escape(committee.appendix.committee))</h2>\n"
                html += "<p class=\"summary\">\(escape(committee.appendix.summary))</p>\n<p class=\"counts\">"
                html += committee.counts.map { "\(HTMLRenderer.signal($0.mark, label: $0.level.label)): \($0.count)" }.joined(separator: " · ")
                if committee.unassessed > 0 { html += " · Ej bedömda: \(committee.unassessed)" }
                html += "</p>\n" + Self.table(of: HTMLRenderer.render(committee.appendix)) + "</section>\n"
            case .failure(let failure):
                html += "<section class=\"committee\">\n<h2>\(escape(failure.folder)): kunde inte läsas</h2>\n<ul class=\"failure\">"
                html += failure.messages.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n</section>\n"
            }
        }
        html += "<h2>Kommunen totalt</h2>\n<p>\(escape(totalsSentence))</p>\n</body>\n</html>\n"
        return html
    }

    /// Bilaga 1's table as its renderer writes it (from `<table>` to `</table>`), so the roll-up
    /// shows each committee's table exactly as its own appendix does.
    static func table(of document: String) -> String {
        guard let start = document.range(of: "<table>"), let end = document.range(of: "</table>\n", options: .backwards),
            start.lowerBound < end.upperBound
        else { return "" }
        return String(document[start.lowerBound..<end.upperBound])
    }
}
