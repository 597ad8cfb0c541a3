import Foundation

/// Reads reports (parse, extract, audit) in a collect on threads of its own, one per core, at a lower scheduling
/// priority (nice 10): the single database writer always gets a core when it has work, and fetching and archiving
/// are never starved by reading, yet reading has every core the writer leaves idle. (Cores less one had suited a
/// writer busier than the reading; once the writer's inserts kept no statement journals, one reading thread per
/// core made a collect of 2,000 reports 12 % faster and one of 10,000 7 %.)
final class ReaderPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var isClosed = false

    /// Starts `threads` reading threads.
    init(threads: Int = max(ProcessInfo.processInfo.activeProcessorCount, 1)) {
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
