import Arguments
import Foundation

// The whole CLI: run the command line, exit with its status (0 ok, 1 data, 2 usage).
// The arguments are read as raw bytes: CommandLine.arguments would quietly repair bytes that
// are not UTF-8, and a seed must hash exactly as given.
let rawArguments: [[UInt8]] = (1..<Int(CommandLine.argc)).map { index in
    guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
    return Array(
        UnsafeBufferPointer(
            start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
}
// A closed pipe (`stickprov report | head -1`) is a write error handled by Console, not a signal.
signal(SIGPIPE, SIG_IGN)
do {
    exit(StickprovCLI.run(try RawArguments.strings(rawArguments)))
} catch {
    FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
    exit(2)
}
