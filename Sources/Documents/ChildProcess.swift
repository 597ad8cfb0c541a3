import Foundation

/// A program run to its end with both output pipes drained together (a child that fills one pipe while the
/// parent waits on the other would deadlock), its output capped and a deadline on its wall time.
enum ChildProcess {
    /// How the child ended.
    enum Ending: Equatable {
        /// It exited with this status.
        case exit(Int32)
        /// A signal ended it (SIGSEGV, SIGKILL from outside, SIGXCPU…).
        case signal(Int32)
        /// It outlived its deadline and was killed.
        case deadline
        /// It wrote more than the output cap and was killed.
        case outputCap
    }

    /// What the child printed and how it ended.
    struct Finished {
        var ending: Ending
        var output: [UInt8]
        /// The head of its standard error.
        var errors: [UInt8]

        /// ": <the first line of standard error>", or nothing when it printed none.
        var errorSummary: String {
            let text = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let first = text.split(separator: "\n").first else { return "" }
            return ": " + first.prefix(300)
        }
    }

    /// Runs `path arguments…` with standard input from /dev/null.
    static func run(_ path: String, arguments: [String], limits: ExternalConverter.Limits) throws -> Finished {
        let output = try PipePair()
        let errors = try PipePair()
        defer {
            output.closeBoth()
            errors.closeBoth()
        }
        let pid = try spawn(path, arguments: arguments, output: output.write, errors: errors.write)
        output.closeWrite()
        errors.closeWrite()
        var drained = Drain(output: output.read, errors: errors.read, limits: limits)
        let stop = drained.run()
        if stop != nil { kill(pid, SIGKILL) }
        let status = wait(for: pid)
        if let stop { return Finished(ending: stop, output: [], errors: drained.errorBytes) }
        return Finished(ending: status, output: drained.outputBytes, errors: drained.errorBytes)
    }

    private static func spawn(_ path: String, arguments: [String], output: Int32, errors: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard result == 0 else {
            throw DocumentError.converterFailed("cannot start \(path): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Waits for the child and says how it ended.
    private static func wait(for pid: pid_t) -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? .exit((status >> 8) & 0xFF) : .signal(signal)
    }
}

/// Reads a child's standard output and error until both close, the deadline passes or the output cap is hit.
private struct Drain {
    let output: Int32
    let errors: Int32
    let limits: ExternalConverter.Limits
    var outputBytes: [UInt8] = []
    var errorBytes: [UInt8] = []

    init(output: Int32, errors: Int32, limits: ExternalConverter.Limits) {
        self.output = output
        self.errors = errors
        self.limits = limits
    }

    /// Nil when both pipes closed; otherwise why reading stopped.
    mutating func run() -> ChildProcess.Ending? {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limits.seconds * 1e9)
        var open: [Int32] = [output, errors]
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !open.isEmpty {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return .deadline }
            var polled = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let waitMilliseconds = Int32(min((deadline - now) / 1_000_000 + 1, 1000))
            guard poll(&polled, nfds_t(polled.count), waitMilliseconds) >= 0 || errno == EINTR else { return .deadline }
            for entry in polled where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count <= 0 {
                    if count == 0 || (errno != EINTR && errno != EAGAIN) { open.removeAll { $0 == entry.fd } }
                    continue
                }
                if entry.fd == output {
                    guard outputBytes.count + count <= limits.outputBytes else { return .outputCap }
                    outputBytes.append(contentsOf: buffer[0..<count])
                } else if errorBytes.count < limits.errorBytes {
                    errorBytes.append(contentsOf: buffer[0..<min(count, limits.errorBytes - errorBytes.count)])
                }
            }
        }
        return nil
    }
}

/// glibc's `pipe2`, which its headers declare only under `_GNU_SOURCE`: both ends made close-on-exec at once, so
/// that no child another thread starts meanwhile inherits them.
@_silgen_name("pipe2")
private func makePipe(_ ends: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32

/// A pipe whose ends are closed once, on exec in any child, and by `closeBoth` at the latest.
final class PipePair {
    private(set) var read: Int32
    private(set) var write: Int32

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard makePipe(&ends, O_CLOEXEC) == 0 else {
            throw DocumentError.converterFailed("cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        read = ends[0]
        write = ends[1]
    }

    func closeWrite() {
        if write >= 0 { close(write) }
        write = -1
    }

    func closeBoth() {
        closeWrite()
        if read >= 0 { close(read) }
        read = -1
    }
}
