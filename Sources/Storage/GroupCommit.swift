import Foundation
import GRDB

/// Group commit for the collect pipeline. One thread of its own runs the submitted database work in order inside
/// a transaction that stays open for up to `window` seconds (1 in a collect), resuming each waiting caller as
/// soon as its work has run. One commit then carries the writes of many reports, so the pages they share (the
/// rankings' table's above all) reach the WAL once instead of once per report, and a report costs its caller one
/// pass of the writer, not one commit.
///
/// What a caller wrote is visible at once to later work submitted here (reads included), but becomes durable only
/// at the commit; `flush()` commits now. A process killed inside the window loses at most that window's writes:
/// the source states written with them are lost too, so the next collect fetches those reports again.
///
/// Work that throws rolls back its whole transaction — there are no per-report savepoints, whose page journal
/// cost a tenth of the writer's time — and fails everything after it: the failure is a database failure (disk
/// full, a broken file), not a report's, and the run ends with it (`flush()` throws) instead of silently missing
/// data. Nothing half-written is ever committed.
final class GroupCommit: @unchecked Sendable {
    private struct Pending: @unchecked Sendable {
        /// Runs the work inside the transaction (resuming its caller, unless it waits for the commit).
        let run: (Database) throws -> Void
        /// Resumes a caller that waits for the commit; nil for work whose caller was resumed by `run`.
        let committed: (() -> Void)?
        /// Resumes the caller with an error when its work cannot run or its transaction cannot commit.
        let fail: (Error) -> Void
    }

    private let pool: DatabasePool
    /// How long one transaction stays open for more work.
    private let window: TimeInterval
    /// Runs a slice of deferred work while nothing waits, told whether the transaction commits soon; returns false
    /// when there is none.
    private let whileIdle: @Sendable (Database, _ commitsSoon: Bool) throws -> Bool
    /// Runs last in each transaction, before its commit.
    private let beforeCommit: @Sendable (Database) throws -> Void
    private let condition = NSCondition()
    private var pending: [Pending] = []
    private var isRunning = false
    private var failure: Error?

    /// Work is run on `pool`'s writer in transactions open for up to `window` seconds; `whileIdle` runs slices of
    /// deferred work inside them while no work waits, and `beforeCommit` finishes it.
    init(
        pool: DatabasePool, window: TimeInterval, whileIdle: @escaping @Sendable (Database, Bool) throws -> Bool,
        beforeCommit: @escaping @Sendable (Database) throws -> Void
    ) {
        self.pool = pool
        self.window = window
        self.whileIdle = whileIdle
        self.beforeCommit = beforeCommit
    }

    /// Runs `body` in the open group transaction and returns its result without waiting for the commit.
    func perform<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit(
                Pending(
                    run: { db in
                        do {
                            continuation.resume(returning: try body(db))
                        } catch {
                            continuation.resume(throwing: error)
                            throw error
                        }
                    }, committed: nil, fail: { continuation.resume(throwing: $0) }))
        }
    }

    /// Queues `body` without waiting for it: a failure surfaces at the next `flush()`.
    func enqueue(_ body: @escaping @Sendable (Database) throws -> Void) {
        submit(Pending(run: body, committed: nil, fail: { _ in }))
    }

    /// Commits everything submitted so far; throws if a group transaction failed.
    func flush() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            submit(
                Pending(
                    run: { _ in }, committed: { continuation.resume() }, fail: { continuation.resume(throwing: $0) }))
        }
    }

    private func submit(_ work: Pending) {
        condition.lock()
        if let failure {
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
                        for (index, work) in batch.enumerated() {
                            do {
                                try work.run(db)
                            } catch {
                                batch.removeFirst(index + 1)  // the rest never ran: failed below
                                throw error
                            }
                        }
                        waiting += batch.filter { $0.committed != nil }
                        batch = waiting.isEmpty ? try next(db, until: deadline) : []
                    }
                    try beforeCommit(db)
                }
                waiting.forEach { $0.committed?() }
            } catch {
                // Refuse later work too, so the run ends with this error instead of carrying on with a gap.
                let refused = condition.withLock {
                    failure = error
                    defer { pending = [] }
                    return pending
                }
                (batch + waiting + refused).forEach { $0.fail(error) }
            }
        }
    }

    /// The work that comes before `deadline`, running deferred work while none waits.
    private func next(_ db: Database, until deadline: Date) throws -> [Pending] {
        while Date() < deadline {
            let waiting = condition.withLock {
                defer { pending = [] }
                return pending
            }
            if !waiting.isEmpty { return waiting }
            // The last eighth of the window (an eighth of a second in a collect) counts as soon.
            if try !whileIdle(db, deadline.timeIntervalSinceNow < window / 8) { break }
        }
        return take(until: deadline)
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
