import CLibXML2

/// Expands an HTML `<table>` into a grid, resolving rowspan and colspan; nested tables are handed back separately.
struct TableGridBuilder {
    private(set) var table = Table(rows: [])
    private(set) var nestedTables: [xmlNodePtr] = []

    /// Spans larger than this are treated as this (hostile or broken markup).
    static let maxSpan = 200

    init(table node: xmlNodePtr) {
        var rows: [xmlNodePtr] = []
        collectRows(node, into: &rows)
        var grid: [[GridCell?]] = []
        for (rowIndex, row) in rows.enumerated() {
            while grid.count <= rowIndex { grid.append([]) }
            var column = 0
            for cell in Self.cells(of: row) {
                while column < grid[rowIndex].count, grid[rowIndex][column] != nil { column += 1 }
                let text = TextNormalizer.normalize(utf8: LibXMLNode.textBytes(cell, skipTables: true))
                findNestedTables(cell.pointee.children)
                let rowSpan = Self.span(LibXMLNode.attribute(cell, "rowspan"))
                let colSpan = Self.span(LibXMLNode.attribute(cell, "colspan"))
                let lastRow = min(rowIndex + rowSpan, rows.count)
                for spannedRow in rowIndex..<max(lastRow, rowIndex + 1) {
                    while grid.count <= spannedRow { grid.append([]) }
                    for spannedColumn in column..<(column + colSpan) {
                        while grid[spannedRow].count <= spannedColumn { grid[spannedRow].append(nil) }
                        let isOrigin = spannedRow == rowIndex && spannedColumn == column
                        grid[spannedRow][spannedColumn] = GridCell(text: text, isSpanCopy: !isOrigin)
                    }
                }
                column += colSpan
            }
        }
        self.table = Table(rows: grid.prefix(rows.count).map { row in row.map { $0 ?? GridCell(text: "", isSpanCopy: true) } })
    }

    /// The `td` and `th` children of a row, in order.
    private static func cells(of row: xmlNodePtr) -> [xmlNodePtr] {
        var cells: [xmlNodePtr] = []
        var child = row.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE && (LibXMLNode.isNamed(current, "td") || LibXMLNode.isNamed(current, "th")) {
                cells.append(current)
            }
            child = current.pointee.next
        }
        return cells
    }

    private static func span(_ value: String?) -> Int {
        guard let value, let number = Int(trimmed(value)), number > 1 else { return 1 }
        return min(number, maxSpan)
    }

    /// The value without surrounding white space; plain ASCII values (nearly all) without Foundation.
    private static func trimmed(_ value: String) -> String {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return value.trimmingCharacters(in: .whitespaces) }
        var view = Substring(value)
        while let first = view.utf8.first, first == 0x20 || first == 0x09 { view = view.dropFirst() }
        while let last = view.utf8.last, last == 0x20 || last == 0x09 { view = view.dropLast() }
        return String(view)
    }

    /// Rows of this table only: direct `tr`s and those in `thead`/`tbody`/`tfoot`, not those of nested tables.
    private func collectRows(_ node: xmlNodePtr, into rows: inout [xmlNodePtr]) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                if LibXMLNode.isNamed(current, "tr") {
                    rows.append(current)
                } else if LibXMLNode.isNamed(current, "tbody") || LibXMLNode.isNamed(current, "thead")
                            || LibXMLNode.isNamed(current, "tfoot") {
                    collectRows(current, into: &rows)
                }
            }
            child = current.pointee.next
        }
    }

    private mutating func findNestedTables(_ start: xmlNodePtr?) {
        var node = start
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                if LibXMLNode.isNamed(current, "table") { nestedTables.append(current) } else {
                    findNestedTables(current.pointee.children)
                }
            }
            node = current.pointee.next
        }
    }
}
