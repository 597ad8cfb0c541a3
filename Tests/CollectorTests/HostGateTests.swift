import Foundation
import Testing

@testable import Collector

@Suite("The host gate keeps fetches within their limits")
struct HostGateTests {
    /// Counts fetches inside the gate at once, in all and per host.
    actor Gauge {
        private var inside: [String: Int] = [:]
        private(set) var most: [String: Int] = [:]
        func enter(_ key: String) {
            for key in [key, "all"] {
                inside[key, default: 0] += 1
                most[key] = max(most[key] ?? 0, inside[key] ?? 0)
            }
        }
        func leave(_ key: String) {
            for key in [key, "all"] { inside[key, default: 0] -= 1 }
        }
    }

    /// Twelve fetches to three hosts and to files, with room for four per host but three in all.
    @Test func noMoreThanTheTotalAreInsideAtOnceAcrossHostsAndFiles() async {
        let gate = HostGate(total: 3, perHost: 4, delayMilliseconds: 0)
        let gauge = Gauge()
        let hosts: [String?] = ["a:80", "b:80", "c:80", nil]
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<12 {
                let host = hosts[index % hosts.count]
                group.addTask {
                    await gate.enter(host)
                    await gauge.enter(host ?? "file")
                    try? await Task.sleep(for: .milliseconds(30))
                    await gauge.leave(host ?? "file")
                    await gate.leave(host)
                }
            }
        }
        let most = await gauge.most
        #expect(most["all"] == 3, "the total is reached and never passed: \(most)")
    }

    @Test func thePerHostLimitStillHoldsUnderALargerTotal() async {
        let gate = HostGate(total: 10, perHost: 2, delayMilliseconds: 0)
        let gauge = Gauge()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    await gate.enter("a:80")
                    await gauge.enter("a:80")
                    try? await Task.sleep(for: .milliseconds(30))
                    await gauge.leave("a:80")
                    await gate.leave("a:80")
                }
            }
        }
        #expect(await gauge.most["a:80"] == 2)
    }
}
