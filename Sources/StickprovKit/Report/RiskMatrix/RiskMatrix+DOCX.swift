extension RiskMatrix {
    /// The risk matrix as a Word document's parts: the title, committee and sentences, the 4×4
    /// grid with each cell filled in its band's colour and holding the risks' numbers, the
    /// legend, and the list of risks with what became of each.
    public func docxParts() -> [(path: String, bytes: [UInt8])] {
        var body = WordML.paragraph(WordML.run(title), style: "Heading1")
        body += WordML.paragraph(WordML.run(committee))
        if !summary.isEmpty { body += WordML.paragraph(WordML.run(summary)) }
        var grid: [[WordBlocks.Cell]] = []
        for probability in stride(from: 4, through: 1, by: -1) {
            var row = [WordBlocks.Cell.text("\(probability)", bold: true)]
            for consequence in 1...4 {
                let level = RiskLevel(value: probability * consequence)
                let numbers = self.numbers(probability: probability, consequence: consequence).map(String.init)
                let content = WordML.paragraph(WordML.run(numbers.joined(separator: ", "), .bold), alignment: "center")
                row.append(WordBlocks.Cell(content: content, shading: String(level.colour.dropFirst()).uppercased()))
            }
            grid.append(row)
        }
        let matrixWidth = WordBlocks.textWidth * 45 / 100
        body += WordBlocks.table(
            header: ["Sannolikhet ↓ · Konsekvens →", "1", "2", "3", "4"], rows: grid, shares: [2, 1, 1, 1, 1],
            width: matrixWidth,
            caption: "Riskmatris: sannolikhet × konsekvens")
        body += WordML.paragraph(
            WordML.run(
                "Riskvärde = sannolikhet × konsekvens: "
                    + RiskLevel.allCases.map { "\($0.range) \($0.swedish)" }.joined(separator: ", ") + "."))
        let rows = entries.map { entry -> [WordBlocks.Cell] in
            let value = entry.score.map { "\($0.value) (\(RiskLevel(value: $0.value).swedish))" } ?? "Ej bedömd"
            return [
                .text("\(entry.number)"), .text(entry.text), .text(entry.score.map { "\($0.probability)" } ?? "–"),
                .text(entry.score.map { "\($0.consequence)" } ?? "–"), .text(value), .text(entry.handlingLabel),
                .text(entry.handlingDetail),
            ]
        }
        body += WordBlocks.table(
            header: ["Nr", "Identifierad risk", "Sannolikhet", "Konsekvens", "Riskvärde", "Hantering", "Hur"],
            rows: rows,
            shares: [4, 26, 9, 9, 10, 12, 30], width: WordBlocks.textWidth, caption: "\(title), \(committee)")
        return WordBlocks.parts(title: title, creator: committee, running: title, body: body)
    }

    /// The risk matrix as a .docx file's bytes (``docxParts()`` packed with the library's ZIP writer).
    /// - Throws: ``ZipError`` only if a part were too large for a ZIP.
    public func docx() throws(ZipError) -> [UInt8] {
        try WordBlocks.package(docxParts())
    }
}
