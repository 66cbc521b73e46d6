/// One data record of a CSV file.
public struct CSVRow: Sendable, Equatable {
    /// The 1-based physical line the record starts on. A record whose quoted field spans lines 3–4
    /// has line 3, and the next record has line 5.
    public let line: Int
    /// The field values exactly as in the file (quotes removed, `""` undone, nothing trimmed).
    public let fields: [String]

    /// A row with the given line and fields.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
