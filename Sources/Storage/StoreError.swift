import Foundation
import GRDB

/// Errors from the store, in plain words with the database path.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database could not be opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// Another collect holds the lock.
    case locked(pid: Int32, since: Date, host: String)
    /// A collect's writes could not be stored (a full disk, a broken file): its last uncommitted work was dropped.
    case writeFailed(path: String, reason: String)
    /// A bulk write outside a collect (a re-extraction) failed: its last transaction was rolled back.
    case transactionFailed(path: String, reason: String)
    /// The database file is damaged (not a database, a malformed page) or could not be read (an I/O error).
    case damaged(path: String, reason: String)
    /// A column holds a word this nianbao does not know (an outcome, a failure kind, a source status), written by
    /// another version or by hand.
    case unknownValue(path: String, column: String, value: String)

    /// A plain-words explanation.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open database \(path): \(reason)"
        case .locked(let pid, let since, let host):
            return
                "another collect (pid \(pid) on \(host), started \(ISO8601DateFormatter().string(from: since))) holds the database lock"
        case .writeFailed(let path, let reason):
            return "cannot write to database \(path): \(reason); the last second of this run was not saved and "
                + "its reports will be fetched again by the next collect"
        case .transactionFailed(let path, let reason):
            return "cannot write to database \(path): \(reason); the batch being saved was rolled back (nothing "
                + "half-written), what was saved before it stays, and running the command again redoes the rest"
        case .damaged(let path, let reason):
            let file = ShellWord.quoted(path)
            return "cannot read database \(path): \(reason); the file is damaged or unreadable. "
                + "To save what can be read, try: sqlite3 \(file) \".recover\" > recovered.sql"
        case .unknownValue(let path, let column, let value):
            return "cannot read database \(path): \(column) holds \"\(value)\", which this nianbao does not know; "
                + "a newer nianbao may have written it"
        }
    }

    /// Whether SQLite's `error` says the database file is damaged or its bytes could not be read, rather than that
    /// a statement, the file's state (locked, full) or its permissions stopped it.
    static func isDamage(_ error: DatabaseError) -> Bool {
        [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR].contains(error.resultCode)
    }
}
