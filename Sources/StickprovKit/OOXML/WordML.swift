/// Small builders for WordprocessingML (the XML inside a .docx): paragraphs, runs, fields and
/// table pieces, as strings. Only what the appendix needs; every text goes through ``XMLText``.
enum WordML {
    /// The main namespace declarations every part that holds text uses.
    static let namespaces =
        #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
        + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// How a run of text looks.
    struct RunStyle: Hashable {
        var isBold = false
        /// Six hex digits, e.g. "1B5E20".
        var colour: String?
        /// Size in half-points (Word's unit for font sizes), e.g. 19 for 9.5 pt.
        var halfPoints: Int?

        static let plain = RunStyle()
        static let bold = RunStyle(isBold: true)
    }

    /// A run of text.
    static func run(_ text: String, _ style: RunStyle = .plain) -> String {
        var properties = ""
        if style.isBold { properties += "<w:b/><w:bCs/>" }
        if let colour = style.colour { properties += "<w:color w:val=\"\(colour)\"/>" }
        if let size = style.halfPoints { properties += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        let rPr = properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>"
        return "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r>"
    }

    /// A run whose text may break at the given points with a hyphen (Word's soft hyphen).
    static func run(hyphenatable pieces: [String], _ style: RunStyle = .plain) -> String {
        guard pieces.count > 1 else { return run(pieces.first ?? "", style) }
        let one = run("", style)
        let text = pieces.map { "<w:t xml:space=\"preserve\">\(XMLText.escape($0))</w:t>" }.joined(
            separator: "<w:softHyphen/>")
        return one.replacingOccurrences(of: "<w:t xml:space=\"preserve\"></w:t>", with: text)
    }

    /// A field such as `PAGE` or `NUMPAGES`, with `placeholder` shown until the reader updates it.
    static func field(_ instruction: String, placeholder: String) -> String {
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> \(instruction) </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            + "<w:r><w:t>\(XMLText.escape(placeholder))</w:t></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    }

    /// A paragraph of runs (already built), in a paragraph style, optionally a bullet item.
    static func paragraph(
        _ runs: String, style: String? = nil, isBullet: Bool = false, alignment: String? = nil, keepNext: Bool = false
    ) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { properties += "<w:keepNext/>" }
        if isBullet { properties += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>" }
        if let alignment { properties += "<w:jc w:val=\"\(alignment)\"/>" }
        let pPr = properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>"
        return "<w:p>\(pPr)\(runs)</w:p>"
    }

    /// A table cell of `width` twentieths of a point holding `content` (paragraphs; an empty
    /// paragraph is added when there are none, as every cell must end in one).
    static func cell(_ content: String, width: Int, span: Int = 1, merge: VerticalMerge? = nil, shading: String? = nil)
        -> String
    {
        var properties = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if span > 1 { properties += "<w:gridSpan w:val=\"\(span)\"/>" }
        switch merge {
        case .restart: properties += "<w:vMerge w:val=\"restart\"/>"
        case .continue: properties += "<w:vMerge/>"
        case nil: break
        }
        if let shading { properties += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(shading)\"/>" }
        return "<w:tc><w:tcPr>\(properties)</w:tcPr>\(content.isEmpty ? "<w:p/>" : content)</w:tc>"
    }

    /// How a cell takes part in a vertical merge.
    enum VerticalMerge {
        /// The first cell of a merged run; it holds the text.
        case restart
        /// A cell merged into the one above.
        case `continue`
    }
}
