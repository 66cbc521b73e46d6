import Foundation

/// Reads a risk analysis (*risk- och väsentlighetsanalys*) from a sheet into a plan: each
/// risk's probability and consequence and what became of it.
///
/// The header is the first row (of the first ten) with a risk column: *Identifierad risk*,
/// *Risk* or *Risker*. The other columns are optional: *Sannolikhet* and *Konsekvens* (1–4, both
/// or neither), *Hantering* (kontrollpunkt, mål or annat; Swedish or English words), and
/// *Hur* / *Kommentar* / *Var* (the goal, or where the risk is handled, written to follow
/// "inom ramen för"). Names are compared without case, surrounding spaces and a trailing
/// `:`, `*`, `.` or `?`; other columns (*Riskvärde*, *Nr*) are not read, and the summary's notices
/// name every one that holds text, as they name a second column of the same kind, a *Hur* left
/// unused because *Hantering* is empty, and rows above the header. A risk whose text
/// matches one in the plan (ignoring case and spaces) is updated; any other is added with
/// the next free id. Every row is checked first: all are applied or none.
public enum RiskAnalysisImport {
    /// What the import did.
    public struct Summary: Sendable, Equatable {
        /// Risks added, by id.
        public var added: [RiskID] = []
        /// Risks already in the plan whose score or handling was set, by id.
        public var updated: [RiskID] = []
        /// What in the sheet was not used, and why: columns not read, cells and rows left out.
        public var notices: [String] = []
    }

    /// Why a sheet cannot be imported; nothing was changed.
    public enum Failure: Error, Sendable, Equatable {
        /// No row of the first ten names a risk column.
        case noHeader
        /// Rows with problems, each with its line.
        case rows([(line: Int, message: String)])

        public static func == (a: Failure, b: Failure) -> Bool {
            switch (a, b) {
            case (.noHeader, .noHeader): true
            case (.rows(let x), .rows(let y)): x.map(\.line) == y.map(\.line) && x.map(\.message) == y.map(\.message)
            default: false
            }
        }

        /// The lines a user reads: `(line, message)`.
        public var messages: [(line: Int?, text: String)] {
            switch self {
            case .noHeader:
                [(nil, "no header row: none of the first 10 rows has a column 'Identifierad risk', 'Risk' or 'Risker'")]
            case .rows(let problems): problems.map { ($0.line, $0.message) }
            }
        }
    }

    static let names: [(column: Column, words: [String])] = [
        (.risk, ["identifierad risk", "risk", "risker", "riskbeskrivning"]),
        (.probability, ["sannolikhet", "s", "probability"]),
        (.consequence, ["konsekvens", "k", "consequence"]),
        (.handling, ["hantering", "hanteras", "hanteras som", "handling"]),
        (.text, ["hur", "kommentar", "var", "hanteras inom", "mål"]),
    ]

    enum Column: CaseIterable { case risk, probability, consequence, handling, text }

    /// Applies the sheet to `plan`.
    /// - Throws: ``Failure``, with every bad row; `plan` is unchanged then.
    public static func apply(_ sheet: SheetTable, to plan: inout ControlPlan) throws(Failure) -> Summary {
        guard let (headerIndex, columns) = header(sheet) else { throw .noHeader }
        var problems: [(line: Int, message: String)] = []
        var working = plan
        var summary = Summary()
        summary.notices = unusedCells(sheet, headerIndex: headerIndex, columns: columns)
        var howUnused: [Int] = []
        for row in sheet.rows.dropFirst(headerIndex + 1) {
            func cell(_ column: Column) -> String {
                columns[column].map { WorksheetImport.unguarded(row.cell($0).trimmingASCIIWhitespace()) } ?? ""
            }
            let text = cell(.risk)
            if text.isEmpty {
                if Column.allCases.contains(where: { !cell($0).isEmpty }) {
                    problems.append((row.line, "the risk's text is empty"))
                }
                continue
            }
            var score: RiskScore?
            let (p, c) = (cell(.probability), cell(.consequence))
            if !p.isEmpty || !c.isEmpty {
                guard let probability = Int(p), let consequence = Int(c), (1...4).contains(probability),
                    (1...4).contains(consequence)
                else {
                    problems.append(
                        (row.line, "Sannolikhet '\(p)' and Konsekvens '\(c)' must both be whole numbers 1–4"))
                    continue
                }
                score = RiskScore(probability: probability, consequence: consequence)
            }
            var handling: RiskHandling?
            let word = cell(.handling)
            let how = cell(.text)
            if !word.isEmpty {
                guard let kind = RiskHandling.Kind(userText: word) else {
                    problems.append((row.line, "Hantering '\(word)' is not kontrollpunkt, mål or annat"))
                    continue
                }
                if kind == .elsewhere && how.isEmpty {
                    problems.append(
                        (row.line, "Hantering 'annat' needs the column Hur saying where the risk is handled"))
                    continue
                }
                handling = RiskHandling(kind, text: how)
            } else if !how.isEmpty {
                howUnused.append(row.line)
            }
            for (field, value) in [("Identifierad risk", text), ("Hur", how)] {
                if let match = PersonalIdentityNumber.find(in: value).first {
                    problems.append(
                        (
                            row.line,
                            "\(field) holds what looks like a personnummer (\(match.masked)); the plan is public"
                        ))
                }
            }
            let key = Self.key(text)
            if let existing = working.risks.first(where: { Self.key($0.text) == key }) {
                guard !summary.updated.contains(existing.id) && !summary.added.contains(existing.id) else {
                    problems.append((row.line, "the risk '\(text)' is already on an earlier row"))
                    continue
                }
                try? working.updateRisk(existing.id) { risk in
                    if score != nil { risk.score = score }
                    if handling != nil { risk.handling = handling }
                }
                summary.updated.append(existing.id)
            } else {
                let id = working.nextRiskID
                working.addRisk(Risk(id: id, text: text, score: score, handling: handling))
                summary.added.append(id)
            }
        }
        guard problems.isEmpty else { throw .rows(problems) }
        if !howUnused.isEmpty, let index = columns[.text] {
            summary.notices.append(
                "'\(sheet.rows[headerIndex].cell(index).trimmingASCIIWhitespace())' is not recorded on \(lines(howUnused)): "
                    + "Hantering is empty there (write kontrollpunkt, mål or annat to keep it)")
        }
        plan = working
        return summary
    }

    /// The notices for what the import does not read: rows above the header, and columns holding
    /// text that name no column the import knows (or one already read further left).
    static func unusedCells(_ sheet: SheetTable, headerIndex: Int, columns: [Column: Int]) -> [String] {
        var notices: [String] = []
        let above = sheet.rows[..<headerIndex].map(\.line)
        if !above.isEmpty {
            notices.append(
                "skipped \(lines(above)) above the header; nothing in \(above.count == 1 ? "it" : "them") is recorded")
        }
        let header = sheet.rows[headerIndex]
        let data = sheet.rows.dropFirst(headerIndex + 1)
        let read = Set(columns.values)
        let width = max(header.cells.count, data.map(\.cells.count).max() ?? 0)
        for index in 0..<width where !read.contains(index) {
            let filled = data.filter { !$0.cell(index).trimmingASCIIWhitespace().isEmpty }.map(\.line)
            guard !filled.isEmpty else { continue }
            let name = header.cell(index).trimmingASCIIWhitespace()
            let known = names.first { $0.words.contains(normalised(name)) }?.column
            let why =
                known.flatMap { columns[$0] }.map {
                    "a column further left, '\(header.cell($0).trimmingASCIIWhitespace())', is read for the same thing"
                } ?? "it is not a column the import reads"
            notices.append(
                "column \(Workbook.columnName(index))\(name.isEmpty ? " (no heading)" : " '\(InputBounds.clip(name))'") "
                    + "holds text on \(lines(filled)) that is not recorded: \(why)")
        }
        return notices
    }

    /// "line 4" or "lines 4, 7, 9" (the first 20, then "…").
    static func lines(_ numbers: [Int]) -> String {
        let shown = numbers.prefix(InputBounds.echoEntries).map(String.init).joined(separator: ", ")
        return (numbers.count == 1 ? "line " : "lines ") + shown
            + (numbers.count > InputBounds.echoEntries ? ", …" : "")
    }

    /// The header row's index and where each known column is.
    static func header(_ sheet: SheetTable) -> (Int, [Column: Int])? {
        for (index, row) in sheet.rows.prefix(10).enumerated() {
            var columns: [Column: Int] = [:]
            for (position, cell) in row.cells.enumerated() {
                let name = normalised(cell)
                if let column = names.first(where: { $0.words.contains(name) })?.column, columns[column] == nil {
                    columns[column] = position
                }
            }
            if columns[.risk] != nil { return (index, columns) }
        }
        return nil
    }

    static func normalised(_ name: String) -> String {
        var text = name.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
            .lowercased()
        while let last = text.last, ":*.?".contains(last) { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func key(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
    }
}
