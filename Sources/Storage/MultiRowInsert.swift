/// The INSERT of up to `maximumRows` rows into one table, its SQL made once for each row count rather than for
/// each report (joining the placeholders was a tenth of the time spent building a report's rows).
struct MultiRowInsert: Sendable {
    /// Rows per INSERT: few statements per report, well under SQLite's limit of 32,766 parameters.
    static let maximumRows = 64

    let columns: Int
    /// The statements for 1, 2, … rows.
    private let statements: [String]

    init(table: String, columns: Int) {
        self.columns = columns
        let placeholder = "(" + Array(repeating: "?", count: columns).joined(separator: ",") + ")"
        // OR FAIL, not the default ABORT: an ABORT undoes the failing statement's earlier rows, so SQLite keeps a
        // statement journal of the pages each multi-row INSERT changes. Nothing is lost: every transaction that
        // saves a report is rolled back whole on any error.
        statements = (1...Self.maximumRows).map { count in
            "INSERT OR FAIL INTO \(table) VALUES " + Array(repeating: placeholder, count: count).joined(separator: ",")
        }
    }

    /// The statement for `rows` rows (1 to `maximumRows`).
    func sql(rows: Int) -> String { statements[rows - 1] }
}
