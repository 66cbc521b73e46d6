import Foundation

/// LibreOffice headless, standing in for Word: converts a document to PDF the way a user's
/// "Export as PDF" would, with its own profile folder per run.
struct LibreOffice {
    let program: ReaderProgram

    /// soffice, or nil after a notice that `purpose` is skipped.
    static func find(for purpose: String) -> LibreOffice? {
        ReaderProgram.find("soffice", for: purpose).map(LibreOffice.init)
    }

    /// Converts `document` to PDF in `folder` and returns the PDF's location.
    func convertToPDF(_ document: URL, in folder: ReaderFolder) throws -> URL {
        try convertToPDF([document], in: folder)[0]
    }

    /// Converts `documents` to PDF in `folder`, in one launch, and returns the PDFs' locations.
    func convertToPDF(_ documents: [URL], in folder: ReaderFolder) throws -> [URL] {
        let out = folder.file("pdf")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let result = try program.run(
            [
                "-env:UserInstallation=\(folder.file("profile").absoluteString)", "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", out.path,
            ] + documents.map(\.path), timeout: 180)
        let pdfs = documents.map { out.appendingPathComponent($0.deletingPathExtension().lastPathComponent + ".pdf") }
        guard pdfs.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else {
            throw ConversionFailed(stdout: result.text, stderr: result.stderr)
        }
        return pdfs
    }

    /// Converts `document` with a filter (`"docx:MS Word 2007 XML"`) and returns the result's location.
    func convert(_ document: URL, to filter: String, extension ext: String, in folder: ReaderFolder) throws -> URL {
        let out = folder.file("converted")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let result = try program.run(
            [
                "-env:UserInstallation=\(folder.file("profile").absoluteString)", "--headless", "--norestore",
                "--convert-to", filter, "--outdir", out.path, document.path,
            ], timeout: 180)
        let converted = out.appendingPathComponent(document.deletingPathExtension().lastPathComponent + "." + ext)
        guard FileManager.default.fileExists(atPath: converted.path) else {
            throw ConversionFailed(stdout: result.text, stderr: result.stderr)
        }
        return converted
    }

    struct ConversionFailed: Error {
        var stdout: String
        var stderr: String
    }
}
