import Foundation
import GRDB

/// One write transaction of the store, for bulk work outside the collect pipeline (re-reading the archive): what
/// it saves is visible to its own later reads at once and durable at its end; a failure rolls all of it back.
public struct StoreTransaction {
    let db: Database
    let store: Store

    /// The status of a unit·year's stored report, if any.
    public func reportStatus(unitId: String, year: Int) throws -> ReportStatus? {
        try Store.reportStatus(db, unitId: unitId, year: year)
    }

    /// Saves a report read from a version, replacing the unit·year's figures, items and audit.
    public func saveReport(unitId: String, year: Int, content: ReportContent, at now: Date) throws {
        try store.save(db, unitId: unitId, year: year, content: content, at: now)
    }

    /// Quarantines a document a reader failed on.
    public func quarantine(_ entry: QuarantineEntry) throws {
        try Store.insert(db, entry)
    }
}

extension Store {
    /// Runs `body` in one write transaction; a database failure in it is a `StoreError.transactionFailed`.
    public func writeTransaction<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        do {
            return try writeSavingFigures { db in try body(StoreTransaction(db: db, store: self)) }
        } catch let error as DatabaseError {
            throw StoreError.transactionFailed(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// The unit, year and URL of archived versions, without their bytes, ordered by unit and year.
    public func versionKeys(ids: [Int64]) throws -> [VersionKey] {
        var keys: [VersionKey] = []
        keys.reserveCapacity(ids.count)
        try pool.read { db in
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, unit_id, year, url, sha256 FROM document_version
                        WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                        """, arguments: StatementArguments(chunk))
                keys += rows.map {
                    VersionKey(
                        id: $0["id"], unitId: $0["unit_id"], year: $0["year"], url: $0["url"],
                        sha256: $0["sha256"])
                }
            }
        }
        return keys.sorted { ($0.unitId, $0.year) < ($1.unitId, $1.year) }
    }
}

/// An archived version named without its bytes.
public struct VersionKey: Sendable {
    /// The version's id.
    public var id: Int64
    /// The unit it was fetched for.
    public var unitId: String
    /// The report year it was fetched for.
    public var year: Int
    /// Where it came from (`manual:` for figures typed by hand).
    public var url: String
    /// The hex SHA-256 of its bytes.
    public var sha256: String
}
