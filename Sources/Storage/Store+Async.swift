import Foundation
import GRDB

/// The collect pipeline's writes, for async callers: the task waits for the database writer without blocking a
/// thread of the cooperative pool, so other reports are read meanwhile.
extension Store {
    /// Async `archive(_:)`.
    public func archive(_ version: DocumentVersionRecord) async throws -> ArchiveOutcome {
        try await pool.write { db in try self.archive(db, version) }
    }

    /// Async `saveReport(unitId:year:content:at:)`.
    public func saveReport(unitId: String, year: Int, content: ReportContent, at now: Date) async throws {
        try await pool.write { db in try self.save(db, unitId: unitId, year: year, content: content, at: now) }
    }

    /// Records a unit·year's run outcome and its source's new state in one transaction.
    public func record(_ item: RunItem, runId: Int64, state: SourceStateRecord) async throws {
        try await pool.write { db in
            try state.save(db)
            try self.insert(db, item, runId: runId)
        }
    }
}
