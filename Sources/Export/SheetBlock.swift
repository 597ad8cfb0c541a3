/// A table laid out below a sheet's main table under a caption row of its own, with its own header: a sheet in
/// the layout of a printed form, such as 全市汇总 in the layout of the report template's tables.
public struct SheetBlock: Sendable {
    /// The caption row above the block's header.
    public var caption: String
    /// The block's columns (its header row), rows and notes (written with the sheet's notes).
    public var table: DataTable
    /// A header row above the columns' own, one text per column, neighbours with the same text merged into one
    /// cell (法人或其他组织 over five columns); empty for none.
    public var groups: [String]

    /// Creates a block.
    public init(caption: String, table: DataTable, groups: [String] = []) {
        self.caption = caption
        self.table = table
        self.groups = groups
    }
}
