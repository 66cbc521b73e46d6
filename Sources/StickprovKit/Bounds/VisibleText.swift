/// Characters a reader cannot see but that change what a text says: control characters, which
/// move a terminal's cursor or colour its output, and the bidirectional controls, which reverse
/// the text after them (an unterminated right-to-left override turned the tool's own
/// "per 2023-12-31 (mål 50 %)" into "(% 05 låm) 13-21-3202 rep").
///
/// Free texts refuse them on the way in (``problem(in:allowingLineBreaks:)``); every renderer and
/// the terminal drop them on the way out (``removingInvisibleControls(_:)``), so a hand-edited
/// plan or journal cannot bring them back.
public enum VisibleText {
    /// Whether `scalar` is a bidirectional control: the marks U+200E, U+200F and U+061C, the
    /// embeddings and overrides U+202A–U+202E, and the isolates U+2066–U+2069.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `scalar` is a control character (U+0000–U+001F, U+007F–U+009F), line breaks and tabs
    /// included.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `scalar` is invisible: a control character or a format character (Unicode category
    /// Cf: zero-width space and joiners, the byte-order mark, the bidirectional controls …).
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || scalar.properties.generalCategory == .format
    }

    /// `U+202E` for a scalar, the way a message names a character it cannot show.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Why a free text may not be recorded, or `nil`: it holds a bidirectional control or a control
    /// character other than tab and (when `allowingLineBreaks`) a line break.
    public static func problem(in text: String?, allowingLineBreaks: Bool = true) -> String? {
        guard let text else { return nil }
        for scalar in text.unicodeScalars {
            if isBidiControl(scalar) {
                return "holds the invisible direction character \(codePoint(scalar)), which reverses the text after it"
            }
            let isAllowedBreak = scalar == "\t" || (allowingLineBreaks && (scalar == "\n" || scalar == "\r"))
            if isControl(scalar), !isAllowedBreak {
                return "holds the control character \(codePoint(scalar))"
            }
        }
        return nil
    }

    /// The text without bidirectional controls and without control characters other than tab, line
    /// feed and a carriage return before a line feed: what renderers and the terminal print.
    public static func removingInvisibleControls(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { isBidiControl($0) || (isControl($0) && $0 != "\n" && $0 != "\t") }) else {
            return text
        }
        var kept = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let isLineEnd = scalar == "\r" && next != scalars.endIndex && scalars[next] == "\n"
            if !isBidiControl(scalar), !isControl(scalar) || scalar == "\n" || scalar == "\t" || isLineEnd {
                kept.append(scalar)
            }
            index = next
        }
        return String(kept)
    }

    /// The text with every invisible character written as its code point (`K<U+200D>9`), for a
    /// message that must show what the user cannot see.
    public static func showingInvisible(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) { shown += "<\(codePoint(scalar))>" } else { shown.unicodeScalars.append(scalar) }
        }
        return shown
    }
}
