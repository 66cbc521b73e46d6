import Foundation
import StickprovKit

#if canImport(Glibc)
    import Glibc
#endif

/// Where the CLI writes: standard output for results, standard error for messages.
///
/// Writes go straight to the descriptors: a full device or a closed pipe is remembered, not a
/// crash, and the command then ends with exit 1 (quietly for a closed pipe), saying on standard
/// error whether it had already recorded.
struct Console: Sendable {
    /// Set when a command has committed a change, so an output failure after it can say so.
    nonisolated(unsafe) static var recorded = false
    /// The `errno` of the first failed write to standard output, if any.
    nonisolated(unsafe) static var outputFailure: Int32?

    /// Writes text to standard output without control characters (escape sequences from a carried
    /// column or a plan text would drive the terminal) or direction overrides.
    func out(_ text: String) {
        guard Console.outputFailure == nil else { return }
        let visible = VisibleText.removingInvisibleControls(text)
        if !writeAll(Array(visible.utf8), to: STDOUT_FILENO) { Console.outputFailure = errno }
    }

    /// Writes one line to standard output.
    func line(_ text: String = "") { out(text + "\n") }

    /// Writes one line to standard error (notices, warnings, errors).
    func note(_ text: String) {
        _ = writeAll(Array((VisibleText.removingInvisibleControls(text) + "\n").utf8), to: STDERR_FILENO)
    }

    /// Exit status and message for a failed standard output, once the command has run:
    /// `nil` when every write succeeded.
    func outputFailureStatus() -> Int32? {
        guard let failure = Console.outputFailure else { return nil }
        if failure != EPIPE { note("error: cannot write to standard output: \(String(cString: strerror(failure)))") }
        if Console.recorded { note("The change was recorded in the journal; only its printout was lost.") }
        return 1
    }
}
