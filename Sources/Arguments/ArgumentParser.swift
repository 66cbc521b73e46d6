/// Parses command-line words against a ``CommandSpec``.
///
/// Accepted forms: `--name value`, `--name=value`, flags `--name`, `-h`/`--help`,
/// and `--` to end options (everything after it is positional). A value may start
/// with `-` (e.g. `--note -`), since an option that takes a value always takes the
/// next word.
public enum ArgumentParser {
    /// Parses `words` (the words after the command path).
    /// - Throws: ``UsageError`` for unknown options, missing values, repeated
    ///   non-repeatable options, and missing or surplus positional arguments.
    public static func parse(_ words: [String], as spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || !word.hasPrefix("-") || word == "-" {
                result.arguments.append(word)
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            if word == "-h" || word == "--help" {
                result.isHelpRequested = true
                return result
            }
            guard word.hasPrefix("--") else {
                throw UsageError(
                    "unknown option '\(word)'; options are written --name (a key or text starting with '-' goes after the options and '--': -- '\(word)')"
                )
            }
            let body = word.dropFirst(2)
            let name: String
            var inlineValue: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                inlineValue = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '--\(name)'" + suggestion(for: name, in: spec))
            }
            if option.isFlag {
                if inlineValue != nil { throw UsageError("--\(name) takes no value") }
                result.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < words.count {
                value = words[index]
                index += 1
            } else {
                throw UsageError("--\(name) needs a value (\(option.valueName ?? "VALUE"))")
            }
            if !option.isRepeatable && result.options[name] != nil {
                throw UsageError("--\(name) is given more than once")
            }
            result.options[name, default: []].append(value)
        }
        try checkPositionals(result.arguments, spec: spec)
        return result
    }

    private static func checkPositionals(_ given: [String], spec: CommandSpec) throws(UsageError) {
        let required = spec.arguments.filter { !$0.isOptional }
        if given.count < required.count {
            let missing = required[given.count...].map(\.name).joined(separator: " ")
            throw UsageError("missing \(missing)")
        }
        let isVariadic = spec.arguments.last?.isVariadic ?? false
        if !isVariadic && given.count > spec.arguments.count {
            let surplus = given[spec.arguments.count]
            throw UsageError("unexpected argument '\(surplus)'")
        }
    }

    /// A hint like `; did you mean --seed?` when a known option is one edit away or a prefix.
    private static func suggestion(for name: String, in spec: CommandSpec) -> String {
        let close = spec.options.map(\.name).first { candidate in
            candidate.hasPrefix(name) || name.hasPrefix(candidate) || editDistance(candidate, name) <= 2
        }
        return close.map { "; did you mean --\($0)?" } ?? ""
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
