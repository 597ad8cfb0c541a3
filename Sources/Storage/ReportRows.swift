import Foundation
import GRDB
import ReportModel

/// A report's rows as multi-row INSERT statements with their arguments, built before the write (in the collect
/// pipeline, on the reading task) so that the single writer only binds and steps, once per batch of rows rather
/// than once per row.
struct ReportRows: Sendable {
    /// One multi-row INSERT and its values.
    struct InsertBatch: Sendable {
        let sql: String
        let rows: PackedRows
    }

    let unitId: String
    let year: Int
    let content: ReportContent
    /// The rows of the report's figures, items and audit.
    let inserts: [InsertBatch]
    /// The audit results stored, one per rule.
    let audit: [AuditResult]
    /// The labels (by figure) and cell lists (by audit result) its rows refer to that were not known to be stored
    /// when the rows were built, with their positions; `sourceTexts` and `cellsTexts` give their texts.
    let newSources: [(id: Int64, position: Int)]
    let newCells: [(id: Int64, position: Int)]
    /// Likewise the codes (by figure) that `figure_code` did not hold.
    let newCodes: [(id: Int64, position: Int)]
    /// The id of each figure's code, in figure order.
    let codeIds: [Int64]
    /// The report's warnings and sentence fingerprints as JSON text.
    let warningsJSON: String
    let sentenceHashesJSON: String
    /// When the report is saved, as stored.
    let savedAt: DatabaseValue

    init(unitId: String, year: Int, content: ReportContent, at now: Date, stored: SharedTexts) {
        self.unitId = unitId
        self.year = year
        self.content = content
        savedAt = StoredDate.value(now)
        let unit = unitId
        let (figures, items) = (content.figures, content.items)
        let sourceIds = SharedTextId.ids(of: figures) { figure, part in
            part(figure.provenance.table)
            part(figure.provenance.row)
            part(figure.provenance.column)
        }
        let audit = Self.lastResultPerRule(content.audit)
        self.audit = audit
        let cellsIds = SharedTextId.ids(of: audit) { result, part in result.cells.forEach(part) }
        let codeIds = figures.indices.map { stored.figureCodes.id(of: figures[$0].code) }
        self.codeIds = codeIds
        newSources = stored.figureSources.uncommitted(sourceIds)
        newCells = stored.auditCells.uncommitted(cellsIds)
        newCodes = stored.figureCodes.stored.uncommitted(codeIds)
        // Fields are read in place, by position: a copy of a figure retains and releases its five strings.
        let figureRows = Self.batches(Self.figureInsert, count: figures.count) { index, rows in
            rows.append(unit)
            rows.append(year)
            rows.append(codeIds[index])
            rows.append(figures[index].value)
            rows.append(figures[index].kind.rawValue)
            rows.append(sourceIds[index])
            rows.append(figures[index].provenance.raw)
        }
        let scanned = figures.indices.filter { figures[$0].provenance.scan != nil }
        let scanRows = Self.batches(Self.scanInsert, count: scanned.count) { index, rows in
            let position = scanned[index]
            guard let scan = figures[position].provenance.scan else { return }
            rows.append(unit)
            rows.append(year)
            rows.append(codeIds[position])
            rows.append(scan.page)
            rows.append(scan.box.minX)
            rows.append(scan.box.minY)
            rows.append(scan.box.maxX)
            rows.append(scan.box.maxY)
            rows.append(scan.confidence)
        }
        let itemRows = Self.batches(Self.itemInsert, count: items.count) { index, rows in
            rows.append(unit)
            rows.append(year)
            rows.append(index)
            rows.append(items[index].label)
            rows.append(items[index].count)
            rows.append(items[index].percent)
        }
        let auditRows = Self.batches(Self.auditInsert, count: audit.count) { index, rows in
            rows.append(unit)
            rows.append(year)
            rows.append(audit[index].rule)
            rows.append(audit[index].status.rawValue)
            rows.append(audit[index].message)
            rows.append(cellsIds[index])
        }
        inserts = figureRows + scanRows + itemRows + auditRows
        warningsJSON = JSONArrayText.strings(content.warnings)
        sentenceHashesJSON = JSONArrayText.integers(content.sentenceHashes)
    }

    /// The labels of the figure at `position`, as `figure_source` stores them.
    func sourceTexts(_ position: Int) -> [String] {
        let provenance = content.figures[position].provenance
        return [provenance.table, provenance.row, provenance.column]
    }

    /// The code of the figure at `position`, as `figure_code` stores it.
    func codeTexts(_ position: Int) -> [String] {
        [content.figures[position].code]
    }

    /// The cells of the audit result at `position`, as `audit_cells` stores them.
    func cellsTexts(_ position: Int) -> [String] {
        [JSONArrayText.strings(audit[position].cells)]
    }

    /// One result per rule name, the last one given winning (as the replacing insert before kept it), in order.
    static func lastResultPerRule(_ audit: [AuditResult]) -> [AuditResult] {
        // The auditor names each rule once: names whose digests all differ are all different, without hashing the
        // names as strings (3 % of building a report's rows); equal digests are settled by the names below.
        var digests = Set<UInt64>(minimumCapacity: audit.count)
        if audit.allSatisfy({ result in
            var digest = TextDigest()
            digest.add(result.rule, separator: 0)
            return digests.insert(digest.value).inserted
        }) {
            return audit
        }
        var last = [String: Int](minimumCapacity: audit.count)
        for (position, result) in audit.enumerated() { last[result.rule] = position }
        guard last.count < audit.count else { return audit }
        return audit.indices.filter { last[audit[$0].rule] == $0 }.map { audit[$0] }
    }

    private static let figureInsert = MultiRowInsert(table: "figure_value", columns: 7)
    private static let scanInsert = MultiRowInsert(table: "figure_scan", columns: 9)
    private static let itemInsert = MultiRowInsert(table: "labelled_item", columns: 6)
    private static let auditInsert = MultiRowInsert(table: "audit", columns: 6)

    /// The rows `pack` gives for positions 0..<count, in batches (by position: no element is copied into a
    /// zipped array first).
    private static func batches(
        _ insert: MultiRowInsert, count: Int,
        pack: (Int, inout PackedRows) -> Void
    ) -> [InsertBatch] {
        stride(from: 0, to: count, by: MultiRowInsert.maximumRows).map { start in
            let chunk = start..<min(start + MultiRowInsert.maximumRows, count)
            var rows = PackedRows(capacity: chunk.count * insert.columns)
            for index in chunk { pack(index, &rows) }
            return InsertBatch(sql: insert.sql(rows: chunk.count), rows: rows)
        }
    }
}
