import Foundation

/// What is pinned when a plan is adopted: the SHA-256 of plan.json's bytes exactly as stored
/// (UTF-8, as the tool writes it: pretty-printed JSON, keys sorted, a final newline), in
/// lowercase hex, so `sha256sum plan.json` shows the same value. Any change to the file, even
/// of white space, changes it.
public enum PlanHash {
    /// The hash of plan.json bytes.
    public static func of(_ bytes: [UInt8]) -> String { SHA256.hash(bytes).hex }

    /// The hash of the bytes the tool writes for `plan` (what plan.json holds after saving it).
    public static func of(_ plan: ControlPlan) -> String { of(Array(PlanFile.encode(plan))) }

    /// The hash of the plan.json in `directory`, or nil when it cannot be read.
    public static func ofFile(in directory: String) -> String? {
        guard let data = FileManager.default.contents(atPath: PlanFile.path(in: directory)) else { return nil }
        return of(Array(data))
    }
}
