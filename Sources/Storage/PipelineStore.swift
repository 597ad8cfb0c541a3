import Foundation
import GRDB

/// The collect pipeline's view of the store. Its reads and writes share one group-committed transaction (see
/// `GroupCommit`): async, so a waiting task holds no thread of the cooperative pool; in order, so a report's
/// cross-year audit sees last year's figures saved a moment ago; and committed in batches. Call `flush()` before
/// the run is closed.
public struct PipelineStore: Sendable {
    let store: Store

    /// Keeps a document version unless the same bytes are already archived for this unit·year.
    public func archive(_ version: DocumentVersionRecord) async throws -> ArchiveOutcome {
        try await store.groupCommit.perform { db in try store.archive(db, version) }
    }

    /// Records a unit·year's run outcome and its source's new state, with the report read for it (replacing the
    /// unit·year's figures, items and audit) when there is one, all in one savepoint.
    public func record(_ item: RunItem, runId: Int64, state: SourceStateRecord, report: ReportContent?,
                       at now: Date) async throws {
        let rows = report.map { ReportRows(unitId: item.unitId, year: item.year, content: $0) }
        try await store.groupCommit.perform { db in
            if let rows { try store.save(db, rows, at: now) }
            try state.save(db)
            try store.insert(db, item, runId: runId)
        }
    }

    /// The fetch state of a source, if it was ever tried.
    public func sourceState(unitId: String, year: Int) async throws -> SourceStateRecord? {
        try await store.groupCommit.perform { db in try Store.sourceState(db, unitId: unitId, year: year) }
    }

    /// The document version a unit·year's stored report was read from, if any.
    public func reportVersionId(unitId: String, year: Int) async throws -> Int64? {
        try await store.groupCommit.perform { db in try Store.reportVersionId(db, unitId: unitId, year: year) }
    }

    /// The status of a unit·year's stored report, if any.
    public func reportStatus(unitId: String, year: Int) async throws -> ReportStatus? {
        try await store.groupCommit.perform { db in try Store.reportStatus(db, unitId: unitId, year: year) }
    }

    /// The figures of one unit·year as code → value (nil for a printed blank total).
    public func figureValues(unitId: String, year: Int) async throws -> [String: Double?]? {
        try await store.groupCommit.perform { db in try Store.figureValues(db, unitId: unitId, year: year) }
    }

    /// Commits what the pipeline wrote; throws if a group commit failed.
    public func flush() async throws {
        try await store.groupCommit.flush()
    }
}

extension Store {
    /// The collect pipeline's batched, in-order view of this store.
    public var pipeline: PipelineStore { PipelineStore(store: self) }
}
