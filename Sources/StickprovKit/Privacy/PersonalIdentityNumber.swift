/// Finds Swedish personal identity numbers (*personnummer*) and coordination numbers
/// (*samordningsnummer*) in free text, so that they never reach the journal's notes or
/// the public appendix.
///
/// Recognised shapes: `YYMMDD-NNNN`, `YYMMDD+NNNN`, `YYMMDDNNNN`, `YYYYMMDD-NNNN`,
/// `YYYYMMDDNNNN`, not inside a longer run of digits, with a date that exists (day + 60
/// for a coordination number) and a valid Luhn check digit — so case numbers and
/// amounts are not mistaken for them.
public enum PersonalIdentityNumber {
    /// One match: where it is and how it was written (for the message, masked).
    public struct Match: Sendable, Equatable {
        /// The character offset of the match in the text.
        public let offset: Int
        /// The text as written, with the last four digits masked (`850709-****`).
        public let masked: String
    }

    /// Every personnummer or samordningsnummer in `text`.
    public static func find(in text: String) -> [Match] {
        let characters = Array(text)
        var matches: [Match] = []
        var index = 0
        while index < characters.count {
            let previousIsDigit = index > 0 && characters[index - 1].isASCIIDigit
            if !previousIsDigit, characters[index].isASCIIDigit, let length = match(characters, at: index) {
                let written = String(characters[index..<index + length])
                matches.append(Match(offset: index, masked: String(written.dropLast(4)) + "****"))
                index += length
            } else {
                index += 1
            }
        }
        return matches
    }

    /// Whether `text` holds anything shaped like a personnummer.
    public static func occurs(in text: String) -> Bool { !find(in: text).isEmpty }

    /// The length of a valid number starting at `start`, or `nil`.
    private static func match(_ characters: [Character], at start: Int) -> Int? {
        // Longest shapes first: 12 digits (with or without separator), then 10.
        for dateDigits in [8, 6] {
            var digits: [Int] = []
            var position = start
            while digits.count < dateDigits, position < characters.count, let digit = characters[position].asciiDigit {
                digits.append(digit)
                position += 1
            }
            guard digits.count == dateDigits else { continue }
            var separated = false
            if position < characters.count, characters[position] == "-" || characters[position] == "+" {
                separated = true
                position += 1
            }
            var serial: [Int] = []
            while serial.count < 4, position < characters.count, let digit = characters[position].asciiDigit {
                serial.append(digit)
                position += 1
            }
            guard serial.count == 4 else { continue }
            if position < characters.count && characters[position].isASCIIDigit { continue }
            if !separated && dateDigits == 6 && start + 10 != position { continue }
            let date = Array(digits.suffix(6))
            guard isPlausibleDate(date, century: dateDigits == 8 ? Array(digits.prefix(2)) : nil),
                luhnIsValid(date + serial)
            else { continue }
            return position - start
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

extension Character {
    fileprivate var isASCIIDigit: Bool { asciiDigit != nil }
    fileprivate var asciiDigit: Int? {
        guard let ascii = asciiValue, (48...57).contains(ascii) else { return nil }
        return Int(ascii) - 48
    }
}
