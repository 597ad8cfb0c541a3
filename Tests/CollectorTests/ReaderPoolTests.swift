@testable import Collector
import Foundation
import Testing

@Suite("Reports are read on low-priority threads of their own")
struct ReaderPoolTests {
    /// Counts readers at work at once.
    final class Gauge: @unchecked Sendable {
        private let lock = NSLock()
        private var inside = 0
        private(set) var most = 0
        func enter() { lock.withLock { inside += 1; most = max(most, inside) } }
        func leave() { lock.withLock { inside -= 1 } }
    }

    @Test func readsRunAtNiceTenAndNeverMoreAtOnceThanThreads() async {
        let pool = ReaderPool(threads: 2)
        defer { pool.close() }
        let gauge = Gauge()
        let nices = await withTaskGroup(of: Int32.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    await pool.read {
                        gauge.enter()
                        usleep(20_000)
                        gauge.leave()
                        return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
                    }
                }
            }
            return await group.reduce(into: [Int32]()) { $0.append($1) }
        }
        #expect(nices == Array(repeating: 10, count: 8), "every read ran on a reading thread, below the writer")
        #expect(gauge.most == 2, "both threads were used, never more")
        #expect(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) == 0, "the caller's priority is untouched")
    }
}
