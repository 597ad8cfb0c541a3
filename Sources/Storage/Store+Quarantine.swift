import Foundation
import GRDB
import ReportModel

/// A document a reader failed on (crashed, ran out of time or memory), kept out of later reads until the
/// readers' version changes.
public struct QuarantineEntry: Sendable, Hashable {
    /// The hex SHA-256 of the document's bytes.
    public var sha256: String
    /// The readers' version that failed on it.
    public var readerVersion: Int
    /// `readerCrashed`, `readerTimeout` or `readerMemory`.
    public var kind: FailureKind
    /// The limit hit or what happened, in plain words.
    public var detail: String
    /// The unit·year it was fetched for.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// When it was quarantined.
    public var at: Date

    /// Creates an entry.
    public init(
        sha256: String, readerVersion: Int, kind: FailureKind, detail: String, unitId: String, year: Int, at: Date
    ) {
        self.sha256 = sha256
        self.readerVersion = readerVersion
        self.kind = kind
        self.detail = detail
        self.unitId = unitId
        self.year = year
        self.at = at
    }
}

extension Store {
    /// The documents quarantined by readers of `readerVersion`, by digest. A kind this nianbao does not know throws
    /// `StoreError.unknownValue`.
    public func quarantined(readerVersion: Int) throws -> [String: QuarantineEntry] {
        try pool.read { db in
            var entries: [String: QuarantineEntry] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT sha256, kind, detail, unit_id, year, quarantined_at FROM quarantine WHERE reader_version = ?
                    """, arguments: [readerVersion])
            {
                let entry = QuarantineEntry(
                    sha256: row["sha256"], readerVersion: readerVersion,
                    kind: try StoredWord.decode(row["kind"] as String, column: "quarantine.kind"),
                    detail: row["detail"], unitId: row["unit_id"], year: row["year"],
                    at: row["quarantined_at"])
                entries[entry.sha256] = entry
            }
            return entries
        }
    }

    static func insert(_ db: Database, _ entry: QuarantineEntry) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO quarantine (sha256, reader_version, kind, detail, unit_id, year, quarantined_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.sha256, entry.readerVersion, entry.kind.rawValue, entry.detail, entry.unitId, entry.year,
                StoredDate.value(entry.at),
            ])
    }
}

extension PipelineStore {
    /// Queues a quarantine entry, written with the pipeline's next commit.
    public func quarantine(_ entry: QuarantineEntry) {
        store.groupCommit.enqueue { db in try Store.insert(db, entry) }
    }
}
