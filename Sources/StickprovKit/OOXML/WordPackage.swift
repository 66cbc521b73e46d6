/// The parts of a WordprocessingML document (.docx) with one section: the body, a running
/// header and footer, and the fixed parts around them (styles with the language and font,
/// bullet numbering, settings, relationships, content types, core properties).
///
/// The parts are returned as paths and bytes in a fixed order; packaging them (a ZIP) is the
/// caller's. Nothing depends on the clock, so the same input gives the same bytes.
struct WordPackage {
    /// The page: size and margins in twentieths of a point (twips).
    struct Page: Hashable {
        var width: Int
        var height: Int
        var isLandscape: Bool
        var top: Int, right: Int, bottom: Int, left: Int
        /// From the page's edge to the header's and footer's text.
        var header: Int, footer: Int

        /// A4 landscape (297 × 210 mm) with 12 mm side margins, room for a header above
        /// (17 mm) and a footer below (15 mm).
        static let a4Landscape = Page(
            width: 16838, height: 11906, isLandscape: true, top: 964, right: 680, bottom: 850, left: 680, header: 425,
            footer: 425)

        /// The width between the margins.
        var textWidth: Int { width - left - right }
    }

    /// The document's title (core properties).
    var title: String
    /// Who the document is from (core properties), e.g. the committee.
    var creator: String
    /// The body's block content: paragraphs and tables, without the section properties.
    var body: String
    /// The running header's paragraphs.
    var header: String
    /// The running footer's paragraphs.
    var footer: String
    var page: Page = .a4Landscape
    /// The language of every run, for spelling and hyphenation: Swedish.
    var language = "sv-SE"
    /// A font every Word installation has.
    var font = "Arial"
    /// The body text's size in half-points: 9.5 pt.
    var fontHalfPoints = 19

    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// The parts, in the order they are to be stored (content types first).
    var parts: [(path: String, bytes: [UInt8])] {
        [
            ("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.packageRelationships),
            ("docProps/core.xml", coreProperties), ("word/document.xml", document),
            ("word/_rels/document.xml.rels", Self.documentRelationships), ("word/styles.xml", styles),
            ("word/numbering.xml", numbering), ("word/settings.xml", settings), ("word/header1.xml", headerPart),
            ("word/footer1.xml", footerPart),
        ].map { ($0.0, Array((Self.xmlDeclaration + $0.1).utf8)) }
    }

    var document: String {
        let orientation = page.isLandscape ? " w:orient=\"landscape\"" : ""
        return "<w:document \(WordML.namespaces)><w:body>\(body)"
            + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/><w:footerReference w:type=\"default\" r:id=\"rId5\"/>"
            + "<w:pgSz w:w=\"\(page.width)\" w:h=\"\(page.height)\"\(orientation)/>"
            + "<w:pgMar w:top=\"\(page.top)\" w:right=\"\(page.right)\" w:bottom=\"\(page.bottom)\" w:left=\"\(page.left)\" "
            + "w:header=\"\(page.header)\" w:footer=\"\(page.footer)\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    }

    var headerPart: String { "<w:hdr \(WordML.namespaces)>\(header)</w:hdr>" }
    var footerPart: String { "<w:ftr \(WordML.namespaces)>\(footer)</w:ftr>" }

    var coreProperties: String {
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(XMLText.escape(title))</dc:title>"
            + "<dc:creator>\(XMLText.escape(creator))</dc:creator><dc:language>\(language)</dc:language></cp:coreProperties>"
    }

    var styles: String {
        let fonts = "<w:rFonts w:ascii=\"\(font)\" w:hAnsi=\"\(font)\" w:eastAsia=\"\(font)\" w:cs=\"\(font)\"/>"
        return "<w:styles \(WordML.namespaces)><w:docDefaults><w:rPrDefault><w:rPr>\(fonts)"
            + "<w:sz w:val=\"\(fontHalfPoints)\"/><w:szCs w:val=\"\(fontHalfPoints)\"/>"
            + "<w:lang w:val=\"\(language)\" w:eastAsia=\"\(language)\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"80\" w:line=\"252\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
            + "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"right\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"40\"/><w:ind w:left=\"284\" w:hanging=\"227\"/></w:pPr></w:style>"
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/>"
            + "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>"
    }

    var numbering: String {
        "<w:numbering \(WordML.namespaces)><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
            + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/>"
            + "<w:pPr><w:ind w:left=\"284\" w:hanging=\"227\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"\(font)\" w:hAnsi=\"\(font)\"/></w:rPr></w:lvl>"
            + "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    }

    var settings: String {
        "<w:settings \(WordML.namespaces)><w:defaultTabStop w:val=\"709\"/><w:autoHyphenation/>"
            + "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
            + "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
            + "<w:themeFontLang w:val=\"\(language)\"/></w:settings>"
    }

    static let contentTypes: String = {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        let overrides = [
            ("/word/document.xml", main + "document.main+xml"), ("/word/styles.xml", main + "styles+xml"),
            ("/word/numbering.xml", main + "numbering+xml"), ("/word/settings.xml", main + "settings+xml"),
            ("/word/header1.xml", main + "header+xml"), ("/word/footer1.xml", main + "footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ]
        return "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined() + "</Types>"
    }()

    static let packageRelationships =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>"

    static let documentRelationships: String = {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        let targets = [
            ("rId1", "styles", "styles.xml"), ("rId2", "numbering", "numbering.xml"),
            ("rId3", "settings", "settings.xml"),
            ("rId4", "header", "header1.xml"), ("rId5", "footer", "footer1.xml"),
        ]
        return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + targets.map { "<Relationship Id=\"\($0.0)\" Type=\"\(base)\($0.1)\" Target=\"\($0.2)\"/>" }.joined()
            + "</Relationships>"
    }()
}
