import Foundation
import GRDB
import ReportModel
import TestSupport
import Testing

@testable import Storage

/// Outcomes, failure kinds and source statuses are stored as their words (TEXT columns, no migration): every case
/// comes back as itself from a real database file, and a word this nianbao does not know is reported, never
/// trapped on.
@Suite("Outcomes and failure kinds in the store")
struct StoredWordsTests {
    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store(path: directory.path("words.sqlite").path)
    }

    /// Every status a source's state can be left with: each failure kind, `not_listed`, and the outcomes that come
    /// without a failure kind.
    static let statuses: [SourceStatus] =
        FailureKind.allCases.map(SourceStatus.failed) + [.notListed]
        + [CollectOutcome.new, .changed, .unchanged, .notPublished, .conflict].map(SourceStatus.answered)

    @Test func everyOutcomeAndFailureKindRoundTripsThroughRunItemsAndTheRunLog() async throws {
        let runId = try store.startRun(at: Date(), pid: 1)
        var items: [RunItem] = CollectOutcome.allCases.map {
            RunItem(unitId: "outcome-\($0.rawValue)", year: 2024, outcome: $0, failureKind: nil, message: nil)
        }
        items += FailureKind.allCases.map {
            RunItem(unitId: "kind-\($0.rawValue)", year: 2024, outcome: .failed, failureKind: $0, message: "\($0)")
        }
        for item in items {
            store.pipeline.record(
                item, runId: runId, state: SourceStateRecord(unitId: item.unitId, year: 2024, url: "x"),
                report: nil, at: Date())
        }
        try await store.pipeline.flush()
        let stored = try store.runItems(runId: runId)
        #expect(Set(stored) == Set(items))
        let words = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT COALESCE(failure_kind, outcome) FROM run_item ORDER BY unit_id")
        }
        #expect(
            Set(words) == Set(CollectOutcome.allCases.map(\.rawValue) + FailureKind.allCases.map(\.rawValue)),
            "stored as the words printed and stored before they were typed")

        try store.finishRun(id: runId, at: Date(), bytes: 0, retries: 0, exitCode: 1)
        let run = try #require(try store.runs(last: 1).first)
        var outcomes = Dictionary(uniqueKeysWithValues: CollectOutcome.allCases.map { ($0, 1) })
        outcomes[.failed, default: 0] += FailureKind.allCases.count
        #expect(run.outcomes == outcomes)
        #expect(run.failureKinds == Dictionary(uniqueKeysWithValues: FailureKind.allCases.map { ($0, 1) }))
    }

    @Test func everySourceStatusRoundTripsThroughTheSourceState() async throws {
        let runId = try store.startRun(at: Date(), pid: 1)
        for (index, status) in Self.statuses.enumerated() {
            var state = SourceStateRecord(unitId: "u\(index)", year: 2024, url: "x")
            state.status = status
            store.pipeline.record(
                RunItem(unitId: "u\(index)", year: 2024, outcome: .new, failureKind: nil, message: nil),
                runId: runId, state: state, report: nil, at: Date())
        }
        // A state written whole through GRDB's record encoding stores the same word.
        var encoded = SourceStateRecord(unitId: "encoded", year: 2024, url: "x")
        encoded.status = .failed(.http4xx)
        try await store.pipeline.flush()
        try store.pool.write { db in try encoded.insert(db) }

        for (index, status) in Self.statuses.enumerated() {
            let state = try #require(try store.sourceState(unitId: "u\(index)", year: 2024))
            #expect(state.status == status)
        }
        #expect(try store.sourceState(unitId: "encoded", year: 2024)?.status == .failed(.http4xx))
        #expect(
            try store.pool.read { db in
                try String.fetchOne(db, sql: "SELECT last_status FROM source_state WHERE unit_id = 'encoded'")
            } == "http_4xx")
        #expect(SourceStatus(rawValue: "deferred") == .failed(.deferred), "a kind is read before an outcome")
    }

    @Test func readerFaultKindsRoundTripThroughTheQuarantine() async throws {
        let kinds: [FailureKind] = [.readerCrashed, .readerTimeout, .readerMemory]
        for (index, kind) in kinds.enumerated() {
            store.pipeline.quarantine(
                QuarantineEntry(
                    sha256: "sha\(index)", readerVersion: 1, kind: kind, detail: "d",
                    unitId: "u", year: 2024, at: Date()))
        }
        try await store.pipeline.flush()
        let entries = try store.quarantined(readerVersion: 1)
        #expect(kinds.enumerated().allSatisfy { entries["sha\($0.offset)"]?.kind == $0.element })
    }

    @Test func anUnknownStoredWordIsReportedWithItsColumn() async throws {
        let runId = try store.startRun(at: Date(), pid: 1)
        store.pipeline.record(
            RunItem(unitId: "u", year: 2024, outcome: .failed, failureKind: .http5xx, message: nil),
            runId: runId, state: SourceStateRecord(unitId: "u", year: 2024, url: "x"), report: nil,
            at: Date())
        try await store.pipeline.flush()
        try store.finishRun(id: runId, at: Date(), bytes: 0, retries: 0, exitCode: 1)
        try store.pool.write { db in
            try db.execute(sql: "UPDATE run_item SET failure_kind = 'http_9xx'")
            try db.execute(sql: "UPDATE source_state SET last_status = 'gone_fishing'")
            try db.execute(sql: "UPDATE run SET outcomes = '{\"vanished\":1}'")
        }
        let expectations: [(column: String, value: String, read: () throws -> Void)] = [
            ("run_item.failure_kind", "http_9xx", { _ = try store.runItems(runId: runId) }),
            ("source_state.last_status", "gone_fishing", { _ = try store.sourceState(unitId: "u", year: 2024) }),
            ("source_state.last_status", "gone_fishing", { _ = try store.sourceStates() }),
            ("run.outcomes", "vanished", { _ = try store.runs(last: 1) }),
        ]
        for expected in expectations {
            do {
                try expected.read()
                Issue.record("\(expected.column): an unknown word was read without a word")
            } catch let StoreError.unknownValue(path, column, value) {
                #expect(path == store.path && column == expected.column && value == expected.value)
                #expect(
                    "\(StoreError.unknownValue(path: path, column: column, value: value))"
                        .contains("\(column) holds \"\(value)\", which this nianbao does not know"))
            }
        }
    }
}

@Suite("The stored words in database.md")
struct StoredWordsDocumentTests {
    @Test func everyOutcomeAndFailureKindIsListed() throws {
        let document = RepositoryPaths.root.appendingPathComponent("docs/database.md")
        let text = try String(contentsOf: document, encoding: .utf8)
        let words =
            CollectOutcome.allCases.map(\.rawValue) + FailureKind.allCases.map(\.rawValue)
            + [SourceStatus.notListed.rawValue]
        let missing = words.filter { !text.contains("`\($0)`") }
        #expect(missing.isEmpty, "not listed in docs/database.md: \(missing)")
    }
}
