/// Setting a control point's fields from the committee's own words: the words are kept as
/// written when they say something other than the tool's label, and the tool infers from them
/// what it needs.
extension ControlPoint {
    /// Sets the frequency from words such as `monthly`, `3 ggr/år`, `Tertialvis` or `Löpande`.
    /// The words are kept unless they are the tool's own (`monthly`, `Månadsvis`); words the tool
    /// reads no schedule from leave ``cadence`` empty. Empty words clear both.
    public mutating func setCadence(_ words: String) {
        let text = words.trimmingASCIIWhitespace()
        cadence = text.isEmpty ? nil : Cadence(text)
        cadenceLabel = Self.ownWords(text, unlike: cadence.map { [$0.token, $0.swedishLabel] } ?? [])
    }

    /// Sets when the control is reported from words such as `both`, `delår` or
    /// "Delår och årsbokslut" (kept as written).
    /// - Returns: `false`, changing nothing, when the words name neither report.
    public mutating func setFollowUp(_ words: String) -> Bool {
        let text = words.trimmingASCIIWhitespace()
        guard let recognised = FollowUp.recognising(label: text) else { return false }
        followUp = recognised
        followUpLabel = Self.ownWords(
            text, unlike: [recognised.rawValue, recognised.swedishLabel] + recognised.aliases)
        return true
    }

    /// Sets the *Metod* text as written ("kontroll lön", "Beräkning av andel"); empty words clear it.
    /// A control point without a method gets the one the words name, if any.
    public mutating func setMethodLabel(_ words: String) {
        let text = words.trimmingASCIIWhitespace()
        if method == nil, !text.isEmpty { method = MethodKind.recognising(label: text) }
        methodLabel = Self.ownWords(text, unlike: method.map { [$0.swedishLabel] } ?? [])
    }

    /// `text`, unless it is empty or one of the tool's own words (ignoring case).
    static func ownWords(_ text: String, unlike standard: [String]) -> String? {
        let key = text.nfc.lowercased()
        return text.isEmpty || standard.contains { $0.nfc.lowercased() == key } ? nil : text
    }
}
