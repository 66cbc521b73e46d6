/// Looks through a file's text for personnummer- and samordningsnummer-shaped strings,
/// for a last check before a document is published (`stickprov scan`).
public enum PersonalDataScan {
    /// One finding: the line and the masked number.
    public struct Finding: Sendable, Equatable {
        /// The 1-based line.
        public let line: Int
        /// The number with its last four digits masked.
        public let masked: String
    }

    /// The findings in a file's bytes (UTF-8 with or without BOM, or Windows-1252).
    /// - Throws: ``CSVError`` when the bytes are not text (UTF-16, NUL bytes, undecodable).
    public static func scan(_ bytes: [UInt8]) throws(CSVError) -> [Finding] {
        let decoded = try TextEncodingDetection.decode(bytes)
        var findings: [Finding] = []
        var lineNumber = 0
        for line in decoded.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            // Most lines hold no digits at all; skip them without building a String. A line
            // with non-ASCII text may hold full-width or other digits: the detector decides.
            guard line.contains(where: { (48...57).contains($0) || $0 >= 0x80 }) else { continue }
            for match in PersonalIdentityNumber.find(in: String(decoding: line, as: UTF8.self)) {
                findings.append(Finding(line: lineNumber, masked: match.masked))
            }
        }
        return findings
    }

    /// The findings in the file at `path`.
    public static func scan(contentsOf path: String) throws(CSVError) -> [Finding] {
        try scan(FileBytes.read(path))
    }
}
