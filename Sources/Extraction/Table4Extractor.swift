import Documents
import ReportModel

/// Reads table 四 (行政复议 and 行政诉讼): one data row of fifteen cells in template order.
struct Table4Extractor {
    static func matches(_ table: Table) -> Bool {
        let text = table.compactText
        return text.includes("行政复议") && text.includes("行政诉讼") && !text.includes("本年新收")
    }

    func extract(_ tables: [Table], into figures: inout FigureSet) {
        for table in tables where Self.matches(table) {
            for grid in table.rows {
                let cells = grid.filter { !$0.isSpanCopy || $0.text.isEmpty }.map { cell in
                    var parsed = CellValue.parse(cell.text)
                    parsed.scan = cell.scan
                    return parsed
                }
                let trailing = Array(cells.reversed().prefix { $0.isValue }.reversed())
                guard trailing.count >= 15, trailing.contains(where: { $0.kind == .number }) else { continue }
                let values = trailing.suffix(15)
                for (code, cell) in zip(Table4Layout.codes, values) {
                    figures.add(
                        code, cell, table: "表四", row: "行政复议/行政诉讼",
                        column: IndicatorCatalogue.indicator(code)?.label ?? code)
                }
                return
            }
        }
    }
}
