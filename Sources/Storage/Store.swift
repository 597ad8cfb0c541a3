import Foundation
import GRDB
import ReportModel

/// The SQLite database: archive, figures, audits, source health and the run log.
public final class Store: Sendable {
    /// The database file.
    public let path: String
    let pool: StorePool
    /// Shares commits between the collect pipeline's concurrent writes.
    let groupCommit: GroupCommit
    /// The labels and cell lists already stored.
    let sharedTexts: SharedTexts
    /// The saved figures' entries for the rankings' table, until their transaction writes them.
    let figuresByCode = FiguresByCode()
    /// Copies the writer's log into the database file without holding the writer up.
    private let checkpointer: WALCheckpointer

    /// Opens (creating and migrating if needed) the database at `path`, for reading and writing or, with
    /// `.readOnly`, for reading only.
    public convenience init(path: String, access: StoreAccess = .readWrite) throws {
        // One second: a page changed by many reports reaches the WAL (and the checkpoint) once per window. With a
        // figure index filled row by row, two seconds had been 15 % faster than half a second (2,000 reports) and
        // 11 % (10,000); with the rankings' table written in batches, one second measured 1–2 % faster than two
        // (2,000 reports, eighteen pairs) and about 4 % (10,000, four of five pairs), with less to lose to a kill.
        try self.init(path: path, access: access, commitWindow: 1)
    }

    /// Opens the database with the collect pipeline's transactions open for up to `commitWindow` seconds, its log
    /// checkpointed at `checkpoints`. A file that is damaged or cannot be read throws `StoreError.damaged`.
    init(
        path: String, access: StoreAccess = .readWrite, commitWindow: TimeInterval,
        checkpoints: WALCheckpointer.Thresholds = .standard
    ) throws {
        self.path = path
        checkpointer = WALCheckpointer(path: path, thresholds: checkpoints)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // The schema's references are kept by construction (a version is archived before it is read, a report's
        // shared texts go in before its rows, and nothing is ever deleted from a parent table), and the tests
        // check them with `PRAGMA foreign_key_check`. Enforced, every figure and audit row costs a parent lookup,
        // and every multi-row INSERT a statement journal even with OR FAIL: the same rows inserted with both
        // checks gone took a quarter fewer instructions in SQLite (callgrind, 1.07 → 0.82 billion).
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            // 32 MB of page cache: the writer's bulk loads, and the readers' rankings and trends over a province (an
            // 8 MB cache for readers saved 20 MB in a province's collect but made the trend 5–10 % slower).
            try db.execute(sql: "PRAGMA cache_size = -32000")
            // In WAL mode NORMAL never corrupts the database and survives a killed process; only the last commits
            // before a power cut may be lost, and the next collect fetches those again.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Statement journals and sorts in memory (the few statements that still keep a journal, such as a
            // report's replacing insert, would otherwise spill it to a temporary file).
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        do {
            let files = FileManager.default
            if files.fileExists(atPath: path), !files.isReadableFile(atPath: path) {
                throw StoreError.cannotOpen(
                    path: path, reason: "the file cannot be read: check its owner and permissions")
            }
            let location: String
            switch access {
            case .readWrite:
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                guard files.isWritableFile(atPath: folder.path) else {
                    throw StoreError.cannotOpen(
                        path: path,
                        reason: "its folder \(folder.path) cannot be written (a "
                            + "read-only mount?); the commands that only read work there")
                }
                try Self.migrate(path)
                location = path
            case .readOnly:
                location = try Self.readingLocation(path)
                configuration.readonly = true
            }
            pool = StorePool(path: path, base: try DatabasePool(path: location, configuration: configuration))
            // Every write goes through the pool's one writer connection: only its commits grow the log, and each
            // of them tells the checkpointer how long the log is (in place of SQLite's automatic checkpoint).
            if access == .readWrite {
                try pool.writeWithoutTransaction { [checkpointer] db in checkpointer.install(on: db) }
            }
            sharedTexts = try pool.read(SharedTexts.init)
            pool.add(transactionObserver: figuresByCode, extent: .databaseLifetime)
            groupCommit = GroupCommit(
                pool: pool.base, window: commitWindow,
                whileIdle: { [figuresByCode] db, commitsSoon in
                    try figuresByCode.writeSome(
                        db, entries: FiguresByCode.entriesPerSlice, evenAFewReports: commitsSoon)
                },
                beforeCommit: figuresByCode.writeAll)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where StoreError.isDamage(error) {
            throw StoreError.damaged(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Brings the schema up to date, and gives the catalogue's codes their ids, on a connection of its own whose
    /// statement journals go to temporary files: a migration that rewrites a province's figure table journals every
    /// page it frees (about 600 MB in memory). Its commits are not synced one by one (NORMAL, as the store's own
    /// connections): a new database's seven migrations had cost ten `fdatasync`s; a power cut may undo the last
    /// ones, which the next open applies again.
    static func migrate(_ path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -32000; PRAGMA temp_store = FILE; PRAGMA synchronous = NORMAL")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try Migrations.apply(to: queue)
        try FigureCodes.register(IndicatorCatalogue.all.map(\.code), in: queue)
        try queue.close()
    }

    deinit {
        // The writer may outlive the store for a moment (a group commit still running): it stops calling the
        // checkpointer first. Its connection closes last, with SQLite's final checkpoint of the log.
        try? pool.writeWithoutTransaction { [checkpointer] db in checkpointer.uninstall(from: db) }
        checkpointer.stop()
    }

    /// Replaces the unit list with the configured units.
    public func syncUnits(_ units: [UnitRecord]) throws {
        try pool.write { db in
            try UnitRecord.deleteAll(db)
            // One prepared statement with plain arguments: the record's Codable insert took 22 ms for 2,000 units,
            // the start of every collect.
            let insert = try db.cachedStatement(
                sql: "INSERT INTO unit (id, name, kind, code, parent, position) VALUES (?, ?, ?, ?, ?, ?)")
            for unit in units {
                try insert.execute(arguments: [unit.id, unit.name, unit.kind, unit.code, unit.parent, unit.position])
            }
        }
    }

    /// The units, in configuration order.
    public func units() throws -> [UnitRecord] {
        try pool.read { db in try UnitRecord.order(Column("position")).fetchAll(db) }
    }

    /// The fetch state of a source, if it was ever tried.
    public func sourceState(unitId: String, year: Int) throws -> SourceStateRecord? {
        try pool.read { db in try Self.sourceState(db, unitId: unitId, year: year) }
    }

    static func sourceState(_ db: Database, unitId: String, year: Int) throws -> SourceStateRecord? {
        try SourceStateRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM source_state WHERE unit_id = ? AND year = ?"),
            arguments: [unitId, year])
    }

    /// The states of one unit's sources.
    public func sourceStates(unitId: String) throws -> [SourceStateRecord] {
        try pool.read { db in
            try SourceStateRecord.fetchAll(db.cachedStatement(sql: Self.unitSourceStatesSQL), arguments: [unitId])
        }
    }

    /// The states of some units' sources, by unit id (a unit with none has no entry), in one read.
    public func sourceStates(unitIds: [String]) throws -> [String: [SourceStateRecord]] {
        guard !unitIds.isEmpty else { return [:] }
        return try pool.read { db in
            let placeholders = Array(repeating: "?", count: unitIds.count).joined(separator: ",")
            let states = try SourceStateRecord.fetchAll(
                db, sql: "SELECT * FROM source_state WHERE unit_id IN (\(placeholders))",
                arguments: StatementArguments(unitIds))
            return Dictionary(grouping: states, by: \.unitId)
        }
    }

    /// The sources backing off after failures at `now`: failing, and not to be tried before a later time.
    public func sourcesBackingOff(at now: Date) throws -> [SourceStateRecord] {
        try pool.read { db in
            try SourceStateRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM source_state WHERE consecutive_failures > 0 AND next_attempt_at > ?
                    ORDER BY unit_id, year
                    """, arguments: [StoredDate.value(now)])
        }
    }

    /// The states of one unit's sources (the unit id its argument).
    static let unitSourceStatesSQL = "SELECT * FROM source_state WHERE unit_id = ?"

    /// Every source state.
    public func sourceStates() throws -> [SourceStateRecord] {
        try pool.read { db in try SourceStateRecord.fetchAll(db) }
    }
}
