import Documents
import ReportModel

/// Reads table 二 (主动公开政府信息情况) of either template by row label.
struct Table2Extractor {
    let format: ReportFormat

    static func matches(_ table: Table) -> Bool {
        let text = table.compactText
        return text.includes("第二十条") || text.includes("本年制发件数") || text.includes("本年新制作数量")
            || text.includes("上一年项目数量")
    }

    /// One row of table 二: its label keyword, code prefix and column codes.
    typealias Row = (keyword: String, prefix: String, columns: [String])

    /// The row a label names, if any: by keyword, else the one row whose keyword a misprint is closest to.
    func row(for label: String) -> Row? {
        let rows = format == .v2019 ? Self.rows2019 : Self.rows2021
        if let row = rows.first(where: { label.includes($0.keyword) }) { return row }
        let keyword = TolerantLabel.closest(label, among: rows.map { (key: $0.keyword, keywords: [$0.keyword]) })?.key
        return rows.first { $0.keyword == keyword }
    }

    private static let items2019 = ["prev_items", "change", "decisions"]

    /// (label keyword, code prefix, column codes) of the 2019 template; the first matching keyword wins.
    private static let rows2019: [Row] = [
        ("规章", "t2v19.reg", ["new_made", "new_published", "total_published"]),
        ("规范性文件", "t2v19.norm", ["new_made", "new_published", "total_published"]),
        ("行政许可", "t2v19.license", items2019),
        ("其他对外管理服务", "t2v19.other_service", items2019),
        ("行政处罚", "t2v19.penalty", items2019),
        ("行政强制", "t2v19.coercion", items2019),
        ("行政事业性收费", "t2v19.fee", ["prev_items", "change"]),
        ("政府集中采购", "t2v19.procurement", ["items", "amount"]),
    ]

    /// The same for the 2021 template.
    private static let rows2021: [Row] = [
        ("规章", "t2.reg", ["made", "repealed", "valid"]),
        ("规范性文件", "t2.norm", ["made", "repealed", "valid"]),
        ("行政许可", "t2.license", ["decisions"]),
        ("行政处罚", "t2.penalty", ["decisions"]),
        ("行政强制", "t2.coercion", ["decisions"]),
        ("行政事业性收费", "t2.fee", ["amount_wan"]),
    ]

    func extract(_ tables: [Table], into figures: inout FigureSet) {
        var amountInWan = false
        for table in tables where Self.matches(table) {
            for grid in table.rows {
                let cells = TableRow(grid)
                let label = cells.compactLabel
                if label.includes("采购总金额") || grid.contains(where: { $0.text.includes("采购总金额") }) {
                    amountInWan = grid.contains { $0.text.includes("万元") }
                }
                guard !label.includes("信息内容"), let match = row(for: label),
                    !cells.values.isEmpty, cells.values.contains(where: { $0.kind != .text })
                else { continue }
                let printedLabel = cells.printedLabel
                guard cells.values.count >= match.columns.count else {
                    figures.warnings.append(
                        "表二 \(printedLabel): \(cells.values.count) cells for \(match.columns.count) columns; row skipped"
                    )
                    continue
                }
                add(row: match, values: cells.values, label: printedLabel, amountInWan: amountInWan, into: &figures)
            }
        }
    }

    /// Adds one row's values; a 采购总金额 goes to `_yuan` or `_wan` by the unit printed in the cell or header.
    func add(row match: Row, values: [CellValue], label: String, amountInWan: Bool, into figures: inout FigureSet) {
        for (column, cell) in zip(match.columns, values) {
            var code = "\(match.prefix).\(column)"
            if column == "amount" {
                code += cell.unit == "万元" || (cell.unit == nil && amountInWan) ? "_wan" : "_yuan"
            }
            figures.add(
                code, cell, table: "表二", row: label, column: IndicatorCatalogue.indicator(code)?.label ?? column)
        }
    }
}
