import Foundation

/// Reads private-provider follow-ups from a sheet with Bilaga 2's columns (an Excel workbook,
/// or a CSV as Excel saves it: `;` or `,`, UTF-8 or Windows-1252), all rows or none.
///
/// The columns are found by heading, without case, a trailing `(Ja/Nej)` and a trailing `?`, `:`,
/// `*` or `.`: *Berört avtal*, *Vad har följts upp?*, *Har leverantören i huvudsak uppfyllt
/// väsentliga mål och krav?* (or just *Uppfyllt*), and the optional *Om Nej, vilka brister har
/// iakttagits?*, *Hur påverkar bristerna nämndens verksamhet?*, *Vilka åtgärder har vidtagits?*
/// (or *Brister*, *Påverkan*, *Åtgärder*). A committee's own wording of a heading is found by how it
/// begins (``headingStarts``): *Om nej, beskriv bristerna, t.ex. …*, *Hur påverkar bristerna
/// verksamheten/brukarna?*, *Vilka åtgärder har vidtagits med anledning av iakttagna brister?*.
/// Blank rows are skipped. Nothing in the sheet is left out silently: a filled-in column that is
/// none of these is refused (its text would not reach the appendix), and rows above the header
/// are named in a notice.
public enum ProviderWorksheet {
    /// Other headings a sheet may use for each column, after the appendix's own.
    static let shortNames = ["Avtal", "Uppföljning", "Uppfyllt", "Brister", "Påverkan", "Åtgärder"]

    /// How each column's heading may begin in a committee's own sheet (compared normalised), so
    /// longer wordings of the same question are found.
    static let headingStarts = [
        ["berört avtal", "berörda avtal"], ["vad har följts upp"], ["har leverantören"],
        ["om nej", "vilka brister"], ["hur påverkar"], ["vilka åtgärder"],
    ]

    /// Shortcomings that describe none: a dash, or words saying there are none.
    static let noShortcomings: Set<String> = [
        "inga", "inga brister", "ingen", "nej", "ja", "saknas", "ej aktuellt", "ej tillämpligt", "n/a", "se ovan",
    ]

    /// What reading a sheet gives: the records, and what the user should know.
    public struct Reading: Sendable, Equatable {
        /// The follow-ups, in sheet order.
        public var records: [ProviderRecord]
        /// Things the import did not use and says so: rows above the header.
        public var notices: [String]
    }

    /// The records for the sheet's rows. The header is the first row (of the first ten) naming the
    /// contract column, so a title row above it is skipped.
    /// - Throws: ``ProviderError/missingColumn(_:available:)`` or ``ProviderError/rows(_:)`` listing every bad row.
    public static func records(from sheet: SheetTable) throws(ProviderError) -> [ProviderRecord] {
        try read(sheet).records
    }

    /// The column (0…5, in ``ContractFollowUp/columns`` order) a heading names, if any.
    static func column(ofHeading heading: String) -> Int? {
        var name = RiskAnalysisImport.normalised(heading)
        if name.hasSuffix("(ja/nej)") {
            name = RiskAnalysisImport.normalised(String(name.dropLast("(ja/nej)".count)))
        }
        let columns = ContractFollowUp.columns
        if let exact = columns.indices.first(where: {
            [RiskAnalysisImport.normalised(columns[$0]), RiskAnalysisImport.normalised(shortNames[$0])].contains(name)
        }) {
            return exact
        }
        return headingStarts.indices.first { index in
            headingStarts[index].contains { start in
                name.hasPrefix(start)
                    && (name.count == start.count || !(name.dropFirst(start.count).first?.isLetter ?? false))
            }
        }
    }

    /// Reads the sheet: every row is checked, and every problem is given at once.
    /// - Throws: ``ProviderError/missingColumn(_:available:)``, ``ProviderError/ambiguousColumn(_:headings:line:)``
    ///   or ``ProviderError/rows(_:)`` listing every bad row and every filled column that is not read.
    public static func read(_ sheet: SheetTable) throws(ProviderError) -> Reading {
        let columns = ContractFollowUp.columns
        func find(_ row: SheetRow) -> [[Int]] {
            let found = row.cells.map(column(ofHeading:))
            return columns.indices.map { position in found.indices.filter { found[$0] == position } }
        }
        guard let headerIndex = sheet.rows.prefix(10).firstIndex(where: { !find($0)[0].isEmpty }) else {
            throw .missingColumn(columns[0], available: sheet.rows.first?.cells.filter { !$0.isEmpty } ?? [])
        }
        let header = sheet.rows[headerIndex]
        let found = find(header)
        for position in columns.indices where found[position].count > 1 {
            throw .ambiguousColumn(
                columns[position], headings: found[position].map { header.cell($0).trimmingASCIIWhitespace() },
                line: header.line)
        }
        for position in 0..<3 where found[position].isEmpty {
            throw .missingColumn(columns[position], available: header.cells.filter { !$0.isEmpty })
        }
        let indices = found.map(\.first)
        let data = sheet.rows[(headerIndex + 1)...]
        var problems: [ProviderError.Problem] = []
        // A filled-in column the import does not read would leave its text out of the appendix.
        let read = Set(indices.compactMap { $0 })
        let width = data.map(\.cells.count).max() ?? 0
        for index in 0..<width where !read.contains(index) {
            let lines = data.filter { !$0.cell(index).trimmingASCIIWhitespace().isEmpty }.map(\.line)
            guard !lines.isEmpty else { continue }
            let heading = header.cell(index).trimmingASCIIWhitespace()
            problems.append(.init(line: header.line, error: .unreadColumn(heading, column: index, lines: lines)))
        }
        var records: [ProviderRecord] = []
        var seen: [String: Int] = [:]
        for row in data {
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
            let shortcomings = cell(3)
            if !isFulfilled && !describesSomething(shortcomings) {
                let heading = indices[3].map { header.cell($0).trimmingASCIIWhitespace() } ?? columns[3]
                problems.append(
                    .init(
                        line: row.line,
                        error: .shortcomingsNotDescribed(contract: cell(0), heading: heading, text: shortcomings)))
                continue
            }
            do {
                let followUp = try ContractFollowUp(
                    contract: cell(0), followedUp: cell(1), isFulfilled: isFulfilled, shortcomings: shortcomings,
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
        guard problems.isEmpty else { throw .rows(problems.sorted { $0.line < $1.line }) }
        let above = sheet.rows[..<headerIndex].map(\.line)
        let notices =
            above.isEmpty
            ? []
            : [
                "skipped \(above.count == 1 ? "line" : "lines") \(above.map(String.init).joined(separator: ", ")) above the header (line \(header.line)); nothing in \(above.count == 1 ? "it" : "them") is recorded"
            ]
        return Reading(records: records, notices: notices)
    }

    /// Whether a text describes something: it has a letter or digit and is not a word for "none".
    static func describesSomething(_ text: String) -> Bool {
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else { return false }
        let folded = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        return !noShortcomings.contains(folded)
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
