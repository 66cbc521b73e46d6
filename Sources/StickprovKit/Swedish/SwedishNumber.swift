import Foundation

/// Numbers as Swedish prose writes them: words for one to twelve, decimal comma.
public enum SwedishNumber {
    static let words = ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"]
    static let neuterWords = [
        "noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
    ]

    /// "en", "två" … "tolv", then digits: the common-gender form (*en anmärkning*).
    public static func word(_ number: Int) -> String {
        (0...12).contains(number) ? words[number] : "\(number)"
    }

    /// "ett", "två" … "tolv", then digits: the neuter form (*ett ärende*).
    public static func neuterWord(_ number: Int) -> String {
        (0...12).contains(number) ? neuterWords[number] : "\(number)"
    }

    /// A share 0–1 as a percentage with one decimal and a decimal comma: "2,6 %".
    public static func percent(_ share: Double) -> String {
        decimal(share * 100, decimals: 1) + " %"
    }

    /// A number with a fixed number of decimals and a decimal comma, without trailing ",0".
    public static func decimal(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text.replacingOccurrences(of: ".", with: ",")
    }
}
