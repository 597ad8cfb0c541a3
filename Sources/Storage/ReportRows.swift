import Foundation
import GRDB

/// A report's rows as multi-row INSERT statements with their arguments, built before the write (in the collect
/// pipeline, on the reading task) so that the single writer only binds and steps, once per batch of rows rather
/// than once per row.
struct ReportRows: Sendable {
    /// One multi-row INSERT and its values.
    struct InsertBatch: Sendable {
        let sql: String
        let rows: PackedRows
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
        let unit = unitId
        inserts = Self.batches("INSERT INTO figure (unit_id, year, code, value, kind, source_table, row_label, "
                               + "column_label, raw) VALUES", columns: 9, content.figures) { figure, rows in
            rows.append(unit)
            rows.append(year)
            rows.append(figure.code)
            rows.append(figure.value)
            rows.append(figure.kind.rawValue)
            rows.append(figure.provenance.table)
            rows.append(figure.provenance.row)
            rows.append(figure.provenance.column)
            rows.append(figure.provenance.raw)
        }
            + Self.batches("INSERT INTO labelled_item VALUES", columns: 6, Array(content.items.enumerated())) { item, rows in
                rows.append(unit)
                rows.append(year)
                rows.append(item.offset)
                rows.append(item.element.label)
                rows.append(item.element.count)
                rows.append(item.element.percent)
            }
            + Self.batches("INSERT OR REPLACE INTO audit VALUES", columns: 6, content.audit) { result, rows in
                rows.append(unit)
                rows.append(year)
                rows.append(result.rule)
                rows.append(result.status.rawValue)
                rows.append(result.message)
                rows.append(JSONArrayText.strings(result.cells))
            }
        warningsJSON = JSONArrayText.strings(content.warnings)
        sentenceHashesJSON = JSONArrayText.integers(content.sentenceHashes)
    }

    private static func batches<Element>(_ insert: String, columns: Int, _ elements: [Element],
                                         pack: (Element, inout PackedRows) -> Void) -> [InsertBatch] {
        let placeholder = "(" + Array(repeating: "?", count: columns).joined(separator: ",") + ")"
        return stride(from: 0, to: elements.count, by: rowsPerInsert).map { start in
            let chunk = elements[start..<min(start + rowsPerInsert, elements.count)]
            var rows = PackedRows(capacity: chunk.count * columns)
            for element in chunk { pack(element, &rows) }
            let values = Array(repeating: placeholder, count: chunk.count).joined(separator: ",")
            return InsertBatch(sql: "\(insert) \(values)", rows: rows)
        }
    }
}
