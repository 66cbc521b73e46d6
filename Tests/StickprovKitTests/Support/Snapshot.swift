import Foundation
import Testing

/// Golden files for generated documents, kept in `Tests/StickprovKitTests/Snapshots/`.
///
/// To re-record after an intended change:
///     STICKPROV_RECORD_SNAPSHOTS=1 swift test --filter Snapshot
/// The recording run fails on purpose, so a recording is never silently accepted;
/// review the diff with `git diff Tests/StickprovKitTests/Snapshots` and run the tests again.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["STICKPROV_RECORD_SNAPSHOTS"] == "1" }

    /// Compares `bytes` with the golden file `name`, or records it.
    static func check(_ bytes: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if isRecording {
            do {
                try Data(bytes).write(to: url)
                Issue.record(
                    "recorded snapshot \(name); run the tests again without STICKPROV_RECORD_SNAPSHOTS",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("could not record \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record(
                "no snapshot \(name); record it with STICKPROV_RECORD_SNAPSHOTS=1 swift test",
                sourceLocation: sourceLocation)
            return
        }
        if Array(expected) != bytes {
            let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let actualLines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            let firstDifference = zip(expectedLines, actualLines).enumerated().first { $1.0 != $1.1 }
            let location =
                firstDifference.map {
                    "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)"
                }
                ?? "lengths differ (\(expectedLines.count) vs \(actualLines.count) lines)"
            Issue.record("\(name) differs from its snapshot at \(location)", sourceLocation: sourceLocation)
        }
    }

    /// Compares text with the golden file `name`.
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(Array(text.utf8), named: name, sourceLocation: sourceLocation)
    }
}
