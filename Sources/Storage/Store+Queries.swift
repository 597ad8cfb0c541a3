import Foundation
import GRDB
import ReportModel

/// One unit·year's report as stored, for coverage and scoring.
public struct ReportSummary: Sendable, Hashable {
    /// The unit id.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// How reading ended.
    public var status: ReportStatus
    /// The report format.
    public var format: ReportFormat?
    /// When the unit·year was first captured.
    public var firstSeenAt: Date
    /// The publication date printed on the page (yyyy-MM-dd), when there is one.
    public var publishedOn: String?
    /// When a source last changed after publication (nil when never).
    public var changedAt: Date?
    /// The most versions one source of the unit·year has.
    public var versionCount: Int
    /// Details in plain words.
    public var message: String?
    /// Audit rules that failed.
    public var failedRules: Int
    /// Audit rules that were uncertain.
    public var uncertainRules: Int
    /// Sections and tables present, and expected, when the report was read by machine.
    public var partsFound: Int?
    /// Sections and tables the format asks for.
    public var partsExpected: Int?
}

extension Store {
    /// The sentence fingerprints of every stored report of `year`, by unit (for copy-paste detection).
    public func sentenceHashes(year: Int) throws -> [String: [Int64]] {
        try pool.read { db in
            var result: [String: [Int64]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT unit_id, sentence_hashes FROM report WHERE year = ?", arguments: [year])
            {
                guard let text: String = row["sentence_hashes"],
                    let hashes = try? JSONDecoder().decode([Int64].self, from: Data(text.utf8))
                else { continue }
                result[row["unit_id"]] = hashes
            }
            return result
        }
    }
}

/// One stored figure with its unit and year.
public struct FigureRow: Sendable, Hashable {
    /// The unit id.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// The indicator code.
    public var code: String
    /// nil when printed blank where 0 is impossible.
    public var value: Double?
    /// How the cell was printed.
    public var kind: CellKind
    /// Where the figure came from.
    public var provenance: Provenance
}

extension FigureRow {
    /// A figure read from a row of the `figure_detail` view (a `figure` row with its labels).
    init(_ row: Row) {
        self.init(
            unitId: row["unit_id"], year: row["year"], code: row["code"], value: row["value"],
            kind: CellKind(rawValue: row["kind"]) ?? .number,
            provenance: Provenance(
                table: row["source_table"], row: row["row_label"], column: row["column_label"],
                raw: row["raw"], scan: Self.scanReading(row)))
    }

    /// Where OCR read the figure, from the `ocr_` columns of `figure_detail` (NULL for a figure not read by OCR).
    private static func scanReading(_ row: Row) -> ScanReading? {
        guard let page = row["ocr_page"] as Int?, let confidence = row["ocr_confidence"] as Double? else { return nil }
        return ScanReading(
            page: page,
            box: PageBox(
                minX: row["ocr_min_x"], minY: row["ocr_min_y"], maxX: row["ocr_max_x"], maxY: row["ocr_max_y"]),
            confidence: confidence)
    }
}

/// One stored audit result with its unit and year.
public struct AuditRow: Sendable, Hashable {
    /// The unit id.
    public var unitId: String
    /// The report year.
    public var year: Int
    /// The rule's verdict.
    public var result: AuditResult
}

extension Store {
    /// The report years the database holds reports of.
    public func reportYears() throws -> Set<Int> {
        try pool.read { db in Set(try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM report")) }
    }

    /// Every stored report, optionally for one year, ordered by unit then year.
    public func reportSummaries(year: Int? = nil) throws -> [ReportSummary] {
        try pool.read { db in
            // The columns a summary needs (not the warnings or sentence fingerprints), row by row from a cursor: a
            // province's 150,000 reports as whole rows had been most of `status`'s 245 MB.
            let rows = try Row.fetchCursor(
                db, sql: Self.summarySQL(year == nil ? nil : "r.year = ?"),
                arguments: year.map { [$0] } ?? [])
            return try Array(rows.map(Self.summary))
        }
    }

    /// For each of `unitIds` in turn (by its position), its report summaries (of `year` only, when given) and its
    /// source states, all read in one transaction: a province's coverage is written unit by unit instead of from
    /// its 150,000 reports held at once.
    public func forEachUnitCoverage(
        _ unitIds: [String], year: Int?,
        _ body: (_ position: Int, _ reports: [ReportSummary], _ states: [SourceStateRecord]) throws -> Void
    ) throws {
        try pool.read { db in
            let reports = try db.cachedStatement(
                sql: Self.summarySQL("r.unit_id = ?" + (year == nil ? "" : " AND r.year = ?")))
            let states = try db.cachedStatement(sql: Self.unitSourceStatesSQL)
            for (position, unitId) in unitIds.enumerated() {
                let summaries = try Row.fetchAll(reports, arguments: year.map { [unitId, $0] } ?? [unitId]).map(
                    Self.summary)
                try body(position, summaries, try SourceStateRecord.fetchAll(states, arguments: [unitId]))
            }
        }
    }

    /// The query of report summaries matching `condition` (all when nil), ordered by unit then year.
    private static func summarySQL(_ condition: String?) -> String {
        """
        SELECT r.unit_id, r.year, r.status, r.format, r.first_seen_at, r.published_on, r.changed_at,
               r.version_count, r.message, r.parts_found, r.parts_expected,
               (SELECT COUNT(*) FROM audit a WHERE a.unit_id = r.unit_id AND a.year = r.year
                  AND a.status = 'fail') AS failed,
               (SELECT COUNT(*) FROM audit a WHERE a.unit_id = r.unit_id AND a.year = r.year
                  AND a.status = 'uncertain') AS uncertain
        FROM report r \(condition.map { "WHERE \($0)" } ?? "") ORDER BY r.unit_id, r.year
        """
    }

    private static func summary(_ row: Row) -> ReportSummary {
        ReportSummary(
            unitId: row["unit_id"], year: row["year"],
            status: ReportStatus(rawValue: row["status"]) ?? .notAReport,
            format: (row["format"] as String?).flatMap(ReportFormat.init(rawValue:)),
            firstSeenAt: row["first_seen_at"], publishedOn: row["published_on"], changedAt: row["changed_at"],
            versionCount: row["version_count"], message: row["message"],
            failedRules: row["failed"], uncertainRules: row["uncertain"],
            partsFound: row["parts_found"], partsExpected: row["parts_expected"])
    }

    /// Stored figures for some codes (all when empty) and years (all when empty), ordered by unit, year, code.
    public func figures(codes: [String] = [], years: [Int] = [], units: [String] = []) throws -> [FigureRow] {
        try pool.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            for (column, values) in [
                ("code", codes as [any DatabaseValueConvertible]),
                ("year", years as [any DatabaseValueConvertible]),
                ("unit_id", units as [any DatabaseValueConvertible]),
            ] where !values.isEmpty {
                conditions.append("\(column) IN (\(Array(repeating: "?", count: values.count).joined(separator: ",")))")
                arguments.append(contentsOf: values)
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT * FROM figure_detail \(whereClause) ORDER BY unit_id, year, code
                    """, arguments: StatementArguments(arguments))
            var result: [FigureRow] = []
            while let row = try cursor.next() { result.append(FigureRow(row)) }
            return result
        }
    }

    /// Calls `body` with every stored figure (of one year, or all) in (unit, year, code) order, from a cursor: the
    /// whole table is never held in memory.
    public func forEachFigure(year: Int?, _ body: (FigureRow) throws -> Void) throws {
        try pool.read { db in
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT unit_id, year, code, value, kind, source_table, row_label, column_label, raw, ocr_page, ocr_min_x,
                        ocr_min_y, ocr_max_x, ocr_max_y, ocr_confidence FROM figure_detail
                    \(year == nil ? "" : "WHERE year = ?") ORDER BY unit_id, year, code
                    """, arguments: year.map { [$0] } ?? [])
            while let row = try cursor.next() { try body(FigureRow(row)) }
        }
    }

    /// The codes stored (of one year, or all).
    public func storedCodes(year: Int?) throws -> Set<String> {
        try pool.read { db in
            // One seek of the rankings' table per code, not a scan of every figure.
            Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT code FROM figure_code c WHERE EXISTS (
                            SELECT 1 FROM figure_by_code f WHERE f.code_id = c.id \(year == nil ? "" : "AND f.year = ?"))
                        """, arguments: year.map { [$0] } ?? []))
        }
    }

    /// Audit results, optionally filtered, failed first.
    public func audits(year: Int? = nil, unitId: String? = nil, statuses: [AuditStatus] = []) throws -> [AuditRow] {
        try pool.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let year {
                conditions.append("year = ?")
                arguments.append(year)
            }
            if let unitId {
                conditions.append("unit_id = ?")
                arguments.append(unitId)
            }
            if !statuses.isEmpty {
                conditions.append("status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
                arguments.append(contentsOf: statuses.map(\.rawValue))
                // Spelled out so that SQLite can use the findings index, which holds every result but passes.
                if !statuses.contains(.pass) { conditions.append("status != 'pass'") }
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM audit_detail \(whereClause) ORDER BY unit_id, year, rule",
                arguments: StatementArguments(arguments))
            return rows.map { row in
                let cells = (try? JSONDecoder().decode([String].self, from: Data((row["cells"] as String).utf8))) ?? []
                return AuditRow(
                    unitId: row["unit_id"], year: row["year"],
                    result: AuditResult(
                        rule: row["rule"], status: AuditStatus(rawValue: row["status"]) ?? .uncertain,
                        message: row["message"], cells: cells))
            }
        }
    }
}
