import Foundation

/// Reads reports (parse, extract, audit) in a collect on threads of its own: the machine's cores less one, at a
/// lower scheduling priority (nice 10). The single database writer — the pipeline's narrowest stage — then always
/// gets a core when it has work, and fetching and archiving are never starved by reading either.
final class ReaderPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var isClosed = false

    /// Starts `threads` reading threads.
    init(threads: Int = max(ProcessInfo.processInfo.activeProcessorCount - 1, 1)) {
        for _ in 0..<threads {
            Thread { [self] in
                // Lowering one's own priority needs no privilege; on Linux the nice value of "this process" (0)
                // is the calling thread's alone.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
                work()
            }.start()
        }
    }

    /// Runs `body` on a reading thread and returns its result.
    func read<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            condition.withLock {
                jobs.append { continuation.resume(returning: body()) }
                condition.signal()
            }
        }
    }

    /// Lets the threads end once the queued reads are done.
    func close() {
        condition.withLock {
            isClosed = true
            condition.broadcast()
        }
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty && !isClosed { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
