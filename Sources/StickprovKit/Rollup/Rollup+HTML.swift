extension Rollup {
    /// The roll-up as one self-contained HTML file (inline CSS, no scripts), A4 landscape in
    /// print, each committee's section starting on a new page with Bilaga 1's own table.
    public func html() -> String {
        let escape = HTMLRenderer.escape
        let (totalCounts, totalUnassessed) = totals
        var html = """
            \(HTMLRenderer.documentStart(title: title))
            \(Self.stylesheet)
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
                html +=
                    "<td class=\"number\">\(committee.unassessed)</td><td class=\"number\">\(committee.total)</td></tr>\n"
            case .failure(let failure):
                html +=
                    "<tr><th scope=\"row\">\(escape(failure.folder))</th><td class=\"failure\" colspan=\"\(totalCounts.count + 2)\">Kunde inte läsas</td></tr>\n"
            }
        }
        let units = committees.reduce(0) { $0 + $1.total }
        html +=
            "<tr class=\"total\"><th scope=\"row\">Totalt</th>"
            + totalCounts.map { "<td class=\"number\">\($0.count)</td>" }.joined()
        html +=
            "<td class=\"number\">\(totalUnassessed)</td><td class=\"number\">\(units)</td></tr>\n</tbody>\n</table>\n"
        for entry in entries {
            switch entry {
            case .committee(let committee):
                html += "<section class=\"committee\">\n<h2>\(escape(committee.appendix.committee))</h2>\n"
                if let adoption = committee.appendix.adoption {
                    html += "<p class=\"adoption\">\(escape(adoption))</p>\n"
                }
                html += "<p class=\"summary\">\(escape(committee.appendix.summary))</p>\n<p class=\"counts\">"
                html += committee.counts.map { "\(HTMLRenderer.signal($0.mark, label: $0.level.label)): \($0.count)" }
                    .joined(separator: " · ")
                if committee.unassessed > 0 { html += " · Ej bedömda: \(committee.unassessed)" }
                html += "</p>\n" + Self.table(of: HTMLRenderer.render(committee.appendix)) + "</section>\n"
            case .failure(let failure):
                html +=
                    "<section class=\"committee\">\n<h2>\(escape(failure.folder)): kunde inte läsas</h2>\n<ul class=\"failure\">"
                html += failure.messages.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n</section>\n"
            }
        }
        html += "<h2>Kommunen totalt</h2>\n<p>\(escape(totalsSentence))</p>\n</body>\n</html>\n"
        return html
    }

    /// Bilaga 1's table as its renderer writes it (its scrolling wrapper or, failing that, from
    /// `<table>` to `</table>`), so the roll-up shows each committee's table exactly as its own
    /// appendix does.
    static func table(of document: String) -> String {
        for (open, close) in [("<div class=\"table-scroll\">", "</table>\n</div>\n"), ("<table>", "</table>\n")] {
            if let start = document.range(of: open), let end = document.range(of: close, options: .backwards),
                start.lowerBound < end.upperBound
            {
                return String(document[start.lowerBound..<end.upperBound])
            }
        }
        return ""
    }

    /// Bilaga 1's stylesheet, with the roll-up's name at the top of each printed page and the
    /// overview's and sections' own rules.
    static let stylesheet =
        HTMLRenderer.stylesheet.replacingOccurrences(of: "content: \"Bilaga 1.\"", with: "content: \"Sammanställning\"")
            + """

            h2 { font-size: 13pt; margin: 1.4em 0 0.4em; }
            section.committee { break-before: page; }
            table.overview { width: auto; margin-bottom: 1em; }
            table.overview td.number { text-align: right; }
            tr.total td, tr.total th { font-weight: bold; }
            .failure { color: #8b0000; }
            """
}
