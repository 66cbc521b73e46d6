/// One problem in a plan document, with its place as a path such as `risks[0].controls[1].sampleRule`.
public struct PlanIssue: Sendable, Hashable, CustomStringConvertible {
    /// Where in the document: keys joined by `.`, array positions as `[i]` (0-based).
    public var path: String
    /// What is wrong, in one line.
    public var message: String

    /// Creates an issue.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, or just the message for the document as a whole.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// Formats a Codable coding path as a document path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}
