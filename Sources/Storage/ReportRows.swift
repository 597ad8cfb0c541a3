import Foundation
import GRDB

/// A report's rows as multi-row INSERT statements with their arguments, built before the write (in the collect
/// pipeline, on the reading task) so that the single writer only binds and steps, once per batch of rows rather
/// than once per row.
struct ReportRows: Sendable {
    /// One multi-row INSERT and its arguments.
    struct InsertBatch: Sendable {
        let sql: String
        let arguments: StatementArguments
    }

    /// Rows per INSERT: few statements per report, well under SQLite's limit of 32,766 parameters.
    static let rowsPerInsert = 64

    let unitId: String
    let year: Int
    let content: ReportContent
    /// The figure, item and audit rows.
    let inserts: [InsertBatch]
    /// The report's warnings and sentence fingerprints as JSON text.
    let warningsJSON: String
    let sentenceHashesJSON: String
    /// When the report is saved, as stored.
    let savedAt: DatabaseValue

    init(unitId: String, year: Int, content: ReportContent, at now: Date) {
        self.unitId = unitId
        self.year = year
        self.content = content
        savedAt = now.databaseValue
        let figures: [StatementArguments] = content.figures.map { figure in
            [unitId, year, figure.code, figure.value, figure.kind.rawValue, figure.provenance.table, figure.provenance.row,
             figure.provenance.column, figure.provenance.raw]
        }
        let items: [StatementArguments] = content.items.enumerated().map { position, item in
            [unitId, year, position, item.label, item.count, item.percent]
        }
        let audits: [StatementArguments] = content.audit.map { result in
            [unitId, year, result.rule, result.status.rawValue, result.message, JSONArrayText.strings(result.cells)]
        }
        inserts = Self.batches("INSERT INTO figure (unit_id, year, code, value, kind, source_table, row_label, "
                               + "column_label, raw) VALUES", columns: 9, figures)
            + Self.batches("INSERT INTO labelled_item VALUES", columns: 6, items)
            + Self.batches("INSERT OR REPLACE INTO audit VALUES", columns: 6, audits)
        warningsJSON = JSONArrayText.strings(content.warnings)
        sentenceHashesJSON = JSONArrayText.integers(content.sentenceHashes)
    }

    private static func batches(_ insert: String, columns: Int, _ rows: [StatementArguments]) -> [InsertBatch] {
        let placeholder = "(" + Array(repeating: "?", count: columns).joined(separator: ",") + ")"
        return stride(from: 0, to: rows.count, by: rowsPerInsert).map { start in
            let chunk = rows[start..<min(start + rowsPerInsert, rows.count)]
            var arguments = StatementArguments()
            for row in chunk { arguments += row }
            let values = Array(repeating: placeholder, count: chunk.count).joined(separator: ",")
            return InsertBatch(sql: "\(insert) \(values)", arguments: arguments)
        }
    }
}
