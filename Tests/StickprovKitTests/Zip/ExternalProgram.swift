import Foundation

/// Runs a program a user (or a second implementation) would use, for tests that check our
/// files with it. `nil` when the program is not installed, so the test can skip visibly.
enum ExternalProgram {
    /// The full path of `name` on the usual search path, if installed.
    static func find(_ name: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/bin"].map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `path` with `arguments` and returns its exit status and standard output.
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Runs a Python 3 program given as text.
    static func python(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        guard let python = find("python3") else { throw CocoaError(.fileNoSuchFile) }
        return try run(python, ["-c", program] + arguments)
    }
}
