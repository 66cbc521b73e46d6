/// The text encoding a CSV file was read as.
public enum CSVEncoding: String, Sendable, CaseIterable {
    /// UTF-8 without a byte order mark (pure ASCII files are reported as this).
    case utf8
    /// UTF-8 starting with the byte order mark EF BB BF, as Excel's "CSV UTF-8" writes it.
    case utf8WithBOM
    /// Windows-1252 (Western European), as older Swedish Excel and many case systems write "CSV".
    case windows1252
}
