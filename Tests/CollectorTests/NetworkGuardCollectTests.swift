import Collector
import Configuration
import DemoCity
import Foundation
import Queries
import Storage
import TestSupport
import Testing

/// Redirects, listing links and attachment links that lead to loopback addresses the config does not name.
@Suite(
    "Collecting never reaches addresses the config does not name", .serialized,
    .enabled(if: Tools.has("python3"), "the loopback server is a Python script"))
struct NetworkGuardCollectTests {
    let directory: TemporaryDirectory
    /// The server the config names.
    let configured: LoopbackServer
    /// Another server on this machine, which no source names.
    let other: LoopbackServer

    init() throws {
        directory = try TemporaryDirectory()
        let report = try #require(DemoCity.report("luoshan", 2024).flatMap { DemoCity.bytes(of: $0) })
        try Data(report).write(to: directory.path("r.html"))
        configured = try LoopbackServer(root: directory.url)
        other = try LoopbackServer(root: directory.url)
    }

    func collect(_ units: String) async throws -> (summary: CollectSummary, store: Store) {
        let configuration = try ConfigurationLoader.load(
            try directory.write(
                "nianbao.yaml",
                """
                version: 1
                city: 测试市
                database: db.sqlite
                years: { from: 2024, to: 2024 }
                fetch: { concurrency: 2, per_host: 2, delay_ms: 0, timeout_s: 5, retries: 1 }
                units:
                \(units)
                """))
        let summary = try await CollectRun.run(configuration, options: CollectOptions())
        return (summary, try Store(path: configuration.database.path))
    }

    @Test func aRedirectToAnotherLoopbackPortFailsAndReachesNothing() async throws {
        let (summary, store) = try await collect(
            """
              - { id: moved, name: 迁移, reports: { 2024: "\(configured.url("redirect-to/\(other.port)/files/r.html"))" } }
              - { id: here, name: 本站, reports: { 2024: "\(configured.url("redirect/r.html"))" } }
            """)
        let items = Dictionary(summary.items.map { ($0.unitId, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(items["moved"]?.outcome == .failed && items["moved"]?.failureKind == .forbiddenAddress)
        #expect(
            items["moved"]?.message?.contains(
                "http://127.0.0.1:\(other.port)/files/r.html resolves to 127.0.0.1, "
                    + "a loopback address not in the config; not fetched") == true,
            "\(items["moved"]?.message ?? "")")
        #expect(items["here"]?.outcome == .new, "a redirect within the configured host and port is followed")
        #expect(try other.requestLog().requests.isEmpty, "the second server got no request")
        #expect(try store.latestVersionIds(year: 2024).count == 1, "only the report reached within the config")
        #expect(try store.sourceState(unitId: "moved", year: 2024)?.status == .failed(.forbiddenAddress))
        #expect(try store.runs(last: 1).first?.failureKinds == [.forbiddenAddress: 1])
    }

    @Test func aListingLinkToAnotherLoopbackPortFailsAndReachesNothing() async throws {
        try directory.write(
            "list.html",
            """
            <html><body><ul><li><a href="\(other.url("files/r.html"))">罗山街道2024年政府信息公开工作年度报告</a></li></ul>
            </body></html>
            """)
        let (summary, store) = try await collect(
            """
              - { id: luoshan, name: 罗山街道, listing: "\(configured.url("files/list.html"))" }
            """)
        #expect(summary.items.map(\.failureKind) == [.forbiddenAddress])
        #expect(
            summary.items.first?.message?.contains("resolves to 127.0.0.1, a loopback address not in the config")
                == true)
        #expect(try other.requestLog().requests.isEmpty)
        #expect(try store.latestVersionIds(year: 2024).isEmpty)
    }

    @Test func anAttachmentOnAnotherLoopbackPortFailsAndReachesNothing() async throws {
        try directory.write(
            "article.html",
            """
            <html><body><p>罗山街道2024年政府信息公开工作年度报告详见附件。</p>
            <a href="\(other.url("files/r.pdf"))">2024年度报告.pdf</a></body></html>
            """)
        let (summary, _) = try await collect(
            """
              - { id: luoshan, name: 罗山街道, reports: { 2024: "\(configured.url("files/article.html"))" } }
            """)
        #expect(summary.items.map(\.failureKind) == [.forbiddenAddress])
        #expect(summary.items.first?.message?.contains("points to \(other.url("files/r.pdf"))") == true)
        #expect(try other.requestLog().requests.isEmpty)
    }
}

@Suite(
    "A server that asks for a long wait, or breaks off its body", .serialized,
    .enabled(if: Tools.has("python3"), "the loopback server is a Python script"))
struct StallAndFailureKindTests {
    @Test func aRetryAfterLongerThanTheUnitsBudgetDefersItToTheNextRunAtOnce() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("r.html", "<p>x</p>")
        let server = try LoopbackServer(root: directory.url)
        let configuration = try ConfigurationLoader.load(
            try directory.write(
                "nianbao.yaml",
                """
                version: 1
                city: 测试市
                database: db.sqlite
                fetch: { concurrency: 2, per_host: 2, delay_ms: 0, timeout_s: 5, retries: 3 }
                units:
                  - { id: busy, name: 繁忙, reports: { 2024: "\(server.url("status/503/100000"))" } }
                """))
        #expect(configuration.fetch.waitBudgetSeconds == 60, "the default budget")
        var options = CollectOptions()
        let started = Date()
        let summary = try await CollectRun.run(configuration, options: options)
        // Far below the server's 100,000 s; loose, since other suites share the test process's threads.
        #expect(Date().timeIntervalSince(started) < 120, "the run does not sit out the server's 100,000 s")
        let item = try #require(summary.items.first)
        #expect(item.outcome == .deferred && item.failureKind == .deferred)
        #expect(
            item.message?.contains("the server asked to wait 100000 s, more than the 60 s this unit may still wait")
                == true,
            "\(item.message ?? "")")
        #expect(item.message?.contains("deferred: tried again by the first run after ") == true)
        #expect(summary.exitCode == 0, "a deferral is not a failure")
        #expect(try server.requestLog().requests.count == 1, "asked once, not retried at the end of the run")

        let store = try Store(path: configuration.database.path)
        let state = try #require(try store.sourceState(unitId: "busy", year: 2024))
        let next = try #require(state.nextAttemptAt)
        #expect(abs(next.timeIntervalSince(options.now) - 100_000) < 1, "the server's time is its next attempt")
        #expect(state.consecutiveFailures == 0 && state.status == .failed(.deferred))
        let coverage = try StoreQueries(configuration: configuration, access: .readOnly).coverage(year: 2024)
        #expect(
            coverage.first.map { [$0.unit.id, $0.unit.name, "\($0.year)", $0.status.rawValue] } == [
                "busy", "繁忙", "2024", "deferred",
            ])

        // A run before then leaves it alone; one after asks again.
        options.now = options.now.addingTimeInterval(3600)
        #expect(try await CollectRun.run(configuration, options: options).items.isEmpty)
        options.now = options.now.addingTimeInterval(100_000)
        #expect(try await CollectRun.run(configuration, options: options).items.map(\.outcome) == [.deferred])
        #expect(try server.requestLog().requests.count == 2)
    }

    @Test func waitsWithinTheBudgetAreWaitedAndTheRestDeferred() async throws {
        let directory = try TemporaryDirectory()
        for year in [2023, 2024] {
            let report = try #require(DemoCity.report("luoshan", year).flatMap { DemoCity.bytes(of: $0) })
            try Data(report).write(to: directory.path("r\(year).html"))
        }
        let server = try LoopbackServer(root: directory.url)
        // Each 429 asks for 1 s: the first unit·year waits it; with 1.5 s of budget, the second is deferred.
        let configuration = try ConfigurationLoader.load(
            try directory.write(
                "nianbao.yaml",
                """
                version: 1
                city: 测试市
                database: db.sqlite
                fetch: { concurrency: 1, per_host: 1, delay_ms: 0, timeout_s: 5, retries: 3, wait_budget_s: 1.5 }
                units:
                  - id: luoshan
                    name: 罗山街道
                    reports:
                      2023: "\(server.url("ratelimited/a/r2023.html"))"
                      2024: "\(server.url("ratelimited/b/r2024.html"))"
                """))
        let summary = try await CollectRun.run(configuration, options: CollectOptions())
        #expect(summary.items.map(\.outcome) == [.new, .deferred])
        #expect(
            summary.items.last?.message?.contains("the server asked to wait 1 s, more than the 0.5 s") == true,
            "\(summary.items.last?.message ?? "")")
    }

    @Test func aBodyCutShortAndAResetMidBodyAreToldApartAndTriedAgain() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("r.html", "<html><body>" + String(repeating: "<p>第一部分</p>", count: 500) + "</body></html>")
        let server = try LoopbackServer(root: directory.url)
        let configuration = try ConfigurationLoader.load(
            try directory.write(
                "nianbao.yaml",
                """
                version: 1
                city: 测试市
                database: db.sqlite
                fetch: { concurrency: 2, per_host: 2, delay_ms: 0, timeout_s: 5, retries: 1 }
                units:
                  - { id: half, name: 一半, reports: { 2024: "\(server.url("half/r.html"))" } }
                  - { id: reset, name: 重置, reports: { 2024: "\(server.url("reset-mid-body"))" } }
                """))
        let summary = try await CollectRun.run(configuration, options: CollectOptions())
        let kinds = Dictionary(
            summary.items.map { ($0.unitId, $0.failureKind?.rawValue ?? $0.outcome.rawValue) },
            uniquingKeysWith: { first, _ in first })
        #expect(kinds == ["half": "partial_body", "reset": "reset"])
        let requests = try server.requestLog().requests
        // Two tries in the run (one retry), and two more at its end, each.
        #expect(requests.filter { $0.path == "/half/r.html" }.count == 4)
        #expect(requests.filter { $0.path == "/reset-mid-body" }.count == 4)
        #expect(summary.retries == 4)
    }
}
