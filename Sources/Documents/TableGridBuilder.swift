import Foundation

/// Gathers an HTML `<table>`'s rows of cells as the page is read, then expands them into a grid, resolving
/// rowspan and colspan.
struct TableGridBuilder {
    /// A cell as read: its normalised text and the rows and columns it spans (at least 1, at most `maxSpan`).
    struct Cell {
        let text: String
        let rowSpan, columnSpan: Int
    }

    /// Spans larger than this are treated as this before the table's real size is known; the grid then clamps a
    /// row span to the rows that follow and a column span to the most cells a row of the table holds.
    static let maxSpan = 10_000

    /// The most positions a table's cells may cover; a larger table is left out with a warning (report tables
    /// cover a few hundred).
    static let maxGridPositions = 200_000

    /// The cells of all rows in order, and where each row's start (one array for the table, not one per row).
    private var cells: [Cell] = []
    private var rowStarts: [Int] = []
    /// Whether the row last started holds cells written outside any `<tr>`.
    private var isStrayRow = false

    /// Starts the next `<tr>`.
    mutating func startRow() {
        rowStarts.append(cells.count)
        isStrayRow = false
    }

    /// Makes room for a cell written outside any `<tr>`: it goes into the row of such cells before it, or starts
    /// one (as browsers lay them out).
    mutating func continueStrayRow() {
        if !isStrayRow { rowStarts.append(cells.count) }
        isStrayRow = true
    }

    /// Adds a cell to the row last started (cells come only inside rows).
    mutating func add(_ cell: Cell) {
        cells.append(cell)
    }

    /// The grid: first where every cell goes, then each row made once at its width (growing rows of optional
    /// cells and copying them into the grid had been a third of building a table). Nil when the grid would have
    /// more than `maxGridPositions` positions.
    var table: Table? {
        let rowCount = rowStarts.count
        let mostCells = self.mostCells
        // Every position the spans cover is counted as it is placed: spans from rows above push a row's cells
        // right, so a table's size is known only by laying it out.
        var covered = 0
        var occupied: [[Bool]] = Array(repeating: [], count: rowCount)
        var placed: [Placement] = []
        placed.reserveCapacity(cells.count)
        for rowIndex in 0..<rowCount {
            var column = 0
            let cellsEnd = rowIndex + 1 < rowCount ? rowStarts[rowIndex + 1] : cells.count
            for cell in cells[rowStarts[rowIndex]..<cellsEnd] {
                while column < occupied[rowIndex].count, occupied[rowIndex][column] { column += 1 }
                let rowEnd = max(min(rowIndex + cell.rowSpan, rowCount), rowIndex + 1)
                let columnEnd = column + min(cell.columnSpan, mostCells)
                covered += (rowEnd - rowIndex) * (columnEnd - column)
                guard covered <= Self.maxGridPositions else { return nil }
                for spannedRow in rowIndex..<rowEnd {
                    while occupied[spannedRow].count < columnEnd { occupied[spannedRow].append(false) }
                    for spannedColumn in column..<columnEnd { occupied[spannedRow][spannedColumn] = true }
                }
                placed.append(
                    Placement(
                        text: cell.text, row: rowIndex, column: column, rowEnd: rowEnd,
                        columnEnd: columnEnd))
                column = columnEnd
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
        return Table(rows: grid)
    }

    /// The most cells a row holds (at least one): no cell spans more columns.
    private var mostCells: Int {
        var most = 1
        for rowIndex in 0..<rowStarts.count {
            let cellsEnd = rowIndex + 1 < rowStarts.count ? rowStarts[rowIndex + 1] : cells.count
            most = max(most, cellsEnd - rowStarts[rowIndex])
        }
        return most
    }

    /// A cell's text and the grid positions it covers (a later cell overwrites the positions it shares).
    private struct Placement {
        let text: String
        let row, column, rowEnd, columnEnd: Int
    }

    /// A `rowspan` or `colspan` attribute's value as a span: 1 when missing, not a number or below 2.
    static func span(_ value: String?) -> Int {
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
}
