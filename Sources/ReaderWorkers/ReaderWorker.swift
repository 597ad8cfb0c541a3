import Foundation

/// One worker process, seen from nianbao: `nianbao read-worker` with its standard input, output and error on pipes.
/// Used by one thread at a time (the pool hands it out).
final class ReaderWorker {
    private let pid: pid_t
    /// The pipes' ends, -1 once closed.
    private var toWorker: Int32
    private var fromWorker: Int32
    private var errors: Int32
    private let limits: ReaderLimits
    /// The last bytes the worker wrote to standard error (a crash's message).
    private var errorTail: [UInt8] = []

    /// Starts a worker from `executable`.
    init(executable: String, limits: ReaderLimits) throws(ReaderStartFailure) {
        var requests: [Int32] = [-1, -1]
        var answers: [Int32] = [-1, -1]
        var messages: [Int32] = [-1, -1]
        guard makePipe(&requests, O_CLOEXEC) == 0, makePipe(&answers, O_CLOEXEC) == 0,
            makePipe(&messages, O_CLOEXEC) == 0
        else {
            throw ReaderStartFailure(reason: String(cString: strerror(errno)))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, requests[0], 0)
        posix_spawn_file_actions_adddup2(&actions, answers[1], 1)
        posix_spawn_file_actions_adddup2(&actions, messages[1], 2)
        // A group of its own: a worker stopped on its deadline is killed with the converter it may be waiting for.
        // Every signal at its default and none blocked, whatever nianbao ignores: SIGXCPU must end a worker.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = ([executable, "read-worker"] + limits.workerArguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // Swift's crash backtracer takes seconds to describe a crash nobody reads: a worker just dies.
        let environment = Self.environment.map { strdup($0) } + [nil]
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environment)
        for end in [requests[0], answers[1], messages[1]] { Foundation.close(end) }
        guard result == 0 else {
            for end in [requests[1], answers[0], messages[0]] { Foundation.close(end) }
            throw ReaderStartFailure(reason: "\(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
        self.limits = limits
        toWorker = requests[1]
        fromWorker = answers[0]
        errors = messages[0]
    }

    /// Sends one request and waits for its answer, at most the wall-clock limit. A fault leaves the worker dead
    /// (killed if need be, and reaped): the caller drops it.
    func exchange(_ request: [UInt8]) -> Result<[UInt8], ReaderFault> {
        guard Frames.write(request, to: toWorker) else { return .failure(ended()) }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limits.wallSeconds * 1e9)
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if let frame = Self.completeFrame(answer) { return frame }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else {
                kill(-pid, SIGKILL)
                _ = reap()
                return .failure(.timeout("took more than \(Self.seconds(limits.wallSeconds)) s (reading.timeout_s)"))
            }
            var polled = [
                pollfd(fd: fromWorker, events: Int16(POLLIN), revents: 0),
                pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&polled, 2, Int32(min((deadline - now) / 1_000_000 + 1, 1000)))
            if ready < 0 && errno != EINTR { return .failure(ended()) }
            if polled[1].revents != 0 { readErrors(into: &buffer) }
            if polled[0].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fromWorker, $0.baseAddress, $0.count) }
                if count == 0 || (count < 0 && errno != EINTR) { return .failure(ended()) }
                if count > 0 { answer.append(contentsOf: buffer[0..<count]) }
                if answer.count > Frames.maxBytes + 8 {
                    kill(pid, SIGKILL)
                    _ = reap()
                    return .failure(.crashed("answered with more than \(Frames.maxBytes / 1_048_576) MB"))
                }
            }
        }
    }

    /// Ends the worker: its input closed, it exits; killed if it has not within a second.
    func stop() {
        Self.close(&toWorker)
        for _ in 0..<100 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) != 0 { return closeReading() }
            usleep(10_000)
        }
        kill(-pid, SIGKILL)
        _ = reap()
    }

    /// nianbao's environment, with Swift's crash backtracer turned off.
    private static let environment: [String] = {
        var entries = ProcessInfo.processInfo.environment.filter { $0.key != "SWIFT_BACKTRACE" }
            .map { "\($0.key)=\($0.value)" }
        entries.append("SWIFT_BACKTRACE=enable=no")
        return entries
    }()

    /// The whole frame in `answer`, once it has come.
    private static func completeFrame(_ answer: [UInt8]) -> Result<[UInt8], ReaderFault>? {
        guard answer.count >= 8 else { return nil }
        var header = ByteReader(Array(answer[0..<8]))
        guard let length = try? header.number() else { return .failure(.crashed("answered with a broken frame")) }
        guard answer.count >= 8 + length else { return nil }
        return .success(Array(answer[8..<(8 + length)]))
    }

    private func readErrors(into buffer: inout [UInt8]) {
        let count = buffer.withUnsafeMutableBytes { read(errors, $0.baseAddress, $0.count) }
        guard count > 0 else { return }
        errorTail.append(contentsOf: buffer[0..<count])
        if errorTail.count > 8192 { errorTail.removeFirst(errorTail.count - 8192) }
    }

    /// Why the worker stopped answering: reaped, and its end told by its status and last words.
    private func ended() -> ReaderFault {
        var buffer = [UInt8](repeating: 0, count: 8192)
        var polled = pollfd(fd: errors, events: Int16(POLLIN), revents: 0)
        while poll(&polled, 1, 200) > 0 {
            let before = errorTail.count
            readErrors(into: &buffer)
            if errorTail.count == before { break }
        }
        let status = reap()
        let words = String(decoding: errorTail, as: UTF8.self).lowercased()
        let outOfMemory = words.contains("allocate") || words.contains("out of memory") || words.contains("bad_alloc")
        let signal = status & 0x7F
        if signal == SIGXCPU {
            return .timeout("used more than \(limits.cpuSeconds) s of CPU (reading.cpu_s)")
        }
        if outOfMemory {
            return .memory("needed more than \(limits.memoryMegabytes) MB (reading.memory_mb)")
        }
        if signal != 0 { return .crashed("killed by signal \(signal)\(Self.lastLine(errorTail))") }
        return .crashed("exited with status \((status >> 8) & 0xFF)\(Self.lastLine(errorTail))")
    }

    private static func lastLine(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.contains("rror") || $0.contains("atal") })
        else { return "" }
        return ": " + line.trimmingCharacters(in: .whitespaces).prefix(200)
    }

    /// Waits for the worker and closes its pipes; returns its wait status.
    private func reap() -> Int32 {
        Self.close(&toWorker)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        closeReading()
        return status
    }

    private func closeReading() {
        Self.close(&fromWorker)
        Self.close(&errors)
    }

    private static func close(_ descriptor: inout Int32) {
        if descriptor >= 0 { Foundation.close(descriptor) }
        descriptor = -1
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// A worker process could not be started.
struct ReaderStartFailure: Error {
    var reason: String
}

/// glibc's `pipe2`, which its headers declare only under `_GNU_SOURCE`: both ends close-on-exec at once, so that
/// no other child started meanwhile inherits them.
@_silgen_name("pipe2")
private func makePipe(_ ends: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
