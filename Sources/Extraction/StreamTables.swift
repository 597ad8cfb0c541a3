import ReportModel

/// Reads tables 二, 三 and 四 from the line stream of a text copy, where a table may arrive one cell per line
/// (blank lines for empty cells), as label-and-numbers lines from a PDF layout, with labels broken across lines,
/// group labels as loose lines, and page footers in between.
struct StreamTables {
    let format: ReportFormat
    let tokens: [LineToken]

    init(format: ReportFormat, lines: [String]) {
        self.format = format
        self.tokens = LineToken.tokens(lines)
    }

    /// A row being read: its label fragments and the values collected so far.
    private struct PendingRow {
        var labels: [String]
        var values: [CellValue] = []
    }

    /// Reads rows of `width` values starting at `start`; `key` names a row from its labels (nil for headings).
    /// Returns the rows found and the index after the last one read; `stop` ends the region.
    private func rows(
        from start: Int, width: Int, stop: (LineToken) -> Bool,
        key: ([String]) -> String?
    ) -> (rows: [(key: String, label: String, values: [CellValue])], end: Int) {
        var found: [(key: String, label: String, values: [CellValue])] = []
        var pending = PendingRow(labels: [])
        var lastComplete = false
        var index = start
        func finish() {
            var values = pending.values
            while values.count > width, values.first?.kind == .blank { values.removeFirst() }
            if values.count == width, let rowKey = key(pending.labels) {
                found.append((rowKey, pending.labels.joined(separator: " "), values))
                lastComplete = true
            }
            pending = PendingRow(labels: [])
        }
        while index < tokens.count {
            let token = tokens[index]
            if !token.label.isEmpty && stop(token) && index > start { break }
            if token.isBlank {
                // A blank line is an empty cell once the label names a row; before that it is spacing.
                if !pending.labels.isEmpty, pending.values.count < width, key(pending.labels) != nil {
                    pending.values.append(CellValue.parse(""))
                }
            } else if !token.label.isEmpty {
                if !pending.values.isEmpty { finish() }
                if token.values.isEmpty, lastComplete, pending.labels.isEmpty, !token.startsNumberedLabel {
                    // the wrapped tail of the row just read ("计其他情形）"): it belongs to that row's label
                } else {
                    pending.labels.append(token.label)
                    lastComplete = false
                }
                pending.values += token.values
                if pending.values.count >= width { finish() }
            } else if !pending.labels.isEmpty {
                pending.values += token.values
                if pending.values.count >= width { finish() }
            }
            index += 1
        }
        if !pending.values.isEmpty { finish() }
        return (found, index)
    }

    /// Reads tables 二, 三 and 四 from the stream.
    func read(into figures: inout FigureSet) {
        let start = tokens.firstIndex { $0.label.includes("本年新收") } ?? tokens.count
        table2(before: start, into: &figures)
        if let end = table3(into: &figures) { table4(from: end, into: &figures) }
    }

    /// Table 三 in canonical column order; returns the index after it.
    func table3(into figures: inout FigureSet) -> Int? {
        guard let start = tokens.firstIndex(where: { $0.label.includes("本年新收") }) else { return nil }
        let extractor = Table3Extractor(format: format)
        var group: String?
        let read = rows(
            from: start, width: Table3Layout.columns.count,
            stop: { $0.label.includes("行政复议") || $0.label.includes("存在的主要问题") }
        ) { labels in
            if let heading = labels.first(where: {
                $0.hasPrefix("（三）") || $0.hasPrefix("（四）") || $0.hasPrefix("（五）") || $0.hasPrefix("（六）")
            }) {
                group = heading
            } else if labels.contains(where: { $0.hasPrefix("（") }) {
                group = nil
            }
            return extractor.rowKey(labels: (group.map { [$0] } ?? []) + labels)
        }
        for row in read.rows {
            for (column, cell) in zip(Table3Layout.columns, row.values) {
                figures.add(
                    Table3Layout.code(column: column.key, row: row.key), cell, table: "表三", row: row.label,
                    column: column.label)
            }
        }
        return read.end
    }

    /// Table 四: fifteen values after its headings.
    func table4(from start: Int, into figures: inout FigureSet) {
        guard let heading = tokens[start...].firstIndex(where: { $0.label.includes("行政复议") }) else { return }
        var values: [CellValue] = []
        for token in tokens[(heading + 1)...] {
            if token.isBlank {
                if !values.isEmpty { values.append(CellValue.parse("")) }
            } else if !token.label.isEmpty && !values.isEmpty {
                break
            } else {
                values += token.values
            }
            if values.count >= 15 { break }
        }
        guard values.count >= 15 else { return }
        for (code, cell) in zip(Table4Layout.codes, values.prefix(15)) {
            figures.add(
                code, cell, table: "表四", row: "行政复议/行政诉讼", column: IndicatorCatalogue.indicator(code)?.label ?? code)
        }
    }

    /// Table 二: each row label followed by its values, before table 三 begins.
    func table2(before end: Int, into figures: inout FigureSet) {
        let extractor = Table2Extractor(format: format)
        var index = 0
        while index < min(end, tokens.count) {
            let token = tokens[index]
            index += 1
            guard token.label.count <= 14, !token.label.includes("信息内容"),
                let row = extractor.row(for: token.label)
            else { continue }
            var values = token.values
            while values.count < row.columns.count, index < end {
                let next = tokens[index]
                if !next.label.isEmpty { break }
                values += next.isBlank ? [CellValue.parse("")] : next.values
                index += 1
            }
            guard values.count == row.columns.count else { continue }
            extractor.add(row: row, values: values, label: token.label, amountInWan: false, into: &figures)
        }
    }
}
