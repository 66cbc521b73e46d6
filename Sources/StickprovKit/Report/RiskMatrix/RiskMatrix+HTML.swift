extension RiskMatrix {
    /// The matrix as one self-contained HTML file (inline CSS, no scripts): the grid's cells are
    /// coloured by risk value and hold the risks' numbers; the value's band is also written in each
    /// cell's title, and the list below says it in words, so the page reads without colour.
    public func html() -> String {
        let escape = HTMLRenderer.escape
        var html = """
            \(HTMLRenderer.documentStart(title: title))
            @page { size: A4 landscape; margin: 14mm 12mm; }
            body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; margin: 1.5em; }
            h1 { font-size: 15pt; margin: 0 0 0.3em; }
            p.committee { margin: 0 0 1em; color: #333; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #777; padding: 4pt 5pt; text-align: left; vertical-align: top; }
            th { background: #e8e8e8; font-weight: bold; }
            table.matrix { margin: 1em 0 0.5em; break-inside: avoid; }
            table.matrix td { width: 5.5em; height: 2.2em; text-align: center; vertical-align: middle; font-weight: bold;
                              font-size: 12pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            table.matrix th { text-align: center; vertical-align: middle; }
            table.risks { width: 100%; margin-top: 1em; }
            thead { display: table-header-group; }
            .swatch { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #333; vertical-align: -0.1em;
                      margin: 0 0.3em 0 0.8em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            @media print { body { margin: 0; } }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <p class="committee">\(escape(committee))</p>

            """
        if !summary.isEmpty { html += "<p class=\"summary\">\(escape(summary))</p>\n" }
        html += "<table class=\"matrix\">\n<caption>Riskmatris: sannolikhet × konsekvens</caption>\n"
        html +=
            "<tr><th scope=\"col\">Sannolikhet ↓ · Konsekvens →</th>"
            + (1...4).map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr>\n"
        for probability in stride(from: 4, through: 1, by: -1) {
            html += "<tr><th scope=\"row\">\(probability)</th>"
            for consequence in 1...4 {
                let value = probability * consequence
                let level = RiskLevel(value: value)
                let numbers = self.numbers(probability: probability, consequence: consequence).map(String.init)
                html +=
                    "<td style=\"background-color: \(level.colour)\" title=\"Riskvärde \(value) (\(level.swedish))\">"
                    + numbers.joined(separator: ", ") + "</td>"
            }
            html += "</tr>\n"
        }
        html += "</table>\n<p class=\"legend\">Riskvärde = sannolikhet × konsekvens:"
        for level in RiskLevel.allCases {
            html +=
                "<span class=\"swatch\" style=\"background-color: \(level.colour)\" aria-hidden=\"true\"></span>\(level.range) \(level.swedish)"
        }
        html += "</p>\n<table class=\"risks\">\n<thead>\n<tr>"
        html += ["Nr", "Identifierad risk", "Sannolikhet", "Konsekvens", "Riskvärde", "Hantering", "Hur"]
            .map { "<th scope=\"col\">\($0)</th>" }.joined()
        html += "</tr>\n</thead>\n<tbody>\n"
        for entry in entries {
            let value = entry.score.map { "\($0.value) (\(RiskLevel(value: $0.value).swedish))" } ?? "Ej bedömd"
            html += "<tr><td>\(entry.number)</td><td>\(escape(entry.text))</td>"
            html +=
                "<td>\(entry.score.map { "\($0.probability)" } ?? "–")</td><td>\(entry.score.map { "\($0.consequence)" } ?? "–")</td>"
            html +=
                "<td>\(value)</td><td>\(escape(entry.handlingLabel))</td><td>\(escape(entry.handlingDetail))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</body>\n</html>\n"
    }
}
