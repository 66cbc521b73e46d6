/// Why an archive could not be read or written. Every hostile or damaged archive ends in one
/// of these, never in a crash.
public enum ZipError: Error, Equatable, Sendable {
    /// No end-of-central-directory record: not a ZIP archive (or cut before its end).
    case notAnArchive
    /// The archive ends before a structure it declares (`what` names the structure).
    case truncated(String)
    /// A feature this small reader does not take: ZIP64, encryption, several disks, a method.
    case unsupported(String)
    /// An entry name that could escape a folder or is not text: absolute, `..`, backslashes.
    case unsafeName(String)
    /// Two entries with the same name.
    case duplicateName(String)
    /// An entry (or the whole archive) would unpack to more than the limit: refused before
    /// unpacking, as a defence against "zip bombs".
    case tooLarge(name: String, limit: Int)
    /// More entries than the limit.
    case tooManyEntries(Int, limit: Int)
    /// The compressed data of an entry is not valid DEFLATE.
    case corruptData(name: String, reason: String)
    /// The entry's data does not match its stored CRC-32.
    case checksumMismatch(name: String)
    /// The entry unpacked to another size than its header says.
    case sizeMismatch(name: String, declared: Int, actual: Int)

    /// A short English sentence for the user.
    public var message: String {
        switch self {
        case .notAnArchive: "not a ZIP archive (no end-of-central-directory record)"
        case .truncated(let what): "the archive is cut short (in \(what))"
        case .unsupported(let what): "the archive uses \(what), which is not supported"
        case .unsafeName(let name): "entry name '\(name.prefix(60))' is not a safe relative path"
        case .duplicateName(let name): "entry '\(name.prefix(60))' appears twice"
        case .tooLarge(let name, let limit):
            "entry '\(name.prefix(60))' would unpack to more than \(limit) bytes; refused"
        case .tooManyEntries(let count, let limit): "the archive has \(count) entries; at most \(limit) are read"
        case .corruptData(let name, let reason): "entry '\(name.prefix(60))' is damaged: \(reason)"
        case .checksumMismatch(let name): "entry '\(name.prefix(60))' is damaged (CRC-32 does not match)"
        case .sizeMismatch(let name, let declared, let actual):
            "entry '\(name.prefix(60))' unpacked to \(actual) bytes where its header says \(declared)"
        }
    }
}
