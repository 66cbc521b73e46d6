import Foundation
import Testing

@testable import StickprovKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Bilaga 2, the risk matrix and the roll-up as Word documents: well-formed parts, golden
/// document.xml files, and LibreOffice (standing in for Word) printing all three.
@Suite struct YearDocumentsWordTests {
    static func documents() throws -> [(name: String, parts: [(path: String, bytes: [UInt8])])] {
        let (plan, state) = try AppendixSnapshotTests.load()
        return [
            ("socialnamnden-2023-bilaga2", try ProviderAppendix.build(plan: plan, state: state).docxParts()),
            ("socialnamnden-2023-riskmatris", try RiskMatrix.build(plan: plan).docxParts()),
            ("rollup-2023", try RollupTests.rollup().docxParts()),
        ]
    }

    @Test func everyPartIsWellFormedAndTheDocumentsMatchTheirSnapshots() throws {
        for (name, parts) in try Self.documents() {
            for part in parts {
                let parser = XMLParser(data: Data(part.bytes))
                #expect(parser.parse(), "\(name) \(part.path): \(String(describing: parser.parserError))")
            }
            let document = try #require(parts.first { $0.path == "word/document.xml" })
            Snapshot.check(WordFixture.readable(document.bytes), named: "\(name).document.xml")
        }
    }

    @Test func libreOfficePrintsAllThree() throws {
        let purpose = "opening Bilaga 2, the risk matrix and the roll-up in LibreOffice"
        guard let office = LibreOffice.find(for: purpose) else { return }
        let folder = try ReaderFolder()
        var files: [URL] = []
        for (name, parts) in try Self.documents() {
            guard let file = try WordFixture.packWithPython(parts, in: folder, name: "\(name).docx") else { return }
            files.append(file)
        }
        // Bilaga 2 once more, packed by the library's own ZIP writer, as the CLI writes it.
        let (plan, state) = try AppendixSnapshotTests.load()
        let ours = folder.file("bilaga2-egen.docx")
        try Data(try ProviderAppendix.build(plan: plan, state: state).docx()).write(to: ours)
        files.append(ours)
        let pdfs = try office.convertToPDF(files, in: folder)
        guard let bilaga2 = try PDFInfo.read(pdfs[0], for: purpose),
            let matrix = try PDFInfo.read(pdfs[1], for: purpose),
            let rollup = try PDFInfo.read(pdfs[2], for: purpose)
        else { return }
        for info in [bilaga2, matrix, rollup] { #expect(info.isA4Landscape, "\(info.width) × \(info.height) pt") }
        let own = try #require(try PDFInfo.read(pdfs[3], for: purpose))
        #expect(own.pageTexts == bilaga2.pageTexts)
        #expect(bilaga2.pageTexts.first?.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("Bilaga 2.") == true)
        #expect(bilaga2.containsIgnoringBreaks("HVB för vuxna med missbruk (Vägvalet AB)"))
        #expect(bilaga2.contains("Kommentar till uppföljningen"))
        #expect(matrix.pages == 1)
        #expect(matrix.containsIgnoringBreaks("Att kostnaderna för externa placeringar överstiger budget"))
        #expect(rollup.pages >= 4)
        #expect(rollup.containsIgnoringBreaks("Barn- och utbildningsnämnden"))
        #expect(rollup.containsIgnoringBreaks("Plans/trasig-2023: kunde inte läsas"))
        #expect(rollup.contains("Sida 1 av \(rollup.pages)"))
    }
}
