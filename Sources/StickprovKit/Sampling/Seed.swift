/// The seed of a draw (SPEC.md §8): any non-empty text without NUL, NFC-normalised, or
/// 32 hex characters from the system's cryptographic generator.
///
/// The seed is what makes a sample re-performable: with it, the population file and
/// `sha256sum`, anyone gets the same items.
public struct Seed: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The seed text exactly as ranks use it (NFC, trimmed like keys).
    public let text: String

    /// Wraps a seed a user gave.
    /// - Throws: ``SamplingError/emptySeed`` or ``SamplingError/seedHasNUL``.
    public init(_ text: String) throws(SamplingError) {
        let normalised = text.nfc.trimmingASCIIWhitespace()
        guard !normalised.isEmpty else { throw .emptySeed }
        guard !normalised.unicodeScalars.contains("\0") else { throw .seedHasNUL }
        self.text = normalised
    }

    /// A new seed: 16 bytes from the system's cryptographic generator as 32 lowercase hex characters.
    public static func generate() -> Seed {
        var generator = SystemRandomNumberGenerator()
        let hex = (0..<16).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
        return Seed(unchecked: hex)
    }

    /// The seed of one part of a draw (SPEC.md §6): `seed + "/" + label`, e.g. `…/users`.
    public func subseed(_ label: String) -> Seed { Seed(unchecked: text + "/" + label) }

    private init(unchecked text: String) { self.text = text }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
