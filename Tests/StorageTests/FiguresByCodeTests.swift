import Foundation
import GRDB
import ReportModel
import TestSupport
import Testing

@testable import Storage

/// `figure_by_code`, which the rankings and trends read, holds exactly the values of `figure_value`, whichever
/// way the figures were saved, replaced, deleted or edited.
@Suite("Figures by code")
struct FiguresByCodeTests {
    let directory: TemporaryDirectory
    let path: String

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("nianbao.sqlite").path
    }

    static let codes = Array(IndicatorCatalogue.all.map(\.code).prefix(40))

    /// A report of `count` catalogue codes whose values depend on `seed`.
    func report(_ versionId: Int64, count: Int, seed: Int) -> ReportContent {
        ReportContent(
            versionId: versionId, status: .extracted, format: .v2021, printedUnit: nil, printedYear: 2024, message: nil,
            figures: Self.codes.prefix(count).enumerated().map { index, code in
                Figure(
                    code: code, value: index % 7 == 3 ? nil : Double(seed * 100 + index), kind: .number,
                    provenance: Provenance(table: "表三", row: "行\(index)", column: "总计", raw: "\(index)"))
            },
            items: [], audit: [], warnings: [])
    }

    func version(_ store: Store, unit: String, year: Int = 2024) throws -> Int64 {
        try store.archive(
            .fixture(
                unit: unit, year: year, url: "file:///\(unit)/\(year)", text: unit,
                sha256: "\(unit)\(year)")
        ).versionId
    }

    /// The figure rows' (code id, year, unit, value) that `figure_by_code` lacks, and its rows that no figure has.
    func mismatches(_ store: Store) throws -> (missing: Int, extra: Int, entries: Int) {
        try store.pool.read { db in
            let missing =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM (SELECT code_id, year, unit_id, value FROM figure_value
                                              EXCEPT SELECT code_id, year, unit_id, value FROM figure_by_code)
                        """) ?? -1
            let extra =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM (SELECT code_id, year, unit_id, value FROM figure_by_code
                                              EXCEPT SELECT code_id, year, unit_id, value FROM figure_value)
                        """) ?? -1
            return (missing, extra, try Int.fetchOne(db, sql: "SELECT count(*) FROM figure_by_code") ?? -1)
        }
    }

    @Test func reportsSavedAndSavedAgainInOneTransactionLeaveTheTablesInStep() throws {
        let store = try Store(path: path)
        let units = (0..<300).map { "u\($0)" }
        let versions = try units.map { try version(store, unit: $0) }
        try store.writeTransaction { transaction in
            for (unit, versionId) in zip(units, versions) {
                try transaction.saveReport(
                    unitId: unit, year: 2024, content: report(versionId, count: 30, seed: 1), at: Date())
            }
            // Saved again after their first batch was made: fewer figures, other values, or none at all.
            for (unit, versionId) in zip(units, versions).prefix(20) {
                try transaction.saveReport(
                    unitId: unit, year: 2024, content: report(versionId, count: 12, seed: 2), at: Date())
            }
            try transaction.saveReport(
                unitId: "u299", year: 2024, content: report(versions[299], count: 0, seed: 3), at: Date())
        }
        #expect(try mismatches(store) == (0, 0, 20 * 12 + 279 * 30))
        let input = try store.reportsAndValues(codes: [Self.codes[5]], years: [2024])
        #expect(input.values.count == 299)
        #expect(input.values.first { $0.unitId == "u0" }?.value == 205, "the value saved last")
    }

    @Test func aReportSavedAgainWhileItsBatchIsHalfWrittenKeepsOnlyItsNewEntries() throws {
        let store = try Store(path: path)
        let units = (0..<FiguresByCode.reportsPerBatch).map { "u\($0)" }
        let versions = try units.map { try version(store, unit: $0) }
        try store.pool.write { db in
            for (unit, versionId) in zip(units, versions) {
                try store.save(db, unitId: unit, year: 2024, content: report(versionId, count: 40, seed: 1), at: Date())
            }
            #expect(try store.figuresByCode.writeSome(db, entries: 5_000))
            let half = try Int.fetchOne(db, sql: "SELECT count(*) FROM figure_by_code")
            #expect(half == 5_000)
            // The first entries in key order are the first code's, of every unit: u0's is written, u99's is not.
            for unit in ["u0", "u99", "u200"] {
                let versionId = versions[units.firstIndex(of: unit)!]
                try store.save(db, unitId: unit, year: 2024, content: report(versionId, count: 3, seed: 9), at: Date())
            }
            try store.figuresByCode.writeAll(db)
        }
        #expect(try mismatches(store) == (0, 0, (units.count - 3) * 40 + 3 * 3))
    }

    /// Short windows commit mostly what the last moments wrote; a long one writes batches of 256 reports while the
    /// writer is idle between reports. (A report saved again while its batch is half written is the test above.)
    @Test(arguments: [0.05, 2.0])
    func theCollectPipelineWritesEveryEntryBeforeItsCommits(window: TimeInterval) async throws {
        let store = try Store(path: path, commitWindow: window)
        let runId = try store.startRun(at: Date(), pid: 1)
        // u0…u255, then u0…u99 again, then u256…u499: every unit's last save is one of the last 500.
        let unitNumber = { (index: Int) in index < 256 ? index : index < 356 ? index - 256 : index - 100 }
        for index in 0..<600 {
            let unit = "u\(unitNumber(index))"
            let archived = try await store.pipeline.archive(
                .fixture(
                    unit: unit, url: "file:///\(unit)", text: "\(index)",
                    sha256: "\(index)"))
            store.pipeline.record(
                RunItem(unitId: unit, year: 2024, outcome: .changed, failureKind: nil, message: nil),
                runId: runId, state: SourceStateRecord(unitId: unit, year: 2024, url: "file:///\(unit)"),
                report: report(archived.outcome.versionId, count: 10 + index % 30, seed: index), at: Date())
        }
        try await store.pipeline.flush()
        #expect(try mismatches(store) == (0, 0, (100..<600).reduce(0) { $0 + 10 + $1 % 30 }))
    }

    @Test(.enabled(if: Tools.has("sqlite3"), "needs the sqlite3 shell (apt-get install sqlite3)"))
    func entriesThatCannotBeWrittenRollBackTheirWindowAndFailTheRun() async throws {
        let runId: Int64
        do {
            let store = try Store(path: path)
            runId = try store.startRun(at: Date(), pid: 1)
            let early = try await store.pipeline.archive(
                .fixture(unit: "early", url: "file:///early", text: "e", sha256: "e"))
            store.pipeline.record(
                RunItem(unitId: "early", year: 2024, outcome: .new, failureKind: nil, message: nil),
                runId: runId, state: SourceStateRecord(unitId: "early", year: 2024, url: "file:///early"),
                report: report(early.outcome.versionId, count: 6, seed: 1), at: Date())
            try await store.pipeline.flush()
        }
        _ = try SQLiteShell.run(
            URL(fileURLWithPath: path),
            """
            CREATE TRIGGER full_disk BEFORE INSERT ON figure_by_code WHEN NEW.unit_id = 'bad'
            BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;
            """)
        let store = try Store(path: path, commitWindow: 3600)  // only the flush ends the window
        for unit in ["good", "bad"] {
            let archived = try await store.pipeline.archive(
                .fixture(unit: unit, url: "file:///\(unit)", text: unit, sha256: unit))
            store.pipeline.record(
                RunItem(unitId: unit, year: 2024, outcome: .new, failureKind: nil, message: nil),
                runId: runId, state: SourceStateRecord(unitId: unit, year: 2024, url: "file:///\(unit)"),
                report: report(archived.outcome.versionId, count: 6, seed: 2), at: Date())
        }
        let failure = await #expect(throws: StoreError.self) { try await store.pipeline.flush() }
        #expect(failure?.description.contains("disk is full") == true, "\(String(describing: failure))")
        let reader = try Store(path: path)
        #expect(Set(try reader.figures().map(\.unitId)) == ["early"], "nothing of the failed window is committed")
        #expect(try mismatches(reader) == (0, 0, 6))
    }

    @Test func aCommitThatWouldLeaveEntriesUnwrittenIsRolledBack() throws {
        let store = try Store(path: path)
        let versionId = try version(store, unit: "a")
        #expect(throws: (any Error).self) {
            try store.pool.write { db in
                try store.save(db, unitId: "a", year: 2024, content: report(versionId, count: 5, seed: 1), at: Date())
            }
        }
        #expect(try store.figures().isEmpty, "nothing of the refused transaction is stored")
        try store.saveReport(unitId: "a", year: 2024, content: report(versionId, count: 5, seed: 1), at: Date())
        #expect(
            try mismatches(store) == (0, 0, 5), "the rollback forgot the held entries; the next save stores its own")
    }

    @Test(.enabled(if: Tools.has("sqlite3"), "needs the sqlite3 shell (apt-get install sqlite3)"))
    func figuresDeletedOrEditedByHandLeaveTheTableByTrigger() throws {
        do {
            let store = try Store(path: path)
            for unit in ["a", "b"] {
                try store.saveReport(
                    unitId: unit, year: 2024, content: report(try version(store, unit: unit), count: 8, seed: 1),
                    at: Date())
            }
        }
        _ = try SQLiteShell.run(
            URL(fileURLWithPath: path),
            """
            DELETE FROM figure_value WHERE unit_id = 'a' AND code_id % 2 = 0;
            UPDATE figure_value SET value = 42, year = 2023 WHERE unit_id = 'b';
            """)
        let store = try Store(path: path)
        let mismatch = try mismatches(store)
        #expect(mismatch.missing == 0 && mismatch.extra == 0)
        #expect(
            try store.reportsAndValues(codes: [Self.codes[0]], years: [2023]).values.map {
                "\($0.unitId) \($0.value ?? -1)"
            }
                == ["b 42.0"])
    }

    @Test func anEarlierDatabaseGetsTheTableFilledFromItsFiguresWhenOpened() throws {
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v6-figure-code-ids")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO figure_source VALUES (1, '表三', '行一', '总计');
                        INSERT INTO figure_code VALUES (1, 't3.total.new_received'), (2, 't2.reg.made');
                        INSERT INTO figure_value VALUES
                            ('a', 2024, 1, 5, 'number', 1, '5'), ('a', 2024, 2, NULL, 'blank_total', 1, ''),
                            ('b', 2023, 1, 7, 'number', 1, '7');
                        """)
            }
        }
        let store = try Store(path: path)
        #expect(try mismatches(store) == (0, 0, 3))
        let indexes = try store.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figure_value'")
        }
        #expect(!indexes.contains("figure_value_by_code"), "the index it replaces is gone: \(indexes)")
    }
}
