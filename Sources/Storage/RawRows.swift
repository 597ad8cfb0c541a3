import GRDB
import GRDBSQLite

/// The current row of a statement stepped straight through SQLite's C API, for the hot read paths of rankings and
/// trends (hundreds of thousands of rows): no GRDB `Row` and no value conversion per row.
struct RawRow {
    let statement: SQLiteStatement

    func integer(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }

    func real(_ column: Int32) -> Double? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_double(statement, column)
    }

    /// The case of `E` whose raw value the column holds, found among `cases` without making a string.
    func value<E>(_ column: Int32, among cases: RawCases<E>) -> E? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        let text = UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column)))
        return cases.all.first { $0.bytes.elementsEqual(text) }?.value
    }

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        return String(
            decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column))),
            as: UTF8.self)
    }
}

/// The cases of a string-valued enum with their raw values as bytes, for `RawRow.value(_:among:)`.
struct RawCases<E: CaseIterable & RawRepresentable> where E.RawValue == String {
    let all = E.allCases.map { (bytes: Array($0.rawValue.utf8), value: $0) }
}

extension Database {
    /// Runs a cached statement with `arguments` and calls `body` with each row.
    func forEachRawRow(sql: String, arguments: StatementArguments, _ body: (RawRow) throws -> Void) throws {
        let statement = try cachedStatement(sql: sql)
        statement.setUncheckedArguments(arguments)
        defer { sqlite3_reset(statement.sqliteStatement) }
        let row = RawRow(statement: statement.sqliteStatement)
        while true {
            let code = sqlite3_step(statement.sqliteStatement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)),
                    sql: sql)
            }
            try body(row)
        }
    }
}
