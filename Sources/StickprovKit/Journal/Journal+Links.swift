#if canImport(Glibc)
    import Glibc
#endif

extension Journal {
    /// Refuses a `journal.jsonl` or `journal.head` that is a symbolic link, before anything is read or
    /// written: two plan folders linked to one journal would each read the other's lines as its own, and
    /// an append by one would make the other's acknowledged event vanish from its chain.
    /// - Throws: ``JournalError/symbolicLink(path:)``.
    func refuseLinks() throws(JournalError) {
        for file in [path, headPath] where Journal.isSymbolicLink(file) {
            throw .symbolicLink(path: file)
        }
    }

    /// Whether `path` itself (not what it points to) is a symbolic link.
    static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }
}
