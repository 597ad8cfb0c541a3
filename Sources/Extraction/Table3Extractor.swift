import Documents
import Foundation
import ReportModel

/// Reads table 三 (applications received and how they were handled) by row label text and header wording.
struct Table3Extractor {
    let format: ReportFormat

    /// Row keywords, most specific first; the first keyword found in a row's label decides the row.
    static let rowKeywords: [(row: String, keywords: [String])] = [
        ("carried_forward", ["结转下年度"]),
        ("new_received", ["本年新收"]),
        ("carried_over", ["上年结转"]),
        ("result.denied.state_secret", ["国家秘密"]),
        ("result.denied.law_prohibited", ["法律行政法规禁止", "禁止公开"]),
        ("result.denied.safety_stability", ["三安全一稳定", "危及"]),
        ("result.denied.third_party", ["第三方"]),
        ("result.denied.internal_affairs", ["内部事务"]),
        ("result.denied.process_info", ["过程性"]),
        ("result.denied.enforcement_file", ["执法案卷"]),
        ("result.denied.admin_query", ["行政查询"]),
        ("result.unable.not_held", ["不掌握"]),
        ("result.unable.need_create", ["另行制作"]),
        ("result.unable.unclear", ["仍不明确"]),
        ("result.rejected.petition", ["信访", "举报投诉"]),
        ("result.rejected.mass_repeat", ["大量反复"]),
        ("result.rejected.repeat", ["重复申请"]),
        ("result.rejected.publication", ["出版物"]),
        ("result.rejected.confirm", ["重新出具", "确认或重新"]),
        ("result.other.no_correction", ["不补正", "逾期不补"]),
        ("result.other.unpaid_fee", ["缴纳费用", "收费通知"]),
        ("result.total", ["总计"]),
        ("result.partial", ["部分公开"]),
        ("result.granted", ["予以公开"]),
    ]

    /// `rowKeywords` as `TolerantLabel` takes them.
    private static let tolerantRows = rowKeywords.map { (key: $0.row, keywords: $0.keywords) }

    /// Whether a table holds (part of) table 三.
    static func matches(_ table: Table) -> Bool {
        let text = table.compactText
        return text.includes("本年新收") || (text.includes("予以公开") && text.includes("不予处理"))
            || (text.includes("自然人") && text.includes("商业企业"))
    }

    /// The row code for a table row's label, or nil when the label is a heading or unknown.
    func rowKey(for row: TableRow) -> String? { rowKey(labels: row.labels) }

    /// The row code for label fragments (group heading first, the row's own label last). Every report of a
    /// template prints the same labels, so the answers are remembered (per format, by the fragments).
    func rowKey(labels: [String]) -> String? {
        if let known = Self.memo.value(format, labels) { return known }
        let key = computeRowKey(labels: labels)
        Self.memo.store(key, format, labels)
        return key
    }

    private static let memo = RowKeyMemo()

    private func computeRowKey(labels: [String]) -> String? {
        let label = labels.count == 1 ? labels[0].withoutSpaces : labels.map(\.withoutSpaces).joined()
        if label.includes("其他处理") {
            let leaf = labels.last?.withoutSpaces ?? ""
            for (key, keywords) in Self.rowKeywords where key.hasPrefix("result.other.") {
                if keywords.contains(where: label.includes) { return key }
            }
            if format == .v2021 {
                let isMisc = leaf.hasPrefix("3") || leaf == "其他" || leaf.hasSuffix("3.其他") || leaf.hasSuffix("3．其他")
                return isMisc ? "result.other.misc" : nil
            }
            return "result.other"
        }
        for (key, keywords) in Self.rowKeywords where keywords.contains(where: label.includes) { return key }
        // A misprinted label: its own text (not its group's) compared with every row's keywords.
        return TolerantLabel.closest(labels.last?.withoutSpaces ?? label, among: Self.tolerantRows)?.key
    }

    /// The applicant column (its place in `Table3Layout.columns`) of each grid index, read from the header rows
    /// above the first data row.
    static func headerColumns(_ table: Table, parsed: [TableRow]) -> [Int: Int] {
        var leaves: [Int: Int] = [:]
        let naturalColumn = Table3Layout.columns.firstIndex { $0.key == "natural" }
        let otherColumn = Table3Layout.columns.firstIndex { $0.key == "other_org" }
        for (row, parsedRow) in zip(table.rows, parsed) {
            if parsedRow.values.contains(where: { $0.kind == .number }) { break }
            for (index, cell) in row.enumerated() {
                let text = cell.text.withoutSpaces
                for (column, layout) in Table3Layout.columns.enumerated() {
                    let matchesLeaf =
                        column == otherColumn
                        ? text.hasSameBytes(as: "其他") || text.hasSameBytes(as: "其他组织")
                        : text.includes(layout.label)
                    if matchesLeaf && !text.includes("法人或其他组织")
                        || (column == naturalColumn && text.hasSameBytes(as: "自然人"))
                    {
                        leaves[index] = column
                    }
                }
            }
        }
        return leaves
    }

    func extract(_ tables: [Table], into figures: inout FigureSet) {
        var header: [Int: Int] = [:]
        var continuing = false
        for table in tables {
            // A table split into pieces: a piece without the header continues table 三 until table 四 begins.
            if Table4Extractor.matches(table) { continuing = false }
            let matches = Self.matches(table)
            guard matches || continuing else { continue }
            let parsed = table.rows.map(TableRow.init)
            let keys = parsed.map { rowKey(for: $0) }
            guard matches || keys.contains(where: { $0 != nil }) else { continue }
            continuing = true
            let found = Self.headerColumns(table, parsed: parsed)
            if found.count >= 7 { header = found }
            for (row, key) in zip(parsed, keys) {
                guard let key, !row.values.isEmpty else { continue }
                // Merged label cells copied as text leave empty cells before the numbers ("| |||").
                var values = row.values
                var positions = row.valueColumns
                while values.count > Table3Layout.columns.count, values.first?.kind == .blank {
                    values.removeFirst()
                    positions.removeFirst()
                }
                let printedLabel = row.printedLabel
                let columns = columnIndices(positions: positions, header: header)
                guard columns.count == values.count else {
                    figures.warnings.append("表三 \(printedLabel): \(values.count) cells for 7 columns; row skipped")
                    continue
                }
                let codes = Self.codes[key] ?? Self.catalogued(row: key)
                for (column, cell) in zip(columns, values) {
                    figures.add(
                        codes[column].code, at: codes[column].position, cell, table: "表三", row: printedLabel,
                        column: Table3Layout.columns[column].label)
                }
            }
        }
    }

    /// Every code of table 三 by row key, in column order, with its catalogue position, made once.
    private static let codes: [String: [(code: String, position: Int?)]] = {
        let rows = Set(rowKeywords.map(\.row) + Table3Layout.rows.map(\.key) + ["result.other", "result.other.misc"])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0, catalogued(row: $0)) })
    }()

    /// A row's codes in column order with their catalogue positions.
    private static func catalogued(row: String) -> [(code: String, position: Int?)] {
        Table3Layout.columns.map { column in
            let code = Table3Layout.code(column: column.key, row: row)
            return (code, IndicatorCatalogue.position(of: code))
        }
    }

    /// The column of each value cell: by the header's grid positions when they line up, else in template order.
    private func columnIndices(positions: [Int], header: [Int: Int]) -> [Int] {
        let byHeader = positions.compactMap { header[$0] }
        if byHeader.count == positions.count, !Self.hasRepeats(byHeader) { return byHeader }
        if positions.count == Table3Layout.columns.count { return Array(Table3Layout.columns.indices) }
        return []
    }

    /// Whether a short list names a column twice (a pairwise check: the lists have seven entries at most).
    private static func hasRepeats(_ columns: [Int]) -> Bool {
        for (index, column) in columns.enumerated() where columns[(index + 1)...].contains(column) { return true }
        return false
    }
}

/// Remembered row keys of table 三 labels, per format; bounded, shared by the reading threads.
final class RowKeyMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [Labels: String?] = [:]
    /// Labels outside the templates (a unit's own wording) are few; past this many the memo stops growing.
    private let limit = 20_000

    /// A row's label fragments as read in one format, hashed and compared byte for byte (hashing a CJK string
    /// normalises it first: a third of the memo's cost). The digest is read before the lock is taken: the
    /// dictionary, under the lock, hashes only it.
    private struct Labels: Hashable {
        let format: ReportFormat
        let fragments: [String]
        let digest: UInt64

        init(format: ReportFormat, fragments: [String]) {
            self.format = format
            self.fragments = fragments
            // 0xFF: no UTF-8 text has this byte, so the fragments stay apart.
            digest = fragments.reduce(into: TextDigest()) { $0.add($1, separator: 0xFF) }.value
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(digest)
            hasher.combine(format)
        }

        static func == (left: Labels, right: Labels) -> Bool {
            left.digest == right.digest && left.format == right.format && left.fragments.count == right.fragments.count
                && zip(left.fragments, right.fragments).allSatisfy { $0.hasSameBytes(as: $1) }
        }
    }

    /// The remembered key: nil when not known, .some(nil) for a label known to name no row.
    func value(_ format: ReportFormat, _ fragments: [String]) -> String?? {
        let labels = Labels(format: format, fragments: fragments)
        return lock.withLock { keys[labels] }
    }

    func store(_ key: String?, _ format: ReportFormat, _ fragments: [String]) {
        let labels = Labels(format: format, fragments: fragments)
        lock.withLock {
            guard keys.count < limit else { return }
            keys[labels] = .some(key)
        }
    }
}
