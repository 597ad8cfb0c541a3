import Foundation

/// The sqlite3 shell on a database file, for tests that look at (or tamper with) what a run left behind.
public enum SQLiteShell {
    /// What the shell said when it could not run a statement.
    public struct Failure: Error, CustomStringConvertible {
        /// The statement or statements given to the shell.
        public let sql: String
        /// The shell's exit status and its error output.
        public let description: String
    }

    /// Runs `sql` and returns what the shell printed, trimmed. Like the tool's own connections, the shell waits
    /// up to ten seconds for a lock another connection holds (a closing connection checkpoints the log); an
    /// error of the shell is thrown, never returned as empty output.
    public static func run(_ database: URL, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tools.path(of: "sqlite3") ?? "/usr/bin/sqlite3")
        process.arguments = ["-bail", "-cmd", ".timeout 10000", database.path, sql]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorText = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, errorText.isEmpty else {
            throw Failure(sql: sql, description: "sqlite3 exited \(process.terminationStatus): \(errorText)")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
