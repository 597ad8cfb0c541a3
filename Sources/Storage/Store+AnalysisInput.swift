import Foundation
import GRDB
import ReportModel
import Synchronization

/// One stored report's status and format, for rankings and trends.
public typealias ReportFormatRow = (unitId: String, year: Int, status: ReportStatus, format: ReportFormat?)

/// One stored value of a code, for rankings and trends.
public typealias StoredValue = (unitId: String, year: Int, code: String, value: Double?)

extension Store {
    /// The status and format of every stored report of `years` (all when empty), by year and then unit id (in
    /// SQLite's byte order), and the stored values of `codes` in those years — code by code, each code's values
    /// by year and then unit id — both from covering indexes, without provenance.
    ///
    /// The two halves take about the same time over a province (150,000 reports, as many values), so they are
    /// read at once on two connections. They must come from one state of the database: a collect committing
    /// between them could pair a report with another version's figures. So the reports are read on a connection
    /// that asks SQLite's `data_version` before and after both reads; when another connection committed in
    /// between, both are read again in one transaction.
    public func reportsAndValues(codes: [String], years: [Int]) throws -> (
        reports: [ReportFormatRow], values: [StoredValue]
    ) {
        let read: (reports: [ReportFormatRow], values: [StoredValue])? = try pool.unsafeRead { db in
            let before = try Int.fetchOne(db, sql: "PRAGMA data_version")
            let values = Mutex<Result<[StoredValue], any Error>?>(nil)
            let done = DispatchSemaphore(value: 0)
            // A thread of its own, not a dispatch queue: a caller on one of Swift's few cooperative threads, waiting
            // here, must not be what the other read waits for.
            Thread { [pool] in
                values.withLock {
                    $0 = Result { try pool.read { db in try Self.values(db, codes: codes, years: years) } }
                }
                done.signal()
            }.start()
            let reports = Result { try Self.reportFormats(db, years: years) }
            done.wait()
            let after = try Int.fetchOne(db, sql: "PRAGMA data_version")
            guard before == after, let read = values.withLock({ $0 }) else { return nil }
            return (try reports.get(), try read.get())
        }
        if let read { return read }
        return try pool.read { db in
            (try Self.reportFormats(db, years: years), try Self.values(db, codes: codes, years: years))
        }
    }

    private static func reportFormats(_ db: Database, years: [Int]) throws -> [ReportFormatRow] {
        let filter = years.isEmpty ? "" : "WHERE year IN (\(years.map { _ in "?" }.joined(separator: ",")))"
        var result: [ReportFormatRow] = []
        let (statuses, formats) = (RawCases<ReportStatus>(), RawCases<ReportFormat>())
        try db.forEachRawRow(
            sql: "SELECT unit_id, year, status, format FROM report \(filter) ORDER BY year, unit_id",
            arguments: StatementArguments(years)
        ) { row in
            result.append(
                (
                    row.text(0) ?? "", row.integer(1), row.value(2, among: statuses) ?? .notAReport,
                    row.value(3, among: formats)
                ))
        }
        return result
    }

    /// The stored values of one code (the first argument), of all years or of one (the second), read in order
    /// from the rankings' table, keyed by code.
    static func valuesSQL(ofOneYear: Bool) -> String {
        let code = "code_id = (SELECT id FROM figure_code WHERE code = ?)"
        return ofOneYear
            ? "SELECT unit_id, year, value FROM figure_by_code WHERE \(code) AND year = ? ORDER BY unit_id"
            : "SELECT unit_id, year, value FROM figure_by_code WHERE \(code) ORDER BY year, unit_id"
    }

    private static func values(_ db: Database, codes: [String], years: [Int]) throws -> [StoredValue] {
        let sql = valuesSQL(ofOneYear: !years.isEmpty)
        var result: [StoredValue] = []
        for code in codes {
            for year in years.isEmpty ? [nil] : years.map(Optional.some) {
                try db.forEachRawRow(sql: sql, arguments: year.map { [code, $0] } ?? [code]) { row in
                    result.append((row.text(0) ?? "", row.integer(1), code, row.real(2)))
                }
            }
        }
        return result
    }
}
