/// A workbook to write as .xlsx: text sheets with frozen headers, column widths, locked and
/// editable columns, and drop-down lists fed from a hidden list sheet.
///
/// Every cell is written as text (an inline string in a cell formatted `@`), so a key such as
/// `00162`, `=1+1` or `2023-0412` is never turned into a number, a formula or a date.
public struct Workbook: Sendable {
    /// One worksheet.
    public struct Sheet: Sendable {
        /// The tab's name (at most 31 characters, no `[]:*?/\`).
        public var name: String
        /// The rows, the first being the header when ``hasHeader``.
        public var rows: [[String]]
        /// Column widths in characters; columns beyond the list get the default width.
        public var widths: [Double] = []
        /// Whether the first row is a header: bold, shaded and frozen.
        public var hasHeader = true
        /// Columns (0-based) the reader fills in: unlocked when the sheet is protected, unshaded.
        public var editableColumns: Set<Int> = []
        /// Whether the sheet is protected (without a password), so only editable columns change.
        public var isProtected = false
        /// Drop-down lists: a column (0-based) and the name of the list its cells choose from.
        public var dropDowns: [(column: Int, list: String)] = []
        /// Whether long text wraps inside its cell (instructions).
        public var wrapsText = false

        /// A sheet called `name` holding `rows`.
        public init(name: String, rows: [[String]]) {
            self.name = name
            self.rows = rows
        }
    }

    /// The sheets, in tab order.
    public var sheets: [Sheet]
    /// Named lists for drop-downs, stored in a hidden sheet "Listor", one column per list.
    public var lists: [(name: String, values: [String])]

    /// A workbook with `sheets` and the drop-down `lists` they refer to.
    public init(sheets: [Sheet], lists: [(name: String, values: [String])] = []) {
        self.sheets = sheets
        self.lists = lists
    }

    /// The .xlsx file's bytes (deterministic: the same workbook gives the same bytes).
    public func xlsx() throws(ZipError) -> [UInt8] {
        var all = sheets
        if !lists.isEmpty {
            let height = lists.map(\.values.count).max() ?? 0
            var list = Sheet(
                name: Self.listSheet,
                rows: (0..<height).map { row in lists.map { $0.values.indices.contains(row) ? $0.values[row] : "" } })
            list.hasHeader = false
            all.append(list)
        }
        var entries = [
            ZipEntry(name: "[Content_Types].xml", text: contentTypes(sheetCount: all.count)),
            ZipEntry(name: "_rels/.rels", text: Self.packageRelationships),
            ZipEntry(name: "xl/workbook.xml", text: workbookXML(all)),
            ZipEntry(name: "xl/_rels/workbook.xml.rels", text: workbookRelationships(sheetCount: all.count)),
            ZipEntry(name: "xl/styles.xml", text: Self.styles),
        ]
        for (index, sheet) in all.enumerated() {
            entries.append(ZipEntry(name: "xl/worksheets/sheet\(index + 1).xml", text: sheetXML(sheet)))
        }
        return try ZipArchive.write(entries)
    }

    static let listSheet = "Listor"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Cell styles (indexes into `cellXfs` of ``styles``).
    enum Style: Int {
        case plain = 0
        case header, locked, editable, wrapped
    }

    func contentTypes(sheetCount: Int) -> String {
        let sheets = (1...sheetCount).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return Self.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheets + "</Types>"
    }

    static let packageRelationships =
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    func workbookRelationships(sheetCount: Int) -> String {
        let sheets = (1...sheetCount).map {
            "<Relationship Id=\"rId\($0)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        return Self.declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + sheets
            + "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    func workbookXML(_ all: [Sheet]) -> String {
        let sheets = all.enumerated().map { index, sheet in
            let hidden = sheet.name == Self.listSheet && !lists.isEmpty ? " state=\"hidden\"" : ""
            return
                "<sheet name=\"\(XMLText.escape(sheet.name))\" sheetId=\"\(index + 1)\"\(hidden) r:id=\"rId\(index + 1)\"/>"
        }.joined()
        let names = lists.enumerated().map { index, list in
            let column = Self.columnName(index)
            return
                "<definedName name=\"\(list.name)\">\(Self.listSheet)!$\(column)$1:$\(column)$\(max(list.values.count, 1))</definedName>"
        }.joined()
        return Self.declaration + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>\(sheets)</sheets>"
            + (names.isEmpty ? "" : "<definedNames>\(names)</definedNames>") + "</workbook>"
    }

    /// Fonts: regular and bold. Fills: none, the required gray125, a header grey, a pale grey for
    /// columns not to edit, a pale yellow for columns to fill in.
    static let styles =
        declaration + "<styleSheet xmlns=\"\(main)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"5\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFF2F2F2\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF9DB\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        + "</fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"5\">"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\"/>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\"/>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"4\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" applyProtection=\"1\">"
        + "<protection locked=\"0\"/></xf>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">"
        + "<alignment wrapText=\"1\" vertical=\"top\"/></xf>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    func sheetXML(_ sheet: Sheet) -> String {
        var xml = Self.declaration + "<worksheet xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\">"
        let width = sheet.rows.map(\.count).max() ?? 0
        if sheet.hasHeader && !sheet.rows.isEmpty {
            xml +=
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                + "state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        } else {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
        }
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.widths.isEmpty {
            xml += "<cols>"
            for (index, value) in sheet.widths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(value)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for column in 0..<width {
                let style: Style =
                    sheet.hasHeader && rowIndex == 0
                    ? .header
                    : sheet.wrapsText
                        ? .wrapped
                        : sheet.editableColumns.contains(column)
                            ? .editable
                            : sheet.isProtected ? .locked : .plain
                let text = column < row.count ? row[column] : ""
                let reference = "\(Self.columnName(column))\(rowIndex + 1)"
                if text.isEmpty {
                    xml += "<c r=\"\(reference)\" s=\"\(style.rawValue)\"/>"
                } else {
                    xml +=
                        "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                        + Self.escape(text) + "</t></is></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if sheet.isProtected {
            xml +=
                "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatCells=\"0\" formatColumns=\"0\" "
                + "formatRows=\"0\" sort=\"0\" autoFilter=\"0\"/>"
        }
        let lastRow = max(sheet.rows.count, 2)
        let validations = sheet.dropDowns.filter { dropDown in lists.contains { $0.name == dropDown.list } }
        if !validations.isEmpty {
            xml += "<dataValidations count=\"\(validations.count)\">"
            for dropDown in validations {
                let column = Self.columnName(dropDown.column)
                xml +=
                    "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" "
                    + "errorTitle=\"Välj i listan\" error=\"Välj ett värde i listan (se fliken Instruktioner).\" "
                    + "sqref=\"\(column)2:\(column)\(lastRow)\"><formula1>\(dropDown.list)</formula1></dataValidation>"
            }
            xml += "</dataValidations>"
        }
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return xml + "</worksheet>"
    }

    /// Cell text escaped for XML, keeping line breaks (a cell may hold several lines).
    static func escape(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { XMLText.escape(String($0)) }
            .joined(separator: "\n")
    }

    /// The column letters of a 0-based index: 0 is A, 25 is Z, 26 is AA.
    static func columnName(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }
}
