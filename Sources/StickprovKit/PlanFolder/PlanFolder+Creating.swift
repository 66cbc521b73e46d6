import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension PlanFolder {
    /// The mode of a plan folder the tool creates, whatever the umask: only its owner reads the record.
    public static let folderPermissions: mode_t = 0o700
    /// The mode of the files the tool writes in a plan folder (plan.json, the journal and its head).
    public static let filePermissions: UInt32 = 0o600

    /// The plan folder (some ancestor of `path` holding a plan.json) that `path` lies inside, if any:
    /// a plan made there would be a plan inside a plan, its files mixed with the outer plan's record.
    /// Both the path as given and with its symbolic links resolved are walked up to `/`.
    public static func enclosingPlan(of path: String) -> String? {
        let absolute =
            path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let given = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let resolved = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
        for start in [given, resolved] {
            var folder = parent(of: start)
            while let current = folder {
                if PlanFile.exists(in: current) { return current }
                folder = parent(of: current)
            }
        }
        return nil
    }

    /// The folder holding `path` ("a/b" → "a", "/a" → "/", "a" → "."); `nil` above "/" and ".".
    /// (Foundation's `deletingLastPathComponent` traps on some one-letter names.)
    static func parent(of path: String) -> String? {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "/" || trimmed == "." || trimmed.isEmpty { return nil }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// Makes `path` and any missing folders above it with mode 0700 (set explicitly, so a umask of 000
    /// does not leave the record open to everyone); folders that exist are left as they are.
    /// - Throws: ``PlanError/writeFailed(path:reason:)``.
    static func makePrivateFolder(_ path: String) throws(PlanError) {
        var missing: [String] = []
        var folder: String? = path
        while let current = folder, !FileManager.default.fileExists(atPath: current) {
            missing.append(current)
            folder = parent(of: current)
        }
        for folder in missing.reversed() {
            guard mkdir(folder, folderPermissions) == 0 || errno == EEXIST else {
                throw .writeFailed(path: PlanFile.path(in: path), reason: String(cString: strerror(errno)))
            }
            guard chmod(folder, folderPermissions) == 0 else {
                throw .writeFailed(path: PlanFile.path(in: path), reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Refuses a folder that holds no plan, before a command that needs one (`repair`) does anything.
    /// - Throws: ``PlanError/notFound(directory:)`` naming the folder.
    public func requirePlan() throws(PlanError) {
        guard PlanFile.exists(in: path) else { throw .notFound(directory: path) }
    }
}
