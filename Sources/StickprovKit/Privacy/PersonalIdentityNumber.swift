import Foundation

/// Finds Swedish personal identity numbers (*personnummer*) and coordination numbers
/// (*samordningsnummer*) in free text, so that they never reach the journal's notes, the
/// plan or the public appendix.
///
/// Recognised shapes: `YYMMDD-NNNN`, `YYMMDD+NNNN`, `YYMMDDNNNN`, `YYYYMMDD-NNNN`,
/// `YYYYMMDDNNNN`, not inside a longer run of digits, with a date that exists (day + 60
/// for a coordination number) and a valid Luhn check digit — so case numbers and
/// amounts are not mistaken for them.
///
/// However it is written: the text is read after NFKC normalisation, so full-width and
/// other compatibility digits count (`１９８１…`); any decimal digit counts; invisible
/// characters (format characters such as a zero-width space or a soft hyphen, and
/// combining marks) are ignored wherever they stand; between the date and the four last
/// digits up to four spaces, dashes or `+` may stand (`19811218 - 9876`). Line breaks end
/// a number. Spaces inside the date are not followed (`1981 12 18`): lists of dates and
/// numbers would be taken for numbers too often.
public enum PersonalIdentityNumber {
    /// One match: where it is and how it was written (for the message, masked).
    public struct Match: Sendable, Equatable {
        /// The character offset of the match's first digit in the text.
        public let offset: Int
        /// The character offset just past the match's last digit.
        public let endOffset: Int
        /// The number in plain ASCII digits with the last four masked (`850709-****`);
        /// never the invisible characters or odd digits it was written with.
        public let masked: String
    }

    /// One character of the text as the matcher sees it.
    fileprivate enum Token: Equatable {
        case digit(Int)
        case space
        case dash
        case plus
        case other
    }

    /// Every personnummer or samordningsnummer in `text`.
    public static func find(in text: String) -> [Match] {
        // Text without any digit or non-ASCII byte cannot hold a number: skip it cheaply.
        guard text.utf8.contains(where: { (48...57).contains($0) || $0 >= 0x80 }) else { return [] }
        let (tokens, offsets) = tokenize(text)
        var matches: [Match] = []
        var index = 0
        while index < tokens.count {
            let previousIsDigit = index > 0 && tokens[index - 1].digit != nil
            if !previousIsDigit, tokens[index].digit != nil, let found = match(tokens, at: index) {
                matches.append(
                    Match(offset: offsets[index], endOffset: offsets[found.end - 1] + 1, masked: found.masked))
                index = found.end
            } else {
                index += 1
            }
        }
        return matches
    }

    /// `text` with every personnummer in it replaced by its masked form (`850709-****`): for
    /// printing a text the tool did not write (a folder's name, a message quoting a plan's value)
    /// in a document that may be made public.
    public static func masking(_ text: String) -> String {
        let matches = find(in: text)
        guard !matches.isEmpty else { return text }
        let characters = Array(text)
        var result = ""
        var position = 0
        for match in matches {
            result += String(characters[position..<match.offset]) + match.masked
            position = match.endOffset
        }
        return result + String(characters[position...])
    }

    /// Whether `text` holds anything shaped like a personnummer.
    public static func occurs(in text: String) -> Bool { !find(in: text).isEmpty }

    /// The tokens of `text` (invisible characters dropped) with each one's character offset.
    private static func tokenize(_ text: String) -> ([Token], [Int]) {
        var tokens: [Token] = []
        var offsets: [Int] = []
        tokens.reserveCapacity(text.utf8.count)
        for (offset, character) in text.enumerated() {
            if let ascii = character.asciiValue {
                tokens.append(token(ascii: ascii))
                offsets.append(offset)
                continue
            }
            let scalars = character.unicodeScalars
            // Letters (å, ä, ö…) are the common case: no normalisation needed.
            if scalars.count == 1, let scalar = scalars.first, scalar.properties.isAlphabetic,
                scalar.properties.numericType == nil
            {
                tokens.append(.other)
                offsets.append(offset)
                continue
            }
            for scalar in String(character).precomposedStringWithCompatibilityMapping.unicodeScalars {
                guard let token = token(scalar) else { continue }
                tokens.append(token)
                offsets.append(offset)
            }
        }
        return (tokens, offsets)
    }

    private static func token(ascii: UInt8) -> Token {
        switch ascii {
        case 48...57: .digit(Int(ascii) - 48)
        case UInt8(ascii: " "), UInt8(ascii: "\t"): .space
        case UInt8(ascii: "-"): .dash
        case UInt8(ascii: "+"): .plus
        default: .other
        }
    }

    /// The token of one normalised scalar, or `nil` for an invisible one.
    private static func token(_ scalar: Unicode.Scalar) -> Token? {
        if scalar.isASCII { return token(ascii: UInt8(scalar.value)) }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark, .spacingMark: return nil
        case .decimalNumber: return properties.numericValue.map { .digit(Int($0)) } ?? .other
        case .spaceSeparator: return .space
        case .dashPunctuation: return .dash
        default:
            if properties.isDefaultIgnorableCodePoint { return nil }
            return scalar == "\u{2212}" ? .dash : .other  // the minus sign
        }
    }

    /// The valid number starting at `start`: where it ends and its masked form.
    private static func match(_ tokens: [Token], at start: Int) -> (end: Int, masked: String)? {
        // Longest shapes first: 12 digits, then 10.
        for dateDigits in [8, 6] {
            var digits: [Int] = []
            var position = start
            while digits.count < dateDigits, position < tokens.count, let digit = tokens[position].digit {
                digits.append(digit)
                position += 1
            }
            guard digits.count == dateDigits else { continue }
            var separators = 0
            var plus = false
            while separators < 4, position < tokens.count, [.space, .dash, .plus].contains(tokens[position]) {
                plus = plus || tokens[position] == .plus
                separators += 1
                position += 1
            }
            var serial: [Int] = []
            while serial.count < 4, position < tokens.count, let digit = tokens[position].digit {
                serial.append(digit)
                position += 1
            }
            guard serial.count == 4 else { continue }
            if position < tokens.count && tokens[position].digit != nil { continue }
            let date = Array(digits.suffix(6))
            guard isPlausibleDate(date, century: dateDigits == 8 ? Array(digits.prefix(2)) : nil),
                luhnIsValid(date + serial)
            else { continue }
            let separator = separators == 0 ? "" : plus ? "+" : "-"
            return (position, digits.map(String.init).joined() + separator + "****")
        }
        return nil
    }

    private static func isPlausibleDate(_ digits: [Int], century: [Int]?) -> Bool {
        let month = digits[2] * 10 + digits[3]
        var day = digits[4] * 10 + digits[5]
        if day > 60 { day -= 60 }  // samordningsnummer
        if let century, !(century == [1, 8] || century == [1, 9] || century == [2, 0]) { return false }
        let year = (century.map { $0[0] * 1000 + $0[1] * 100 } ?? 2000) + digits[0] * 10 + digits[1]
        return Day(year: year, month: month, day: day) != nil || (month == 2 && day == 29)
    }

    /// The Luhn check over the ten digits YYMMDDNNNN.
    static func luhnIsValid(_ digits: [Int]) -> Bool {
        guard digits.count == 10 else { return false }
        var sum = 0
        for (index, digit) in digits.enumerated() {
            let weighted = index % 2 == 0 ? digit * 2 : digit
            sum += weighted > 9 ? weighted - 9 : weighted
        }
        return sum % 10 == 0
    }
}

extension PersonalIdentityNumber.Token {
    fileprivate var digit: Int? {
        if case .digit(let value) = self { return value }
        return nil
    }
}
