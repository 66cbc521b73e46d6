import Foundation

/// How a log check's extract files are split.
public enum LogGrouping: String, Sendable, CaseIterable {
    /// One file per drawn officer.
    case officer
    /// One file per unit manager, holding the rows of all their drawn officers.
    case manager
}

/// What an extract needs: the draw, the export, where to write and how.
public struct LogExtractRequest: Sendable {
    /// The log-check draw (officers and week).
    public var draw: DrawRecord
    /// The access-log export (CSV with a header line).
    public var exportPath: String
    /// The folder the extract files go into (created if missing, mode 0700).
    public var outputDirectory: String
    /// The export's column with the user id.
    public var userColumn: String
    /// The export's column with the time.
    public var timeColumn: String
    /// One file per officer or per manager.
    public var grouping: LogGrouping
    /// Stop at the first anomaly and write nothing.
    public var isStrict: Bool
    /// How many anomalies the report lists (all are counted).
    public var listedAnomalies: Int
    /// How many threads scan the export (1 or 2; a small export is read by one).
    public var threads: Int
    /// The smallest export (in bytes of data) that is split between threads; tests lower it.
    var splitThreshold = LogExtractor.splitThreshold

    /// Creates a request.
    public init(
        draw: DrawRecord, exportPath: String, outputDirectory: String, userColumn: String, timeColumn: String,
        grouping: LogGrouping = .officer, isStrict: Bool = false, listedAnomalies: Int = 20, threads: Int = 2
    ) {
        self.draw = draw
        self.exportPath = exportPath
        self.outputDirectory = outputDirectory
        self.userColumn = userColumn
        self.timeColumn = timeColumn
        self.grouping = grouping
        self.isStrict = isStrict
        self.listedAnomalies = listedAnomalies
        self.threads = threads
    }
}

extension LogExtractRequest {
    /// The names of the files the extract writes in ``outputDirectory`` (or removes there, when a
    /// group has no rows now): one per drawn officer, or one per manager sorted by name.
    public var fileNames: [String] { groups.names }

    /// The files' names and, per drawn officer, the index of the file that holds its rows.
    var groups: (names: [String], groupOfOfficer: [Int]) {
        let officers = draw.items
        let groupTexts: [String]
        let groupOfOfficer: [Int]
        switch grouping {
        case .officer:
            groupTexts = officers.map(\.key)
            groupOfOfficer = Array(officers.indices)
        case .manager:
            let managers = officers.map { LogExtractor.manager($0, column: draw.rule.managerColumn) }
            groupTexts = Array(Set(managers)).sorted()
            groupOfOfficer = managers.map { name in groupTexts.firstIndex(of: name) ?? 0 }
        }
        return (SafeFileName.unique(groupTexts, prefix: "logg-" + SafeFileName.part(draw.id.rawValue)), groupOfOfficer)
    }

    /// The export's user and time columns: given for this extract, else the plan's (`planned`), else
    /// the draw's; the user column falls back to the draw's key column (the officer list's id column,
    /// often named as in the export).
    /// - Throws: ``LogCheckError/columnNotGiven(what:option:control:)`` when no time column is known.
    public static func columns(user: String?, time: String?, planned: SampleRule?, draw: DrawRecord)
        throws(LogCheckError) -> (user: String, time: String)
    {
        let userColumn = user ?? planned?.logUserColumn ?? draw.rule.logUserColumn ?? draw.rule.keyColumn
        guard let userColumn else { throw .columnNotGiven(what: "user", option: "user", control: draw.control) }
        guard let timeColumn = time ?? planned?.logTimeColumn ?? draw.rule.logTimeColumn else {
            throw .columnNotGiven(what: "time", option: "time", control: draw.control)
        }
        return (userColumn, timeColumn)
    }
}
