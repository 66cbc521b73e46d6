import Foundation

/// Reads and writes `Plans/<plan-id>/plan.json`.
///
/// The file is pretty-printed JSON with sorted keys so that a plan written by the
/// tool reads back and writes again byte for byte, and diffs stay small. Hand edits
/// are allowed: loading checks everything and reports all problems at once.
public enum PlanFile {
    /// The file name inside a plan folder.
    public static let fileName = "plan.json"

    /// The path of plan.json in a plan folder.
    public static func path(in directory: String) -> String {
        directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
    }

    /// Whether the folder holds a plan.json.
    public static func exists(in directory: String) -> Bool {
        FileManager.default.fileExists(atPath: path(in: directory))
    }

    /// The largest plan.json the tool reads. A real plan is a few kilobytes; a file far
    /// larger is a mistake (or an attack) and would only make loading slow.
    public static let maximumSize = 10 << 20

    /// Loads and checks the plan in `directory`.
    /// - Throws: ``PlanError`` — not found, unreadable, malformed, or invalid with every issue.
    public static func load(from directory: String) throws(PlanError) -> ControlPlan {
        let path = path(in: directory)
        guard FileManager.default.fileExists(atPath: path) else {
            if directory == "." {
                let several = PlanLocator.plans(under: FileManager.default.currentDirectoryPath)
                if several.count > 1 { throw .severalPlans(several) }
            }
            throw .notFound(directory: directory)
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumSize {
            throw .malformedJSON(
                path: path, line: nil,
                detail:
                    "the file is \(size >> 20) MB; a plan is at most \(maximumSize >> 20) MB — is this the right file?")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try decode(data, path: path)
    }

    /// Decodes and checks plan.json bytes; `path` names the file in errors.
    public static func decode(_ data: Data, path: String) throws(PlanError) -> ControlPlan {
        let collector = DecodingIssues()
        let plan: ControlPlan
        do {
            plan = try DecodingIssues.$current.withValue(collector) {
                try JSONDecoder().decode(ControlPlan.self, from: data)
            }
        } catch let error as DecodingError {
            throw describe(error, data: data, path: path)
        } catch {
            throw .malformedJSON(path: path, line: nil, detail: "\(error)")
        }
        // A value that did not parse was replaced by a placeholder; checks of that same
        // place would only repeat the problem in other words.
        let decodingIssues = collector.all
        let reported = Set(decodingIssues.map(\.path))
        let issues =
            decodingIssues + strictnessIssues(data, plan: plan) + plan.issues.filter { !reported.contains($0.path) }
        guard issues.isEmpty else { throw .invalid(path: path, issues: issues) }
        return plan
    }

    /// The canonical bytes of a plan: pretty, sorted keys, unescaped slashes, final newline.
    public static func encode(_ plan: ControlPlan) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail; an empty file would be caught on load.
        return ((try? encoder.encode(plan)) ?? Data()) + Data("\n".utf8)
    }

    /// Checks the plan and writes it atomically into `directory` (created if needed, 0700), mode 0600.
    /// - Throws: ``PlanError/rejectedChange(issues:)`` when the plan has problems
    ///   (nothing is written), or ``PlanError/writeFailed(path:reason:)``.
    public static func save(_ plan: ControlPlan, to directory: String) throws(PlanError) {
        let issues = plan.issues
        guard issues.isEmpty else { throw .rejectedChange(issues: issues) }
        let path = path(in: directory)
        try PlanFolder.makePrivateFolder(directory)
        do {
            try AtomicFile.write(Array(encode(plan)), to: path, permissions: PlanFolder.filePermissions)
        } catch {
            throw .writeFailed(path: path, reason: error.reason)
        }
    }

    private static func describe(_ error: DecodingError, data: Data, path: String) -> PlanError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .malformedJSON(path: path, line: syntaxErrorLine(in: data), detail: "not valid JSON")
        case .dataCorrupted(let context):
            return .invalid(path: path, issues: [issue(context, context.debugDescription)])
        case .typeMismatch(let type, let context):
            return .invalid(path: path, issues: [issue(context, "expected \(jsonKind(type))")])
        case .valueNotFound(let type, let context):
            return .invalid(path: path, issues: [issue(context, "expected \(jsonKind(type)), found null")])
        case .keyNotFound(let key, let context):
            let place = PlanIssue.path(context.codingPath)
            return .invalid(
                path: path, issues: [PlanIssue(path: place, message: "'\(key.stringValue)' is missing")])
        @unknown default:
            return .malformedJSON(path: path, line: nil, detail: "\(error)")
        }
    }

    private static func issue(_ context: DecodingError.Context, _ message: String) -> PlanIssue {
        PlanIssue(path: PlanIssue.path(context.codingPath), message: message)
    }

    private static func jsonKind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "a list [...]" : "an object {...}"
        }
    }

    /// The 1-based line of a JSON syntax error, from Foundation's "around character N".
    private static func syntaxErrorLine(in data: Data) -> Int? {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
            return nil
        } catch {
            let text = "\(error)"
            guard let range = text.range(of: "character ") else { return nil }
            let digits = text[range.upperBound...].prefix { $0.isNumber }
            guard let offset = Int(digits) else { return nil }
            return data.prefix(offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        }
    }
}
