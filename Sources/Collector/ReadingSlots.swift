import Foundation

/// How many reports are read (parsed, extracted, audited) at once in a collect: all cores but one, which is left
/// to the database writer, so that the single writer — the pipeline's narrowest stage — never waits for a core.
actor ReadingSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Slots for this machine: its active cores less one, at least one.
    init(count: Int = max(ProcessInfo.processInfo.activeProcessorCount - 1, 1)) {
        free = count
    }

    /// Waits for a free slot and takes it.
    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives a slot back, to the longest-waiting reader if any.
    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
