import Export

/// Column widths in Excel's character units, from the longest text of each column.
enum ColumnWidths {
    /// The narrowest and widest a column is made.
    static let range: ClosedRange<Double> = 6...48

    /// The width of each column of `tables` laid out one under another: the widest of theirs.
    static func of(_ tables: [DataTable]) -> [Double] {
        tables.map { of($0) }.reduce(into: [Double]()) { widths, table in
            for (index, width) in table.enumerated() {
                if index < widths.count { widths[index] = max(widths[index], width) } else { widths.append(width) }
            }
        }
    }

    /// The width of each of `table`'s columns: its header's or longest cell's display width, plus a margin.
    static func of(_ table: DataTable) -> [Double] {
        table.columns.indices.map { column in
            let widest = table.rows.reduce(displayWidth(table.columns[column].header)) { widest, row in
                column < row.count ? max(widest, displayWidth(row[column].plain)) : widest
            }
            return min(max(Double(widest) + 2, range.lowerBound), range.upperBound)
        }
    }

    /// Characters counted as Excel shows them: CJK and other wide characters take two columns.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in width + (scalar.value >= 0x1100 ? 2 : 1) }
    }
}
