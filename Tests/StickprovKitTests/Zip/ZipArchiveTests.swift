import Foundation
import Testing

@testable import StickprovKit

/// The ZIP container, checked against published CRC values, Python's `zipfile` and `zlib`, the
/// `zip`/`unzip` programs, and damaged and hostile archives.
@Suite struct ZipArchiveTests {
    static let python = ExternalProgram.find("python3")
    static let unzip = ExternalProgram.find("unzip")
    static let zip = ExternalProgram.find("zip")

    /// Inputs of the kinds documents hold: empty, tiny, repetitive XML, Swedish text, random bytes.
    static func samples() -> [[UInt8]] {
        var random = SplitMix64(seed: 20_231_231)
        let xml = (0..<400).map { "<row r=\"\($0)\"><c t=\"inlineStr\"><is><t>SN-2023-\($0 % 37)</t></is></c></row>" }
            .joined()
        return [
            [], [0x41], Array("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".utf8), Array(xml.utf8),
            Array(String(repeating: "Åtkomst utan koppling till ärendet; ", count: 900).utf8),
            (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &random) },
            (0..<5_000).map { _ in UInt8.random(in: 0...3, using: &random) },
        ]
    }

    @Test func crc32MatchesThePublishedCheckValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func deflateThenInflateGivesBackEveryLength() throws {
        var random = SplitMix64(seed: 7)
        for length in 0..<600 {
            let alphabet = UInt8.random(in: 1...255, using: &random)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...alphabet, using: &random) }
            #expect(try Inflate.decode(Deflate.encode(bytes)[...], limit: length) == bytes)
        }
        for bytes in Self.samples() {
            #expect(try Inflate.decode(Deflate.encode(bytes)[...], limit: bytes.count) == bytes)
        }
    }

    @Test func compressesRepetitiveXML() {
        let xml = Self.samples()[3]
        #expect(Deflate.encode(xml).count * 4 < xml.count)
    }

    @Test(.enabled(if: python != nil, "python3 is missing: the zlib comparison is skipped"))
    func pythonZlibReadsOurDeflateAndWeReadItsStoredFixedAndDynamicBlocks() throws {
        let directory = try CSVTemporaryDirectory()
        for (index, bytes) in Self.samples().enumerated() {
            let path = "\(directory.path)/\(index)"
            try Data(bytes).write(to: URL(fileURLWithPath: path + ".raw"))
            try Data(Deflate.encode(bytes)).write(to: URL(fileURLWithPath: path + ".ours"))
            let program = """
                import sys, zlib
                p = sys.argv[1]
                raw = open(p + '.raw', 'rb').read()
                assert zlib.decompress(open(p + '.ours', 'rb').read(), -15) == raw
                for level, strategy, name in [(0, zlib.Z_DEFAULT_STRATEGY, 'stored'), (1, zlib.Z_FIXED, 'fixed'),
                                              (9, zlib.Z_DEFAULT_STRATEGY, 'dynamic'), (6, zlib.Z_HUFFMAN_ONLY, 'huffman')]:
                    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
                    open(p + '.' + name, 'wb').write(c.compress(raw) + c.flush())
                """
            let result = try ExternalProgram.python(program, [path])
            #expect(result.status == 0, "zlib could not read our DEFLATE of sample \(index)")
            for name in ["stored", "fixed", "dynamic", "huffman"] {
                let theirs = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(path).\(name)")))
                #expect(try Inflate.decode(theirs[...], limit: bytes.count) == bytes, "sample \(index), \(name)")
            }
        }
    }

    @Test func writesAndReadsBackInOrder() throws {
        let entries =
            Self.samples().enumerated().map { ZipEntry(name: "del/\($0).bin", data: $1) }
            + [ZipEntry(name: "[Content_Types].xml", text: "<Types/>"), ZipEntry(name: "ärende.txt", text: "Åtkomst")]
        let archive = try ZipArchive.write(entries)
        #expect(try ZipArchive.read(archive) == entries)
        #expect(try ZipArchive.write(entries) == archive, "the same entries give the same bytes")
    }

    @Test(.enabled(if: python != nil && unzip != nil, "python3 or unzip is missing: the archive comparison is skipped"))
    func pythonZipfileAndUnzipReadOurArchives() throws {
        let directory = try CSVTemporaryDirectory()
        let entries =
            Self.samples().enumerated().map { ZipEntry(name: "del/\($0).bin", data: $1) }
            + [ZipEntry(name: "ärende.txt", text: "Åtkomst utan koppling")]
        let path = directory.path + "/ours.zip"
        try Data(try ZipArchive.write(entries)).write(to: URL(fileURLWithPath: path))
        let listing = try ExternalProgram.python(
            """
            import sys, zipfile, hashlib
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for i in z.infolist():
                print(i.filename, hashlib.sha256(z.read(i)).hexdigest())
            """, [path])
        #expect(listing.status == 0)
        let expected = entries.map { "\($0.name) \(SHA256.hash($0.data).hex)" }.joined(separator: "\n") + "\n"
        #expect(String(decoding: listing.output, as: UTF8.self) == expected)
        if let unzip = Self.unzip {
            #expect(try ExternalProgram.run(unzip, ["-t", path]).status == 0)
        }
    }

    @Test(.enabled(if: python != nil, "python3 is missing: archives made by zipfile are not checked"))
    func readsArchivesMadeByPythonAndZip() throws {
        let directory = try CSVTemporaryDirectory()
        let path = directory.path + "/theirs.zip"
        let made = try ExternalProgram.python(
            """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w') as z:
                z.writestr('xl/', '')
                z.writestr('xl/stored.xml', '<a>stored</a>' * 50, compress_type=zipfile.ZIP_STORED)
                z.writestr('xl/deflated.xml', '<row>Åtkomst</row>' * 500, compress_type=zipfile.ZIP_DEFLATED)
                z.writestr('docProps/app.xml', 'x' * 100000, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
            """, [path])
        #expect(made.status == 0)
        let entries = try ZipArchive.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(entries.map(\.name) == ["xl/stored.xml", "xl/deflated.xml", "docProps/app.xml"])
        #expect(entries[1].data == Array(String(repeating: "<row>Åtkomst</row>", count: 500).utf8))
        #expect(entries[2].data == Array(repeating: UInt8(ascii: "x"), count: 100_000))

        if let zip = Self.zip {
            let source = directory.path + "/folder"
            try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
            try Data(Self.samples()[4]).write(to: URL(fileURLWithPath: source + "/text.txt"))
            try Data(Self.samples()[5]).write(to: URL(fileURLWithPath: source + "/random.bin"))
            let archive = directory.path + "/zip.zip"
            let result = try ExternalProgram.run(zip, ["-q", "-r", archive, source])
            #expect(result.status == 0)
            let read = try ZipArchive.read(Array(try Data(contentsOf: URL(fileURLWithPath: archive))))
            let byName = Dictionary(
                uniqueKeysWithValues: read.map { ($0.name.split(separator: "/").last.map(String.init) ?? "", $0.data) })
            #expect(byName["text.txt"] == Self.samples()[4])
            #expect(byName["random.bin"] == Self.samples()[5])
        }
    }

    @Test func refusesADamagedEntryByItsChecksum() throws {
        var archive = try ZipArchive.write([ZipEntry(name: "a.txt", data: Array(repeating: 7, count: 10))])
        // Stored (repetition of 10 bytes deflates larger? either way), flip a byte of the data.
        archive[30 + 5 + 2] ^= 0x01
        #expect(throws: ZipError.self) { try ZipArchive.read(archive) }
        let stored = try ZipArchive.write([ZipEntry(name: "a.txt", data: Array("ab".utf8))])
        var flipped = stored
        flipped[30 + 5] ^= 0x01
        #expect(throws: ZipError.checksumMismatch(name: "a.txt")) { try ZipArchive.read(flipped) }
    }

    @Test func everyCutOfAnArchiveIsAnErrorNeverACrash() throws {
        let archive = try ZipArchive.write([
            ZipEntry(name: "a.xml", data: Self.samples()[3]), ZipEntry(name: "b.txt", text: "Åtkomst"),
        ])
        for length in 0..<archive.count {
            #expect(throws: ZipError.self) { try ZipArchive.read(Array(archive[0..<length])) }
        }
        #expect(throws: ZipError.notAnArchive) { try ZipArchive.read(Array("PK not really".utf8)) }
    }

    @Test func refusesHugeDeclaredSizesBeforeUnpacking() throws {
        var archive = try ZipArchive.write([ZipEntry(name: "bomb.xml", data: Array(repeating: 0, count: 1000))])
        let central = archive.count - 22 - (46 + 8)
        // The central directory's uncompressed size: declare 3 GB.
        archive.replaceSubrange(central + 24..<central + 28, with: [0, 0, 0, 0xC0])
        #expect(throws: ZipError.tooLarge(name: "bomb.xml", limit: ZipLimits().maxEntrySize)) {
            try ZipArchive.read(archive)
        }
        let small = try ZipArchive.write([ZipEntry(name: "a", text: "x"), ZipEntry(name: "b", text: "y")])
        #expect(throws: ZipError.tooManyEntries(2, limit: 1)) {
            try ZipArchive.read(small, limits: ZipLimits(maxEntries: 1))
        }
        let big = try ZipArchive.write([ZipEntry(name: "big", data: Array(repeating: 1, count: 5000))])
        #expect(throws: ZipError.tooLarge(name: "big", limit: 4096)) {
            try ZipArchive.read(big, limits: ZipLimits(maxEntrySize: 4096))
        }
    }

    @Test(arguments: ["../evil.txt", "/etc/passwd", "a/../../b", "C:/x", "a\\..\\b", ""])
    func refusesNamesThatEscapeTheFolder(name: String) throws {
        #expect(throws: ZipError.unsafeName(name)) { try ZipArchive.write([ZipEntry(name: name, text: "x")]) }
        // An archive written by someone else with that name: patch a safe name of the same length.
        let placeholder = String(repeating: "n", count: max(name.utf8.count, 1))
        guard !name.isEmpty else { return }
        var archive = try ZipArchive.write([ZipEntry(name: placeholder, text: "x")])
        let nameBytes = Array(name.utf8)
        let central = archive.count - 22 - (46 + nameBytes.count)
        archive.replaceSubrange(central + 46..<central + 46 + nameBytes.count, with: nameBytes)
        #expect(throws: ZipError.unsafeName(name)) { try ZipArchive.read(archive) }
    }

    @Test func refusesDuplicateNamesAndUnsupportedFeatures() throws {
        #expect(throws: ZipError.duplicateName("a")) {
            try ZipArchive.write([ZipEntry(name: "a", text: "1"), ZipEntry(name: "a", text: "2")])
        }
        var encrypted = try ZipArchive.write([ZipEntry(name: "a", text: "1")])
        encrypted[encrypted.count - 22 - 47 + 8] |= 1
        #expect(throws: ZipError.unsupported("encryption")) { try ZipArchive.read(encrypted) }
    }

    @Test func randomDamageNeverCrashes() throws {
        let archive = try ZipArchive.write([
            ZipEntry(name: "xl/sheet.xml", data: Self.samples()[3]), ZipEntry(name: "b.txt", data: Self.samples()[6]),
        ])
        var random = SplitMix64(seed: 99)
        for _ in 0..<3_000 {
            var damaged = archive
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                damaged[Int.random(in: 0..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            _ = try? ZipArchive.read(damaged)
        }
        for _ in 0..<3_000 {
            let length = Int.random(in: 0..<300, using: &random)
            _ = try? Inflate.decode(
                (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }[...], limit: 1 << 16)
        }
    }
}
