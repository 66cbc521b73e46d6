import Foundation

/// Where the CLI writes: standard output for results, standard error for messages.
struct Console: Sendable {
    /// Writes text to standard output as is.
    func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes one line to standard output.
    func line(_ text: String = "") { out(text + "\n") }

    /// Writes one line to standard error (notices, warnings, errors).
    func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
