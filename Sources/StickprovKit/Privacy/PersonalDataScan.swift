/// Looks through a file's text for personnummer- and samordningsnummer-shaped strings,
/// for a last check before a document is published (`stickprov scan`).
///
/// It reads what a reader of the published file sees: a Word document (.docx) or workbook
/// (.xlsx) by the text of its parts, HTML and XML without their markup and with character
/// references decoded (``VisibleMarkupText``), other text as it is. Text files of any size are
/// read a megabyte at a time, so memory stays bounded; an archive is read whole, within
/// ``ZipLimits``.
public enum PersonalDataScan {
    /// One finding: where it is and the masked number.
    public struct Finding: Sendable, Equatable {
        /// The 1-based line of a text file; in an archive's part, the 1-based block of text
        /// (paragraph, table cell, spreadsheet cell) within the part.
        public let line: Int
        /// The number with its last four digits masked.
        public let masked: String
        /// The archive's part the number is in (`word/document.xml`), or nil for a text file.
        public let part: String?

        /// A finding.
        public init(line: Int, masked: String, part: String? = nil) {
            self.line = line
            self.masked = masked
            self.part = part
        }
    }

    /// The findings in a file's bytes: an archive's parts, markup's visible text, or plain text
    /// (UTF-8 with or without BOM, or Windows-1252 line by line).
    /// - Parameter name: the file's name, whose extension tells HTML and XML from other text.
    /// - Throws: ``ScanError`` when the bytes are not text nor an archive the scan reads.
    public static func scan(_ bytes: [UInt8], name: String = "") throws(ScanError) -> [Finding] {
        if bytes.starts(with: zipSignature) { return try scanArchive(bytes) }
        var scanner = try TextScanner(start: bytes.prefix(4096), name: name)
        scanner.feed(bytes[...])
        scanner.finish()
        return scanner.findings
    }

    /// The findings in the file at `path`, read a megabyte at a time (an archive whole).
    /// - Throws: ``ScanError`` when it cannot be read or is not text nor an archive the scan reads.
    public static func scan(contentsOf path: String) throws(ScanError) -> [Finding] {
        var scanner: TextScanner?
        var archive: [UInt8]?
        var failure: ScanError?
        do throws(CSVError) {
            try FileBytes.forEachChunk(path) { chunk in
                guard failure == nil else { return }
                if scanner == nil, archive == nil {
                    if chunk.starts(with: zipSignature) {
                        archive = []
                    } else {
                        do throws(ScanError) {
                            scanner = try TextScanner(start: Array(chunk.prefix(4096))[...], name: path)
                        } catch {
                            failure = error
                            return
                        }
                    }
                }
                if archive != nil {
                    guard (archive?.count ?? 0) + chunk.count <= ZipLimits().maxTotalSize else {
                        failure = .archiveTooLarge(limit: ZipLimits().maxTotalSize)
                        return
                    }
                    archive?.append(contentsOf: chunk)
                } else {
                    scanner?.feed(chunk)
                }
            }
        } catch {
            throw .file(error)
        }
        if let failure { throw failure }
        if let archive { return try scanArchive(archive) }
        guard var scanner else { return [] }
        scanner.finish()
        return scanner.findings
    }

    static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// The parts of an archive a reader sees as text: XML (a document's paragraphs, a workbook's
    /// cells and strings), HTML and plain text parts, each by its visible text.
    static func scanArchive(_ bytes: [UInt8]) throws(ScanError) -> [Finding] {
        let entries: [ZipEntry]
        do {
            entries = try ZipArchive.read(bytes)
        } catch {
            throw .archive(error)
        }
        var findings: [Finding] = []
        for entry in entries.sorted(by: { $0.name < $1.name }) {
            let lower = entry.name.lowercased()
            let isMarkup = [".xml", ".rels", ".htm", ".html", ".xhtml", ".vml"].contains { lower.hasSuffix($0) }
            guard isMarkup || lower.hasSuffix(".txt") || lower.hasSuffix(".csv") else { continue }
            var text = VisibleMarkupText(isMarkup: isMarkup)
            let visible = text.visible(entry.data)
            // The text's blocks, numbered among those that hold anything.
            var block = 0
            for piece in visible.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
                block += 1
                guard piece.contains(where: { (48...57).contains($0) || $0 >= 0x80 }) else { continue }
                for match in PersonalIdentityNumber.find(in: String(decoding: piece, as: UTF8.self)) {
                    findings.append(Finding(line: block, masked: match.masked, part: entry.name))
                }
            }
        }
        return findings
    }
}

/// Reads text a piece at a time, line by line, finding numbers in each line's visible text.
struct TextScanner {
    private var pending: [UInt8] = []
    private var line = 1
    private var markup: VisibleMarkupText
    private var isFirstPiece = true
    /// Visible text of earlier lines that a tag left open may continue.
    private var carried: [UInt8] = []
    private(set) var findings: [PersonalDataScan.Finding] = []

    /// The longest stretch without a line break read as one line: longer ones (a minified page)
    /// are cut after a space or a tag's end, so memory stays bounded.
    static let longestLine = 1 << 20

    /// A scanner for a file starting with `start`, named `name`.
    /// - Throws: ``ScanError/notText(_:)`` for UTF-16/UTF-32 text or an old Office file.
    init(start: ArraySlice<UInt8>, name: String) throws(ScanError) {
        do {
            try Array(start).withUnsafeBufferPointer { (buffer) throws(CSVError) in
                try TextEncodingDetection.rejectNonText(buffer)
            }
        } catch {
            throw .notText(error)
        }
        let lower = name.lowercased()
        let isMarkupName = [".html", ".htm", ".xhtml", ".xml", ".svg"].contains { lower.hasSuffix($0) }
        let firstVisible = start.drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }.first
        markup = VisibleMarkupText(isMarkup: isMarkupName || firstVisible == UInt8(ascii: "<"))
    }

    /// Reads the next piece of the file.
    mutating func feed(_ piece: some Collection<UInt8>) {
        var bytes = ArraySlice(piece)
        if isFirstPiece {
            isFirstPiece = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        var start = bytes.startIndex
        while let end = bytes[start...].firstIndex(where: { $0 == 0x0A || $0 == 0 }) {
            pending += bytes[start..<end]
            scanLine()
            line += 1
            start = end + 1
        }
        pending += bytes[start...]
        if pending.count > Self.longestLine {
            let limit = pending.count - 4096
            let cut =
                pending[limit...].lastIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") }.map { $0 + 1 }
                ?? pending.count
            let rest = Array(pending[cut...])
            pending.removeSubrange(cut...)
            scanLine()
            pending = rest
        }
    }

    /// Reads what is left after the last line break.
    mutating func finish() {
        if !pending.isEmpty || !carried.isEmpty { scanLine() }
    }

    /// The numbers in the pending line, which is then emptied.
    private mutating func scanLine() {
        defer { pending.removeAll(keepingCapacity: true) }
        if pending.last == 0x0D { pending.removeLast() }
        guard !pending.isEmpty || !carried.isEmpty else { return }
        let text = Self.utf8(pending)
        var visible = carried + markup.visible(text)
        carried = []
        // A line ending inside a tag: its last block of text may go on after the tag, on the next line.
        if markup.isInsideMarkup, visible.count < Self.longestLine {
            let start = visible.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            carried = Array(visible[start...])
            visible.removeSubrange(start...)
        }
        guard visible.contains(where: { (48...57).contains($0) || $0 >= 0x80 }) else { return }
        for piece in visible.split(separator: UInt8(ascii: "\n")) {
            for match in PersonalIdentityNumber.find(in: String(decoding: piece, as: UTF8.self)) {
                findings.append(PersonalDataScan.Finding(line: line, masked: match.masked))
            }
        }
    }

    /// The line as UTF-8: as it is when it is UTF-8, else read as Windows-1252.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            guard UTF8Validation.firstInvalidOffset(in: buffer) != nil else { return bytes }
            return (try? Windows1252.transcodeToUTF8(buffer)) ?? Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
    }
}

/// Why a file could not be scanned.
public enum ScanError: Error, Sendable, Equatable {
    /// The file could not be opened or read, or is not a regular file.
    case file(CSVError)
    /// The file is not text the scan reads (UTF-16, UTF-32, an old .xls or .doc).
    case notText(CSVError)
    /// The file is a ZIP archive (.docx, .xlsx) that could not be read.
    case archive(ZipError)
    /// An archive larger than the scan reads.
    case archiveTooLarge(limit: Int)

    /// The message a user reads.
    public var message: String {
        switch self {
        case .file(let error): error.message
        case .notText(.unsupportedEncoding(let name)): "\(name) text is not scanned; save it as UTF-8"
        case .notText(.notCSV): "an old Office file (.xls, .doc) is not scanned; save it as .docx, .xlsx or text"
        case .notText(let error): error.message
        case .archive(let error): "cannot read it as a Word document or workbook: \(error.message)"
        case .archiveTooLarge(let limit):
            "a ZIP archive (.docx, .xlsx) over \(limit >> 20) MB is not scanned; unpack it and scan its parts"
        }
    }
}
