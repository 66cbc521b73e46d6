/// Swedish wording shared by everything the user reads: month names, lists, number words.
public enum SwedishText {
    /// Month names in lower case, as Swedish prose writes them.
    public static let monthNames = [
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ]

    /// "15 februari", as the reference appendix writes a review date.
    public static func dayAndMonth(_ day: Day) -> String {
        "\(day.day) \(monthNames[day.month - 1])"
    }

    /// Joins items the Swedish way: "a", "a och b", "a, b och c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " och " + (items.last ?? "")
        }
    }
}
