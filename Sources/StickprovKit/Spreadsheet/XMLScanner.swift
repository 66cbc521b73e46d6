/// A minimal pull reader for the XML parts of a spreadsheet: start tags with their attributes,
/// end tags and text, with the five named entities and numeric character references decoded.
///
/// Enough for SpreadsheetML as Excel and LibreOffice write it (no DTDs, no namespaces resolved:
/// names are compared by their local part). Comments, processing instructions and CDATA are
/// handled; anything malformed ends in ``SpreadsheetError/malformedXML(part:reason:)``, an end
/// tag that is not the open element's and an element never closed included.
struct XMLScanner {
    /// One thing read from the document.
    enum Token: Equatable {
        /// `<name a="v">`, or `<name/>` when `isEmpty`. `name` is the local name (prefix dropped).
        case start(name: String, attributes: [String: String], isEmpty: Bool)
        /// `</name>` (local name).
        case end(name: String)
        /// Character data between tags, decoded.
        case text(String)
    }

    private let bytes: [UInt8]
    private let part: String
    private var position = 0
    /// The elements started and not yet ended, outermost first (local names).
    private(set) var openElements: [String] = []
    /// Whether the last error was an element left open or closed out of turn, so a reader that
    /// knows which cell it is in can say so.
    private(set) var failedOnNesting = false

    /// A scanner over the part called `part` (for messages).
    init(_ bytes: [UInt8], part: String) {
        self.bytes = bytes
        self.part = part
    }

    /// The next token, or `nil` at the end of the document.
    mutating func next() throws(SpreadsheetError) -> Token? {
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                while position < bytes.count && bytes[position] != UInt8(ascii: "<") { position += 1 }
                return .text(try decode(bytes[start..<position]))
            }
            if starts(with: "<?") {
                try skip(past: "?>")
            } else if starts(with: "<!--") {
                try skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                let start = position + 9
                try skip(past: "]]>")
                return .text(String(decoding: bytes[start..<position - 3], as: UTF8.self))
            } else if starts(with: "<!") {
                try skip(past: ">")
            } else if starts(with: "</") {
                position += 2
                let name = readName()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { throw failure("an end tag") }
                guard let open = openElements.last, open == name else {
                    failedOnNesting = true
                    throw failure(
                        openElements.last.map { "<\($0)> never closed (the end tag </\(name.prefix(20))> comes first)" }
                            ?? "the end tag </\(name.prefix(20))> of no open element")
                }
                openElements.removeLast()
                position += 1
                return .end(name: name)
            } else {
                position += 1
                let name = readName()
                guard !name.isEmpty else { throw failure("a tag without a name") }
                var attributes: [String: String] = [:]
                while true {
                    skipSpace()
                    guard position < bytes.count else { throw failure("a tag that never closes") }
                    if bytes[position] == UInt8(ascii: ">") {
                        position += 1
                        openElements.append(name)
                        return .start(name: name, attributes: attributes, isEmpty: false)
                    }
                    if starts(with: "/>") {
                        position += 2
                        return .start(name: name, attributes: attributes, isEmpty: true)
                    }
                    let attribute = readName()
                    skipSpace()
                    guard !attribute.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                        throw failure("an attribute without a value")
                    }
                    position += 1
                    skipSpace()
                    guard position < bytes.count, bytes[position] == 0x22 || bytes[position] == 0x27 else {
                        throw failure("an attribute value without quotes")
                    }
                    let quote = bytes[position]
                    position += 1
                    let start = position
                    while position < bytes.count && bytes[position] != quote { position += 1 }
                    guard position < bytes.count else { throw failure("an attribute value that never ends") }
                    attributes[attribute] = try decode(bytes[start..<position])
                    position += 1
                }
            }
        }
        if let open = openElements.last {
            failedOnNesting = true
            throw failure("<\(open.prefix(20))> never closed (the part ends first)")
        }
        return nil
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[position + $0] == text.utf8Start[$0] }
    }

    private mutating func skip(past terminator: StaticString) throws(SpreadsheetError) {
        while position < bytes.count {
            if starts(with: terminator) {
                position += terminator.utf8CodeUnitCount
                return
            }
            position += 1
        }
        throw failure("a comment or declaration that never ends")
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    /// A tag or attribute name, without its namespace prefix (`x:row` is `row`; `xml:space` keeps
    /// its prefix so it cannot be mistaken for another attribute).
    private mutating func readName() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "=")].contains(byte) {
                break
            }
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        if name.hasPrefix("xml:") || name.hasPrefix("xmlns") { return name }
        return name.split(separator: ":").last.map(String.init) ?? name
    }

    /// Text with entities and character references replaced.
    private func decode(_ raw: ArraySlice<UInt8>) throws(SpreadsheetError) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            guard raw[index] == UInt8(ascii: "&") else {
                result.append(raw[index])
                index += 1
                continue
            }
            guard let semicolon = raw[index...].firstIndex(of: UInt8(ascii: ";")), semicolon - index <= 10 else {
                throw failure("an '&' that is not an entity")
            }
            let entity = String(decoding: raw[index + 1..<semicolon], as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default: scalar = XMLText.scalar(ofNumericReference: entity)
            }
            guard let scalar else { throw failure("the unknown entity '&\(entity.prefix(10));'") }
            result += Array(String(Character(scalar)).utf8)
            index = semicolon + 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    private func failure(_ what: String) -> SpreadsheetError {
        .malformedXML(part: part, reason: "\(what) near byte \(position)")
    }
}
