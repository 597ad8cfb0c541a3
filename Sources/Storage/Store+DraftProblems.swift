import Foundation
import GRDB
import ReportModel

/// One problem of a checked draft, for the problem list.
public struct DraftProblemRecord: Sendable, Equatable {
    /// The rule.
    public var rule: String
    /// What it is about (indicator codes, `section:N`, `unit:ID` …): with the unit, year and rule, the fingerprint.
    public var cells: [String]
    /// `fail` for the unit to correct, `uncertain` when nianbao's reading may be the cause.
    public var outcome: AuditStatus
    /// The problem in plain words.
    public var message: String

    /// Creates a record.
    public init(rule: String, cells: [String], outcome: AuditStatus, message: String) {
        self.rule = rule
        self.cells = cells
        self.outcome = outcome
        self.message = message
    }
}

extension Store {
    /// Puts a checked draft's problems into the problem list under the fingerprints a stored report's would have
    /// (unit, year, rule, cells), marked as from a draft (`origin` `draft`, the message starting 草稿): a new one is
    /// added `open`, a known one keeps the office's status (a `fixed` one is opened again); a draft problem of the
    /// unit·year that is `open` or `sent` and that this check no longer shows becomes `fixed`, by `nianbao`.
    @discardableResult
    public func recordDraftProblems(
        unitId: String, year: Int, _ problems: [DraftProblemRecord],
        now: Date = Date()
    ) throws -> ProblemSync {
        try pool.write { db in
            var sync = ProblemSync()
            var seen = Set<String>()
            for problem in problems {
                let fingerprint = Problem.fingerprint(
                    unitId: unitId, year: year, rule: problem.rule, cells: problem.cells)
                guard seen.insert(fingerprint).inserted else { continue }
                let message = "草稿：" + problem.message
                let stored = try Row.fetchOne(
                    db, sql: "SELECT status, origin FROM problem WHERE fingerprint = ?",
                    arguments: [fingerprint])
                guard let stored else {
                    try db.execute(
                        sql: """
                            INSERT INTO problem (fingerprint, unit_id, year, rule, cells, outcome, message, first_seen_at,
                                                 last_seen_at, status, status_by, status_at, note, origin)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 'nianbao', ?, '', 'draft')
                            """,
                        arguments: [
                            fingerprint, unitId, year, problem.rule, problem.cells.joined(separator: " "),
                            problem.outcome.rawValue, message, now, now, now,
                        ])
                    sync.found += 1
                    continue
                }
                if stored["status"] as String == ProblemStatus.fixed.rawValue {
                    try db.execute(
                        sql: """
                            UPDATE problem SET status = 'open', status_by = 'nianbao', status_at = ?, fixed_version_id = NULL
                            WHERE fingerprint = ?
                            """, arguments: [now, fingerprint])
                    sync.reopened += 1
                }
                if stored["origin"] as String == "draft" {
                    try db.execute(
                        sql: "UPDATE problem SET outcome = ?, message = ?, last_seen_at = ? WHERE fingerprint = ?",
                        arguments: [problem.outcome.rawValue, message, now, fingerprint])
                }
            }
            let pending = try String.fetchAll(
                db,
                sql: """
                    SELECT fingerprint FROM problem
                    WHERE unit_id = ? AND year = ? AND origin = 'draft' AND status IN ('open', 'sent')
                    """, arguments: [unitId, year])
            for fingerprint in pending where !seen.contains(fingerprint) {
                try db.execute(
                    sql: """
                        UPDATE problem SET status = 'fixed', status_by = 'nianbao', status_at = ? WHERE fingerprint = ?
                        """, arguments: [now, fingerprint])
                sync.fixed += 1
            }
            return sync
        }
    }
}
