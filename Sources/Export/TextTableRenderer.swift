/// Renders a table for the terminal, aligning columns by display width (CJK characters are two columns wide).
public enum TextTableRenderer {
    /// The table as aligned lines, numbers right-aligned, notes underneath.
    public static func render(_ table: DataTable) -> String {
        let header = table.columns.map(\.header)
        let body = table.rows.map { $0.map(\.plain) }
        var widths = header.map(displayWidth)
        for row in body {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], displayWidth(cell))
            }
        }
        func line(_ cells: [String], numeric: [Bool]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: max(0, widths[index] - displayWidth(cell)))
                return numeric[index] ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let numericColumns = table.columns.indices.map { index in
            table.rows.contains { row in if case .number = row[index] { return true } else { return false } }
        }
        var lines = [line(header, numeric: numericColumns)]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += body.map { line($0, numeric: numericColumns) }
        lines += table.notes.map { "注：\($0)" }
        return lines.joined(separator: "\n")
    }

    /// Terminal columns taken by `text`: wide (CJK, full-width) characters count two.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let value = scalar.value
            let wide =
                (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
                || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
            return width + (wide ? 2 : 1)
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
