import Foundation
import GRDB
import ReportModel

/// What one bringing-up-to-date of the problem list changed.
public struct ProblemSync: Sendable, Equatable {
    /// Problems seen for the first time.
    public var found = 0
    /// Problems marked `fixed` because the report's current version no longer shows them.
    public var fixed = 0
    /// `fixed` problems that a later version shows again, opened anew.
    public var reopened = 0
}

/// A status change for `setProblemStatuses`.
public struct ProblemStatusChange: Sendable, Equatable {
    /// The problem's fingerprint.
    public var fingerprint: String
    /// The new status.
    public var status: ProblemStatus
    /// Who changes it.
    public var by: String
    /// The note; nil keeps the stored one.
    public var note: String?

    /// Creates a change.
    public init(fingerprint: String, status: ProblemStatus, by: String, note: String?) {
        self.fingerprint = fingerprint
        self.status = status
        self.by = by
        self.note = note
    }
}

extension Store {
    /// Brings the problem list up to date with the stored reports: every failed or uncertain audit result of an
    /// extracted or hand-typed report is a problem under its fingerprint (new ones `open`; the office's status
    /// of known ones kept, whatever run or version shows them); an `open` or `sent` problem the report's current
    /// version no longer shows becomes `fixed` by `nianbao`, with that version; a `fixed` one shown again is
    /// opened anew. Problems of a report that is gone, unreadable or mismatched are left as they are, and so are
    /// problems only a checked draft has shown (`recordDraftProblems`); a stored report showing one makes it the
    /// report's.
    @discardableResult
    public func syncProblems(now: Date = Date()) throws -> ProblemSync {
        try pool.write { db in
            var sync = ProblemSync()
            let stored = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT fingerprint, status FROM problem")
                    .map { row -> (String, String) in (row["fingerprint"], row["status"]) })
            var seen = Set<String>()
            let current = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.unit_id, a.year, a.rule, a.status, a.message, a.cells FROM audit_detail a
                    JOIN report r ON r.unit_id = a.unit_id AND r.year = a.year
                    WHERE a.status IN ('fail', 'uncertain') AND r.status IN ('extracted', 'manual')
                    """)
            for row in current {
                let cells = (try? JSONDecoder().decode([String].self, from: Data((row["cells"] as String).utf8))) ?? []
                let unitId: String = row["unit_id"]
                let year: Int = row["year"]
                let rule: String = row["rule"]
                let fingerprint = Problem.fingerprint(unitId: unitId, year: year, rule: rule, cells: cells)
                guard seen.insert(fingerprint).inserted else { continue }
                switch stored[fingerprint] {
                case nil:
                    try db.execute(
                        sql: """
                            INSERT INTO problem (fingerprint, unit_id, year, rule, cells, outcome, message, first_seen_at,
                                                 last_seen_at, status, status_by, status_at, note)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 'nianbao', ?, '')
                            """,
                        arguments: [
                            fingerprint, unitId, year, rule, cells.joined(separator: " "),
                            row["status"] as String, row["message"] as String, now, now, now,
                        ])
                    sync.found += 1
                case ProblemStatus.fixed.rawValue?:
                    try db.execute(
                        sql: """
                            UPDATE problem SET status = 'open', status_by = 'nianbao', status_at = ?, fixed_version_id = NULL
                            WHERE fingerprint = ?
                            """, arguments: [now, fingerprint])
                    sync.reopened += 1
                default: break
                }
                try db.execute(
                    sql: """
                        UPDATE problem SET outcome = ?, message = ?, last_seen_at = ?, origin = 'report' WHERE fingerprint = ?
                        """,
                    arguments: [row["status"] as String, row["message"] as String, now, fingerprint])
            }
            let pending = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.fingerprint, r.version_id FROM problem p JOIN report r ON r.unit_id = p.unit_id AND r.year = p.year
                    WHERE p.status IN ('open', 'sent') AND r.status IN ('extracted', 'manual') AND p.origin = 'report'
                    """)
            for row in pending where !seen.contains(row["fingerprint"] as String) {
                try db.execute(
                    sql: """
                        UPDATE problem SET status = 'fixed', status_by = 'nianbao', status_at = ?, fixed_version_id = ?
                        WHERE fingerprint = ?
                        """, arguments: [now, row["version_id"] as Int64, row["fingerprint"] as String])
                sync.fixed += 1
            }
            return sync
        }
    }

    /// Stored problems, by unit, year and rule; each filter applies when given.
    public func problems(unitIds: [String] = [], statuses: [ProblemStatus] = [], year: Int? = nil) throws -> [Problem] {
        try pool.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if !unitIds.isEmpty {
                conditions.append("unit_id IN (\(unitIds.map { _ in "?" }.joined(separator: ",")))")
                arguments += unitIds
            }
            if !statuses.isEmpty {
                conditions.append("status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
                arguments += statuses.map(\.rawValue)
            }
            if let year {
                conditions.append("year = ?")
                arguments.append(year)
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM problem \(whereClause) ORDER BY unit_id, year, rule, fingerprint",
                arguments: StatementArguments(arguments)
            ).map { row in
                let cells: String = row["cells"]
                return Problem(
                    fingerprint: row["fingerprint"], unitId: row["unit_id"], year: row["year"], rule: row["rule"],
                    cells: cells.split(separator: " ").map(String.init),
                    outcome: AuditStatus(rawValue: row["outcome"]) ?? .uncertain, message: row["message"],
                    firstSeenAt: row["first_seen_at"], status: ProblemStatus(rawValue: row["status"]) ?? .open,
                    statusBy: row["status_by"], statusAt: row["status_at"], note: row["note"],
                    fixedVersion: row["fixed_version_id"])
            }
        }
    }

    /// Sets the status of problems, all or none: an unknown fingerprint changes nothing. A change to the status a
    /// problem already has only updates its note. Returns how many statuses changed.
    @discardableResult
    public func setProblemStatuses(_ changes: [ProblemStatusChange], now: Date = Date()) throws -> Int {
        try pool.write { db in
            var changed = 0
            for change in changes {
                guard
                    let current = try String.fetchOne(
                        db, sql: "SELECT status FROM problem WHERE fingerprint = ?",
                        arguments: [change.fingerprint])
                else {
                    throw ProblemError.unknownFingerprint(change.fingerprint)
                }
                if current != change.status.rawValue {
                    try db.execute(
                        sql: """
                            UPDATE problem SET status = ?, status_by = ?, status_at = ?,
                                   fixed_version_id = CASE WHEN ? = 'fixed' THEN fixed_version_id END
                            WHERE fingerprint = ?
                            """,
                        arguments: [change.status.rawValue, change.by, now, change.status.rawValue, change.fingerprint])
                    changed += 1
                }
                if let note = change.note {
                    try db.execute(
                        sql: "UPDATE problem SET note = ? WHERE fingerprint = ?", arguments: [note, change.fingerprint])
                }
            }
            return changed
        }
    }
}
