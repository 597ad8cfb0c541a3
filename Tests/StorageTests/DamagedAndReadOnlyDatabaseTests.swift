import Crypto
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

/// A database file that is damaged, and one that may only be read.
@Suite("Damaged and read-only databases", .serialized)
struct DamagedAndReadOnlyDatabaseTests {
    let directory: TemporaryDirectory
    let path: String

    init() throws {
        directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.path("db"), withIntermediateDirectories: true)
        path = directory.path("db/nianbao.sqlite").path
    }

    /// A database with two units, closed (its log copied back and removed).
    func makeDatabase() throws {
        let store = try Store(path: path)
        try store.syncUnits([
            UnitRecord(id: "luoshan", name: "罗山街道", kind: "街道", code: nil, parent: nil, position: 0),
            UnitRecord(id: "xibin", name: "西滨镇", kind: "镇", code: nil, parent: nil, position: 1),
        ])
    }

    func digest(_ file: String) throws -> String {
        SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: file))).map { String(format: "%02x", $0) }.joined()
    }

    func isDamage(_ error: any Error, at file: String) -> Bool {
        guard case .damaged(let named, _)? = error as? StoreError else { return false }
        let text = "\(error)"
        return named == file && text.hasPrefix("cannot read database \(file): ")
            && text.hasSuffix("try: sqlite3 \(file) \".recover\" > recovered.sql")
    }

    @Test(arguments: [StoreAccess.readWrite, .readOnly])
    func randomBytesAreRefusedAsADamagedFileNamingItAndHowToRecover(access: StoreAccess) throws {
        var generator = SystemRandomNumberGenerator()
        try Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(
            to: URL(fileURLWithPath: path))
        #expect { _ = try Store(path: path, access: access) } throws: { isDamage($0, at: path) }
    }

    @Test func damagedPagesInsideAWellFormedFileAreADamagedFileToo() throws {
        try makeDatabase()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // The first page (the header and the schema) stays; every other page is overwritten.
        for index in 4096..<bytes.count { bytes[index] = 0xA5 }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect {
            let store = try Store(path: path, access: .readOnly)
            _ = try store.units()
        } throws: { isDamage($0, at: path) }
    }

    @Test func aPathThatNeedsQuotingIsQuotedInTheHint() {
        let error = StoreError.damaged(path: "/data/年报 backup/it's.sqlite", reason: "file is not a database")
        #expect("\(error)".hasSuffix(#"try: sqlite3 '/data/年报 backup/it'\''s.sqlite' ".recover" > recovered.sql"#))
    }

    @Test func readingInAWritableFolderNeverChangesTheFile() throws {
        try makeDatabase()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "closed: the log is gone")
        let before = try digest(path)
        do {
            let store = try Store(path: path, access: .readOnly)
            #expect(try store.units().map(\.id) == ["luoshan", "xibin"])
            #expect(throws: (any Error).self) { try store.syncUnits([]) }
        }
        #expect(try digest(path) == before, "not a byte written")
    }

    @Test(.enabled(if: ReadOnlyMount.isAvailable, "needs root, to bind-mount the database's folder read-only"))
    func aDatabaseOnAReadOnlyMountIsReadWithoutWritingAnything() throws {
        try makeDatabase()
        let before = try digest(path)
        let mount = try ReadOnlyMount(directory.path("db"))
        let mounted = mount.url.appendingPathComponent("nianbao.sqlite").path
        let store = try Store(path: mounted, access: .readOnly)
        #expect(try store.units().map(\.name) == ["罗山街道", "西滨镇"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path("db").path) == ["nianbao.sqlite"],
            "no -wal, no -shm")
        #expect(try digest(path) == before)
        // Writing needs the folder: refused there, in words that name the file.
        #expect { _ = try Store(path: mounted) } throws: { "\($0)".contains(mounted) }
    }
}
