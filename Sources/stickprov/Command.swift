import Arguments

/// A CLI command: its declared shape and what it does with parsed arguments.
struct Command: Sendable {
    /// Shape and help of the command.
    let spec: CommandSpec
    /// Runs the command; throws library errors or `UsageError`.
    let run: @Sendable (ParsedArguments, Console) throws -> Void
}

/// A data problem already phrased for the user (`file:line: what is wrong`); exit status 1.
struct DataError: Error {
    let messages: [String]
    init(_ messages: String...) { self.messages = messages }
    init(lines: [String]) { self.messages = lines }
}
