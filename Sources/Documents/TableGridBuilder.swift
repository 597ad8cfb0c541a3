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
        // First where every cell goes, then each row made once at its width: growing rows of optional cells
        // and copying them into the grid had been a third of building a table.
        var occupied: [[Bool]] = Array(repeating: [], count: rows.count)
        var placed: [Placement] = []
        var scratch: [UInt8] = []
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            var child = row.pointee.children
            while let cell = child {
                child = cell.pointee.next
                guard Self.isCell(cell) else { continue }
                while column < occupied[rowIndex].count, occupied[rowIndex][column] { column += 1 }
                scratch.removeAll(keepingCapacity: true)
                LibXMLNode.appendText(cell, to: &scratch, skipTables: true)
                let text = TextNormalizer.normalize(utf8: scratch)
                findNestedTables(cell.pointee.children)
                let rowSpan = Self.span(LibXMLNode.attribute(cell, "rowspan"))
                let colSpan = Self.span(LibXMLNode.attribute(cell, "colspan"))
                let rowEnd = max(min(rowIndex + rowSpan, rows.count), rowIndex + 1)
                for spannedRow in rowIndex..<rowEnd {
                    while occupied[spannedRow].count < column + colSpan { occupied[spannedRow].append(false) }
                    for spannedColumn in column..<(column + colSpan) { occupied[spannedRow][spannedColumn] = true }
                }
                placed.append(Placement(text: text, row: rowIndex, column: column, rowEnd: rowEnd, columnEnd: column + colSpan))
                column += colSpan
            }
        }
        // Positions no cell covers (a row shorter than a span beside it) are empty span copies.
        var grid = occupied.map { Array(repeating: GridCell(text: "", isSpanCopy: true), count: $0.count) }
        for cell in placed {
            for spannedRow in cell.row..<cell.rowEnd {
                for spannedColumn in cell.column..<cell.columnEnd {
                    let isOrigin = spannedRow == cell.row && spannedColumn == cell.column
                    grid[spannedRow][spannedColumn] = GridCell(text: cell.text, isSpanCopy: !isOrigin)
                }
            }
        }
        self.table = Table(rows: grid)
    }

    /// A cell's text and the grid positions it covers (a later cell overwrites the positions it shares).
    private struct Placement {
        let text: String
        let row, column, rowEnd, columnEnd: Int
    }

    /// Whether a row's child is a `td` or `th` cell.
    private static func isCell(_ node: xmlNodePtr) -> Bool {
        node.pointee.type == XML_ELEMENT_NODE && (LibXMLNode.isNamed(node, "td") || LibXMLNode.isNamed(node, "th"))
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
