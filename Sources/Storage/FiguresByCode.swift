import GRDB
import Synchronization

/// Keeps `figure_by_code` — each figure's value under (code, year, unit), which the rankings and trends read —
/// in step with `figure_value`, whose rows are keyed by (unit, year, code).
///
/// A saved report's entries are held here and written a batch of reports at a time, in key order, rather than
/// one report at a time: a report's 162 entries belong all over the table, and written report by report they
/// cost SQLite a descent of the tree each and a page split every few. Written 256 reports at a time, in order,
/// they land side by side (in the sqlite3 shell, the benchmark's 324,000 entries took 0.32 s instead of 0.69 s;
/// 0.42 s in batches of 50 reports, 0.27 s in batches of 1,000). The collect's writer writes a batch a slice at a
/// time while it has nothing else to do (`writeSome`), so that archiving never waits for a whole batch, and near
/// the end of a transaction writes what it holds, so that its commit (which everything waits for) has little left.
///
/// Entries not yet written are invisible to SQL, so every transaction that saves a report writes them all before
/// it commits (`writeAll`): the group commit and the store's write transactions do. A commit that would leave some
/// unwritten is refused (rolled back) instead of storing figures the rankings cannot see, and a rollback forgets
/// them with the rows they belong to. Deleted or updated figure rows reach the table by trigger (migration
/// `v7-figure-by-code`), so only inserts go through here.
final class FiguresByCode: Sendable {
    private struct UnitYear: Hashable {
        let unitId: String
        let year: Int
    }

    /// One report's entries: its figures' code ids and values, in the same order.
    private struct Entries {
        let unitId: String
        let year: Int
        let codeIds: [Int64]
        let values: [Double?]
    }

    /// A batch of reports' entries in key order, being written.
    private struct Batch {
        let reports: [Entries]
        /// Where each report is in `reports`.
        let positions: [UnitYear: Int32]
        /// Each entry as (code id, report, figure), ordered by code, then by the reports' (year, unit) order.
        let order: [(codeId: Int64, report: Int32, figure: Int32)]
        /// How many of `order` are written.
        var written = 0
        /// Reports saved again since the batch was made: their entries left are not written.
        var replaced: Set<Int32> = []

        init(_ held: [UnitYear: Entries]) {
            reports = held.values.sorted {
                $0.year != $1.year ? $0.year < $1.year : $0.unitId.utf8.lexicographicallyPrecedes($1.unitId.utf8)
            }
            positions = Dictionary(
                uniqueKeysWithValues: reports.enumerated().map {
                    (UnitYear(unitId: $0.element.unitId, year: $0.element.year), Int32($0.offset))
                })
            var order: [(codeId: Int64, report: Int32, figure: Int32)] = []
            order.reserveCapacity(reports.reduce(0) { $0 + $1.codeIds.count })
            for (report, entries) in reports.enumerated() {
                for (figure, codeId) in entries.codeIds.enumerated() {
                    order.append((codeId, Int32(report), Int32(figure)))
                }
            }
            order.sort { ($0.codeId, $0.report) < ($1.codeId, $1.report) }  // integer comparisons only
            self.order = order
        }

        var isDone: Bool { written == order.count }

        /// The next up to `count` entries, as INSERTs' values, leaving out those of reports saved again.
        mutating func pack(upTo count: Int) -> [PackedRows] {
            let end = written + min(count, order.count - written)
            var inserts: [PackedRows] = []
            var rows = PackedRows(capacity: MultiRowInsert.maximumRows * 4)
            for entry in order[written..<end] where !replaced.contains(entry.report) {
                let report = reports[Int(entry.report)]
                rows.append(entry.codeId)
                rows.append(report.year)
                rows.append(report.unitId)
                rows.append(report.values[Int(entry.figure)])
                if rows.values.count == MultiRowInsert.maximumRows * 4 {
                    inserts.append(rows)
                    rows = PackedRows(capacity: MultiRowInsert.maximumRows * 4)
                }
            }
            if !rows.values.isEmpty { inserts.append(rows) }
            written = end
            return inserts
        }
    }

    private struct State {
        /// The entries of reports saved since the last batch was made, by unit·year.
        var held: [UnitYear: Entries] = [:]
        var batch: Batch?
    }

    /// Reports per batch written while the writer is idle.
    static let reportsPerBatch = 256
    /// Entries written in one slice while the writer is idle (about 2 ms of its time), so that work arriving
    /// meanwhile waits no longer.
    static let entriesPerSlice = 2_048
    /// Reports held at most: a bulk load of a province in one transaction writes its entries as it goes.
    static let reportsHeldAtMost = 4_096

    /// Figures per INSERT.
    private static let insert = MultiRowInsert(table: "figure_by_code", columns: 4)

    private let state = Mutex(State())

    /// Holds the entries of a unit·year's figures just saved (`codeIds` and `values` in the same order), in place
    /// of any not yet written for it. Its entries already written went with its earlier rows (by trigger).
    func replace(unitId: String, year: Int, codeIds: [Int64], values: [Double?], in db: Database) throws {
        let key = UnitYear(unitId: unitId, year: year)
        let held = state.withLock { state in
            if let position = state.batch?.positions[key] { state.batch?.replaced.insert(position) }
            state.held[key] =
                codeIds.isEmpty ? nil : Entries(unitId: unitId, year: year, codeIds: codeIds, values: values)
            return state.held.count
        }
        if held >= Self.reportsHeldAtMost { try writeAll(db) }
    }

    /// Writes up to `entries` entries of a batch of at least `reportsPerBatch` reports — of any number when
    /// `evenAFewReports` (the transaction commits soon: what is written now is not left for the commit, when
    /// everything else waits for it) — inside `db`'s open transaction; returns false when there was nothing to
    /// write.
    func writeSome(_ db: Database, entries: Int, evenAFewReports: Bool = false) throws -> Bool {
        try write(db, entries: entries, minimumReports: evenAFewReports ? 1 : Self.reportsPerBatch)
    }

    /// Writes every entry not yet written, inside `db`'s open transaction.
    func writeAll(_ db: Database) throws {
        while try write(db, entries: .max, minimumReports: 1) {}
    }

    /// Writes up to `entries` entries of the batch being written, or else of a new batch made of the reports held
    /// if there are at least `minimumReports`; returns whether it wrote anything.
    private func write(_ db: Database, entries: Int, minimumReports: Int) throws -> Bool {
        // The rows are packed under the lock (a report saved meanwhile must not be half written), then inserted.
        let packed: [PackedRows]? = state.withLock { state in
            if state.batch?.isDone ?? true {
                guard state.held.count >= minimumReports else { return nil }
                state.batch = Batch(state.held)
                state.held = [:]
            }
            return state.batch?.pack(upTo: entries)
        }
        guard let packed else { return false }
        for rows in packed {
            try rows.execute(
                try db.cachedStatement(sql: Self.insert.sql(rows: rows.values.count / Self.insert.columns)))
        }
        return true
    }

    /// Why a commit is refused: a transaction saved reports without writing their entries.
    struct UnwrittenEntries: Error, CustomStringConvertible {
        var description: String { "figures saved without their figure_by_code entries: the transaction is rolled back" }
    }
}

extension FiguresByCode: TransactionObserver {
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }

    func databaseDidChange(with event: DatabaseEvent) {}

    func databaseWillCommit() throws {
        if state.withLock({ !$0.held.isEmpty || !($0.batch?.isDone ?? true) }) { throw UnwrittenEntries() }
    }

    func databaseDidCommit(_ db: Database) {}

    func databaseDidRollback(_ db: Database) {
        state.withLock { $0 = State() }
    }
}
