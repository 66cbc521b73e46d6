import Testing

@testable import StickprovKit

@Suite struct PersonalIdentityNumberTests {
    // Skatteverket's test personnummer (valid check digits, reserved for testing).
    @Test(arguments: [
        "811218-9876", "19811218-9876", "8112189876", "198112189876", "811218+9876", "Klient 811218-9876 har överklagat",
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

    @Test func masksWhatItFound() {
        let matches = PersonalIdentityNumber.find(in: "Se 811218-9876 och 19811218-9876.")
        #expect(matches.map(\.masked) == ["811218-****", "19811218-****"])
        #expect(matches.map(\.offset) == [3, 19])
    }
}
