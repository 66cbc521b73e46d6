import Glibc

/// Why a command may not write a file where it was asked to: the output and what it would overwrite.
public enum OutputError: Error, Sendable, Equatable {
    /// The output is a plan folder or lies inside one; the folder holds the record only.
    case insidePlanFolder(output: String, planFolder: String)
    /// The output is (by device and inode) one of a plan folder's own files, e.g. a hard link to its journal.
    case recordFile(output: String, file: String)
    /// The output is (by device and inode) a file the same command reads.
    case input(output: String, input: String)

    /// The output that was refused.
    public var output: String {
        switch self {
        case .insidePlanFolder(let output, _), .recordFile(let output, _), .input(let output, _): output
        }
    }

    /// `output: what is wrong`, naming both files.
    public var message: String {
        switch self {
        case .insidePlanFolder(let output, let folder):
            "\(output): is inside the plan folder \(folder), which holds only the record; nothing was written: write it elsewhere"
        case .recordFile(let output, let file):
            "\(output): is the plan's own file \(file) (the same file); nothing was written: give another --out"
        case .input(let output, let input):
            "\(output): is the input \(input) (the same file); nothing was written: give another --out"
        }
    }
}

/// Where a command may write: never into a plan folder or over one of its files, never over one of
/// the command's own inputs.
///
/// Decided by identity, not by name: a file is the device and inode `stat` gives it, so a hard link
/// to `journal.jsonl`, a symbolic link, `Plans/p/../p/plan.json` or another mount of the same folder
/// are all the file they name. A folder is inside a plan folder when the plan folder is one of the
/// folders on its (symbolic-link-free) way up to `/`. Every document, worksheet and extract the tool
/// writes is checked here before anything is written.
public struct OutputGuard: Sendable, Equatable {
    /// The plan folders whose record must stay untouched (the folder and every file in it).
    public var planFolders: [String]
    /// The files the command reads (population, log export, sheets …).
    public var inputs: [String]

    /// A guard for a command working on `planFolders` and reading `inputs`.
    public init(planFolders: [String] = [], inputs: [String] = []) {
        self.planFolders = planFolders
        self.inputs = inputs
    }

    /// Checks that the file `output` may be written (created, or replaced atomically).
    /// - Throws: ``OutputError`` naming the output and the plan folder, plan file or input it is.
    public func check(_ output: String) throws(OutputError) {
        try checkPlace(of: output, isFolder: false)
        guard let target = FileIdentity(path: output) else { return }
        for folder in planFolders {
            for file in Self.files(in: folder) where FileIdentity(path: file) == target {
                throw .recordFile(output: output, file: file)
            }
        }
        for input in inputs where FileIdentity(path: input) == target {
            throw .input(output: output, input: input)
        }
    }

    /// Checks a folder that files are written into (created if missing) and the files `names` in it.
    /// - Throws: ``OutputError`` for the folder (inside a plan folder) or the first file that may not be written.
    public func check(folder: String, names: [String]) throws(OutputError) {
        try checkPlace(of: folder, isFolder: true)
        for name in names { try check(Self.join(folder, name)) }
    }

    /// Refuses `path` when it is a plan folder or inside one. A file's place is its parent folder; a
    /// missing folder's is its nearest existing ancestor.
    private func checkPlace(of path: String, isFolder: Bool) throws(OutputError) {
        let folders = planFolders.compactMap { folder in FileIdentity(path: folder).map { (folder, $0) } }
        guard !folders.isEmpty else { return }
        // The output itself, when it is a folder (a plan folder given as --out).
        if let own = FileIdentity(path: path), let hit = folders.first(where: { $0.1 == own }) {
            throw .insidePlanFolder(output: path, planFolder: hit.0)
        }
        for ancestor in Self.ancestors(of: isFolder ? path : Self.parent(of: path)) {
            guard let identity = FileIdentity(path: ancestor) else { continue }
            if let hit = folders.first(where: { $0.1 == identity }) {
                throw .insidePlanFolder(output: path, planFolder: hit.0)
            }
        }
    }

    /// The folder a file is written into ("." for a bare name).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// `folder/name`.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The real path of `folder`'s nearest existing ancestor (or itself) and every folder above it up to `/`.
    static func ancestors(of folder: String) -> [String] {
        var candidate = folder.isEmpty ? "." : folder
        var real: String?
        while real == nil {
            real = realPath(candidate)
            if real != nil { break }
            let up = parent(of: candidate)
            if up == candidate { break }
            candidate = up
        }
        guard var path = real else { return [] }
        var result = [path]
        while path != "/" {
            path = parent(of: path)
            result.append(path)
        }
        return result
    }

    /// The path with every symbolic link, `.` and `..` resolved by the system, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The entries of a plan folder (its record: plan.json, journal.jsonl, journal.head, lock and side files).
    static func files(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(join(folder, name)) }
        }
        return names.sorted()
    }
}

/// A file's identity: its device and inode, following symbolic links.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The identity of what `path` names, or nil when nothing is there.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
