import Documents
import Foundation
import TestSupport
import Testing

@Suite("Local files are read whole, and a file that cannot be read says why")
struct LocalFileTests {
    @Test func readsEveryByteOfSmallEmptyAndLargeFiles() throws {
        let folder = try TemporaryDirectory()
        for size in [0, 1, 65_535, 65_536, 300_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let file = folder.path("f\(size).bin")
            try Data(bytes).write(to: file)
            #expect(try LocalFile.bytes(atPath: file.path) == bytes, "\(size) bytes")
        }
    }

    @Test func aMissingFileOrAFolderIsAPlainError() throws {
        let folder = try TemporaryDirectory()
        let missing = folder.path("nowhere.html").path
        #expect {
            try LocalFile.bytes(atPath: missing)
        } throws: { error in
            "\(error)" == "cannot read the file: No such file or directory"
        }
        #expect {
            try LocalFile.bytes(atPath: folder.url.path)
        } throws: { error in
            "\(error)" == "cannot read the file: not a regular file"
        }
    }
}
