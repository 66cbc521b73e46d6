import Foundation
import Testing

@testable import StickprovKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The Word appendix: its XML checked for the layout Word needs, a golden file of document.xml,
/// and the whole document opened by LibreOffice (standing in for Word) and printed to PDF.
@Suite struct DOCXTests {
    static func example(_ point: ReportPoint = .yearEnd) throws -> Appendix {
        let (plan, state) = try AppendixSnapshotTests.load()
        return try Appendix.build(plan: plan, state: state, point: point)
    }

    static func part(_ name: String, of parts: [(path: String, bytes: [UInt8])]) throws -> String {
        String(decoding: try #require(parts.first { $0.path == name }).bytes, as: UTF8.self)
    }

    @Test func everyPartIsWellFormedXMLAndTheSameEachTime() throws {
        let appendix = try AppendixFixture.many(
            committee: "Socialnämnden <script>&amp;</script> \"citat\" \u{1}", risk: "Risk ]]> <w:p/>",
            texts: ["<b>fet</b> & ' \"", "rad ett\nrad två\ttabb", "\u{FFFF}\u{0B}slut"])
        let parts = DOCXRenderer.parts(appendix)
        #expect(
            parts.map(\.path) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
                "word/_rels/document.xml.rels",
                "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml",
            ])
        for part in parts {
            let parser = XMLParser(data: Data(part.bytes))
            #expect(parser.parse(), "\(part.path): \(String(describing: parser.parserError))")
        }
        let document = try Self.part("word/document.xml", of: parts)
        #expect(document.contains("Socialnämnden &lt;script&gt;&amp;amp;&lt;/script&gt; &quot;citat&quot; </w:t>"))
        #expect(document.contains("Risk ]]&gt; &lt;w:p/&gt;"))
        #expect(document.contains("rad ett rad två tabb"))
        #expect(DOCXRenderer.parts(appendix).map(\.bytes) == parts.map(\.bytes))
    }

    /// The package as written: Python's zipfile (a second ZIP reader) finds every part intact, in
    /// order, byte for byte, and our own reader agrees.
    @Test func theDocxIsAZipPackageOfTheParts() throws {
        let appendix = try Self.example()
        let parts = DOCXRenderer.parts(appendix)
        let docx = try DOCXRenderer.render(appendix)
        #expect(try DOCXRenderer.render(appendix) == docx, "the same appendix gives the same bytes")
        #expect(try ZipArchive.read(docx).map(\.name) == parts.map(\.path))
        #expect(try ZipArchive.read(docx).map(\.data) == parts.map(\.bytes))
        guard let python = ReaderProgram.find("python3", for: "reading the .docx with Python's zipfile") else { return }
        let folder = try ReaderFolder()
        try Data(docx).write(to: folder.file("bilaga.docx"))
        let script = """
            import hashlib, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for i in z.infolist():
                print(i.filename, hashlib.sha256(z.read(i)).hexdigest())
            """
        let result = try python.run(["-c", script, folder.file("bilaga.docx").path])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = parts.map { "\($0.path) \(SHA256.hash($0.bytes).hex)" }
        #expect(result.text.split(separator: "\n").map(String.init) == expected)
    }

    @Test func theDocumentHasTheLayoutOfTheCommitteesAppendix() throws {
        let appendix = try Self.example()
        let parts = DOCXRenderer.parts(appendix)
        let document = try Self.part("word/document.xml", of: parts)
        // A4 landscape: 297 × 210 mm in twentieths of a point.
        #expect(document.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        #expect(document.contains("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"))
        #expect(document.contains("<w:tblLayout w:type=\"fixed\"/>"))
        // 12/13/8/9/7/51 % of the 15,478 twips between the margins.
        #expect(
            document.contains(
                "<w:tblGrid><w:gridCol w:w=\"1857\"/><w:gridCol w:w=\"2012\"/><w:gridCol w:w=\"1238\"/><w:gridCol w:w=\"1393\"/><w:gridCol w:w=\"1083\"/><w:gridCol w:w=\"7895\"/></w:tblGrid>"
            ))
        // One risk with three control points: one cell that starts the merge and two merged into it.
        #expect(document.components(separatedBy: "<w:vMerge w:val=\"restart\"/>").count - 1 == 2)
        #expect(document.components(separatedBy: "<w:vMerge/>").count - 1 == 2)
        // Bullet lists are real lists, and the signal is its shape in its colour and its word.
        #expect(
            document.contains(
                "<w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"))
        #expect(
            document.contains(
                "<w:r><w:rPr><w:color w:val=\"F9A825\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr><w:t xml:space=\"preserve\">▲</w:t></w:r><w:r><w:t xml:space=\"preserve\"> Gul</w:t></w:r>"
            ))
        #expect(
            document.contains(
                "<w:t xml:space=\"preserve\">Frekvens upp</w:t><w:softHyphen/><w:t xml:space=\"preserve\">följning</w:t>"
            ))
        let styles = try Self.part("word/styles.xml", of: parts)
        #expect(styles.contains("<w:lang w:val=\"sv-SE\""))
        #expect(styles.contains("<w:rFonts w:ascii=\"Arial\""))
        #expect(try Self.part("word/header1.xml", of: parts).contains(">Bilaga 1.</w:t>"))
        let footer = try Self.part("word/footer1.xml", of: parts)
        #expect(
            footer.contains("Sida </w:t>") && footer.contains("> PAGE </w:instrText>")
                && footer.contains("> NUMPAGES </w:instrText>"))
    }

    @Test func tableOnlyLeavesOutTheSummaryAndTheLegend() throws {
        let appendix = try Self.example()
        let full = try Self.part("word/document.xml", of: DOCXRenderer.parts(appendix))
        let table = try Self.part(
            "word/document.xml", of: DOCXRenderer.parts(appendix, options: ReportOptions(isTableOnly: true)))
        #expect(full.contains(appendix.summary) && full.contains("Följande signaler"))
        #expect(!table.contains(appendix.summary) && !table.contains("Följande signaler"))
        #expect(
            table.contains(
                "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(appendix.title)</w:t></w:r></w:p><w:tbl>"
            ))
    }

    @Test(arguments: [ReportPoint.interim, .yearEnd])
    func theExamplesDocumentMatchesItsSnapshot(point: ReportPoint) throws {
        let parts = DOCXRenderer.parts(try Self.example(point))
        let document = try #require(parts.first { $0.path == "word/document.xml" })
        Snapshot.check(WordFixture.readable(document.bytes), named: "socialnamnden-2023-\(point.rawValue).document.xml")
    }

    /// The care example's Word appendix: areas as bold rows, a stratified review's lists.
    @Test(arguments: [ReportPoint.interim, .yearEnd])
    func theCareExamplesDocumentMatchesItsSnapshot(point: ReportPoint) throws {
        let (plan, state) = try AppendixSnapshotTests.loadCare()
        let parts = DOCXRenderer.parts(try Appendix.build(plan: plan, state: state, point: point))
        let document = try #require(parts.first { $0.path == "word/document.xml" })
        Snapshot.check(WordFixture.readable(document.bytes), named: "vardomsorg-2024-\(point.rawValue).document.xml")
    }

    @Test func libreOfficePrintsTheExampleOnA4LandscapeWithEveryControlPoint() throws {
        let purpose = "opening the Word appendix in LibreOffice"
        guard let office = LibreOffice.find(for: purpose) else { return }
        let appendix = try Self.example()
        let folder = try ReaderFolder()
        // The areas layout (numbered area rows spanning three columns) goes in the same launch.
        var (plan, state) = try AppendixSnapshotTests.load()
        plan.reportLayout = .areas
        let areas = try Appendix.build(plan: plan, state: state, point: .yearEnd)
        // The .docx as `report --format docx` writes it: packed by the library's ZIP writer.
        let docx = folder.file("bilaga.docx")
        let areasDocx = folder.file("omraden.docx")
        try Data(try DOCXRenderer.render(appendix)).write(to: docx)
        try Data(try DOCXRenderer.render(areas)).write(to: areasDocx)
        let pdfs = try office.convertToPDF([docx, areasDocx], in: folder)
        guard let info = try PDFInfo.read(pdfs[0], for: purpose),
            let areasInfo = try PDFInfo.read(pdfs[1], for: purpose)
        else { return }
        #expect(areasInfo.isA4Landscape)
        for group in areas.groups {
            let hasArea = areasInfo.containsIgnoringBreaks("\(group.number). \(group.risk)")
            #expect(hasArea, "\(group.id)")
        }
        #expect(info.isA4Landscape, "\(info.width) × \(info.height) pt")
        #expect((2...4).contains(info.pages), "\(info.pages) pages")
        for (index, page) in info.pageTexts.enumerated() {
            let lines = page.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            #expect(lines.first == "Bilaga 1.", "page \(index + 1) starts with \(lines.first ?? "nothing")")
            #expect(
                lines.last == "Sida \(index + 1) av \(info.pages)",
                "page \(index + 1) ends with \(lines.last ?? "nothing")")
        }
        #expect(info.contains(appendix.title))
        for group in appendix.groups {
            let hasRisk = info.containsIgnoringBreaks(group.risk)
            #expect(hasRisk, "\(group.id): \(group.risk)")
            for row in group.rows {
                let hasText = info.contains(row.what)
                #expect(hasText, "\(row.id): \(row.what)")
                let signal = try #require(row.signal.map { appendix.mark($0).text })
                let hasSignal = info.contains(signal)
                #expect(hasSignal, "\(row.id): \(signal)")
            }
        }
        // Every page after the first repeats the header row.
        for page in info.pageTexts.dropFirst() {
            #expect(page.contains("Identifierad risk") && page.contains("Resultat och åtgärder"))
        }
    }
}
