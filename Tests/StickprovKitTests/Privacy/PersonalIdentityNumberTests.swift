import Testing

@testable import StickprovKit

@Suite struct PersonalIdentityNumberTests {
    // Skatteverket's test personnummer (valid check digits, reserved for testing).
    @Test(arguments: [
        "811218-9876", "19811218-9876", "8112189876", "198112189876", "811218+9876",
        "Klient 811218-9876 har överklagat",
        "811278-9873",  // samordningsnummer: day 18 + 60
    ])
    func findsPersonalNumbers(text: String) {
        #expect(PersonalIdentityNumber.occurs(in: text), "\(text)")
    }

    @Test(arguments: [
        "811218-9875",  // wrong check digit
        "SN-2023-1234", "Ärende 2023-02-15", "48 procent", "2023-12-31", "811318-9876",  // month 13
        "1811218-98765", "0701234567",  // a phone number: date 07-01-23 but the check digit fails
    ])
    func leavesOtherNumbersAlone(text: String) {
        #expect(!PersonalIdentityNumber.occurs(in: text), "\(text)")
    }

    // However it is written: spaced, hyphenated, full-width, with invisible characters.
    @Test(arguments: [
        "Beslut saknas för 19811218 - 9876", "811218 9876", "19811218  9876", "19811218 -\t9876",
        // full-width digits
        "\u{FF11}\u{FF19}\u{FF18}\u{FF11}\u{FF11}\u{FF12}\u{FF11}\u{FF18}-\u{FF19}\u{FF18}\u{FF17}\u{FF16}",
        "19811218\u{FF0D}9876",  // full-width hyphen
        "8112\u{200B}18-98\u{200B}76", "811218\u{00AD}9876", "8\u{2060}1\u{FEFF}1218-9876",  // invisible characters
        "811218\u{2013}9876", "811218\u{2212}9876", "811218\u{00A0}9876",  // en dash, minus, no-break space
        "81121\u{0301}8-9876",  // a combining mark on a digit
        "\u{0668}\u{0661}\u{0661}\u{0662}\u{0661}\u{0668}-\u{0669}\u{0668}\u{0667}\u{0666}",  // Arabic-Indic digits
    ])
    func findsNumbersHoweverWritten(text: String) {
        #expect(PersonalIdentityNumber.occurs(in: text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test(arguments: [
        "2024-02-15 2024-05-15 2024-10-15", "Möten 2023-02-15, 2023-05-15", "811218\n9876",
        "0701234567 och 070 123 45 67",
        "Tabell 12 34 56 78 90", "811218 - - - - 9876",
    ])
    func leavesSpacedListsAlone(text: String) {
        #expect(!PersonalIdentityNumber.occurs(in: text), "\(text)")
    }

    @Test func masksInPlainDigitsAndNeverEchoesInvisibleCharacters() {
        let matches = PersonalIdentityNumber.find(in: "Se \u{FF18}\u{FF11}1218\u{200B} 9876, 19811218+9876")
        #expect(matches.map(\.masked) == ["811218-****", "19811218+****"])
        #expect(matches.map(\.offset) == [3, 17])
    }

    @Test func masksWhatItFound() {
        let matches = PersonalIdentityNumber.find(in: "Se 811218-9876 och 19811218-9876.")
        #expect(matches.map(\.masked) == ["811218-****", "19811218-****"])
        #expect(matches.map(\.offset) == [3, 19])
    }
}
