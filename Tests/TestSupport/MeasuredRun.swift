import Foundation

/// Runs the built `nianbao` and reports, besides what it printed, its wall time and the peak resident memory of
/// it and every process it started (from `wait4`, which Foundation's `Process` does not give).
public enum MeasuredRun {
    /// What one run did and cost.
    public struct Result: Sendable {
        /// The exit code (128 + signal when a signal ended it).
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
        /// Seconds from start to exit.
        public var seconds: Double
        /// The largest resident set of the process or of any of its descendants, in MB.
        public var peakMegabytes: Double
    }

    /// Runs `nianbao arguments…` in `directory` with `environment` added to this process's.
    public static func nianbao(
        _ arguments: [String], in directory: URL,
        environment: [String: String] = [:]
    ) throws -> Result {
        let output = directory.appendingPathComponent(".run-\(UUID().uuidString).out")
        let errors = directory.appendingPathComponent(".run-\(UUID().uuidString).err")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errors.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let program = BinaryRunner.executable.path
        // Run in the folder through `cd`, which posix_spawn cannot do.
        let script = "cd \"$1\" && shift && exec \"$@\""
        let argv = (["/bin/sh", "-c", script, "sh", directory.path, program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        let started = Date()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let signal = status & 0x7F
        return Result(
            status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal,
            stdout: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errors, encoding: .utf8)) ?? "",
            seconds: Date().timeIntervalSince(started),
            peakMegabytes: Double(usage.ru_maxrss) / 1024)
    }
}
