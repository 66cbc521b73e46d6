import Foundation

/// Finds the strata a stratified rule names that the population does not have — usually a typo
/// ('SoL Hemtjanst' for 'SoL Hemtjänst') that would otherwise draw an empty part and record it for good.
public enum StratumCheck {
    /// A stratum the rule names but the population lacks, with the population's nearest names.
    public struct Missing: Sendable, Equatable {
        /// The stratum as the rule writes it.
        public var stratum: String
        /// Up to three of the population's strata closest in spelling, nearest first: those within a
        /// few edits (half the name's length), or else simply the closest.
        public var nearest: [String]

        /// Creates a finding.
        public init(stratum: String, nearest: [String]) {
            self.stratum = stratum
            self.nearest = nearest
        }
    }

    /// The strata of `size` (a stratified rule) absent from `present`; empty for other rules.
    /// Strata compare as the sampler compares them (NFC, surrounding spaces trimmed, case kept).
    public static func missing(_ size: SampleSize, present: Set<String>) -> [Missing] {
        guard case .strata(let rules) = size else { return [] }
        let normalised = Set(present.map(Population.normalise))
        return rules.map { Population.normalise($0.stratum) }.filter { !normalised.contains($0) }.map { name in
            let ranked = normalised.map { (name: $0, distance: distance(fold(name), fold($0))) }
                .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
            let close = ranked.filter { $0.distance <= max(2, name.count / 2) }
            return Missing(stratum: name, nearest: (close.isEmpty ? ranked : close).prefix(3).map(\.name))
        }
    }

    /// Lower case, accents and ASCII-folded Swedish letters removed, so a missing ä is one small step.
    static func fold(_ text: String) -> [Character] {
        Array(text.lowercased().folding(options: [.diacriticInsensitive], locale: nil))
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
