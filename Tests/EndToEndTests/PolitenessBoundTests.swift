import DemoCity
import Foundation
import TestSupport
import Testing

/// A city as cities are: one portal holding most units, two small hosts beside it. Politeness, not the reading,
/// must be what a collect waits for: its wall time stays within 1.1× the bound the largest host sets — its
/// requests (robots.txt and one per unit), each start `delay_ms` after the one before.
@Suite("Politeness is the bound", .serialized, .enabled(if: Tools.has("python3"), "needs python3"))
struct PolitenessBoundTests {
    @Test func aCollectTakesNoLongerThanTheLargestHostsPolitenessBound() throws {
        let folder = try TemporaryDirectory()
        let reports = Array(DemoCity.reports.filter { $0.year == 2024 }.prefix(16))
        for report in reports {
            try Data(try #require(DemoCity.bytes(of: report))).write(to: folder.path("\(report.unit.id).html"))
        }
        let portal = try LoopbackServer(root: folder.url)
        let small = [try LoopbackServer(root: folder.url), try LoopbackServer(root: folder.url)]
        // 12 units on the portal, 2 on each small host.
        let units = reports.enumerated().map { index, report in
            let server = index < 12 ? portal : small[(index - 12) / 2]
            return "  - { id: \(report.unit.id), name: \(report.unit.name), "
                + "reports: { 2024: \"\(server.url("files/\(report.unit.id).html"))\" } }"
        }
        let delay = 0.3
        try folder.write(
            "nianbao.yaml",
            """
            version: 1
            city: 晋江市
            database: db.sqlite
            years: { from: 2024, to: 2024 }
            fetch: { concurrency: 8, per_host: 2, delay_ms: \(Int(delay * 1000)), retries: 0 }
            units:
            \(units.joined(separator: "\n"))
            """)
        let collect = try BinaryRunner.run(["collect", "--config", "nianbao.yaml"], in: folder.url)
        #expect(collect.status == 0, "\(collect.stdout)\(collect.stderr)")
        // "collect: 16 unit·years in 3.6 s …": the run's own time, from its start to its summary.
        let match = try #require(try #/collect: 16 unit·years in ([0-9.]+) s/#.firstMatch(in: collect.stdout))
        let seconds = try #require(Double(match.1))
        let bound = Double(12 + 1) * delay
        #expect(seconds <= 1.1 * bound, "\(seconds) s for a bound of \(bound) s")
        let starts = try portal.requestLog(includingRobots: true).requests.map(\.time)
        #expect(starts.count == 13 && zip(starts.dropFirst(), starts).allSatisfy { $0 - $1 >= delay - 0.01 })
    }
}
