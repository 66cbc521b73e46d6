/// The declared shape of one command: its options, positional arguments and help.
///
/// The parser checks a command line against this, and the help text is generated
/// from it, so the two can never disagree.
public struct CommandSpec: Sendable {
    /// The words that select the command, e.g. `["plan", "add-control"]`.
    public var path: [String]
    /// One line saying what the command does.
    public var abstract: String
    /// Longer explanation printed under the usage line.
    public var discussion: String
    /// Positional arguments in order.
    public var arguments: [ArgumentSpec]
    /// Named options and flags.
    public var options: [OptionSpec]
    /// Complete example command lines, printed under "Exempel"/"Examples".
    public var examples: [String]

    /// Creates a command description.
    public init(
        path: [String], abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], examples: [String] = []
    ) {
        self.path = path
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.examples = examples
    }

    /// The command's name as typed, e.g. `plan add-control`.
    public var name: String { path.joined(separator: " ") }
}

/// A positional argument of a command.
public struct ArgumentSpec: Sendable {
    /// Name shown in usage, e.g. `CONTROL-ID`.
    public var name: String
    /// What the argument is.
    public var help: String
    /// Whether the argument may be left out.
    public var isOptional: Bool
    /// Whether the argument takes all remaining positional words.
    public var isVariadic: Bool

    /// Creates a positional argument description.
    public init(_ name: String, help: String, isOptional: Bool = false, isVariadic: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
        self.isVariadic = isVariadic
    }
}

/// A named option (`--seed VALUE`) or flag (`--yes`).
public struct OptionSpec: Sendable {
    /// The long name without dashes, e.g. `seed`.
    public var name: String
    /// Name of the value in help (`SEED`); `nil` makes this a flag that takes no value.
    public var valueName: String?
    /// What the option does.
    public var help: String
    /// Whether the option may be given more than once.
    public var isRepeatable: Bool

    /// Creates an option that takes a value.
    public static func option(_ name: String, _ valueName: String, help: String, repeatable: Bool = false) -> OptionSpec
    {
        OptionSpec(name: name, valueName: valueName, help: help, isRepeatable: repeatable)
    }

    /// Creates a flag that takes no value.
    public static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, isRepeatable: false)
    }

    /// Whether the option is a flag (takes no value).
    public var isFlag: Bool { valueName == nil }
}
