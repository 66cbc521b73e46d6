/// One file inside a ZIP archive: its path inside the archive and its bytes.
public struct ZipEntry: Sendable, Equatable {
    /// The path inside the archive, with `/` between folders, e.g. `xl/worksheets/sheet1.xml`.
    public var name: String
    /// The entry's (uncompressed) bytes.
    public var data: [UInt8]

    /// An entry named `name` holding `data`.
    public init(name: String, data: [UInt8]) {
        self.name = name
        self.data = data
    }

    /// An entry holding `text` as UTF-8 (the XML parts of Office documents).
    public init(name: String, text: String) {
        self.init(name: name, data: Array(text.utf8))
    }
}

/// Bounds a reader keeps to, so that a hostile archive cannot take the memory.
public struct ZipLimits: Sendable {
    /// The most entries read.
    public var maxEntries: Int
    /// The most bytes one entry may unpack to.
    public var maxEntrySize: Int
    /// The most bytes all entries together may unpack to.
    public var maxTotalSize: Int

    /// Limits generous for any worksheet or Word document a committee writes: 10,000 entries,
    /// 256 MB an entry, 512 MB in all.
    public init(maxEntries: Int = 10_000, maxEntrySize: Int = 256 << 20, maxTotalSize: Int = 512 << 20) {
        self.maxEntries = maxEntries
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
    }
}

/// Reads and writes ZIP archives (PKWARE APPNOTE 6.3): the container of .xlsx and .docx files.
///
/// Small on purpose: stored and DEFLATE entries, no ZIP64, no encryption, one disk. Writing is
/// deterministic (entries in the given order, a fixed 1980-01-01 time stamp), so the same
/// document always gives the same bytes.
public enum ZipArchive {
    /// The archive holding `entries` in order, each DEFLATE-compressed unless storing is smaller.
    /// - Throws: ``ZipError/tooLarge(name:limit:)`` beyond what a ZIP without ZIP64 holds
    ///   (4 GB, 65,535 entries), ``ZipError/unsafeName(_:)`` or ``ZipError/duplicateName(_:)``.
    public static func write(_ entries: [ZipEntry]) throws(ZipError) -> [UInt8] {
        guard entries.count < 0xFFFF else { throw .tooManyEntries(entries.count, limit: 0xFFFE) }
        var names = Set<String>()
        var archive: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            try checkName(entry.name)
            guard names.insert(entry.name).inserted else { throw .duplicateName(entry.name) }
            let deflated = Deflate.encode(entry.data)
            let isDeflated = deflated.count < entry.data.count
            let stored = isDeflated ? deflated : entry.data
            guard entry.data.count < 0xFFFF_FFFF, archive.count + stored.count < 0xFFFF_FFFF else {
                throw .tooLarge(name: entry.name, limit: 0xFFFF_FFFE)
            }
            let name = Array(entry.name.utf8)
            var fields = Fields()
            fields.u16(20)  // version needed: 2.0 (DEFLATE)
            fields.u16(0x0800)  // flags: names are UTF-8
            fields.u16(isDeflated ? 8 : 0)
            fields.u16(0)  // time 00:00:00
            fields.u16(0x21)  // date 1980-01-01
            fields.u32(CRC32.checksum(entry.data))
            fields.u32(UInt32(stored.count))
            fields.u32(UInt32(entry.data.count))
            fields.u16(UInt16(name.count))
            fields.u16(0)  // extra field length

            var centralHeader = Fields()
            centralHeader.u32(0x0201_4B50)
            centralHeader.u16(20)  // made by: 2.0, MS-DOS attributes
            centralHeader.bytes += fields.bytes
            centralHeader.u16(0)  // comment length
            centralHeader.u16(0)  // disk number
            centralHeader.u16(0)  // internal attributes
            centralHeader.u32(0)  // external attributes
            centralHeader.u32(UInt32(archive.count))
            central += centralHeader.bytes + name

            var local = Fields()
            local.u32(0x0403_4B50)
            local.bytes += fields.bytes
            archive += local.bytes + name + stored
        }
        guard archive.count + central.count < 0xFFFF_FFFF else {
            throw .tooLarge(name: "the archive", limit: 0xFFFF_FFFE)
        }
        var end = Fields()
        end.u32(0x0605_4B50)
        end.u16(0)
        end.u16(0)
        end.u16(UInt16(entries.count))
        end.u16(UInt16(entries.count))
        end.u32(UInt32(central.count))
        end.u32(UInt32(archive.count))
        end.u16(0)  // comment length
        return archive + central + end.bytes
    }

    /// The entries of the archive `bytes`, in the order of its central directory.
    ///
    /// Every entry's CRC-32 and size are checked; names that could escape a folder, sizes
    /// beyond `limits` and anything damaged are refused before or while unpacking.
    /// - Throws: ``ZipError``, never a crash.
    public static func read(_ bytes: [UInt8], limits: ZipLimits = ZipLimits()) throws(ZipError) -> [ZipEntry] {
        let reader = Reader(bytes: bytes)
        let end = try reader.endOfCentralDirectory()
        guard try reader.u16(end + 4) == 0, try reader.u16(end + 6) == 0 else { throw .unsupported("several disks") }
        let count = try reader.u16(end + 10)
        let directorySize = try reader.u32(end + 12)
        let directoryOffset = try reader.u32(end + 16)
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw .unsupported("ZIP64")
        }
        guard count <= limits.maxEntries else { throw .tooManyEntries(count, limit: limits.maxEntries) }
        guard directoryOffset + directorySize <= end else { throw .truncated("the central directory") }

        var entries: [ZipEntry] = []
        var names = Set<String>()
        var total = 0
        var offset = directoryOffset
        for _ in 0..<count {
            guard try reader.u32(offset) == 0x0201_4B50 else { throw .truncated("the central directory") }
            let flags = try reader.u16(offset + 8)
            let method = try reader.u16(offset + 10)
            let crc = try reader.u32(offset + 16)
            let compressedSize = try reader.u32(offset + 20)
            let size = try reader.u32(offset + 24)
            let nameLength = try reader.u16(offset + 28)
            let extraLength = try reader.u16(offset + 30)
            let commentLength = try reader.u16(offset + 32)
            let localOffset = try reader.u32(offset + 42)
            let name = try reader.name(at: offset + 46, length: nameLength)
            offset += 46 + nameLength + extraLength + commentLength

            try checkName(name)
            guard names.insert(name).inserted else { throw .duplicateName(name) }
            guard flags & 1 == 0 else { throw .unsupported("encryption") }
            guard method == 0 || method == 8 else { throw .unsupported("compression method \(method)") }
            if size == 0xFFFF_FFFF || compressedSize == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                throw .unsupported("ZIP64")
            }
            guard size <= limits.maxEntrySize else { throw .tooLarge(name: name, limit: limits.maxEntrySize) }
            total += size
            guard total <= limits.maxTotalSize else { throw .tooLarge(name: name, limit: limits.maxTotalSize) }

            guard try reader.u32(localOffset) == 0x0403_4B50 else { throw .truncated("the entry '\(name)'") }
            let dataStart = localOffset + 30 + (try reader.u16(localOffset + 26)) + (try reader.u16(localOffset + 28))
            guard dataStart + compressedSize <= bytes.count else { throw .truncated("the entry '\(name)'") }
            let raw = bytes[dataStart..<dataStart + compressedSize]
            let data: [UInt8]
            if method == 0 {
                guard compressedSize == size else {
                    throw .sizeMismatch(name: name, declared: size, actual: compressedSize)
                }
                data = Array(raw)
            } else {
                do {
                    data = try Inflate.decode(raw, limit: size)
                } catch {
                    throw .corruptData(name: name, reason: error.reason)
                }
            }
            guard data.count == size else { throw .sizeMismatch(name: name, declared: size, actual: data.count) }
            guard CRC32.checksum(data) == crc else { throw .checksumMismatch(name: name) }
            if !name.hasSuffix("/") { entries.append(ZipEntry(name: name, data: data)) }
        }
        return entries
    }

    /// Refuses names that could escape the folder an archive is unpacked into, or that are empty.
    static func checkName(_ name: String) throws(ZipError) {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        let isUnsafe =
            name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.utf8.contains(0)
            || parts.contains("..") || (parts.first?.contains(":") ?? false)
        if isUnsafe { throw .unsafeName(name) }
    }

    /// Little-endian fields of a header being written.
    struct Fields {
        var bytes: [UInt8] = []
        mutating func u16(_ value: UInt16) {
            bytes += [UInt8(value & 0xFF), UInt8(value >> 8)]
        }
        mutating func u32(_ value: UInt32) {
            u16(UInt16(value & 0xFFFF))
            u16(UInt16(value >> 16))
        }
    }

    /// Bounds-checked little-endian reads from an archive's bytes.
    struct Reader {
        let bytes: [UInt8]

        func u16(_ offset: Int) throws(ZipError) -> Int {
            guard offset >= 0, offset + 2 <= bytes.count else { throw .truncated("a header") }
            return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
        }

        func u32(_ offset: Int) throws(ZipError) -> Int {
            try u16(offset) | (try u16(offset + 2)) << 16
        }

        func name(at offset: Int, length: Int) throws(ZipError) -> String {
            guard offset + length <= bytes.count else { throw .truncated("an entry name") }
            let raw = bytes[offset..<offset + length]
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw .unsafeName(String(decoding: raw, as: UTF8.self))
            }
            return text
        }

        /// The offset of the end-of-central-directory record: searched backwards, since an
        /// archive comment of up to 65,535 bytes may follow it.
        func endOfCentralDirectory() throws(ZipError) -> Int {
            guard bytes.count >= 22 else { throw .notAnArchive }
            var offset = bytes.count - 22
            let lowest = max(0, bytes.count - 22 - 0xFFFF)
            while offset >= lowest {
                if bytes[offset] == 0x50 && bytes[offset + 1] == 0x4B && bytes[offset + 2] == 5
                    && bytes[offset + 3] == 6
                {
                    return offset
                }
                offset -= 1
            }
            throw .notAnArchive
        }
    }
}
