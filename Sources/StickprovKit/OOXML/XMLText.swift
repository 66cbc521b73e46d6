/// Text escaped for XML 1.0 element content and attribute values, as the Office formats need:
/// `&`, `<`, `>` and quotes as references; characters XML 1.0 cannot hold (most control
/// characters, lone surrogates cannot occur in a Swift string) dropped; tab and line breaks
/// made spaces, since a run of WordprocessingML text is one line.
enum XMLText {
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
