/// One sheet of the office's workbook: a table under a title, with how it is shown and printed.
public struct WorkbookSheet: Sendable {
    /// The sheet's tab name (at most 31 characters, none of `[]:*?/\`).
    public var name: String
    /// The title row printed above the header and repeated on every printed page.
    public var title: String
    /// The table: its columns become the header row, its rows the data, its notes the lines under it.
    public var table: DataTable
    /// Leading columns kept in view when scrolling sideways (the unit's id and name).
    public var frozenColumns: Int
    /// Columns, by header, whose data cells take only these values, chosen from a drop-down list.
    public var choices: [String: [String]]
    /// Tables below the main one, each under its caption; with blocks, only the title row stays in view and
    /// repeats on printed pages, and the main table has no autofilter.
    public var blocks: [SheetBlock] = []

    /// Creates a sheet.
    public init(
        name: String, title: String, table: DataTable, frozenColumns: Int = 0, choices: [String: [String]] = [:]
    ) {
        self.name = name
        self.title = title
        self.table = table
        self.frozenColumns = frozenColumns
        self.choices = choices
    }
}
