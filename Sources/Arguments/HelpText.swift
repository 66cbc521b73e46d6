/// Renders the `--help` text of a command from its ``CommandSpec``.
public enum HelpText {
    /// The full help: abstract, usage, arguments, options, discussion and examples.
    public static func render(_ spec: CommandSpec, program: String = "stickprov") -> String {
        var lines: [String] = []
        lines.append(spec.abstract)
        lines.append("")
        lines.append("Usage: " + usage(spec, program: program))
        if !spec.discussion.isEmpty {
            lines.append("")
            lines.append(spec.discussion)
        }
        if !spec.arguments.isEmpty {
            lines.append("")
            lines.append("Arguments:")
            lines += table(spec.arguments.map { ($0.name, $0.help) })
        }
        let options = spec.options + [.flag("help", help: "Show this help.")]
        lines.append("")
        lines.append("Options:")
        lines += table(
            options.map { option in
                let left = "--\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
                return (left, option.help + (option.isRepeatable ? " (repeatable)" : ""))
            })
        if !spec.examples.isEmpty {
            lines.append("")
            lines.append("Examples:")
            lines += spec.examples.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The one-line usage synopsis, e.g. `stickprov sample FILE --key COLUMN [options]`.
    public static func usage(_ spec: CommandSpec, program: String = "stickprov") -> String {
        var parts = [program] + spec.path
        for argument in spec.arguments {
            var word = argument.name + (argument.isVariadic ? "..." : "")
            if argument.isOptional { word = "[\(word)]" }
            parts.append(word)
        }
        if !spec.options.isEmpty { parts.append("[options]") }
        return parts.joined(separator: " ")
    }

    private static func table(_ rows: [(String, String)]) -> [String] {
        let width = min(30, rows.map(\.0.count).max() ?? 0)
        return rows.map { left, right in
            let padded = left.count < width ? left + String(repeating: " ", count: width - left.count) : left
            return "  \(padded)  \(right)"
        }
    }
}
