/// What an extract found and wrote.
public struct LogExtractReport: Sendable {
    /// One drawn officer's result.
    public struct Officer: Sendable, Equatable {
        /// The officer's id (the draw's key).
        public var key: String
        /// The officer's unit, when the draw carries it.
        public var unit: String?
        /// The officer's manager, when the draw carries it.
        public var manager: String?
        /// Rows found in the week.
        public var rows: Int
        /// The earliest time among them.
        public var first: LogTime?
        /// The latest time among them.
        public var last: LogTime?
        /// The file holding the officer's rows (per officer, or their manager's file), nil without rows.
        public var file: String?
    }

    /// The officers in the draw's order.
    public var officers: [Officer]
    /// The files written, in group order.
    public var files: [String]
    /// Files of an earlier extract of the same draw whose group has no rows now, removed.
    public var removedFiles: [String]
    /// The week's window.
    public var window: LogWindow
    /// Data records read.
    public var rowCount: Int
    /// Bytes in the export.
    public var byteCount: Int
    /// The export's encoding (an all-ASCII file reads as UTF-8).
    public var encoding: CSVEncoding
    /// The export's delimiter.
    public var delimiter: CSVDelimiter
    /// Every anomaly, counted.
    public var anomalyCount: Int
    /// The first anomalies, in file order.
    public var anomalies: [LogAnomaly]
    /// How many threads read the export.
    public var threads: Int

    /// The officers with no rows in the week: a finding in itself.
    public var officersWithoutRows: [Officer] { officers.filter { $0.rows == 0 } }
}
