import Documents
import ReportModel

/// A table row split into its label (leading text cells) and its value cells.
struct TableRow {
    /// The distinct label texts in order, e.g. ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"].
    let labels: [String]
    /// The cells after the label, parsed; span copies of a value are left out.
    let values: [CellValue]
    /// The grid indices of `values`.
    let valueColumns: [Int]
    /// Whether the row has a 计量单位 cell (条, 件, 万元…).
    let hasUnit: Bool

    /// The label texts joined without spaces, for keyword matching.
    var compactLabel: String { labels.map(\.withoutSpaces).joined() }
    /// The label as printed, for provenance.
    var printedLabel: String { labels.joined(separator: " ") }

    /// Cells of a 计量单位 column.
    static let unitWords = WordList(["条", "件", "个", "人", "次", "元", "万元", "项", "人次", "期", "场", "篇", "份", "家"])

    /// Whether a cell is a unit word; the length check first spares comparing every long cell text.
    static func isUnitWord(_ text: String) -> Bool {
        text.utf8.count <= 6 && unitWords.contains(text)
    }

    init(_ cells: [GridCell]) {
        var labels: [String] = []
        var index = 0
        var firstValue: CellValue?  // the cell that ends the label, parsed once
        while index < cells.count {
            let cell = cells[index]
            if !cell.text.isEmpty {
                let parsed = CellValue.parse(cell.text)
                if parsed.isValue {
                    firstValue = parsed
                    break
                }
            }
            if cell.text.isEmpty {
                // An empty cell ends the label only once a label has been seen.
                if !labels.isEmpty { break }
                index += 1
                continue
            }
            if !(labels.last?.hasSameBytes(as: cell.text) ?? false) && !Self.isUnitWord(cell.text) {
                labels.append(cell.text)
            }
            index += 1
        }
        var values: [CellValue] = []
        var columns: [Int] = []
        values.reserveCapacity(cells.count - index)
        columns.reserveCapacity(cells.count - index)
        var hasUnit = cells.prefix(index).contains { Self.isUnitWord($0.text) }
        for position in index..<cells.count {
            let cell = cells[position]
            if cell.isSpanCopy && !cell.text.isEmpty { continue }
            var parsed = position == index ? firstValue ?? CellValue.parse(cell.text) : CellValue.parse(cell.text)
            parsed.scan = cell.scan
            if parsed.kind == .text && Self.isUnitWord(parsed.raw.trimmedSpaces) {
                hasUnit = true
                continue  // a unit column (计量单位)
            }
            values.append(parsed)
            columns.append(position)
        }
        self.labels = labels
        self.values = values
        self.valueColumns = columns
        self.hasUnit = hasUnit
    }
}
