import Collector
import Configuration
import DemoCity
import Foundation
import Storage
import TestSupport
import Testing

@Suite(
    "Collecting over HTTP from a misbehaving loopback server", .serialized,
    .enabled(if: Tools.has("python3"), "the loopback server is a Python script"))
struct HTTPCollectTests {
    func configuration(server: LoopbackServer, directory: TemporaryDirectory, sources: [(String, String)]) throws
        -> Configuration
    {
        var yaml = """
            version: 1
            city: 测试市
            database: db.sqlite
            fetch: { concurrency: 4, per_host: 2, delay_ms: 0, timeout_s: 5, retries: 3, max_bytes: 2000000 }
            units:

            """
        for (index, (id, path)) in sources.enumerated() {
            yaml += "  - id: \(id)\n    name: 单位\(index)\n    reports:\n      2024: \(server.url(path))\n"
        }
        return try ConfigurationLoader.load(try directory.write("nianbao.yaml", yaml))
    }

    @Test func everyUnitEndsInTheRightStateAndTheRunSaysWhy() async throws {
        let directory = try TemporaryDirectory()
        let report = try #require(DemoCity.report("luoshan", 2024).flatMap { DemoCity.bytes(of: $0) })
        try Data(report).write(to: directory.path("r.html"))
        let server = try LoopbackServer(root: directory.url)
        let configuration = try configuration(
            server: server, directory: directory,
            sources: [
                ("ok", "files/r.html"), ("unpublished", "status/404"), ("flaky", "flaky/k1/2/r.html"),
                ("limited", "ratelimited/k2/r.html"), ("bomb", "gzipbomb/30000000"), ("broken", "status/500"),
                ("notreport", "status/200"),
            ])
        let summary = try await CollectRun.run(configuration, options: CollectOptions())
        let outcome = Dictionary(summary.items.map { ($0.unitId, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(outcome["ok"]?.outcome == .new)
        #expect(outcome["unpublished"]?.outcome == .notPublished)
        #expect(outcome["flaky"]?.outcome == .new, "two 500s, then the report")
        #expect(outcome["limited"]?.outcome == .new, "a 429 with Retry-After, then the report")
        #expect(outcome["bomb"]?.failureKind == .tooLarge)
        #expect(outcome["broken"]?.failureKind == .http5xx)
        #expect(outcome["notreport"]?.outcome == .notAReport)
        #expect(summary.exitCode == 1)
        #expect(summary.retries == 2 + 1 + 3 + 3, "flaky 2, limited 1, broken 3 in the run and 3 more at its end")
        #expect(try server.requestLog().requests.filter { $0.path == "/status/500" }.count == 8)

        let store = try Store(path: configuration.database.path)
        let run = try #require(try store.runs(last: 1).first)
        #expect(run.outcomes == [.new: 3, .notPublished: 1, .failed: 2, .notAReport: 1])
        #expect(run.failureKinds == [.tooLarge: 1, .http5xx: 1, .notAReport: 1])
        #expect(try store.figureValues(unitId: "notreport", year: 2024) == nil, "not a report: no figures, never zeros")
        let broken = try #require(try store.sourceState(unitId: "broken", year: 2024))
        #expect(broken.consecutiveFailures == 1 && broken.nextAttemptAt != nil)

        // The next run only asks again what is due: the failures are backing off, the rest is re-checked with ETags.
        let again = try await CollectRun.run(configuration, options: CollectOptions())
        let second = Dictionary(again.items.map { ($0.unitId, $0.outcome) }, uniquingKeysWith: { first, _ in first })
        #expect(second["ok"] == .unchanged && second["broken"] == nil && second["bomb"] == nil)
        let log = try server.requestLog().requests.filter { $0.path == "/files/r.html" }
        #expect(log.count == 2 && log[1].ifNoneMatch != nil, "the re-check is a conditional GET")
    }

    @Test func aReportPageReplacedByOneThatIsNotAReportKeepsTheFiguresAlreadyRead() async throws {
        let directory = try TemporaryDirectory()
        let report = try #require(DemoCity.report("luoshan", 2024).flatMap { DemoCity.bytes(of: $0) })
        try Data(report).write(to: directory.path("r.html"))
        let server = try LoopbackServer(root: directory.url)
        let configuration = try configuration(
            server: server, directory: directory, sources: [("luoshan", "files/r.html")])
        _ = try await CollectRun.run(configuration, options: CollectOptions())
        let store = try Store(path: configuration.database.path)
        let figures = try #require(try store.figureValues(unitId: "luoshan", year: 2024))
        #expect(figures.count > 100)

        // The unit takes its report down and puts a notice in its place.
        try directory.write("r.html", "<html><body><p>该信息已撤回，请关注后续发布。</p></body></html>")
        let replaced = try await CollectRun.run(configuration, options: CollectOptions())
        #expect(replaced.items.map(\.outcome) == [.notAReport], "the run says what the page is now")
        #expect(try store.figureValues(unitId: "luoshan", year: 2024) == figures, "the figures read before stay")
        #expect(try store.reportStatus(unitId: "luoshan", year: 2024) == .extracted)
        #expect(try store.latestVersionIds(year: 2024).count == 1)

        // The notice is kept as a version but never read as the report: the next run's re-reading of versions
        // not yet extracted refuses the same downgrade.
        _ = try await CollectRun.run(configuration, options: CollectOptions())
        #expect(try store.figureValues(unitId: "luoshan", year: 2024) == figures)
        #expect(try store.reportStatus(unitId: "luoshan", year: 2024) == .extracted)
    }

    @Test func aSourceThatFailsDuringTheRunAndAnswersAtItsEndIsCollected() async throws {
        let directory = try TemporaryDirectory()
        let report = try #require(DemoCity.report("luoshan", 2024).flatMap { DemoCity.bytes(of: $0) })
        try Data(report).write(to: directory.path("r.html"))
        let server = try LoopbackServer(root: directory.url)
        let yaml = """
            version: 1
            city: 测试市
            database: db.sqlite
            fetch: { concurrency: 2, per_host: 2, delay_ms: 0, timeout_s: 5, retries: 0 }
            units:
              - { id: late, name: 迟到, reports: { 2024: "\(server.url("flaky/k-late/1/r.html"))" } }
              - { id: down, name: 停机, reports: { 2024: "\(server.url("status/503"))" } }
              - { id: fine, name: 正常, reports: { 2024: "\(server.url("files/r.html"))" } }

            """
        let configuration = try ConfigurationLoader.load(try directory.write("nianbao.yaml", yaml))
        let summary = try await CollectRun.run(configuration, options: CollectOptions())
        // No retries within the run: the 500 fails the first try; the second, at the end of the run, gets the report.
        #expect(summary.items.map { "\($0.unitId) \($0.outcome)" } == ["down failed", "fine new", "late new"])
        #expect(try server.requestLog().requests.filter { $0.path == "/flaky/k-late/1/r.html" }.count == 2)
        let store = try Store(path: configuration.database.path)
        #expect(try store.figureValues(unitId: "late", year: 2024)?.count ?? 0 > 100)
        #expect(try store.sourceState(unitId: "late", year: 2024)?.consecutiveFailures == 0)
        #expect(
            try store.sourceState(unitId: "down", year: 2024)?.consecutiveFailures == 1, "two tries, one failed run")
        #expect(try store.runs(last: 1).first?.outcomes == [.new: 2, .failed: 1])
    }

    @Test func transportFailuresAreStoredByKind() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("r.html", "<p>x</p>")
        let server = try LoopbackServer(root: directory.url)
        var yaml = """
            version: 1
            city: 测试市
            database: db.sqlite
            fetch: { concurrency: 5, per_host: 5, delay_ms: 0, timeout_s: 1, retries: 0, max_bytes: 2000000 }
            units:

            """
        let cases = [
            ("reset", "reset"), ("cut", "truncate"), ("tofile", "redirect-file"), ("loop", "redirect-loop"),
            ("huge", "huge/30000000"), ("slow", "slow/3/r.html"),
        ]
        for (id, path) in cases {
            yaml += "  - { id: \(id), name: \(id), reports: { 2024: \"\(server.url(path))\" } }\n"
        }
        let configuration = try ConfigurationLoader.load(try directory.write("nianbao.yaml", yaml))
        let summary = try await CollectRun.run(configuration, options: CollectOptions())
        let kinds = Dictionary(
            summary.items.map { ($0.unitId, $0.failureKind?.rawValue ?? $0.outcome.rawValue) },
            uniquingKeysWith: { first, _ in first })
        #expect(
            kinds == [
                "reset": "reset", "cut": "partial_body", "tofile": "redirect", "loop": "redirect", "huge": "too_large",
                "slow": "timeout",
            ])
        let store = try Store(path: configuration.database.path)
        #expect(try store.reportSummaries().isEmpty, "nothing half-read is stored")
        let states = try store.sourceStates()
        #expect(
            states.count == 6 && states.allSatisfy { $0.consecutiveFailures == 1 && $0.lastError?.isEmpty == false })
        #expect(
            try store.runs(last: 1).first?.failureKinds == [
                .reset: 1, .partialBody: 1, .redirect: 2, .tooLarge: 1,
                .timeout: 1,
            ])
    }
}
