extension Rollup {
    /// The roll-up as a Word document's parts: the overview table, then each committee from a new
    /// page with its sentences, counts and its Bilaga 1 table as the Word appendix draws it, each
    /// plan that could not be read with its problems, and the municipality's totals.
    public func docxParts() -> [(path: String, bytes: [UInt8])] {
        let (totalCounts, totalUnassessed) = totals
        var body = WordML.paragraph(WordML.run(title), style: "Heading1")
        var rows: [[WordBlocks.Cell]] = []
        for entry in entries {
            switch entry {
            case .committee(let committee):
                rows.append(
                    [.text(committee.appendix.committee, bold: true)]
                        + totalCounts.map { .text("\(committee.count(of: $0.mark.word))") }
                        + [.text("\(committee.unassessed)"), .text("\(committee.total)")])
            case .failure(let failure):
                rows.append(
                    [.text(failure.folder, bold: true), .text("Kunde inte läsas")]
                        + Array(repeating: WordBlocks.Cell.text(""), count: totalCounts.count + 1))
            }
        }
        let units = committees.reduce(0) { $0 + $1.total }
        rows.append(
            [.text("Totalt", bold: true)] + totalCounts.map { .text("\($0.count)", bold: true) }
                + [.text("\(totalUnassessed)", bold: true), .text("\(units)", bold: true)])
        let header = ["Nämnd"] + totalCounts.map(\.mark.text) + ["Ej bedömda", "Totalt"]
        body += WordBlocks.table(
            header: header, rows: rows, shares: [3] + Array(repeating: 1, count: header.count - 1),
            width: WordBlocks.textWidth * 60 / 100, caption: title)
        for entry in entries {
            body += WordBlocks.pageBreak
            switch entry {
            case .committee(let committee):
                let appendix = committee.appendix
                body += WordBlocks.subheading(appendix.committee)
                if let adoption = appendix.adoption { body += WordML.paragraph(WordML.run(adoption)) }
                body += WordML.paragraph(WordML.run(appendix.summary))
                let counts = committee.counts.map {
                    DOCXRenderer.shapeRun($0.mark) + WordML.run(" \($0.mark.word): \($0.count)")
                }
                body += WordML.paragraph(
                    counts.joined(separator: WordML.run(" · "))
                        + (committee.unassessed > 0 ? WordML.run(" · Ej bedömda: \(committee.unassessed)") : ""))
                body += DOCXRenderer.table(appendix, width: WordBlocks.textWidth)
            case .failure(let failure):
                body += WordBlocks.subheading("\(failure.folder): kunde inte läsas")
                body += failure.messages.map { WordML.paragraph(WordML.run($0), style: "ListBullet", isBullet: true) }
                    .joined()
            }
        }
        body += WordBlocks.subheading("Kommunen totalt") + WordML.paragraph(WordML.run(totalsSentence))
        return WordBlocks.parts(title: title, creator: "Kommunstyrelsen", running: "Sammanställning", body: body)
    }

    /// The roll-up as a .docx file's bytes (``docxParts()`` packed with the library's ZIP writer).
    /// - Throws: ``ZipError`` only if a part were too large for a ZIP.
    public func docx() throws(ZipError) -> [UInt8] {
        try WordBlocks.package(docxParts())
    }
}
