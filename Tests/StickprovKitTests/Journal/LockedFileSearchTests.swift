import Foundation
import Testing

@testable import StickprovKit

/// The search that finds a draw's (or a kind's) lines reads the journal in buffers: an occurrence cut
/// by a buffer's end is found once, in the next, and none past the committed length is.
@Suite struct LockedFileSearchTests {
    @Test func anOccurrenceAcrossTheBuffersEdgeIsFoundOnce() throws {
        let folder = try JournalTests.Folder()
        let needle = Array(#""K1-7""#.utf8)
        let edge = LockedFile.searchBufferBytes
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 3 * edge)
        let places = [0, edge - 20, edge - needle.count, edge + 3, 2 * edge - 1, 3 * edge - needle.count]
        for place in places { bytes.replaceSubrange(place..<(place + needle.count), with: needle) }
        try folder.write(bytes)
        let file = try LockedFile(path: folder.journal.path, exclusive: false, create: false)
        defer { file.close() }
        let other = Array(#""K1-70""#.utf8)
        #expect(try file.offsets(of: [needle, other], before: bytes.count).sorted() == places)
        #expect(try file.offsets(of: [needle], before: 3 * edge - 1).sorted() == Array(places.dropLast()))
        #expect(try file.offsets(of: [needle], before: 0).isEmpty)
    }
}
