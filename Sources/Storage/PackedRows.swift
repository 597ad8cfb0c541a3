import GRDB
import GRDBSQLite

/// The values of a multi-row INSERT packed for binding straight through SQLite's C API: numbers inline, every
/// text in one UTF-8 buffer. Built before the write (on the reading task); the writer binds each text as a
/// pointer into the buffer (`SQLITE_STATIC`), so SQLite neither copies nor frees a string per cell, and no
/// `DatabaseValue` is made or released per cell on the writer's thread.
struct PackedRows: Sendable {
    /// One bound value: a number, NULL, or a text by its place in `text`.
    enum Value: Sendable {
        case null
        case integer(Int64)
        case real(Double)
        case text(offset: Int, count: Int)
    }

    private(set) var values: [Value] = []
    private(set) var text: [UInt8] = []

    /// Room for `capacity` values, and for texts of about four bytes each (a row's texts are mostly short: its
    /// unit id, a kind, a printed cell), so that the buffer seldom grows by copying itself.
    init(capacity: Int) {
        values.reserveCapacity(capacity)
        text.reserveCapacity(capacity * 4)
    }

    mutating func append(_ value: String) {
        let offset = text.count
        var value = value
        value.withUTF8 { text.append(contentsOf: $0) }  // one copy of the bytes, not a walk of the UTF-8 view
        values.append(.text(offset: offset, count: text.count - offset))
    }

    mutating func append(_ value: String?) {
        if let value { append(value) } else { values.append(.null) }
    }

    mutating func append(_ value: Int) { values.append(.integer(Int64(value))) }

    mutating func append(_ value: Int64) { values.append(.integer(value)) }

    mutating func append(_ value: Double?) {
        values.append(value.map(Value.real) ?? .null)
    }

    /// Binds the values to `statement`'s parameters in order and runs it.
    func execute(_ statement: Statement) throws {
        // Clears the previous bindings (pointers into another buffer) and marks the arguments as set.
        statement.setUncheckedArguments(StatementArguments())
        try text.withUnsafeBufferPointer { buffer in
            // An empty buffer has no address, but its texts (all "") still need a non-null pointer: a null one
            // would bind NULL instead of an empty text. Length 0 is never read through.
            let base = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            for (index, value) in zip(Int32(1)..., values) {
                let code: Int32
                switch value {
                case .null: code = sqlite3_bind_null(statement.sqliteStatement, index)
                case .integer(let number): code = sqlite3_bind_int64(statement.sqliteStatement, index, number)
                case .real(let number): code = sqlite3_bind_double(statement.sqliteStatement, index, number)
                case .text(let offset, let count):
                    code = sqlite3_bind_text(
                        statement.sqliteStatement, index,
                        base.advanced(by: offset).assumingMemoryBound(to: CChar.self),
                        Int32(count), nil)  // nil: SQLITE_STATIC
                }
                guard code == SQLITE_OK else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code), message: "cannot bind parameter \(index)")
                }
            }
            try statement.execute()
        }
    }
}
