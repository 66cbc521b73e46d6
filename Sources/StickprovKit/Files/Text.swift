import Foundation

extension StringProtocol {
    /// The text without ASCII whitespace (space, tab, CR, LF) at either end, as SPEC.md §1 trims keys.
    public func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }

    /// The Unicode NFC form, so `A` + combining ring and `Å` compare equal.
    ///
    /// ASCII text is its own NFC form; checking that first keeps reading a million keys fast.
    public var nfc: String {
        let text = String(self)
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }
}
