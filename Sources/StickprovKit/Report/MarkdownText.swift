/// Escaping of user-supplied text for Markdown, so that CommonMark, GitHub, pandoc and
/// python-markdown all show it as typed: no HTML, no links or images, no emphasis, no code,
/// no strike-through, sub/superscript or math, no table cells split by a pipe.
///
/// The escapes are chosen to stay readable as plain text: a backslash before the few
/// characters every reader treats as markup (`\ ` * _ [ ] |`), character references for the
/// characters only some readers treat as markup (`<`, `~`, `^`, `$`, and `&` where it would
/// start a reference), and block markers (`#`, `-`, `+`, `>`, `1.`) escaped only at the start
/// of a block. Line breaks become spaces; control characters are dropped.
public enum MarkdownText {
    /// Text for inside a line: a table cell, a list item after its marker, bold text.
    public static func inline(_ text: String) -> String {
        let scalars = Array(VisibleText.removingInvisibleControls(text).unicodeScalars)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "<": result += "&lt;"
            case "~": result += "&#126;"
            case "^": result += "&#94;"
            case "$": result += "&#36;"
            case "&": result += startsCharacterReference(scalars, at: index) ? "&amp;" : "&"
            case "\r":
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                result += " "
            case "\n", "\t": result += " "
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}"
                    || scalar == "\u{2029}"
                {
                    break
                }
                result.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return result
    }

    /// Text standing as a paragraph of its own (the committee line, the summary): inline
    /// escaping, leading spaces removed (four would make a code block), and a first
    /// character that would start a heading, list, quote or rule escaped.
    public static func block(_ text: String) -> String {
        let escaped = inline(text.trimmingASCIIWhitespace())
        guard let first = escaped.unicodeScalars.first else { return escaped }
        switch first {
        case "#", "-", "+", ">":
            return "\\" + escaped
        case ":":
            // A definition in pandoc; python-markdown keeps a backslash before ':' visible.
            return "&#58;" + String(escaped.dropFirst())
        case "0"..."9":
            // "1. " or "1) " starts an ordered list.
            let digits = escaped.unicodeScalars.prefix { ("0"..."9").contains($0) }
            let rest = escaped.unicodeScalars.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" {
                return String(String.UnicodeScalarView(digits)) + "\\" + String(String.UnicodeScalarView(rest))
            }
            return escaped
        default:
            return escaped
        }
    }

    /// Whether the `&` at `index` begins something a reader would decode, like `&amp;` or `&#36;`.
    static func startsCharacterReference(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var cursor = index + 1
        var length = 0
        while cursor < scalars.count, length <= 32 {
            let scalar = scalars[cursor]
            if scalar == ";" { return length > 0 }
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else {
                return false
            }
            cursor += 1
            length += 1
        }
        return false
    }
}
