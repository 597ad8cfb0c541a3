import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

@Suite("Checkpoints of the write-ahead log")
struct WALCheckpointerTests {
    let directory: TemporaryDirectory
    let path: String

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("log.sqlite").path
    }

    /// Commits `pages` rows of nearly a page each: a commit of about that many frames.
    func commit(_ store: Store, pages: Int) throws {
        try store.pool.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS filler (bytes BLOB NOT NULL)")
            for _ in 0..<pages { try db.execute(sql: "INSERT INTO filler VALUES (zeroblob(3900))") }
        }
    }

    func rows(_ store: Store) throws -> Int? {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM filler") }
    }

    func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }

    /// Polls `condition` for up to ten seconds.
    func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<200 {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    @Test func theLogIsCopiedIntoTheDatabaseFileByItsOwnThreadWhileTheWriterGoesOn() async throws {
        // The writer never checkpoints here: only the checkpointer's thread can move the rows into the file.
        let store = try Store(
            path: path, commitWindow: 2,
            checkpoints: .init(backgroundFrames: 50, writerFrames: .max))
        let before = fileSize(path)
        try commit(store, pages: 200)
        let copied = try await eventually { fileSize(path) > before + 150 * 4096 }
        #expect(copied)
        // The writer was not held: it commits again at once, and its rows are all there.
        try commit(store, pages: 10)
        #expect(try rows(store) == 210)
    }

    @Test func pastItsLimitTheWriterCheckpointsItselfAndTheLogStaysBounded() throws {
        // No background checkpoint here: only the writer's own keeps the log from growing.
        let store = try Store(
            path: path, commitWindow: 2,
            checkpoints: .init(backgroundFrames: .max, writerFrames: 200))
        for _ in 0..<40 { try commit(store, pages: 30) }
        // 1,200 frames were written; the log is used again from its start once the writer has checkpointed it.
        let frameBytes = 4096 + 24
        #expect(fileSize(path + "-wal") <= (200 + 3 * 30) * frameBytes + 32)
        #expect(try rows(store) == 1200)
    }

    @Test func closingTheStoreLeavesEveryRowInTheDatabaseFileAndNoLog() throws {
        do {
            let store = try Store(
                path: path, commitWindow: 2,
                checkpoints: .init(backgroundFrames: 20, writerFrames: .max))
            for _ in 0..<5 { try commit(store, pages: 60) }
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let reopened = try DatabaseQueue(path: path)
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM filler") } == 300)
        #expect(try reopened.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }
}
