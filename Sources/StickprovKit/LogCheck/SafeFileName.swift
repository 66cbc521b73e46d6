/// File names made from officer ids and manager names: ASCII letters, digits, `-`, `_` and single
/// dots inside, so a name can never hold `/`, start with a dot or climb out with `..`.
public enum SafeFileName {
    /// `text` as a file-name part: å, ä, ö (and é, ü …) become their base letters, anything else a
    /// `-`; runs of dashes and dots collapse; at most 60 characters; `x` when nothing is left.
    public static func part(_ text: String) -> String {
        var result = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let value = scalar.value
            if (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                || value == 0x5F
            {
                result.unicodeScalars.append(scalar)
            } else if (0x300...0x36F).contains(value) {
                continue  // a combining accent: keep the base letter only
            } else if value == 0x2E {
                if !result.isEmpty && !result.hasSuffix(".") && !result.hasSuffix("-") { result.append(".") }
            } else if !result.isEmpty && !result.hasSuffix("-") && !result.hasSuffix(".") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") || result.hasSuffix(".") { result.removeLast() }
        if result.count > 60 { result = String(result.prefix(60)) }
        while result.hasSuffix("-") || result.hasSuffix(".") { result.removeLast() }
        return result.isEmpty ? "x" : result
    }

    /// Names `prefix-PART.csv` for each text, made unique with `-2`, `-3` … in order.
    public static func unique(_ texts: [String], prefix: String) -> [String] {
        var taken: Set<String> = []
        return texts.map { text in
            let stem = prefix + "-" + part(text)
            var name = stem + ".csv"
            var number = 2
            while !taken.insert(name.lowercased()).inserted {
                name = "\(stem)-\(number).csv"
                number += 1
            }
            return name
        }
    }
}
