/// The text of HTML or XML as a reader sees it, for the personnummer scan: tags and comments left
/// out (so `1981<b>1218</b>-9876` reads as one number), character references decoded
/// (`&#49;9811218-9876`, `&shy;`, `&nbsp;`), and a line break where a block ends (a paragraph,
/// a table cell, a Word paragraph `w:p`, a spreadsheet cell `c`), so text of two cells never
/// joins into one number.
///
/// It is fed a piece at a time and keeps its state between pieces (a tag or a comment may span
/// lines), so a file of any size is read in bounded memory.
struct VisibleMarkupText {
    private enum State {
        case text
        /// Inside `<…>`: the name read so far, whether the name is complete, and the open quote.
        case tag(name: [UInt8], isNameComplete: Bool, quote: UInt8?)
        /// Inside `<!-- … -->`: how many `-` were seen last.
        case comment(dashes: Int)
    }

    private var state = State.text
    /// Whether tags are markup (HTML, XML); otherwise only character references are decoded.
    let isMarkup: Bool

    init(isMarkup: Bool) { self.isMarkup = isMarkup }

    /// Whether the text read so far ends inside a tag or comment: what came before it may go on
    /// after it (`1981<span` and ` class="x">1218-9876` on the next line read as one number).
    var isInsideMarkup: Bool {
        if case .text = state { false } else { true }
    }

    /// Elements whose end (or start) ends a block of text: HTML's block elements and line break,
    /// WordprocessingML's paragraph, break, tab and cell, SpreadsheetML's cell, row and string item.
    static let blockElements: Set<[UInt8]> = Set(
        [
            "p", "br", "div", "td", "th", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
            "title", "section", "header", "footer", "article", "caption", "dt", "dd", "blockquote", "pre", "hr",
            "cr", "tab", "tc", "c", "row", "si", "v", "is", "body", "head",
        ].map { Array($0.utf8) })

    /// The visible text of `bytes` (UTF-8), with `\n` where a block ends.
    mutating func visible(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            bytes.formIndex(after: &index)
            switch state {
            case .text:
                if byte == UInt8(ascii: "<"), isMarkup {
                    state = .tag(name: [], isNameComplete: false, quote: nil)
                } else if byte == UInt8(ascii: "&") {
                    // A reference is at most 32 bytes up to its ';'.
                    var end = index
                    var length = 0
                    while end != bytes.endIndex, bytes[end] != UInt8(ascii: ";"), length < 32 {
                        bytes.formIndex(after: &end)
                        length += 1
                    }
                    if end != bytes.endIndex, bytes[end] == UInt8(ascii: ";"),
                        let decoded = Self.reference(Array(bytes[index..<end]))
                    {
                        output += decoded
                        index = bytes.index(after: end)
                    } else {
                        output.append(byte)
                    }
                } else {
                    output.append(byte)
                }
            case .tag(var name, var isNameComplete, let quote):
                if let quote {
                    state = .tag(name: name, isNameComplete: true, quote: byte == quote ? nil : quote)
                } else if byte == UInt8(ascii: ">") {
                    if Self.blockElements.contains(Self.localName(name)) { output.append(UInt8(ascii: "\n")) }
                    state = .text
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    state = .tag(name: name, isNameComplete: true, quote: byte)
                } else if !isNameComplete {
                    if name.isEmpty, byte == UInt8(ascii: "/") {
                        state = .tag(name: name, isNameComplete: false, quote: nil)
                    } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "/")
                        || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                    {
                        isNameComplete = true
                        state = .tag(name: name, isNameComplete: isNameComplete, quote: nil)
                    } else {
                        name.append(byte)
                        state =
                            name == Array("!--".utf8)
                            ? .comment(dashes: 0) : .tag(name: name, isNameComplete: false, quote: nil)
                    }
                }
            case .comment(let dashes):
                if byte == UInt8(ascii: ">"), dashes >= 2 {
                    state = .text
                } else {
                    state = .comment(dashes: byte == UInt8(ascii: "-") ? dashes + 1 : 0)
                }
            }
        }
        return output
    }

    /// `w:p` → `p`: the name without its namespace prefix, in lower case.
    static func localName(_ name: [UInt8]) -> [UInt8] {
        let local = name.lastIndex(of: UInt8(ascii: ":")).map { Array(name[($0 + 1)...]) } ?? name
        return local.map { (65...90).contains($0) ? $0 + 32 : $0 }
    }

    /// The UTF-8 of a character reference's body (`#49`, `#x31`, `amp`), or nil when it is none.
    static func reference(_ body: [UInt8]) -> [UInt8]? {
        let text = String(decoding: body, as: UTF8.self)
        let scalar = XMLText.scalar(ofNumericReference: text) ?? named[text].flatMap(Unicode.Scalar.init)
        return scalar.map { Array(String(Character($0)).utf8) }
    }

    /// The named references that can stand in or between the digits of a number.
    static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "shy": 0xAD,
        "ndash": 0x2013, "mdash": 0x2014, "minus": 0x2212, "hyphen": 0x2010, "dash": 0x2010, "plus": 0x2B,
        "thinsp": 0x2009, "ensp": 0x2002, "emsp": 0x2003, "zwsp": 0x200B, "zwj": 0x200D, "zwnj": 0x200C,
        "NewLine": 0x0A, "Tab": 0x09,
    ]
}
