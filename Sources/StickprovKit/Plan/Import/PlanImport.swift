/// Builds a plan from a spreadsheet as a committee keeps it, in its own columns and words.
///
/// The header is the first row (of the first ten) with a column for what is checked
/// (*Vad kontrolleras?* or *Kontrollmoment*); rows above it (a title) are skipped. Header names
/// are compared without case, surrounding whitespace and trailing `:`, `*`, `.` or `?`, so
/// `Kontrollmoment:` and `Id*` are found. Only the text column is required; see
/// ``PlanImportColumn`` for the others and their defaults. Columns the import does not use are
/// named in the summary, and empty columns (Excel's trailing ones) are ignored.
///
/// The committee's words are kept: ids (`CENT 1`), *Metod*, *Frekvens* and *Frekvens uppföljning*
/// cells are stored as written, and the tool only infers from them what it needs (the kind of
/// method, the cadence, whether the control is reported at the interim, year end or both).
/// A row with an empty risk cell belongs to the risk above it, as merged cells do in Excel; a row
/// without an id gets the next free one in the sheet's own series (`CENT 3` after `CENT 2`).
public enum PlanImport {
    /// Why a sheet cannot be imported; nothing was created.
    public enum Failure: Error, Sendable, Equatable {
        /// No row of the first ten names a column for what is checked; `firstRow` is the first row's cells.
        case noHeader(firstRow: [String], line: Int?)
        /// Two or more header cells name the same column, so which one is meant is unclear.
        case ambiguousColumn(PlanImportColumn, names: [String], line: Int)
        /// Rows with problems, each `(line, message)`; nothing was imported.
        case rows([RowProblem])

        /// The lines a user reads, without the file name; each begins with the line when there is one.
        public var messages: [(line: Int?, text: String)] {
            switch self {
            case .noHeader(let firstRow, let line):
                let seen = firstRow.map { $0.trimmingASCIIWhitespace() }.filter { !$0.isEmpty }
                return [
                    (
                        line,
                        "no header row: none of the first 10 rows has a column 'Vad kontrolleras?' or 'Kontrollmoment'"
                            + (seen.isEmpty ? "" : " (the first row has: \(seen.joined(separator: ", ")))")
                    )
                ]
            case .ambiguousColumn(let column, let names, let line):
                let quoted = names.map { "'\($0)'" }
                let list = quoted.dropLast().joined(separator: ", ") + " and " + (quoted.last ?? "")
                return [
                    (
                        line,
                        "the header is ambiguous: \(list) all name the column '\(column.title)'; "
                            + "rename or remove all but one"
                    )
                ]
            case .rows(let problems):
                return problems.map { ($0.line, $0.message) }
            }
        }
    }

    /// One row's problem, with its 1-based line in the file.
    public struct RowProblem: Sendable, Equatable {
        /// The line the row starts on.
        public var line: Int
        /// What is wrong.
        public var message: String

        /// Creates a problem.
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// A plan read from a sheet, with what the import made of the sheet.
    public struct Imported: Sendable, Equatable {
        /// The plan.
        public var plan: ControlPlan
        /// The line of the header row.
        public var headerLine: Int
        /// Each column used, with the header cell that named it, in sheet order.
        public var columns: [Used]
        /// The columns the sheet does not have, whose default the plan got.
        public var defaulted: [PlanImportColumn]
        /// Header names of columns not used (with data, or a name the import does not know).
        public var unused: [String]
        /// Lines of the rows above the header that were skipped (a title).
        public var skippedLines: [Int]
        /// What the import read in a way the user may want to check, one per row.
        public var notes: [RowProblem]

        /// A column the import used.
        public struct Used: Sendable, Equatable {
            /// What the column holds.
            public var column: PlanImportColumn
            /// The header cell as written.
            public var header: String
        }

        /// The summary a user reads after an import: the columns used, the defaults, what was not used.
        public var summary: [String] {
            var lines: [String] = []
            let areas = plan.risks.count
            let points = plan.controlPoints.count
            lines.append(
                "\(areas) \(areas == 1 ? "risk area" : "risk areas"), \(points) \(points == 1 ? "control point" : "control points")"
                    + " (header on line \(headerLine)\(skippedLines.isEmpty ? "" : "; skipped the line\(skippedLines.count == 1 ? "" : "s") above it: \(skippedLines.map(String.init).joined(separator: ", "))"))."
            )
            lines.append(
                "Columns read: " + columns.map { "'\($0.header)' as \($0.column.title)" }.joined(separator: ", ") + ".")
            if !defaulted.isEmpty {
                lines.append(
                    "Not in the sheet: "
                        + defaulted.map { "\($0.title) (\($0.defaultDescription))" }.joined(separator: "; ") + ".")
            }
            if !unused.isEmpty {
                lines.append("Not used: " + unused.map { "'\($0)'" }.joined(separator: ", ") + ".")
            }
            let controls = plan.controlPoints.map(\.control)
            let methods = unique(controls.filter { $0.method == nil }.compactMap(\.methodLabel))
            if !methods.isEmpty {
                lines.append(
                    "Metod kept as written, of no kind the tool knows: "
                        + methods.map { "'\($0)'" }.joined(separator: ", ")
                        + " (a draw will ask for a sample rule).")
            }
            let cadences = unique(controls.filter { $0.cadence == nil }.compactMap(\.cadenceLabel))
            if !cadences.isEmpty {
                lines.append(
                    "Frekvens kept as written, no schedule read from it: "
                        + cadences.map { "'\($0)'" }.joined(separator: ", ") + ".")
            }
            lines += notes.map { "line \($0.line): \($0.message)" }
            return lines
        }

        private func unique(_ texts: [String]) -> [String] {
            var seen: Set<String> = []
            return texts.filter { seen.insert($0).inserted }
        }
    }

    /// The text of the one risk area a sheet without a risk column gets.
    public static let defaultRiskText = "Kontrollmoment"

    /// Reads `sheet` into a new plan for `committee` and `year`.
    /// - Throws: ``Failure`` when there is no header, a column is named twice, or rows have problems
    ///   (every bad row is listed).
    public static func plan(from sheet: SheetTable, committee: String, year: Int, title: String? = nil)
        throws(Failure) -> Imported
    {
        let header = try findHeader(in: sheet)
        let rows = sheet.rows.filter { $0.line > header.row.line }
        var columns: [PlanImportColumn: Int] = [:]
        var used: [Imported.Used] = []
        var unused: [String] = []
        let width = rows.map(\.cells.count).max() ?? 0
        let cells = header.row.cells + Array(repeating: "", count: max(0, width - header.row.cells.count))
        for (index, name) in cells.enumerated() {
            let key = PlanImportColumn.key(name)
            if let column = PlanImportColumn.matching(key) {
                let names = header.row.cells.enumerated().filter {
                    PlanImportColumn.matching(PlanImportColumn.key($0.element)) == column
                }
                if names.count > 1 {
                    throw .ambiguousColumn(
                        column, names: names.map { $0.element.trimmingASCIIWhitespace() }, line: header.row.line)
                }
                columns[column] = index
                used.append(Imported.Used(column: column, header: name.trimmingASCIIWhitespace()))
            } else if !key.isEmpty {
                unused.append(name.trimmingASCIIWhitespace())
            } else if rows.contains(where: { !$0.cell(index).trimmingASCIIWhitespace().isEmpty }) {
                unused.append("column \(index + 1) (no header)")
            }
        }
        let defaulted = PlanImportColumn.allCases.filter { columns[$0] == nil }

        var builder = Builder(
            columns: columns, headers: Dictionary(uniqueKeysWithValues: used.map { ($0.column, $0.header) }))
        for row in rows { builder.read(row) }
        var plan = ControlPlan(committee: committee, year: year, title: title)
        let problems = builder.assignIDs(into: &plan)
        guard problems.isEmpty else { throw .rows(problems) }
        let leftover = plan.issues
        guard leftover.isEmpty else {
            throw .rows(leftover.map { RowProblem(line: header.row.line, message: "the plan would be invalid: \($0)") })
        }
        return Imported(
            plan: plan, headerLine: header.row.line, columns: used, defaulted: defaulted, unused: unused,
            skippedLines: header.skipped, notes: builder.notes)
    }

    /// The header row: the first of the first ten that names the text column.
    private static func findHeader(in sheet: SheetTable) throws(Failure) -> (row: SheetRow, skipped: [Int]) {
        for (position, row) in sheet.rows.prefix(10).enumerated()
        where row.cells.contains(where: { PlanImportColumn.matching(PlanImportColumn.key($0)) == .text }) {
            return (row, sheet.rows.prefix(position).map(\.line))
        }
        throw .noHeader(firstRow: sheet.rows.first?.cells ?? [], line: sheet.rows.first?.line)
    }

    /// A control point as read from its row, before ids are given.
    private struct Draft {
        var line: Int
        var id: ControlID?
        var control: ControlPoint
    }

    /// Reads rows one by one into risk areas and drafts, collecting problems and notes.
    private struct Builder {
        let columns: [PlanImportColumn: Int]
        let headers: [PlanImportColumn: String]
        var areas: [(text: String, line: Int, drafts: [Draft])] = []
        var problems: [RowProblem] = []
        var notes: [RowProblem] = []

        init(columns: [PlanImportColumn: Int], headers: [PlanImportColumn: String]) {
            self.columns = columns
            self.headers = headers
        }

        /// A cell of a column, whitespace (and Excel's Alt+Enter line breaks) collapsed to single spaces,
        /// without the `'` our CSV (the appendix's) puts before a formula-like text.
        func cell(_ row: SheetRow, _ column: PlanImportColumn) -> String {
            guard let index = columns[column] else { return "" }
            return WorksheetImport.unguarded(
                row.cell(index).nfc.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }

        mutating func read(_ row: SheetRow) {
            func problem(_ message: String) { problems.append(RowProblem(line: row.line, message: message)) }
            let used = PlanImportColumn.allCases.filter { !cell(row, $0).isEmpty }
            if used.isEmpty { return }
            let text = cell(row, .text)
            if columns[.risk] == nil, used == [.text], let heading = Self.areaHeading(text) {
                areas.append((heading, row.line, []))
                return
            }
            let riskText = cell(row, .risk)
            if !riskText.isEmpty && riskText != areas.last?.text {
                areas.append((riskText, row.line, []))
            }
            if areas.isEmpty {
                if columns[.risk] != nil {
                    problem("'\(header(.risk))' is empty and there is no risk above to belong to")
                } else {
                    areas.append((PlanImport.defaultRiskText, row.line, []))
                }
            }
            if text.isEmpty { problem("'\(header(.text))' is empty") }

            let idText = cell(row, .id)
            let id = idText.isEmpty ? nil : ControlID(rawValue: idText)
            if let problemText = id?.problem { problem(problemText) }

            let methodText = cell(row, .method)
            let method = methodText.isEmpty ? nil : MethodKind.recognising(label: methodText)
            var cadenceText = cell(row, .cadence)
            let cadence = cadenceText.isEmpty ? nil : Cadence(cadenceText)
            var followUpText = cell(row, .followUp)
            // The areas layout prints the follow-up under *Frekvens* when a point has no cadence.
            if columns[.followUp] == nil, cadence == nil, !cadenceText.isEmpty,
                FollowUp.recognising(label: cadenceText) != nil
            {
                followUpText = cadenceText
                cadenceText = ""
            }
            var followUp = FollowUp.both
            if !followUpText.isEmpty {
                if let recognised = FollowUp.recognising(label: followUpText) {
                    followUp = recognised
                } else {
                    notes.append(
                        RowProblem(
                            line: row.line,
                            message:
                                "'\(followUpText)' names neither the interim nor the year-end report; kept as written and reported at both"
                        ))
                }
            }
            let responsible = cell(row, .responsible)
            guard !text.isEmpty, !areas.isEmpty else { return }
            let control = ControlPoint(
                id: ControlID(rawValue: ""), text: text, method: method,
                methodLabel: Self.label(methodText, unless: method?.swedishLabel),
                cadence: cadence, cadenceLabel: Self.label(cadenceText, unless: cadence?.swedishLabel),
                followUp: followUp, followUpLabel: Self.label(followUpText, unless: followUp.swedishLabel),
                responsible: responsible.isEmpty ? nil : responsible)
            areas[areas.count - 1].drafts.append(Draft(line: row.line, id: id, control: control))
        }

        /// The header cell of a column as written, for messages.
        func header(_ column: PlanImportColumn) -> String { headers[column] ?? column.title }

        /// The committee's words when they say something other than the tool's own label.
        static func label(_ text: String, unless standard: String?) -> String? {
            text.isEmpty || text == standard ? nil : text
        }

        /// "1. Brister i …" alone in the text column: an area heading, as the areas layout writes it.
        static func areaHeading(_ text: String) -> String? {
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return nil }
            var rest = text.dropFirst(digits.count)
            guard rest.first == "." || rest.first == ")" else { return nil }
            rest = rest.dropFirst()
            guard rest.first == " " else { return nil }
            let heading = rest.trimmingASCIIWhitespace()
            return heading.isEmpty ? nil : heading
        }

        /// Gives each area an id `R1…` and each draft without one the next free id of its series;
        /// duplicate ids are problems.
        mutating func assignIDs(into plan: inout ControlPlan) -> [RowProblem] {
            var taken: [String: Int] = [:]
            for draft in areas.flatMap(\.drafts) {
                guard let id = draft.id else { continue }
                if let first = taken[id.rawValue] {
                    problems.append(RowProblem(line: draft.line, message: "id '\(id)' is already on line \(first)"))
                } else {
                    taken[id.rawValue] = draft.line
                }
            }
            func next(_ prefix: String) -> String {
                var number = 1
                while taken["\(prefix)\(number)"] != nil { number += 1 }
                taken["\(prefix)\(number)"] = 0
                return "\(prefix)\(number)"
            }
            var series = "K"
            for area in areas {
                var risk = Risk(id: RiskID(rawValue: next("R")), text: area.text)
                for draft in area.drafts {
                    var control = draft.control
                    if let id = draft.id {
                        control.id = id
                        series = Self.series(of: id.rawValue) ?? series
                    } else {
                        control.id = ControlID(rawValue: next(series))
                    }
                    risk.controls.append(control)
                }
                plan.addRisk(risk)
            }
            return problems.sorted { $0.line < $1.line }
        }

        /// `CENT ` for `CENT 12`: the id without its final number, or `nil` when it ends in none.
        static func series(of id: String) -> String? {
            let number = id.reversed().prefix { $0.isASCII && $0.isNumber }
            return number.isEmpty ? nil : String(id.dropLast(number.count))
        }
    }
}

/// The columns `plan import` reads, each known by several names.
public enum PlanImportColumn: String, Sendable, CaseIterable, Hashable {
    /// The control point's id (*Id*, *Nr*); default: the next free `K1`, `K2`, ….
    case id
    /// The identified risk or area (*Identifierad risk*, *Risk*, *Riskområde*, *Område*);
    /// default: one area, ``PlanImport/defaultRiskText``.
    case risk
    /// What is checked (*Vad kontrolleras?*, *Kontrollmoment*); required.
    case text
    /// How it is checked (*Metod*); default: blank.
    case method
    /// How often (*Frekvens*, *Periodicitet*, *Kontrollfrekvens*); default: not stated.
    case cadence
    /// When it is reported (*Frekvens uppföljning*, *Uppföljning*); default: both reports.
    case followUp
    /// Who follows it up (*Uppföljningsansvarig*, *Ansvarig*); default: not stated.
    case responsible

    /// The name the appendix gives the column.
    public var title: String {
        switch self {
        case .id: "Id"
        case .risk: "Identifierad risk"
        case .text: "Vad kontrolleras?"
        case .method: "Metod"
        case .cadence: "Frekvens"
        case .followUp: "Frekvens uppföljning"
        case .responsible: "Uppföljningsansvarig"
        }
    }

    /// The header names recognised, in ``key(_:)`` form.
    public var names: [String] {
        switch self {
        case .id: ["id", "nr"]
        case .risk: ["identifierad risk", "risk", "riskområde", "område"]
        case .text: ["vad kontrolleras", "kontrollmoment"]
        case .method: ["metod"]
        case .cadence: ["frekvens", "periodicitet", "kontrollfrekvens", "frekvens kontroll"]
        case .followUp: ["frekvens uppföljning", "frekvens upp-följning", "uppföljning"]
        case .responsible: ["uppföljningsansvarig", "ansvarig", "kontrollansvarig"]
        }
    }

    /// What a plan gets when the sheet has no such column.
    public var defaultDescription: String {
        switch self {
        case .id: "ids given in order, K1, K2, …"
        case .risk: "one risk area, '\(PlanImport.defaultRiskText)'"
        case .text: "required"
        case .method: "blank"
        case .cadence: "not stated"
        case .followUp: "reported at both, Del- och årsbokslut"
        case .responsible: "not stated"
        }
    }

    /// The column a header cell names, if any.
    public static func matching(_ key: String) -> PlanImportColumn? {
        allCases.first { $0.names.contains(key) }
    }

    /// A header cell as compared: NFC, lower case, inner whitespace single, without surrounding
    /// whitespace and trailing `:`, `*`, `.` or `?`.
    public static func key(_ cell: String) -> String {
        var text = Substring(cell.nfc.lowercased())
        while let last = text.last, last.isWhitespace || ":*.?".contains(last) { text = text.dropLast() }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
