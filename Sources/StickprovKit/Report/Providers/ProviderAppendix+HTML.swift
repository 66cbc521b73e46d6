extension ProviderAppendix {
    /// Bilaga 2 as one self-contained HTML file (inline CSS, no scripts), A4 landscape in print
    /// with the header row repeated on every page, as Bilaga 1.
    public func html() -> String {
        let escape = HTMLRenderer.escape
        var html = """
            \(HTMLRenderer.documentStart(title: title))
            @page { size: A4 landscape; margin: 14mm 12mm; }
            body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; margin: 1.5em; }
            h1 { font-size: 15pt; margin: 0 0 0.3em; }
            h2 { font-size: 12pt; margin: 1.2em 0 0.4em; }
            p.committee { margin: 0 0 1em; color: #333; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #777; padding: 4pt 5pt; text-align: left; vertical-align: top; }
            thead { display: table-header-group; }
            th { background: #e8e8e8; font-weight: bold; }
            td p { margin: 0 0 0.5em; }
            td p:last-child { margin-bottom: 0; }
            td ul { margin: 0 0 0.5em; padding-left: 1.2em; }
            td.answer { white-space: nowrap; }
            @media print { body { margin: 0; } }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <p class="committee">\(escape(committee))</p>
            <p class="summary">\(escape(summary))</p>
            <table>
            <thead>
            <tr>
            """
        html += Self.columns.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr><th scope=\"row\">\(escape(row.contract))</th>"
            html += "<td>\(Self.htmlCell(row.followedUp))</td><td class=\"answer\">\(row.answer)</td>"
            html += [row.shortcomings, row.impact, row.actions].map { "<td>\(Self.htmlCell($0))</td>" }.joined()
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if !comment.isEmpty {
            html += "<h2>Kommentar till uppföljningen</h2>\n"
            html += HTMLRenderer.content(.paragraphs(comment)) + "\n"
        }
        return html + "</body>\n</html>\n"
    }

    static func htmlCell(_ text: String) -> String {
        HTMLRenderer.content(.paragraphs(Paragraph.parse(text)))
    }
}
