import Foundation
import GRDB

/// Group commit for the collect pipeline. One thread of its own runs the submitted database work in order, each
/// piece inside its own savepoint of a transaction that stays open for up to `window` seconds (0.1), and resumes each
/// caller as soon as its piece has run. One commit then carries the writes of many reports, so the figure index
/// pages they share reach the WAL once instead of once per report.
///
/// What a caller wrote is visible at once to later work submitted here (reads included), but becomes durable
/// only at the commit; `flush()` commits now and reports a failed commit. A process killed inside the window
/// loses at most that window's writes: the source states written with them are lost too, so the next collect
/// fetches those reports again. Work that throws is rolled back alone, without touching the rest of its batch.
final class GroupCommit: @unchecked Sendable {
    private struct Pending: @unchecked Sendable {
        /// Runs the work inside the transaction (and resumes its caller, unless it waits for the commit).
        let run: (Database) -> Void
        /// Resumes a caller that waits for the commit; nil for work whose caller was resumed by `run`.
        let committed: (() -> Void)?
        /// Resumes the caller with an error when the transaction cannot begin or commit.
        let fail: (Error) -> Void
    }

    private let pool: DatabasePool
    /// How long one transaction stays open for more work.
    private let window: TimeInterval
    private let condition = NSCondition()
    private var pending: [Pending] = []
    private var isRunning = false
    private var commitFailure: Error?

    init(pool: DatabasePool, window: TimeInterval) {
        self.pool = pool
        self.window = window
    }

    /// Runs `body` in the open group transaction and returns its result without waiting for the commit.
    func perform<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit(Pending(
                run: { db in
                    do {
                        var value: T?
                        try db.inSavepoint {
                            value = try body(db)
                            return .commit
                        }
                        if let value { continuation.resume(returning: value) }
                    } catch {
                        continuation.resume(throwing: error)
                    }
                },
                committed: nil,
                fail: { continuation.resume(throwing: $0) }))
        }
    }

    /// Commits everything submitted so far; throws if this or an earlier group commit failed.
    func flush() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            submit(Pending(run: { _ in }, committed: { continuation.resume() }, fail: { continuation.resume(throwing: $0) }))
        }
        if let failure = condition.withLock({ commitFailure }) { throw failure }
    }

    private func submit(_ work: Pending) {
        condition.lock()
        if let failure = commitFailure {
            condition.unlock()
            work.fail(failure)
            return
        }
        pending.append(work)
        let startThread = !isRunning
        isRunning = true
        condition.signal()
        condition.unlock()
        // A thread of its own: waiting on the disk must not hold one of the few threads that read reports.
        if startThread { Thread { self.drain() }.start() }
    }

    /// Runs transactions until nothing is waiting, then lets the thread end.
    private func drain() {
        while true {
            var batch = take(until: nil)
            if batch.isEmpty { return }
            var waiting: [Pending] = []
            do {
                let deadline = Date().addingTimeInterval(window)
                try pool.write { db in
                    while !batch.isEmpty {
                        for work in batch { work.run(db) }
                        waiting += batch.filter { $0.committed != nil }
                        batch = waiting.isEmpty ? take(until: deadline) : []
                    }
                }
                waiting.forEach { $0.committed?() }
            } catch {
                // Callers already resumed believed their writes done: remember the failure for flush() and refuse
                // later work, so the run ends with a plain error instead of silently missing data.
                condition.withLock { commitFailure = error }
                (batch + waiting).forEach { $0.fail(error) }
            }
        }
    }

    /// Takes all waiting work, waiting until `deadline` for some if there is none (no deadline: do not wait, and
    /// mark the thread as ending when there is nothing).
    private func take(until deadline: Date?) -> [Pending] {
        condition.lock()
        defer { condition.unlock() }
        if let deadline {
            while pending.isEmpty && condition.wait(until: deadline) {}
        }
        let taken = pending
        pending = []
        if taken.isEmpty && deadline == nil { isRunning = false }
        return taken
    }
}
