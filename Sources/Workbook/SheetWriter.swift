import CXLSXWriter
import Export

/// Lays out one `WorkbookSheet`: the title in row 1, the header in row 2, the data below, then the notes; the
/// title and header frozen and repeated on every printed page, an autofilter on the header, A4 landscape, one
/// page wide.
struct SheetWriter {
    /// A write libxlsxwriter refused.
    struct Failure: Error {
        var reason: String
    }

    let workbook: UnsafeMutablePointer<lxw_workbook>
    let styles: SheetStyles
    let sheet: WorkbookSheet

    /// The header's row; data starts on the next.
    static let headerRow: UInt32 = 1
    /// A4 in Excel's paper codes.
    static let paperA4: UInt8 = 9

    func write() throws {
        guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
            throw Failure(reason: "not a valid sheet name (at most 31 characters, none of []:*?/\\, unique)")
        }
        let table = sheet.table
        let tables = [table] + sheet.blocks.map(\.table)
        let lastColumn = UInt16(max(tables.map(\.columns.count).max() ?? 1, 1) - 1)
        if lastColumn > 0 {
            try check(worksheet_merge_range(worksheet, 0, 0, 0, lastColumn, sheet.title, styles.title))
        } else {
            try check(worksheet_write_string(worksheet, 0, 0, sheet.title, styles.title))
        }
        worksheet_set_row(worksheet, 0, 24, nil)
        try writeHeader(table, worksheet, Self.headerRow)
        for (index, width) in ColumnWidths.of(tables).enumerated() {
            worksheet_set_column(worksheet, UInt16(index), UInt16(index), width, nil)
        }
        var row = try writeRows(table, worksheet, from: Self.headerRow + 1)
        let lastDataRow = row - 1
        for block in sheet.blocks {
            row += 1
            try check(worksheet_write_string(worksheet, row, 0, block.caption, styles.caption))
            if !block.groups.isEmpty {
                row += 1
                try writeGroups(block.groups, worksheet, row)
            }
            try writeHeader(block.table, worksheet, row + 1)
            row = try writeRows(block.table, worksheet, from: row + 2)
        }
        row += 1
        for note in tables.flatMap(\.notes) {
            try check(worksheet_write_string(worksheet, row, 0, Self.cut(note), styles.note))
            row += 1
        }
        if lastDataRow > Self.headerRow {
            for (header, values) in sheet.choices.sorted(by: { $0.key < $1.key }) {
                guard let column = table.columns.firstIndex(where: { $0.header == header }) else { continue }
                try check(
                    Self.withCStrings(values) {
                        nb_worksheet_list_validation(worksheet, Self.headerRow + 1, lastDataRow, UInt16(column), $0)
                    })
            }
        }
        let keptInView = sheet.blocks.isEmpty ? Self.headerRow : 0
        worksheet_freeze_panes(worksheet, keptInView + 1, UInt16(sheet.frozenColumns))
        if !table.columns.isEmpty && sheet.blocks.isEmpty {
            try check(worksheet_autofilter(worksheet, Self.headerRow, 0, lastDataRow, lastColumn))
        }
        worksheet_set_landscape(worksheet)
        worksheet_set_paper(worksheet, Self.paperA4)
        try check(worksheet_repeat_rows(worksheet, 0, keptInView))
        worksheet_fit_to_pages(worksheet, 1, 0)
        try check(worksheet_set_footer(worksheet, "&C\(sheet.name) 第 &P 页，共 &N 页"))
    }

    /// Writes `table`'s header in `row`.
    private func writeHeader(_ table: DataTable, _ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ row: UInt32) throws
    {
        for (index, column) in table.columns.enumerated() {
            try check(worksheet_write_string(worksheet, row, UInt16(index), column.header, styles.header))
        }
    }

    /// Writes a header row of `groups` in `row`, neighbouring columns with the same text merged into one cell.
    private func writeGroups(_ groups: [String], _ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ row: UInt32) throws
    {
        var start = 0
        while start < groups.count {
            var end = start
            while !groups[start].isEmpty, end + 1 < groups.count, groups[end + 1] == groups[start] { end += 1 }
            if end > start {
                try check(
                    worksheet_merge_range(worksheet, row, UInt16(start), row, UInt16(end), groups[start], styles.header)
                )
            } else {
                try check(worksheet_write_string(worksheet, row, UInt16(start), groups[start], styles.header))
            }
            start = end + 1
        }
    }

    /// Writes `table`'s rows from `first` on; returns the row after the last.
    private func writeRows(
        _ table: DataTable, _ worksheet: UnsafeMutablePointer<lxw_worksheet>,
        from first: UInt32
    ) throws -> UInt32 {
        var row = first
        for cells in table.rows {
            for (column, cell) in cells.enumerated() {
                try write(cell, worksheet, row, UInt16(column))
            }
            row += 1
        }
        return row
    }

    private func write(
        _ cell: TableCell, _ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ row: UInt32,
        _ column: UInt16
    ) throws {
        switch cell {
        case .number(let value?) where value.isFinite:
            try check(worksheet_write_number(worksheet, row, column, value, styles.cell))
        case .number:
            try check(worksheet_write_blank(worksheet, row, column, styles.cell))
        case .text(let text) where text.isEmpty:
            try check(worksheet_write_blank(worksheet, row, column, styles.cell))
        case .text(let text):
            try check(worksheet_write_string(worksheet, row, column, Self.cut(text), styles.cell))
        }
    }

    /// Calls `body` with `strings` as a NULL-terminated array of C strings.
    static func withCStrings<T>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let copies = strings.map { UnsafePointer(strdup($0)) } + [nil]
        defer { for copy in copies { free(UnsafeMutableRawPointer(mutating: copy)) } }
        var array = copies
        return array.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }

    /// `text` cut to what one cell holds.
    static func cut(_ text: String) -> String {
        text.unicodeScalars.count <= XLSXWorkbook.cellTextLimit
            ? text
            : String(String.UnicodeScalarView(text.unicodeScalars.prefix(XLSXWorkbook.cellTextLimit)))
    }

    private func check(_ result: lxw_error) throws {
        guard result == LXW_NO_ERROR else { throw Failure(reason: String(cString: lxw_strerror(result))) }
    }
}
