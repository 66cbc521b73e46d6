/// A value stored in JSON as its text form (`2023-W11`, `2023-03`, `37.5`): encoded as its
/// `description`, decoded with its failable text initialiser.
public protocol TextCodable: Codable, CustomStringConvertible {
    /// Parses the text form, or returns `nil`.
    init?(_ text: String)
    /// What the text should look like, for the decoding error: "an ISO week YYYY-Www".
    static var textForm: String { get }
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not \(Self.textForm)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
