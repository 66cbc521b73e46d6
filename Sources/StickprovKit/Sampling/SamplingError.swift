import Foundation

/// What can make a draw impossible. Nothing is drawn or recorded when one is thrown.
public enum SamplingError: Error, Sendable, Equatable {
    /// The seed is empty after trimming.
    case emptySeed
    /// The seed holds a NUL character, which would make `printf '%s\0%s'` ambiguous.
    case seedHasNUL
    /// A key is empty after normalisation; `line` is the population file's line.
    case emptyKey(line: Int, column: String)
    /// A key or stratum on `line` holds a line break or another control character (`scalar`, e.g.
    /// U+000A): it would print over two lines, or invisibly, and no one could type it back.
    case controlCharacter(line: Int, column: String, scalar: UInt32)
    /// Two rows have the same key after normalisation.
    case duplicateKey(String, firstLine: Int, secondLine: Int)
    /// Two keys that differ but are equal after NFKC (full-width `K１` and `K1`): look-alikes are never
    /// two items (SPEC.md §1).
    case lookAlikeKeys(String, line: Int, String, otherLine: Int)
    /// A percentage outside 0–100 or with more than two decimals.
    case invalidPercentage(String)
    /// A sample size below zero.
    case invalidSize(Int)
    /// A month not written `YYYY-MM`.
    case invalidMonth(String)
    /// A column the draw needs is not in the population file.
    case missingColumn(String, available: [String])
    /// An amount that is not kronor as SPEC.md §11 writes them (`1 234,50`, `-250`, `12.5`).
    case invalidAmount(String, line: Int, column: String)
    /// The amounts together exceed what 64 bits of öre hold.
    case amountTotalTooLarge

    /// The line the problem is on, when it is in a file.
    public var line: Int? {
        switch self {
        case .emptyKey(let line, _): line
        case .controlCharacter(let line, _, _): line
        case .duplicateKey(_, _, let second): second
        case .lookAlikeKeys(_, let line, _, let otherLine): max(line, otherLine)
        case .invalidAmount(_, let line, _): line
        default: nil
        }
    }

    /// The short message a user reads (the CLI puts the file and line in front).
    public var message: String {
        switch self {
        case .emptySeed: "the seed is empty"
        case .seedHasNUL: "the seed contains a NUL character"
        case .emptyKey(_, let column): "empty key in column '\(column)'"
        case .controlCharacter(_, let column, let scalar):
            "the value in column '\(column)' holds a line break, control or invisible character "
                + "(U+\(String(format: "%04X", scalar))); keys and strata must be one line of visible text"
        case .lookAlikeKeys(let key, let line, let other, let otherLine):
            "keys '\(InputBounds.clip(key))' (line \(line)) and '\(InputBounds.clip(other))' (line \(otherLine)) look alike "
                + "(they are equal after NFKC, e.g. full-width and plain letters); a look-alike is never a second item: "
                + "correct the export"
        case .duplicateKey(let key, let first, let second):
            "duplicate key '\(InputBounds.clip(key))' (lines \(first) and \(second))"
        case .invalidPercentage(let text): "'\(text)' is not a percentage between 0 and 100 with at most two decimals"
        case .invalidSize(let size): "\(size) is not a sample size"
        case .invalidMonth(let text): "'\(text)' is not a month YYYY-MM"
        case .missingColumn(let name, let available):
            "missing column '\(InputBounds.clip(name))' (columns: \(InputBounds.list(available)))"
        case .invalidAmount(let text, _, let column):
            "'\(text)' in column '\(column)' is not an amount in kronor (write e.g. 1 234,50 or -250 or 1234.5)"
        case .amountTotalTooLarge: "the amounts add up to more than can be counted in öre"
        }
    }
}
