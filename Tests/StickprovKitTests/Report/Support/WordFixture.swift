import Foundation

/// Helpers for the Word appendix's tests: the package written to a file, and document.xml in a
/// form a person can read in a diff.
enum WordFixture {
    /// The parts packed as a .docx in `folder`, by Python's zipfile (a second ZIP implementation,
    /// so the test does not only trust our own).
    static func packWithPython(
        _ parts: [(path: String, bytes: [UInt8])], in folder: ReaderFolder, name: String = "bilaga.docx"
    )
        throws -> URL?
    {
        guard let python = ReaderProgram.find("python3", for: "packing the Word appendix with Python's zipfile") else {
            return nil
        }
        var arguments = [
            "-c",
            """
            import sys, zipfile
            out, pairs = sys.argv[1], sys.argv[2:]
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
                for i in range(0, len(pairs), 2):
                    z.write(pairs[i + 1], pairs[i])
            """, folder.file(name).path,
        ]
        for (index, part) in parts.enumerated() {
            let file = folder.file("part-\(index)")
            try Data(part.bytes).write(to: file)
            arguments += [part.path, file.path]
        }
        let result = try python.run(arguments)
        guard result.status == 0 else { throw PackFailed(stderr: result.stderr) }
        return folder.file(name)
    }

    struct PackFailed: Error { var stderr: String }

    /// document.xml with a line break before each paragraph, row, table and the section, so its
    /// golden file diffs by line.
    static func readable(_ xml: [UInt8]) -> String {
        var text = String(decoding: xml, as: UTF8.self)
        for tag in ["<w:p>", "<w:p/>", "<w:tr>", "<w:tbl>", "</w:tbl>", "<w:sectPr>", "<w:tblGrid>", "</w:body>"] {
            text = text.replacingOccurrences(of: tag, with: "\n" + tag)
        }
        return text + "\n"
    }
}
