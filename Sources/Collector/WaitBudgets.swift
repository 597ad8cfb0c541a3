import Foundation

/// The seconds each unit has spent this run waiting to try a request again (Retry-After and back-off), against the
/// config's `fetch.wait_budget_s`: a unit whose server asks for longer than it has left is deferred to the next
/// run instead of holding a fetch slot for the wait. Only units that waited have an entry.
final class WaitBudgets: @unchecked Sendable {
    private let lock = NSLock()
    private var spent: [String: Double] = [:]

    /// Takes `wait` seconds from `unitId`'s `budget` when that much is left; otherwise takes nothing and says
    /// how much was left.
    func draw(_ wait: Double, for unitId: String, budget: Double) -> WaitDraw {
        lock.withLock {
            let left = max(budget - spent[unitId, default: 0], 0)
            guard wait <= left else { return .exceeds(left: left) }
            spent[unitId, default: 0] += wait
            return .granted
        }
    }
}

/// Whether a unit may wait as long as asked.
enum WaitDraw: Equatable {
    /// It may; the wait is taken from its budget.
    case granted
    /// It may not: only `left` seconds remain of its budget.
    case exceeds(left: Double)
}
