import Foundation
import GRDB
import ReportModel

/// How reading a document ended.
public enum ReportStatus: String, Sendable, Codable, Hashable, CaseIterable {
    /// Figures were read and audited.
    case extracted
    /// The document is not a machine-readable report (image, scan, list page…).
    case notAReport = "not_a_report"
    /// Figures typed in by hand (`nianbao import`).
    case manual
    /// The document prints another unit or another year than the one it was collected for: archived, its figures
    /// not kept.
    case mismatch
}

/// Everything read from one document version, saved in one transaction.
public struct ReportContent: Sendable {
    /// The archived version it was read from.
    public var versionId: Int64
    /// How reading ended.
    public var status: ReportStatus
    /// The detected format.
    public var format: ReportFormat?
    /// The unit name as printed.
    public var printedUnit: String?
    /// The year as printed.
    public var printedYear: Int?
    /// The publication date printed on the page (yyyy-MM-dd).
    public var publishedOn: String?
    /// Why it is not a report, when it is not.
    public var message: String?
    /// Figures with provenance.
    public var figures: [Figure]
    /// Category items.
    public var items: [LabelledItem]
    /// Audit results.
    public var audit: [AuditResult]
    /// Reading warnings.
    public var warnings: [String]
    /// Sections and tables of the format the report has, and how many the format asks for.
    public var parts: (found: Int, expected: Int)?
    /// Sentence fingerprints (for copy-paste detection).
    public var sentenceHashes: [Int64] = []

    /// Creates report content.
    public init(
        versionId: Int64, status: ReportStatus, format: ReportFormat?, printedUnit: String?, printedYear: Int?,
        publishedOn: String? = nil, message: String?, figures: [Figure], items: [LabelledItem], audit: [AuditResult],
        warnings: [String]
    ) {
        self.versionId = versionId
        self.status = status
        self.format = format
        self.printedUnit = printedUnit
        self.printedYear = printedYear
        self.publishedOn = publishedOn
        self.message = message
        self.figures = figures
        self.items = items
        self.audit = audit
        self.warnings = warnings
    }
}

extension Store {
    /// Replaces a unit·year's figures, items and audit with `content`, in one transaction.
    public func saveReport(unitId: String, year: Int, content: ReportContent, at now: Date) throws {
        try writeSavingFigures { db in try save(db, unitId: unitId, year: year, content: content, at: now) }
    }

    /// Saves many reports in one transaction (bulk loads: re-extraction, imports, benchmarks).
    public func saveReports(_ batch: [(unitId: String, year: Int, content: ReportContent)], at now: Date) throws {
        try writeSavingFigures { db in
            for report in batch {
                try save(db, unitId: report.unitId, year: report.year, content: report.content, at: now)
            }
        }
    }

    /// Runs `body`, which may save reports, in one write transaction that writes their `figure_by_code` entries
    /// before it commits.
    func writeSavingFigures<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.write { db in
            let result = try body(db)
            try figuresByCode.writeAll(db)
            return result
        }
    }

    func save(_ db: Database, unitId: String, year: Int, content: ReportContent, at now: Date) throws {
        try save(db, ReportRows(unitId: unitId, year: year, content: content, at: now, stored: sharedTexts))
    }

    func save(_ db: Database, _ rows: ReportRows) throws {
        let (unitId, year, content) = (rows.unitId, rows.year, rows.content)
        let history = try versionHistory(db, unitId: unitId, year: year)
        // A unit·year's figures are deleted only when it has some: the trigger that carries deletions into
        // `figure_by_code` made even a DELETE that finds nothing cost 35 µs (70 ms of a 2,000-report collect).
        if try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM figure_value WHERE unit_id = ? AND year = ?)"),
            arguments: [unitId, year]) == true
        {
            for table in ["figure_value", "figure_scan"] {
                try db.cachedStatement(sql: "DELETE FROM \(table) WHERE unit_id = ? AND year = ?").execute(arguments: [
                    unitId, year,
                ])
            }
        }
        for table in ["labelled_item", "audit"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE unit_id = ? AND year = ?").execute(arguments: [
                unitId, year,
            ])
        }
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO report (unit_id, year, version_id, first_seen_at, changed_at, version_count, status,
                    format, printed_unit, printed_year, published_on, message, warnings, extracted_at,
                    parts_found, parts_expected, sentence_hashes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            unitId, year, content.versionId,
            history.firstSeen.isNull ? rows.savedAt : history.firstSeen, history.changedAt,
            max(history.count, 1), content.status.rawValue, content.format?.rawValue,
            content.printedUnit, content.printedYear, content.publishedOn, content.message,
            rows.warningsJSON, rows.savedAt, content.parts?.found, content.parts?.expected,
            rows.sentenceHashesJSON,
        ])
        try sharedTexts.figureSources.insertNew(rows.newSources, texts: rows.sourceTexts, db)
        try sharedTexts.auditCells.insertNew(rows.newCells, texts: rows.cellsTexts, db)
        try sharedTexts.figureCodes.stored.insertNew(rows.newCodes, texts: rows.codeTexts, db)
        for insert in rows.inserts { try insert.rows.execute(try db.cachedStatement(sql: insert.sql)) }
        try figuresByCode.replace(
            unitId: unitId, year: year, codeIds: rows.codeIds,
            values: content.figures.map(\.value), in: db)
    }

    /// The status of a unit·year's stored report, if any.
    public func reportStatus(unitId: String, year: Int) throws -> ReportStatus? {
        try pool.read { db in try Self.reportStatus(db, unitId: unitId, year: year) }
    }

    static func reportStatus(_ db: Database, unitId: String, year: Int) throws -> ReportStatus? {
        try storedReport(db, unitId: unitId, year: year)?.status
    }

    /// The document version a unit·year's stored report was read from and its status, if it has a report.
    /// (Statements run once per report in a collect are cached: preparing them was a measurable part of the writer.)
    static func storedReport(_ db: Database, unitId: String, year: Int) throws -> (
        versionId: Int64, status: ReportStatus?
    )? {
        let statement = try db.cachedStatement(
            sql: "SELECT version_id, status FROM report WHERE unit_id = ? AND year = ?")
        return try Row.fetchOne(statement, arguments: [unitId, year]).map { row in
            (row[0], (row[1] as String?).flatMap(ReportStatus.init(rawValue:)))
        }
    }

    /// The figures of one unit·year as code → value (nil for a printed blank total).
    public func figureValues(unitId: String, year: Int) throws -> [String: Double?]? {
        try pool.read { db in try Self.figureValues(db, unitId: unitId, year: year) }
    }

    static func figureValues(_ db: Database, unitId: String, year: Int) throws -> [String: Double?]? {
        var values: [String: Double?] = [:]
        try db.forEachRawRow(
            sql: """
                SELECT c.code, f.value FROM figure_value f JOIN figure_code c ON c.id = f.code_id
                WHERE f.unit_id = ? AND f.year = ?
                """, arguments: [unitId, year]
        ) { row in
            if let code = row.text(0) { values[code] = .some(row.real(1)) }
        }
        return values.isEmpty ? nil : values
    }
}
