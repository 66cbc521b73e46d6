import Foundation

/// A program a user reads our documents with (pandoc, python-markdown, Chromium, LibreOffice,
/// poppler), run by the tests as a second reader. Where it is missing the test prints a notice
/// and returns: CI installs them (`.ci/run`), a developer's machine may not have them.
struct ReaderProgram {
    /// What one run printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    let executable: URL

    /// The program named `name` on `PATH`, or nil (after printing a notice that `purpose` is skipped).
    static func find(_ name: String, for purpose: String) -> ReaderProgram? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return ReaderProgram(executable: candidate)
            }
        }
        print("note: skipped \(purpose): '\(name)' is not installed (CI installs it; see .ci/run)")
        return nil
    }

    /// Python 3 when it can import `module`, else nil with a notice.
    static func python(with module: String, for purpose: String) -> ReaderProgram? {
        guard let python = find("python3", for: purpose) else { return nil }
        guard let result = try? python.run(["-c", "import \(module)"]), result.status == 0 else {
            print("note: skipped \(purpose): python3 has no '\(module)' module (pip install \(module))")
            return nil
        }
        return python
    }

    /// Runs the program with `arguments`, feeding `input`, and waits (at most `timeout` seconds).
    func run(_ arguments: [String], input: Data? = nil, in directory: URL? = nil, timeout: TimeInterval = 120) throws
        -> Result
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let outPipe = Pipe()
        let errPipe = Pipe()
        let inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        nonisolated(unsafe) var outData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            outData = outPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            group.wait()
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh temporary folder for a reader's files, removed when the value goes away (kept, and
/// its path printed, with `STICKPROV_KEEP_READER_FILES=1`, to look at the PDFs by eye).
final class ReaderFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("stickprov-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit {
        if ProcessInfo.processInfo.environment["STICKPROV_KEEP_READER_FILES"] == "1" {
            print("note: kept \(url.path)")
        } else {
            try? FileManager.default.removeItem(at: url)
        }
    }
}
