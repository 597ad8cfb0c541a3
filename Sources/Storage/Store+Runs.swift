import Foundation
import GRDB
import ReportModel

/// One finished or running collect, for `nianbao runs`.
public struct RunSummary: Sendable, Hashable, Codable {
    /// The row id.
    public var id: Int64
    /// When the run started.
    public var startedAt: Date
    /// When it finished (nil for a run that was killed).
    public var finishedAt: Date?
    /// The process that ran it.
    public var pid: Int32
    /// Unit·year count per outcome.
    public var outcomes: [CollectOutcome: Int]
    /// Failure count per kind.
    public var failureKinds: [FailureKind: Int]
    /// Bytes received.
    public var bytes: Int
    /// Retries made.
    public var retries: Int
    /// The exit code it ended with.
    public var exitCode: Int?
}

/// One unit·year's outcome in a run.
public struct RunItem: Sendable, Hashable {
    /// The unit id.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// The outcome.
    public var outcome: CollectOutcome
    /// The failure kind, for failures.
    public var failureKind: FailureKind?
    /// Details in plain words.
    public var message: String?

    /// Creates a run item.
    public init(unitId: String, year: Int, outcome: CollectOutcome, failureKind: FailureKind?, message: String?) {
        self.unitId = unitId
        self.year = year
        self.outcome = outcome
        self.failureKind = failureKind
        self.message = message
    }
}

extension Store {
    /// Records the start of a run and returns its id.
    public func startRun(at now: Date, pid: Int32) throws -> Int64 {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO run (started_at, pid, outcomes, failure_kinds, bytes, retries) VALUES (?, ?, '{}', '{}', 0, 0)
                    """, arguments: [now, pid])
            return db.lastInsertedRowID
        }
    }

    /// Inserts (or replaces) one run item inside a write transaction.
    func insert(_ db: Database, _ item: RunItem, runId: Int64) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO run_item VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [
                runId, item.unitId, item.year, item.outcome.rawValue, item.failureKind?.rawValue,
                item.message,
            ])
    }

    /// Closes a run with its totals.
    public func finishRun(id: Int64, at now: Date, bytes: Int, retries: Int, exitCode: Int) throws {
        try pool.write { db in
            let outcomes = try Row.fetchAll(
                db, sql: "SELECT outcome, COUNT(*) AS n FROM run_item WHERE run_id = ? GROUP BY outcome",
                arguments: [id])
            let kinds = try Row.fetchAll(
                db,
                sql: """
                    SELECT failure_kind, COUNT(*) AS n FROM run_item WHERE run_id = ? AND failure_kind IS NOT NULL
                    GROUP BY failure_kind
                    """, arguments: [id])
            let encode = { (rows: [Row], key: String) -> String in
                var map: [String: Int] = [:]
                for row in rows { map[row[key]] = row["n"] }
                return String(decoding: (try? JSONEncoder().encode(map)) ?? Data("{}".utf8), as: UTF8.self)
            }
            try db.execute(
                sql: """
                    UPDATE run SET finished_at = ?, outcomes = ?, failure_kinds = ?, bytes = ?, retries = ?, exit_code = ?
                    WHERE id = ?
                    """,
                arguments: [
                    now, encode(outcomes, "outcome"), encode(kinds, "failure_kind"), bytes, retries, exitCode, id,
                ])
        }
    }

    /// The last `limit` runs, newest first. A word this nianbao does not know throws `StoreError.unknownValue`.
    public func runs(last limit: Int) throws -> [RunSummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                let counts = { (text: String) in
                    (try? JSONDecoder().decode([String: Int].self, from: Data(text.utf8))) ?? [:]
                }
                return RunSummary(
                    id: row["id"], startedAt: row["started_at"], finishedAt: row["finished_at"], pid: row["pid"],
                    outcomes: try StoredWord.decode(counts(row["outcomes"]), column: "run.outcomes"),
                    failureKinds: try StoredWord.decode(counts(row["failure_kinds"]), column: "run.failure_kinds"),
                    bytes: row["bytes"], retries: row["retries"], exitCode: row["exit_code"])
            }
        }
    }

    /// The items of one run. A word this nianbao does not know throws `StoreError.unknownValue`.
    public func runItems(runId: Int64) throws -> [RunItem] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM run_item WHERE run_id = ? ORDER BY unit_id, year", arguments: [runId]
            ).map {
                RunItem(
                    unitId: $0["unit_id"], year: $0["year"],
                    outcome: try StoredWord.decode($0["outcome"] as String, column: "run_item.outcome"),
                    failureKind: try StoredWord.decode($0["failure_kind"] as String?, column: "run_item.failure_kind"),
                    message: $0["message"])
            }
        }
    }
}
