extension ProviderAppendix {
    /// Bilaga 2 as a Word document's parts (package them as a .docx): A4 landscape, "Bilaga 2."
    /// at the top of every page and "Sida X av Y" at the bottom, the title, committee and summary,
    /// the table with its header row repeated, and the comment.
    public func docxParts() -> [(path: String, bytes: [UInt8])] {
        var body = WordML.paragraph(WordML.run(title), style: "Heading1")
        body += WordML.paragraph(WordML.run(committee)) + WordML.paragraph(WordML.run(summary))
        let rows = rows.map { row in
            [
                WordBlocks.Cell.text(row.contract, bold: true), .text(row.followedUp), .text(row.answer),
                .text(row.shortcomings),
                .text(row.impact), .text(row.actions),
            ]
        }
        body += WordBlocks.table(
            header: Self.columns, rows: rows, shares: [16, 20, 10, 18, 18, 18], width: WordBlocks.textWidth,
            caption: "\(title), \(committee)")
        if !comment.isEmpty {
            body += WordBlocks.subheading("Kommentar till uppföljningen") + WordBlocks.text(comment)
        }
        return WordBlocks.parts(title: title, creator: committee, running: "Bilaga 2.", body: body)
    }

    /// Bilaga 2 as a .docx file's bytes (``docxParts()`` packed with the library's ZIP writer).
    /// - Throws: ``ZipError`` only if a part were too large for a ZIP.
    public func docx() throws(ZipError) -> [UInt8] {
        try WordBlocks.package(docxParts())
    }
}
