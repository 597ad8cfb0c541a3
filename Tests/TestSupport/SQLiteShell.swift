import Foundation

/// The sqlite3 shell on a database file, for tests that look at (or tamper with) what a run left behind.
public enum SQLiteShell {
    /// Runs `sql` and returns what the shell printed, trimmed.
    public static func run(_ database: URL, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database.path, sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
