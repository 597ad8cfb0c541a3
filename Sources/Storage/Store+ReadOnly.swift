import Foundation
import GRDB

/// How a store uses its database file.
public enum StoreAccess: Sendable {
    /// Reads and writes: the collect, re-extraction and import.
    case readWrite
    /// Reads only, with SQLite's read-only connections, for the commands that only report (rank, status, export…):
    /// they work on a database whose folder cannot be written, such as a read-only mount or a backup, and never
    /// create the file (a database that is not there is an error naming the path: a mistyped path must not read as
    /// a city with nothing collected). Only a database whose schema is older than this nianbao's is first brought
    /// up to date (which needs its folder writable).
    case readOnly
}

extension Store {
    /// Where to open `path` for reading only, migrating it first when it needs it; a database that does not exist
    /// is refused.
    ///
    /// A database in WAL mode is read through its `-shm` index, which SQLite creates beside it even for a read-only
    /// connection. In a folder that cannot be written, with no `-wal` left there, no process can be writing the
    /// database (a writer needs its log in that folder), so the file is opened as immutable, without an index.
    /// Where a `-wal` is present, SQLite reads it with its `-shm`.
    static func readingLocation(_ path: String) throws -> String {
        let file = URL(fileURLWithPath: path)
        let files = FileManager.default
        let location =
            !files.isWritableFile(atPath: file.deletingLastPathComponent().path)
                && !files.fileExists(atPath: path + "-wal") ? immutableURI(file.path) : path
        guard files.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(
                path: path,
                reason: "there is no database there yet; `nianbao collect` creates it (check the config's `database` "
                    + "or `--database`)")
        }
        if try !isMigrated(location) { try migrate(path) }
        return location
    }

    /// Whether the database at `location` has every migration of this nianbao, read on a read-only connection.
    private static func isMigrated(_ location: String) throws -> Bool {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: location, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try Migrations.migrator.hasCompletedMigrations(db) }
    }

    /// An SQLite URI for the file at the absolute `path`, opened as immutable (no locks, no `-shm`).
    private static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }
}
