import Foundation
import GRDB
import GRDBSQLite

/// Checkpoints the database's write-ahead log on a thread of its own. SQLite's automatic checkpoint runs on the
/// writer, inside the commit that crosses its threshold: copying some 40 MB of log into the database file and its
/// two fsyncs held a collect's single writer for about half a second each time, and with it every report waiting
/// to be archived (both cores all but idle). Here a commit that leaves `backgroundFrames` or more in the log only
/// wakes this thread, which checkpoints through a connection of its own, passively: it neither waits for the
/// writer nor holds it up.
///
/// The log starts again from its beginning only when all of it has been copied before the writer's next
/// transaction begins, which a steady stream of commits seldom allows; so a commit that leaves `writerFrames` in
/// the log checkpoints on the writer itself, as SQLite would have. By then this thread has copied all but the last
/// commits' frames, and the log stays bounded. A checkpoint that fails loses nothing: the frames stay in the log.
final class WALCheckpointer: @unchecked Sendable {
    /// When commits hand the log to this thread, and when the writer checkpoints it itself, in 4 KB frames.
    struct Thresholds: Sendable {
        var backgroundFrames: Int32
        var writerFrames: Int32

        /// About 40 MB of log before a checkpoint, as the automatic checkpoint this replaces had; the writer's own
        /// at about 200 MB, which a collect of 2,000 reports never reaches.
        static let standard = Thresholds(backgroundFrames: 10_000, writerFrames: 50_000)
    }

    private let path: String
    private let thresholds: Thresholds
    private let condition = NSCondition()
    private var isRequested = false
    private var isStarted = false
    private var isStopping = false
    private var isFinished = false

    init(path: String, thresholds: Thresholds) {
        self.path = path
        self.thresholds = thresholds
    }

    /// Makes `db` (the writer's connection) hand its log to this checkpointer after each commit, in place of
    /// SQLite's automatic checkpoint.
    func install(on db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, Self.afterCommit, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Stops `db` calling this checkpointer (before it goes away).
    func uninstall(from db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, nil, nil)
    }

    /// Ends the thread, once the checkpoint it is running is done, and closes its connection.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        isStopping = true
        condition.broadcast()
        while isStarted && !isFinished { condition.wait() }
    }

    /// Called by SQLite after each commit on the writer's connection, with the frames now in the log.
    private static let afterCommit:
        @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32 = {
            context, connection, name, frames in
            guard let context else { return SQLITE_OK }
            let checkpointer = Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue()
            if frames >= checkpointer.thresholds.writerFrames {
                // Its result is not needed: a checkpoint that copies nothing now is tried again after the next commit.
                _ = sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            } else if frames >= checkpointer.thresholds.backgroundFrames {
                checkpointer.request()
            }
            return SQLITE_OK
        }

    /// Asks the thread for a checkpoint, starting it on the first request.
    private func request() {
        condition.lock()
        defer { condition.unlock() }
        guard !isStopping else { return }
        isRequested = true
        if !isStarted {
            isStarted = true
            Thread { [self] in run() }.start()
        }
        condition.signal()
    }

    /// Checkpoints whenever asked until stopped. A connection that cannot be opened or a checkpoint that fails
    /// leaves the log to the writer's own checkpoint and to the one SQLite makes when the database is closed.
    private func run() {
        var configuration = Configuration()
        // As the writer's: the log is synced before its frames are copied, the database file after.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let connection = try? DatabaseQueue(path: path, configuration: configuration)
        while waitForRequest() {
            _ = try? connection?.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        }
        try? connection?.close()
        condition.withLock {
            isFinished = true
            condition.broadcast()
        }
    }

    /// Waits for a request; false once stopped.
    private func waitForRequest() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !isRequested && !isStopping { condition.wait() }
        isRequested = false
        return !isStopping
    }
}
