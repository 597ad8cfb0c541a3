import GRDB
import ReportModel

/// The ids under which `figure_value` stores figure codes (`figure_code`). Every catalogue code has a small id,
/// given the first time a nianbao that knows the code opens the database, so that whoever saves a report knows
/// its codes' ids without asking the writer. A code the table did not hold when the store was opened (one outside
/// the catalogue) is stored with the report that brings it, under an id made from its text, as labels are.
/// Ids are never reused: a code keeps its id for the life of the database.
struct FigureCodes: Sendable {
    /// The id of every code in `figure_code` when the store was opened.
    private let ids: [String: Int64]
    /// The ids `figure_code` holds, for the codes that reports bring.
    let stored: StoredTextIds

    init(_ db: Database) throws {
        var ids: [String: Int64] = [:]
        try db.forEachRawRow(sql: "SELECT code, id FROM figure_code", arguments: []) { row in
            ids[row.text(0) ?? ""] = Int64(row.integer(1))
        }
        self.ids = ids
        stored = StoredTextIds(table: "figure_code", columns: 1, committed: Set(ids.values))
    }

    /// The id of `code`: the one `figure_code` held at open, else the one made from its text (its bit 62 set, so
    /// that it is never one of the small ids).
    func id(of code: String) -> Int64 {
        ids[code] ?? SharedTextId.of(["figure_code", code]) | 1 << 62
    }

    /// Small ids are given below this bound.
    private static let smallIdBound: Int64 = 1 << 32

    /// Gives each of `codes` that `figure_code` lacks the next small id, in order. Writes only when a code is
    /// missing: on a new database, or on the first open after the catalogue grew.
    static func register(_ codes: [String], in queue: DatabaseQueue) throws {
        let held = try queue.read { db in Set(try String.fetchAll(db, sql: "SELECT code FROM figure_code")) }
        guard codes.contains(where: { !held.contains($0) }) else { return }
        // An immediate transaction, read again inside it: another process opening the database at the same
        // moment registers them first or waits.
        try queue.inDatabase { db in
            try db.inTransaction(.immediate) {
                let held = Set(try String.fetchAll(db, sql: "SELECT code FROM figure_code"))
                var next =
                    try Int64.fetchOne(
                        db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM figure_code WHERE id < ?",
                        arguments: [smallIdBound]) ?? 1
                // One prepared statement: prepared for each code (the table's trigger compiled into each), a new
                // database's 300 codes had taken 10 ms of its first open.
                let insert = try db.makeStatement(sql: "INSERT INTO figure_code VALUES (?, ?)")
                for code in codes where !held.contains(code) {
                    try insert.execute(arguments: [next, code])
                    next += 1
                }
                return .commit
            }
        }
    }
}
