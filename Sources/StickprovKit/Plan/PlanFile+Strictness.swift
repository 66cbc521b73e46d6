import Foundation

/// plan.json is read strictly: a key written twice in one object (`"count": 25` then
/// `"count": 3`) is refused, because JSON readers disagree on which one counts (Foundation
/// keeps the first, jq and Python the last); a key the tool does not read (a typo such as
/// `"coutn"`) is refused with the nearest known key, because it would be silently ignored.
extension PlanFile {
    /// The duplicate and unknown keys of plan.json `data`, which decoded to `plan`.
    static func strictnessIssues(_ data: Data, plan: ControlPlan) -> [PlanIssue] {
        guard let objects = JSONKeyScanner.objects(in: Array(data)) else { return [] }
        let encoder = JSONEncoder()
        let canonical = (try? encoder.encode(plan)).flatMap { try? JSONSerialization.jsonObject(with: $0) }
        // Keys the tool reads at each place, indices left out (`risks[].controls[]`): what it
        // writes for this plan, and the stored properties of the value there (which covers
        // optional keys left out because they are empty here).
        var known: [String: Set<String>] = [:]
        for object in objects {
            let shape = JSONKeyScanner.shape(object.path)
            var keys = known[shape] ?? []
            if let canonical, let written = JSONKeyScanner.value(at: object.path, in: canonical) as? [String: Any] {
                keys.formUnion(written.keys)
            }
            keys.formUnion(PlanFile.propertyNames(at: object.path, in: plan))
            known[shape] = keys
        }
        let everywhere = known.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        var issues: [PlanIssue] = []
        for object in objects {
            let place = JSONKeyScanner.render(object.path)
            var firstLine: [String: Int] = [:]
            let keys = known[JSONKeyScanner.shape(object.path)] ?? []
            for entry in object.keys {
                let path = place.isEmpty ? entry.key : "\(place).\(entry.key)"
                if let first = firstLine[entry.key] {
                    issues.append(
                        PlanIssue(
                            path: path,
                            message:
                                "duplicate key (lines \(first) and \(entry.line)); readers disagree on which one counts, keep one"
                        ))
                    continue
                }
                firstLine[entry.key] = entry.line
                guard !keys.contains(entry.key), !entry.isNull else { continue }
                let candidates = keys.isEmpty ? everywhere : keys
                let suggestion =
                    nearest(entry.key, in: candidates).map { "; did you mean '\($0)'?" }
                    ?? " (known here: \(candidates.sorted().joined(separator: ", ")))"
                issues.append(
                    PlanIssue(
                        path: path,
                        message: "unknown key on line \(entry.line), which the tool would ignore\(suggestion)"))
            }
        }
        return issues
    }

    /// The stored property names of the value at `path` inside `plan`, found by reflection.
    private static func propertyNames(at path: [JSONKeyScanner.Component], in plan: ControlPlan) -> [String] {
        var value: Any = plan
        for component in path {
            guard let next = child(of: value, component) else { return [] }
            value = next
        }
        return Mirror(reflecting: unwrapped(value)).children.compactMap {
            $0.label.map { $0.hasPrefix("_") ? String($0.dropFirst()) : $0 }
        }
    }

    private static func child(of value: Any, _ component: JSONKeyScanner.Component) -> Any? {
        let mirror = Mirror(reflecting: unwrapped(value))
        switch component {
        case .key(let key):
            return mirror.children.first { $0.label == key || $0.label == "_" + key }?.value
        case .index(let index):
            guard mirror.displayStyle == .collection, index < mirror.children.count else { return nil }
            return mirror.children.dropFirst(index).first?.value
        }
    }

    private static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional, let some = mirror.children.first else { return value }
        return unwrapped(some.value)
    }

    /// The known key closest to `key` (edit distance at most a third of its length, at least 2).
    static func nearest(_ key: String, in known: Set<String>) -> String? {
        let limit = max(2, key.count / 3)
        let scored = known.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }.filter { $0.1 <= limit }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// A small reader of JSON text that lists every object's keys with their lines — what
/// `JSONSerialization` and `JSONDecoder` do not tell (they drop duplicates silently).
/// Used only on text that has already parsed as JSON; on anything odd it gives up (nil).
enum JSONKeyScanner {
    /// A step in a path: an object key or an array index.
    enum Component: Equatable {
        case key(String)
        case index(Int)
    }

    /// One key of an object.
    struct Entry {
        let key: String
        let line: Int
        let isNull: Bool
    }

    /// One object: where it is and its keys in order.
    struct Object {
        let path: [Component]
        let keys: [Entry]
    }

    static func objects(in bytes: [UInt8]) -> [Object]? {
        var scanner = Scanner(bytes: bytes)
        var objects: [Object] = []
        guard scanner.value(path: [], depth: 0, into: &objects) else { return nil }
        return objects
    }

    /// `risks[0].controls[1]`, as ``PlanIssue`` writes places.
    static func render(_ path: [Component]) -> String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The path with indices left out, so all control points share one shape.
    static func shape(_ path: [Component]) -> String {
        render(path.map { if case .index = $0 { .index(0) } else { $0 } })
    }

    /// The value at `path` in a `JSONSerialization` tree.
    static func value(at path: [Component], in tree: Any) -> Any? {
        var value: Any? = tree
        for component in path {
            switch component {
            case .key(let key): value = (value as? [String: Any])?[key]
            case .index(let index):
                guard let array = value as? [Any], index < array.count else { return nil }
                value = array[index]
            }
        }
        return value
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        var line = 1

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x0A: line += 1
                case 0x20, 0x09, 0x0D: break
                default: return
                }
                position += 1
            }
        }

        mutating func value(path: [Component], depth: Int, into objects: inout [Object]) -> Bool {
            guard depth < 256 else { return false }
            skipWhitespace()
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var keys: [Entry] = []
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    objects.append(Object(path: path, keys: keys))
                    return true
                }
                while true {
                    skipWhitespace()
                    let keyLine = line
                    guard let key = string() else { return false }
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
                    position += 1
                    skipWhitespace()
                    let isNull = bytes[position...].starts(with: Array("null".utf8))
                    guard value(path: path + [.key(key)], depth: depth + 1, into: &objects) else { return false }
                    keys.append(Entry(key: key, line: keyLine, isNull: isNull))
                    skipWhitespace()
                    guard position < bytes.count else { return false }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    guard bytes[position] == UInt8(ascii: "}") else { return false }
                    position += 1
                    objects.append(Object(path: path, keys: keys))
                    return true
                }
            case UInt8(ascii: "["):
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return true
                }
                var index = 0
                while true {
                    guard value(path: path + [.index(index)], depth: depth + 1, into: &objects) else { return false }
                    index += 1
                    skipWhitespace()
                    guard position < bytes.count else { return false }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    guard bytes[position] == UInt8(ascii: "]") else { return false }
                    position += 1
                    return true
                }
            case UInt8(ascii: "\""):
                return string() != nil
            default:
                // A number, true, false or null: up to the next delimiter.
                while position < bytes.count, !",]} \t\r\n".utf8.contains(bytes[position]) { position += 1 }
                return true
            }
        }

        /// A JSON string at the position, unescaped.
        mutating func string() -> String? {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
            let start = position
            position += 1
            var escaped = false
            var plain = true  // no escape and no control character: the bytes are the text
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                    plain = false
                } else if byte < 0x20 {
                    plain = false
                } else if byte == UInt8(ascii: "\"") {
                    if plain { return String(validating: bytes[(start + 1)..<(position - 1)], as: UTF8.self) }
                    let literal = Data(bytes[start..<position])
                    return (try? JSONSerialization.jsonObject(with: literal, options: [.fragmentsAllowed])) as? String
                }
            }
            return nil
        }
    }
}
