/// English counts for CLI messages: `1 risk`, `2 risks`, `1,234 items`.
enum Plural {
    /// `count` and the noun, with an `s` unless the count is one.
    static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
