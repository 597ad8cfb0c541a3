import Foundation
import GRDB

/// What archiving a fetched document found, with what the store held for its unit·year before.
public struct ArchivedVersion: Sendable {
    /// New, changed or unchanged, and the version's id.
    public var outcome: ArchiveOutcome
    /// The version the unit·year's stored report was read from, if any.
    public var storedVersionId: Int64?
    /// The status of the unit·year's stored report, if any.
    public var storedStatus: ReportStatus?
    /// The unit's figures of the year before (code → value, nil for a printed blank), for the cross-year audit.
    public var lastYear: [String: Double?]?
}

/// The collect pipeline's view of the store. Its reads and writes share one group-committed transaction (see
/// `GroupCommit`): in order, so a report's cross-year audit sees last year's figures saved a moment ago; one pass
/// of the writer per report (`archive`), its record queued without waiting (`record`); committed in batches. Call
/// `flush()` before the run is closed: it commits and throws if any write failed.
public struct PipelineStore: Sendable {
    let store: Store

    /// Keeps a document version unless the same bytes are already archived for this unit·year, and looks up what
    /// the store held for it.
    public func archive(_ version: DocumentVersionRecord) async throws -> ArchivedVersion {
        try await explained {
            try await store.groupCommit.perform { db in
                let (unitId, year) = (version.unitId, version.year)
                let stored = try Store.storedReport(db, unitId: unitId, year: year)
                return ArchivedVersion(
                    outcome: try store.archive(db, version),
                    storedVersionId: stored?.versionId, storedStatus: stored?.status,
                    lastYear: try Store.figureValues(db, unitId: unitId, year: year - 1))
            }
        }
    }

    /// Queues a unit·year's run outcome and its source's new state, with the report read for it (replacing the
    /// unit·year's figures, items and audit) when there is one, to be written together.
    public func record(_ item: RunItem, runId: Int64, state: SourceStateRecord, report: ReportContent?, at now: Date) {
        let rows = report.map {
            ReportRows(unitId: item.unitId, year: item.year, content: $0, at: now, stored: store.sharedTexts)
        }
        let stateRow = state.rowArguments
        store.groupCommit.enqueue { db in
            if let rows { try store.save(db, rows) }
            try db.cachedStatement(sql: SourceStateRecord.replaceSQL).execute(arguments: stateRow)
            try store.insert(db, item, runId: runId)
        }
    }

    /// Commits what the pipeline wrote; throws if a write or a commit failed.
    public func flush() async throws {
        try await explained { try await store.groupCommit.flush() }
    }

    /// Database failures in plain words, with the file.
    private func explained<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError {
            throw StoreError.writeFailed(path: store.path, reason: error.message ?? "\(error)")
        }
    }
}

extension Store {
    /// The collect pipeline's batched, in-order view of this store.
    public var pipeline: PipelineStore { PipelineStore(store: self) }
}
