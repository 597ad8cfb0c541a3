@testable import Collector
import Foundation
import Testing

@Suite("Reading slots leave a core to the writer")
struct ReadingSlotsTests {
    /// Counts readers inside the slot at once.
    actor Gauge {
        private(set) var inside = 0
        private(set) var most = 0
        func enter() { inside += 1; most = max(most, inside) }
        func leave() { inside -= 1 }
    }

    @Test(arguments: [1, 3])
    func neverMoreReadersThanSlots(slots: Int) async {
        let readingSlots = ReadingSlots(count: slots)
        let gauge = Gauge()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    await readingSlots.acquire()
                    await gauge.enter()
                    try? await Task.sleep(for: .milliseconds(5))
                    await gauge.leave()
                    await readingSlots.release()
                }
            }
        }
        #expect(await gauge.most == slots, "all slots were used, none more")
        #expect(await gauge.inside == 0)
    }
}
