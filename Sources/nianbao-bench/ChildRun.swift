import Foundation

/// Runs a program as a child process and measures it: wall time and the child's own peak RSS (from `wait4`).
enum ChildRun {
    struct Measurement {
        var status: Int32
        var seconds: Double
        var peakRSSMegabytes: Double
    }

    /// Runs `program arguments…` with stdout sent to `output` (a file path, or /dev/null).
    static func run(_ program: String, _ arguments: [String], output: String = "/dev/null") throws -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Measurement(status: exitCode, seconds: Date().timeIntervalSince(started),
                           peakRSSMegabytes: Double(usage.ru_maxrss) / 1024)
    }
}

/// A benchmark step that could not run, in plain words.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
