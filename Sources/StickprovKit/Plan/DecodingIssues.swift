import Synchronization

/// Collects problems found while decoding a plan so that loading can report all of
/// them at once instead of stopping at the first bad value.
///
/// Leaf values (dates, percentages, named choices) record what is wrong here with
/// their place in the document and decode a placeholder; the loader then refuses
/// the plan if anything was recorded.
final class DecodingIssues: Sendable {
    /// The collector of the decoding running in this task, if any.
    @TaskLocal static var current: DecodingIssues?

    private let found = Mutex<[PlanIssue]>([])

    func record(_ issue: PlanIssue) { found.withLock { $0.append(issue) } }

    var all: [PlanIssue] { found.withLock { $0 } }
}

extension Decoder {
    /// Decodes a string and converts it with `parse`; on failure records an issue at
    /// this place (when a collector is present) and returns `fallback`.
    func decodeLeniently<T>(expected: String, fallback: T, _ parse: (String) -> T?) throws -> T {
        let container = try singleValueContainer()
        let text: String
        if let string = try? container.decode(String.self) {
            text = string
            if let value = parse(string) { return value }
        } else if let number = try? container.decode(Int.self) {
            text = String(number)
            if let value = parse(text) { return value }
        } else {
            text = "this value"
        }
        try reportIssue(text == "this value" ? "expected \(expected)" : "'\(text)' is not \(expected)")
        return fallback
    }

    /// Records a problem at this place when a collector is present, so decoding can go
    /// on; without one (a plain `JSONDecoder`), throws it as a decoding error.
    func reportIssue(_ message: String) throws {
        guard let issues = DecodingIssues.current else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: message))
        }
        issues.record(PlanIssue(path: PlanIssue.path(codingPath), message: message))
    }
}
