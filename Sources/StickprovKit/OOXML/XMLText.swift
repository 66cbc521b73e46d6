/// Text escaped for XML 1.0 element content and attribute values, as the Office formats need:
/// `&`, `<`, `>` and quotes as references; characters XML 1.0 cannot hold (most control
/// characters, lone surrogates cannot occur in a Swift string) dropped; tab and line breaks
/// made spaces, since a run of WordprocessingML text is one line.
enum XMLText {
    /// The character a numeric reference's body names (`#49`, `#x31`), or nil when it is none: one
    /// reading for the workbook's XML and the personnummer scan's HTML.
    static func scalar(ofNumericReference body: some StringProtocol) -> Unicode.Scalar? {
        guard body.hasPrefix("#") else { return nil }
        let digits = body.dropFirst()
        let isHex = digits.hasPrefix("x") || digits.hasPrefix("X")
        return UInt32(isHex ? digits.dropFirst() : digits, radix: isHex ? 16 : 10).flatMap(Unicode.Scalar.init)
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result += " "
            default:
                let value = scalar.value
                // Not allowed in XML 1.0 (C0 controls, U+FFFE/FFFF) or left out of documents (C1 controls).
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF { continue }
                // A direction override would reverse the document's own words after it.
                if VisibleText.isBidiControl(scalar) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
