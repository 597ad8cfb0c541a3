import Foundation

/// Runs a program as a child process and measures it: wall time, CPU time and the child's own peak RSS.
///
/// The peak is read from the child's `/proc/PID/status` (VmHWM) every 10 ms while it runs, not from `wait4`: a
/// child started by `posix_spawn` shares the parent's memory until its `exec`, and Linux carries that memory's
/// high-water mark into the child's `ru_maxrss`, so a large benchmark process made every child look as large.
enum ChildRun {
    struct Measurement {
        var status: Int32
        var seconds: Double
        /// User and system time of the child and its threads: steadier than wall time on a machine shared with
        /// others, and, over the wall time, how many cores it kept busy.
        var cpuSeconds: Double
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
        var peakKilobytes = 0
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            peakKilobytes = max(peakKilobytes, highWaterKilobytes(pid))
            usleep(10_000)
        }
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Measurement(
            status: exitCode, seconds: Date().timeIntervalSince(started),
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            peakRSSMegabytes: Double(peakKilobytes) / 1024)
    }

    private static func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }

    /// The CPU time a running process and its children (nginx's worker, say) have used so far, from `/proc`.
    static func cpuSeconds(ofRunning pid: pid_t) -> Double {
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return ([pid] + children.split(separator: " ").compactMap { pid_t($0) }).reduce(0) { total, process in
            // Fields 14 and 15 of /proc/PID/stat, after the parenthesised command name: user and system ticks.
            guard let stat = try? String(contentsOfFile: "/proc/\(process)/stat", encoding: .utf8),
                let end = stat.lastIndex(of: ")")
            else { return total }
            let fields = stat[stat.index(after: end)...].split(separator: " ")
            guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
                return total
            }
            return total + (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
        }
    }

    /// The VmHWM line of a running process's status, in kB (0 once it has exited).
    private static func highWaterKilobytes(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.filter(\.isNumber)) ?? 0
    }
}

/// A benchmark step that could not run, in plain words.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
