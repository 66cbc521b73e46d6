import Foundation

/// Headless Chromium, as the person compiling the annual report prints the HTML appendix
/// ("Save as PDF"), each run with its own profile folder.
struct Chromium {
    let program: ReaderProgram

    /// Chromium, or nil after a notice that `purpose` is skipped.
    static func find(for purpose: String) -> Chromium? {
        (ReaderProgram.find("chromium", for: purpose) ?? nil).map(Chromium.init)
    }

    private func arguments(_ folder: ReaderFolder) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--user-data-dir=\(folder.file("profile").path)",
        ]
    }

    /// Prints `html` to a PDF in `folder` as the browser's default print does (its own header and
    /// footer left on, as a user would leave them), and returns the PDF's location.
    func printToPDF(_ html: String, in folder: ReaderFolder) throws -> URL {
        let page = folder.file("bilaga.html")
        let pdf = folder.file("bilaga.pdf")
        try Data(html.utf8).write(to: page)
        let result = try program.run(arguments(folder) + ["--print-to-pdf=\(pdf.path)", page.absoluteString])
        guard FileManager.default.fileExists(atPath: pdf.path) else {
            throw ChromiumFailed(stderr: result.stderr)
        }
        return pdf
    }

    /// The DOM after `html` loaded and its scripts ran, in a window `width` × `height` CSS pixels.
    func dumpDOM(_ html: String, width: Int, height: Int, in folder: ReaderFolder) throws -> String {
        let page = folder.file("measure.html")
        try Data(html.utf8).write(to: page)
        let result = try program.run(
            arguments(folder) + ["--window-size=\(width),\(height)", "--dump-dom", page.absoluteString])
        return result.text
    }

    struct ChromiumFailed: Error { var stderr: String }
}
