import Foundation
import Testing

@testable import StickprovKit

/// The documents around Bilaga 1 (Bilaga 2, the risk matrix, the roll-up), printed as the person
/// compiling the report does: headless Chromium to PDF, read back with poppler.
@Suite struct YearDocumentsPrintTests {
    static func printed(_ html: String, purpose: String) throws -> PDFInfo? {
        guard let chromium = Chromium.find(for: purpose) else { return nil }
        let folder = try ReaderFolder()
        let pdf = try chromium.printToPDF(html, in: folder)
        return try PDFInfo.read(pdf, for: purpose)
    }

    @Test func bilaga2PrintsOnA4LandscapeWithEveryContract() throws {
        let (plan, state) = try AppendixSnapshotTests.load()
        let appendix = try ProviderAppendix.build(plan: plan, state: state)
        guard let info = try Self.printed(appendix.html(), purpose: "printing Bilaga 2 in Chromium") else { return }
        #expect(info.isA4Landscape, "\(info.width) × \(info.height) pt")
        #expect(info.contains("Bilaga 2. Uppföljning av privata utförare 2023"))
        // The contracts' names (Chromium may break "18–20" at the dash).
        #expect(info.contains("(Trygga Steg AB)") && info.contains("(Vägvalet AB)"))
        #expect(info.contains("Kommentar till uppföljningen"))
    }

    @Test func theRiskMatrixPrintsEveryRiskNumberInItsCell() throws {
        let (plan, _) = try AppendixSnapshotTests.load()
        let matrix = try RiskMatrix.build(plan: plan)
        guard let info = try Self.printed(matrix.html(), purpose: "printing the risk matrix in Chromium") else {
            return
        }
        #expect(info.isA4Landscape)
        #expect(info.pages == 1)
        // The grid's row for probability 3: its number, then the cells' risk numbers 3, 2, 1 (consequence 2, 3, 4).
        let rows = info.rawText.components(separatedBy: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains("3 3 2 1"), "\(rows.prefix(20))")
        #expect(rows.contains("2 4"), "\(rows.prefix(20))")
    }

    @Test func theRollupPrintsEachCommitteeAndTheTotals() throws {
        let rollup = try RollupTests.rollup()
        guard let info = try Self.printed(rollup.html(), purpose: "printing the roll-up in Chromium") else { return }
        #expect(info.isA4Landscape)
        // The overview, then each committee from a new page, then the failure's page.
        #expect(info.pages >= 4)
        #expect(info.pageTexts.first?.contains("Sammanställning") == true)
        #expect(info.contains("Barn- och utbildningsnämnden"))
        #expect(info.contains("Plans/trasig-2023: kunde inte läsas"))
        #expect(info.contains("Kommunen totalt"))
    }
}
