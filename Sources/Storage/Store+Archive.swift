import Foundation
import GRDB
import ReportModel

/// What archiving a fetched document found.
public enum ArchiveOutcome: Sendable, Equatable {
    /// The first version of this unit·year.
    case first(versionId: Int64)
    /// The same bytes as a version already kept.
    case unchanged(versionId: Int64)
    /// New bytes for a unit·year already captured: changed after publication.
    case changed(versionId: Int64)

    /// The version the outcome refers to.
    public var versionId: Int64 {
        switch self {
        case .first(let id), .unchanged(let id), .changed(let id): return id
        }
    }
}

extension Store {
    /// Keeps a document version unless the same bytes are already archived for this unit·year.
    public func archive(_ version: DocumentVersionRecord) throws -> ArchiveOutcome {
        try pool.write { db in try archive(db, version) }
    }

    func archive(_ db: Database, _ version: DocumentVersionRecord) throws -> ArchiveOutcome {
        // Cached statements, and the insert without the record's Codable encoding: this runs once per fetched
        // document on the collect's single writer.
        if let existing = try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id FROM document_version WHERE unit_id = ? AND year = ? AND sha256 = ?
                    """), arguments: [version.unitId, version.year, version.sha256])
        {
            return .unchanged(versionId: existing)
        }
        // A new version from the same source is a change after publication; an attachment found behind an
        // article is a different source, not a change.
        let earlier =
            try Int.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT COUNT(*) FROM document_version WHERE unit_id = ? AND year = ? AND url = ?
                        """), arguments: [version.unitId, version.year, version.url]) ?? 0
        try db.cachedStatement(
            sql: """
                INSERT INTO document_version (unit_id, year, url, final_url, sha256, content, content_type, charset, etag,
                    last_modified, byte_count, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            version.unitId, version.year, version.url, version.finalUrl, version.sha256,
            version.content, version.contentType, version.charset, version.etag,
            version.lastModified, version.byteCount, StoredDate.value(version.firstSeenAt),
        ])
        let id = db.lastInsertedRowID
        return earlier == 0 ? .first(versionId: id) : .changed(versionId: id)
    }

    /// The versions of every document fetched again from the same URL with other bytes, optionally of one unit
    /// or year, in year, unit, URL and capture order.
    public func revisedVersions(unitId: String?, year: Int?) throws -> [RevisedVersion] {
        var filters = ""
        var arguments: [DatabaseValueConvertible] = []
        if let unitId {
            filters += " AND unit_id = ?"
            arguments.append(unitId)
        }
        if let year {
            filters += " AND year = ?"
            arguments.append(year)
        }
        return try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, unit_id, year, url, sha256, byte_count, first_seen_at FROM document_version
                    WHERE (unit_id, year, url) IN (
                        SELECT unit_id, year, url FROM document_version GROUP BY unit_id, year, url HAVING COUNT(*) > 1)
                    \(filters)
                    ORDER BY year, unit_id, url, first_seen_at, id
                    """, arguments: StatementArguments(arguments)
            ).map { row in
                RevisedVersion(
                    id: row["id"], unitId: row["unit_id"], year: row["year"], url: row["url"],
                    sha256: row["sha256"], byteCount: row["byte_count"], firstSeenAt: row["first_seen_at"])
            }
        }
    }

    /// Unit·years whose figures were typed by hand and that have a machine-read document captured after they were
    /// last imported, with that document's capture time: a conflict until someone chooses.
    public func manualConflicts() throws -> [(unitId: String, year: Int, capturedAt: Date)] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.unit_id, r.year, MAX(v.first_seen_at) AS captured FROM report r
                    JOIN document_version v ON v.unit_id = r.unit_id AND v.year = r.year AND v.first_seen_at > r.extracted_at
                    WHERE r.status = 'manual' AND v.url NOT LIKE 'manual:%'
                    GROUP BY r.unit_id, r.year ORDER BY r.year, r.unit_id
                    """
            ).map { ($0["unit_id"], $0["year"], $0["captured"]) }
        }
    }

    /// The latest machine-read (not typed) version of a unit·year, if one is archived.
    public func latestFetchedVersionId(unitId: String, year: Int) throws -> Int64? {
        try pool.read { db in
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT MAX(id) FROM document_version WHERE unit_id = ? AND year = ? AND url NOT LIKE 'manual:%'
                    """, arguments: [unitId, year])
        }
    }

    /// Marks a unit·year's typed figures as chosen at `now` over the documents captured before then.
    public func keepTypedFigures(unitId: String, year: Int, at now: Date) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE report SET extracted_at = ? WHERE unit_id = ? AND year = ? AND status = 'manual'",
                arguments: [StoredDate.value(now), unitId, year])
        }
    }

    /// One archived version's bytes and metadata.
    public func documentVersion(id: Int64) throws -> DocumentVersionRecord? {
        try pool.read { db in try DocumentVersionRecord.fetchOne(db, key: id) }
    }

    /// The latest archived version of every unit·year (for re-extraction), optionally for one year.
    public func latestVersionIds(year: Int?) throws -> [Int64] {
        try pool.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT MAX(id) FROM document_version \(year == nil ? "" : "WHERE year = ?")
                    GROUP BY unit_id, year ORDER BY unit_id, year
                    """, arguments: year.map { [$0] } ?? [])
        }
    }

    /// Versions archived but never extracted (a run killed between the two steps), to finish on the next run.
    public func versionsAwaitingExtraction() throws -> [Int64] {
        try pool.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT MAX(v.id) FROM document_version v
                    LEFT JOIN report r ON r.unit_id = v.unit_id AND r.year = v.year
                    GROUP BY v.unit_id, v.year HAVING MAX(v.id) > COALESCE(MAX(r.version_id), 0)
                    """)
        }
    }

    /// The most versions one source of a unit·year has, when the unit·year was first seen, and when a source
    /// last changed (nil when no source has changed).
    /// The times are the stored text, passed on as they are (parsing and formatting dates was a measurable part of
    /// the writer's time); the versions (one or two a unit·year) are tallied here, since grouping them by source in
    /// SQL had SQLite build and sort a temporary table for every report saved (1.4 % of a collect's CPU).
    func versionHistory(_ db: Database, unitId: String, year: Int) throws
        -> (count: Int, firstSeen: DatabaseValue, changedAt: DatabaseValue)
    {
        var bySource: [String: (versions: Int, latest: String)] = [:]
        var firstSeen: String?
        try db.forEachRawRow(
            sql: "SELECT url, first_seen_at FROM document_version WHERE unit_id = ? AND year = ?",
            arguments: [unitId, year]
        ) { row in
            guard let url = row.text(0), let seen = row.text(1) else { return }
            let source = bySource[url] ?? (0, seen)
            bySource[url] = (source.versions + 1, source.latest.bytePrecedes(seen) ? seen : source.latest)
            if firstSeen.map({ seen.bytePrecedes($0) }) ?? true { firstSeen = seen }
        }
        let changedAt = bySource.values.filter { $0.versions > 1 }.map(\.latest)
            .max { $0.bytePrecedes($1) }
        return (
            bySource.values.map(\.versions).max() ?? 0, firstSeen?.databaseValue ?? .null,
            changedAt?.databaseValue ?? .null
        )
    }
}

/// One version of a document fetched again from the same URL with other bytes (a report changed after
/// publication), without its bytes.
public struct RevisedVersion: Sendable, Hashable {
    /// The version's id.
    public var id: Int64
    /// The unit.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// The URL it was fetched from.
    public var url: String
    /// The hex SHA-256 of its bytes.
    public var sha256: String
    /// Its size.
    public var byteCount: Int
    /// When it was first captured.
    public var firstSeenAt: Date
}
