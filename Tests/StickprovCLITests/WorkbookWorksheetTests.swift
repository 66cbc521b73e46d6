import Foundation
import Testing

/// The reviewer's round trip with an Excel workbook: `draw` writes urval-*.xlsx, the reviewer
/// fills it in (here: Python edits the cells, then LibreOffice opens and saves it, as a
/// spreadsheet program would), and `record --worksheet` reads it back with every key intact.
@Suite struct WorkbookWorksheetTests {
    static let keys = ["00162", "=1+1", "-5", "2023-0412", "SN 2023/114"]
    static let python = SampleCommandTests.python
    static let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A plan whose K2 draws all five awkward keys into urval-K2-1.xlsx.
    static func drawn() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try PlanCommandTests.makePlan(in: folder)
        try folder.write(
            "population.csv", "Ärendenummer;Handläggare\n" + keys.enumerated().map { "\($1);H\($0)\n" }.joined())
        let draw = try CLI.run(
            [
                "draw", "K2", "--plan", "plan", "--population", "population.csv", "--seed", "s", "--size", "5",
                "--date", "2023-03-01",
            ], in: folder.url)
        #expect(draw.status == 0, "\(draw.stderr)")
        #expect(draw.stdout.contains("Worksheet: urval-K2-1.xlsx\n"))
        return folder
    }

    /// Fills the sheet "Urval" of `workbook` with Python's zipfile: each data row's result (by row
    /// order) and, for "ej granskad", a reason. Writes `output`.
    static func fill(_ folder: TemporaryFolder, _ workbook: String, _ output: String, results: [String]) throws {
        let program = """
            import re, sys, zipfile
            source, target, results = sys.argv[1], sys.argv[2], sys.argv[3].split('|')
            zin = zipfile.ZipFile(source)
            parts = {n: zin.read(n) for n in zin.namelist()}
            sheet = parts['xl/worksheets/sheet1.xml'].decode()
            header = dict((m.group(2), m.group(1)) for m in re.finditer(r'<c r="([A-Z]+)1"[^>]*t="inlineStr"><is><t[^>]*>([^<]*)</t>', sheet))
            def put(sheet, column, row, text):
                cell = '<c r="%s%d" s="3" t="inlineStr"><is><t>%s</t></is></c>' % (column, row, text)
                return re.sub(r'<c r="%s%d" s="3"/>' % (column, row), cell, sheet)
            for index, result in enumerate(results):
                sheet = put(sheet, header['Resultat'], index + 2, result)
                if result == 'ej granskad':
                    sheet = put(sheet, header['Kommentar'], index + 2, 'Akten saknas')
            parts['xl/worksheets/sheet1.xml'] = sheet.encode()
            with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as zout:
                for name, data in parts.items():
                    zout.writestr(name, data)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python))
        process.arguments = [
            "-c", program, folder.file(workbook).path, folder.file(output).path, results.joined(separator: "|"),
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// The keys recorded in the journal's outcome lines, in order.
    static func recordedKeys(_ folder: TemporaryFolder) throws -> [String] {
        let journal = try String(contentsOf: folder.file("plan/journal.jsonl"), encoding: .utf8)
        return journal.split(separator: "\n").filter { $0.contains("\"type\":\"outcome\"") }.compactMap { line in
            guard let data = String(line).data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let payload = object["data"] as? [String: Any]
            else { return nil }
            return payload["key"] as? String
        }
    }

    @Test func drawWritesAnOwnerOnlyWorkbookWithAnInstructionsSheet() throws {
        let folder = try Self.drawn()
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("urval-K2-1.xlsx").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let bytes = try Data(contentsOf: folder.file("urval-K2-1.xlsx"))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let inside = try CLI.run(
            [
                "draw", "K2", "--date", "2023-02-15", "--plan", "plan", "--population", "population.csv", "--out",
                "plan/x.xlsx",
            ], in: folder.url)
        #expect(inside.status == 1)
        #expect(inside.stderr.contains("is inside the plan folder plan"))
    }

    @Test(.enabled(if: python != nil, "python3 is missing: the filled-in workbook is not made"))
    func aFilledInWorkbookIsRecordedWithEveryKeyIntact() throws {
        let folder = try Self.drawn()
        try Self.fill(
            folder, "urval-K2-1.xlsx", "ifylld.xlsx", results: ["ok", "utan anmärkning", "ej granskad", "ja", "ok"])
        let result = try CLI.run(["record", "--plan", "plan", "--worksheet", "ifylld.xlsx"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("recorded 5 results"))
        #expect(Set(try Self.recordedKeys(folder)) == Set(Self.keys))
    }

    @Test(.enabled(if: python != nil, "python3 is missing: the filled-in workbook is not made"))
    func everyBadRowIsNamedByItsCellAndNothingIsRecorded() throws {
        let folder = try Self.drawn()
        try Self.fill(folder, "urval-K2-1.xlsx", "ifylld.xlsx", results: ["ok", "kanske", "ok", "ok", "inte alls"])
        let result = try CLI.run(["record", "--plan", "plan", "--worksheet", "ifylld.xlsx"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("ifylld.xlsx:Urval!F3: 'kanske' is not a result"))
        #expect(result.stderr.contains("ifylld.xlsx:Urval!F6: 'inte alls' is not a result"))
        #expect(try Self.recordedKeys(folder).isEmpty)
    }

    /// Runs LibreOffice headless with a profile of its own, converting `file` into `outdir`.
    static func convert(
        _ folder: TemporaryFolder, _ file: String, to format: String, outdir: String, infilter: String? = nil
    ) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(soffice))
        process.arguments =
            ["-env:UserInstallation=file://\(folder.path)/lo-profile", "--headless"]
            + (infilter.map { ["--infilter=\($0)"] } ?? []) + [
                "--convert-to", format, "--outdir", folder.file(outdir).path, folder.file(file).path,
            ]
        process.currentDirectoryURL = folder.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test(
        .enabled(
            if: python != nil && soffice != nil,
            "LibreOffice (soffice) is missing: the spreadsheet round trip is skipped"))
    func aWorkbookSavedByLibreOfficeKeepsItsDropDownsAndIsRecorded() throws {
        let folder = try Self.drawn()
        try Self.fill(
            folder, "urval-K2-1.xlsx", "ifylld.xlsx", results: ["ok", "ej granskad", "ok", "utan anmärkning", "ok"])
        try Self.convert(folder, "ifylld.xlsx", to: "xlsx", outdir: "lo")
        let saved = folder.file("lo/ifylld.xlsx")
        // LibreOffice kept the drop-down lists on the result column.
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: try #require(Self.python))
        unzip.arguments = [
            "-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())",
            saved.path,
        ]
        let pipe = Pipe()
        unzip.standardOutput = pipe
        try unzip.run()
        let sheet = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        unzip.waitUntilExit()
        #expect(sheet.contains("<formula1>Resultatord</formula1>"))
        let result = try CLI.run(["record", "--plan", "plan", "--worksheet", "lo/ifylld.xlsx"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(try Self.recordedKeys(folder)) == Set(Self.keys))
    }
}
