import Foundation
import ReaderWorkers
import Storage
import TestSupport
import Testing

@testable import Collector

@Suite("Re-reading the archive")
struct ReextractTests {
    private func snapshot(_ store: Store) throws -> (figures: [String], audits: [String]) {
        let figures = try store.figures().map { "\($0.unitId) \($0.year) \($0.code) \(String(describing: $0.value))" }
            .sorted()
        let audits = try store.audits().map {
            "\($0.unitId) \($0.year) \($0.result.rule) \($0.result.status) \($0.result.message)"
        }
        return (figures, audits)
    }

    @Test(.enabled(if: Tools.has("sqlite3"), "needs the sqlite3 shell (apt-get install sqlite3)"))
    func reextractRebuildsEveryFigureAndCrossYearAuditFromTheArchiveAlone() async throws {
        let demo = try DemoCopy()
        _ = try await CollectRun.run(demo.configuration, options: CollectOptions())
        let store = try demo.store
        let collected = try snapshot(store)
        #expect(
            collected.audits.contains { $0.contains("cross.carry.") && $0.contains("pass") },
            "the demo has cross-year rules that need last year's figures")
        // Nothing but the archive is left: every year's cross-year rules must see the year before as re-read by
        // the same run, in its own transaction or an earlier one.
        _ = try SQLiteShell.run(
            demo.configuration.database, "DELETE FROM figure_value; DELETE FROM audit; DELETE FROM labelled_item;")
        #expect(try snapshot(store).figures.isEmpty)

        #expect(try Reextract.run(demo.configuration, year: nil).read == 170)
        let reread = try snapshot(store)
        #expect(reread.figures == collected.figures)
        #expect(reread.audits == collected.audits)
        #expect(JobCollector.rereadBatch < 170, "the demo spans several transactions")
    }

    @Test(.enabled(if: Tools.has("sqlite3"), "needs the sqlite3 shell (apt-get install sqlite3)"))
    func aFailedWriteEndsTheRunKeepsEarlierBatchesAndLeavesNothingHalfWritten() async throws {
        let demo = try DemoCopy()
        _ = try await CollectRun.run(demo.configuration, options: CollectOptions())
        let store = try demo.store
        let collected = try snapshot(store)
        func sqlite(_ query: String) throws -> String { try SQLiteShell.run(demo.configuration.database, query) }
        _ = try sqlite("DELETE FROM figure_value; DELETE FROM audit; DELETE FROM labelled_item;")
        // A full disk, simulated, for the last unit: its batch (the second of two) is refused.
        _ = try sqlite(
            "CREATE TRIGGER full_disk BEFORE INSERT ON figure_value WHEN NEW.unit_id = 'zimao' "
                + "BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END;")
        #expect {
            try Reextract.run(demo.configuration, year: nil)
        } throws: { error in
            "\(error)".contains("cannot write to database") && "\(error)".contains("disk is full (simulated)")
                && "\(error)".contains("rolled back")
        }
        let unitsWithFigures = try sqlite("SELECT COUNT(DISTINCT unit_id) FROM figure")
        #expect(try sqlite("SELECT COUNT(*) FROM figure WHERE unit_id = 'zimao'") == "0")
        #expect(
            Int(unitsWithFigures).map { $0 > 0 && $0 < 18 } == true,
            "the first batch was kept: \(unitsWithFigures) units")
        #expect(
            try sqlite("SELECT COUNT(*) FROM (SELECT unit_id, year FROM audit EXCEPT SELECT unit_id, year FROM figure)")
                == "0",
            "no report saved without its figures")

        _ = try sqlite("DROP TRIGGER full_disk;")
        #expect(try Reextract.run(demo.configuration, year: nil).read == 170)
        #expect(try snapshot(store).figures == collected.figures)
    }

    @Test(.enabled(if: Tools.has("sqlite3"), "needs the sqlite3 shell (apt-get install sqlite3)"))
    func aFailedRereadHasLetGoOfTheStoreWhenItReturns() async throws {
        let demo = try DemoCopy()
        _ = try await CollectRun.run(demo.configuration, options: CollectOptions())
        _ = try SQLiteShell.run(
            demo.configuration.database,
            "CREATE TRIGGER full_disk BEFORE INSERT ON figure_value "
                + "BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END;")
        weak var released: Store?
        try {
            let store = try Store(path: demo.configuration.database.path)
            released = store
            #expect(throws: StoreError.self) {
                try JobCollector.reread(
                    try store.latestVersionIds(year: nil), configuration: demo.configuration,
                    store: store, readers: DocumentReaders(.inProcess),
                    quarantine: try QuarantineList(store: store, retry: false)
                ) { _ in Date() }
            }
        }()
        // The reading thread was stopped and waited for: nothing holds a connection once the call has returned.
        #expect(released == nil)
    }
}
