import Foundation

/// Reads private-provider follow-ups from a sheet with Bilaga 2's columns (an Excel workbook,
/// or a CSV as Excel saves it: `;` or `,`, UTF-8 or Windows-1252), all rows or none.
///
/// The columns are found by heading, without case and a trailing `?`, `:`, `*` or `.`: *Berört avtal*, *Vad har följts upp?*,
/// *Har leverantören i huvudsak uppfyllt väsentliga mål och krav?* (or just *Uppfyllt*), and the
/// optional *Om Nej, vilka brister har iakttagits?*, *Hur påverkar bristerna nämndens verksamhet?*,
/// *Vilka åtgärder har vidtagits?* (or *Brister*, *Påverkan*, *Åtgärder*). Blank rows are skipped.
public enum ProviderWorksheet {
    /// Other headings a sheet may use for each column, after the appendix's own.
    static let shortNames = ["Avtal", "Uppföljning", "Uppfyllt", "Brister", "Påverkan", "Åtgärder"]

    /// The records for the sheet's rows. The header is the first row (of the first ten) naming the
    /// contract column, so a title row above it is skipped.
    /// - Throws: ``ProviderError/missingColumn(_:available:)`` or ``ProviderError/rows(_:)`` listing every bad row.
    public static func records(from sheet: SheetTable) throws(ProviderError) -> [ProviderRecord] {
        let columns = ContractFollowUp.columns
        let wanted = columns.indices.map {
            [RiskAnalysisImport.normalised(columns[$0]), RiskAnalysisImport.normalised(shortNames[$0])]
        }
        func find(_ row: SheetRow) -> [Int?] {
            let names = row.cells.map(RiskAnalysisImport.normalised)
            return wanted.map { choices in names.firstIndex { choices.contains($0) } }
        }
        guard let headerIndex = sheet.rows.prefix(10).firstIndex(where: { find($0)[0] != nil }) else {
            throw .missingColumn(columns[0], available: sheet.rows.first?.cells.filter { !$0.isEmpty } ?? [])
        }
        let header = sheet.rows[headerIndex]
        let indices = find(header)
        for position in 0..<3 where indices[position] == nil {
            throw .missingColumn(columns[position], available: header.cells.filter { !$0.isEmpty })
        }
        var problems: [ProviderError.Problem] = []
        var records: [ProviderRecord] = []
        var seen: [String: Int] = [:]
        for row in sheet.rows[(headerIndex + 1)...] {
            if row.cells.allSatisfy({ $0.trimmingASCIIWhitespace().isEmpty }) { continue }
            func cell(_ position: Int) -> String {
                // The `'` the CSV sheet put before a formula-like text is taken off again.
                indices[position].map { WorksheetImport.unguarded(row.cell($0).trimmingASCIIWhitespace()) } ?? ""
            }
            let answer = cell(2)
            guard let isFulfilled = ContractFollowUp.fulfilment(answer) else {
                problems.append(
                    .init(line: row.line, error: answer.isEmpty ? .emptyField(columns[2]) : .unknownAnswer(answer)))
                continue
            }
            do {
                let followUp = try ContractFollowUp(
                    contract: cell(0), followedUp: cell(1), isFulfilled: isFulfilled, shortcomings: cell(3),
                    impact: cell(4), actions: cell(5))
                let key = followUp.contract.precomposedStringWithCanonicalMapping.lowercased()
                if let first = seen.updateValue(row.line, forKey: key) {
                    problems.append(
                        .init(line: row.line, error: .repeatedContract(followUp.contract, firstLine: first)))
                    continue
                }
                records.append(.followUp(followUp))
            } catch {
                problems.append(.init(line: row.line, error: error))
            }
        }
        guard problems.isEmpty else { throw .rows(problems) }
        return records
    }

    /// A sheet to fill in: Bilaga 2's columns (UTF-8 with BOM, `;`, for Swedish Excel), with the
    /// follow-ups already recorded as rows, so they can be edited and imported again.
    public static func sheet(_ followUps: ProviderFollowUps) -> [UInt8] {
        let rows = followUps.contracts.map { row in
            [row.contract, row.followedUp, row.answer, row.shortcomings, row.impact, row.actions]
        }
        return CSVWriter().encode(header: ContractFollowUp.columns, rows: rows)
    }

    /// The same sheet as an Excel workbook: the sheet "Bilaga 2" with every cell text (so a
    /// contract number like `00162` stays as written), the answer column a Ja/Nej drop-down,
    /// the header frozen, and "Instruktioner" in Swedish naming `fileName` for the import.
    public static func workbook(_ followUps: ProviderFollowUps, fileName: String) -> Workbook {
        let header = ContractFollowUp.columns
        let rows = followUps.contracts.map { row in
            [row.contract, row.followedUp, row.answer, row.shortcomings, row.impact, row.actions]
        }
        var sheet = Workbook.Sheet(name: "Bilaga 2", rows: [header] + rows)
        sheet.editableColumns = Set(header.indices)
        sheet.widths = [28, 40, 18, 40, 40, 40]
        sheet.wrapsText = true
        sheet.dropDowns = [(2, "Svar")]
        var instructions = Workbook.Sheet(
            name: "Instruktioner",
            rows: [
                [
                    "Bilaga 2",
                    "Uppföljning av avtal med privata utförare: en rad per avtal som har följts upp under året.",
                ],
                [
                    header[2],
                    "Välj Ja eller Nej. Vid Nej: beskriv bristerna, hur de påverkar verksamheten och vilka åtgärder som har vidtagits.",
                ],
                ["Personuppgifter", "Skriv inga personnummer eller namn på enskilda: bilagan är offentlig."],
                [
                    "Läs in",
                    "Spara filen som den är (.xlsx) och läs in den: stickprov provider import \(fileName). "
                        + "Antingen läses alla rader in eller ingen; rader som inte har ändrats lägger inte till något.",
                ],
            ])
        instructions.hasHeader = false
        instructions.wrapsText = true
        instructions.widths = [28, 100]
        return Workbook(sheets: [sheet, instructions], lists: [("Svar", ["Ja", "Nej"])])
    }
}
