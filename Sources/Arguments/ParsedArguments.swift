/// The result of parsing a command line against a ``CommandSpec``.
public struct ParsedArguments: Sendable, Equatable {
    /// Values given for each option, in the order given.
    public var options: [String: [String]]
    /// Flags that were given.
    public var flags: Set<String>
    /// Positional arguments, in order.
    public var arguments: [String]
    /// Whether `--help` or `-h` was given (the other words are then not checked).
    public var isHelpRequested: Bool

    /// Creates a parse result (mostly for tests).
    public init(
        options: [String: [String]] = [:], flags: Set<String> = [], arguments: [String] = [],
        isHelpRequested: Bool = false
    ) {
        self.options = options
        self.flags = flags
        self.arguments = arguments
        self.isHelpRequested = isHelpRequested
    }

    /// The last value given for an option, or `nil`.
    public func value(_ name: String) -> String? { options[name]?.last }

    /// All values given for a repeatable option.
    public func values(_ name: String) -> [String] { options[name] ?? [] }

    /// Whether a flag was given.
    public func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// Whether the option was given at all.
    public func isGiven(_ name: String) -> Bool { options[name] != nil || flags.contains(name) }

    /// The option's value as a whole number, or `nil` when absent.
    /// - Throws: ``UsageError`` when the value is not a whole number.
    public func integer(_ name: String) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        let isWhole = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
        guard isWhole else { throw UsageError("--\(name) takes a whole number, not '\(text)'") }
        // No count, size or position a user means is near the machine's limits; bounding them here
        // keeps every sum and product of them far from overflow.
        guard let number = Int(text), (-Self.largestInteger...Self.largestInteger).contains(number) else {
            let bound =
                text.hasPrefix("-") ? "too small (at least -1,000,000,000)" : "too large (at most 1,000,000,000)"
            throw UsageError("--\(name) \(text) is \(bound)")
        }
        return number
    }

    /// The largest whole number an option takes, in either direction.
    public static let largestInteger = 1_000_000_000

    /// The option's value, which must be present.
    /// - Throws: ``UsageError`` naming the missing option.
    public func required(_ name: String) throws(UsageError) -> String {
        guard let text = value(name) else { throw UsageError("missing --\(name)") }
        return text
    }
}

/// A command line that does not fit the command's shape; the CLI exits with status 2.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, in one line.
    public var message: String

    /// Creates a usage error with a one-line message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
