/// One value of a CSV or terminal table.
public enum TableCell: Sendable, Hashable {
    /// Text, guarded against formula injection in CSV.
    case text(String)
    /// A number; nil is missing and prints as an empty cell, never 0.
    case number(Double?)

    /// The cell as plain text (numbers without a trailing ".0").
    public var plain: String {
        switch self {
        case .text(let text): return text
        case .number(let value): return NumberTextFormat.plain(value)
        }
    }
}

/// A column with its data-dictionary entry.
public struct TableColumn: Sendable, Hashable {
    /// The header (Chinese name, with the code beside it where there is one).
    public var header: String
    /// What the column means.
    public var meaning: String
    /// The unit (件, 条, 元, 比率…), or empty.
    public var unit: String
    /// The 口径 note, or empty.
    public var note: String

    /// Creates a column.
    public init(_ header: String, meaning: String, unit: String = "", note: String = "") {
        self.header = header
        self.meaning = meaning
        self.unit = unit
        self.note = note
    }
}

/// A table ready for CSV, the terminal or JSON.
public struct DataTable: Sendable {
    /// The columns.
    public var columns: [TableColumn]
    /// The rows, each as long as `columns`.
    public var rows: [[TableCell]]
    /// Notes printed under the table (method, 口径).
    public var notes: [String]

    /// Creates a table.
    public init(columns: [TableColumn], rows: [[TableCell]], notes: [String] = []) {
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}

/// Number formatting shared by CSV and terminal output.
enum NumberTextFormat {
    static func plain(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(value)
        if text.utf8.contains(UInt8(ascii: "e")) { return text }  // Foundation's `contains` bridges to NSString: slow
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
