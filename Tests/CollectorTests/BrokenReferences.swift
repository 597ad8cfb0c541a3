import GRDB

extension DemoCopy {
    /// The rows whose references to another table do not hold, as SQLite's `foreign_key_check` lists them (the
    /// store does not enforce its references while writing: it keeps them by construction).
    func brokenReferences() throws -> [String] {
        try DatabaseQueue(path: configuration.database.path).read { db in
            try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map(\.description)
        }
    }
}
