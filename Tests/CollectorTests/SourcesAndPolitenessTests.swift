import Collector
import Configuration
import DemoCity
import Foundation
import ReportModel
import Storage
import TestSupport
import Testing

@Suite(
    "Listings, attachments, blocking and politeness against a loopback server", .serialized,
    .enabled(if: Tools.has("python3"), "the loopback server is a Python script"))
struct SourcesAndPolitenessTests {
    func load(_ yaml: String, in directory: TemporaryDirectory) throws -> Configuration {
        try ConfigurationLoader.load(try directory.write("nianbao.yaml", yaml))
    }

    @Test(.enabled(if: Tools.has("pdftotext"), "the attachment is a PDF, read through pdftotext (poppler-utils)"))
    func theYearsReportIsFoundOnTheListingAndThroughItsAttachment() async throws {
        let directory = try TemporaryDirectory()
        let report = try #require(DemoCity.report("luoshan", 2023).flatMap { DemoCity.bytes(of: $0) })
        try Data(report).write(to: directory.path("nb/2023.html").creatingFolder())
        try FileManager.default.copyItem(
            at: RepositoryPaths.fixture("layout-2022.pdf", target: "ExtractionTests"),
            to: directory.path("nb/2022.pdf"))
        try directory.write(
            "nb/index.html",
            """
            <html><body><ul><li><a href="2023.html">罗山街道2023年政府信息公开工作年度报告</a></li>
            <li><a href="/files/nb/other.html">2023年工作总结</a></li></ul><a href="index_1.html">下一页</a></body></html>
            """)
        // The second page lays its list out in a table, as many sites do, and so does the article its attachment.
        try directory.write(
            "nb/index_1.html",
            """
            <html><body><table class="list"><tr><td><a href="2022-article.html">2022年度政府信息公开年报</a></td>
            <td>2023-01-20</td></tr></table><a href="index.html">上一页</a></body></html>
            """)
        try directory.write(
            "nb/2022-article.html",
            """
            <html><head><title>罗山街道2022年政府信息公开工作年度报告</title></head><body>
            <p>罗山街道2022年政府信息公开工作年度报告详见附件。</p>
            <table><tr><td>附件：</td><td><a href="2022.pdf">2022年度报告.pdf</a></td></tr></table></body></html>
            """)
        let server = try LoopbackServer(root: directory.url)
        let configuration = try load(
            """
            version: 1
            city: 测试市
            database: db.sqlite
            years: { from: 2021, to: 2023 }
            fetch: { concurrency: 2, per_host: 2, delay_ms: 0, retries: 0 }
            units:
              - id: luoshan
                name: 罗山街道
                listing: \(server.url("files/nb/index.html"))
            """, in: directory)
        let summary = try await CollectRun.run(configuration, options: CollectOptions())
        let outcomes = Dictionary(summary.items.map { ($0.year, $0.outcome) }, uniquingKeysWith: { first, _ in first })
        #expect(outcomes == [2021: .notPublished, 2022: .new, 2023: .new])
        let store = try Store(path: configuration.database.path)
        #expect(
            try store.figureValues(unitId: "luoshan", year: 2022)?["s1.proactive_items"] == .some(205),
            "read from the PDF")
        let report2023 = try #require(DemoCity.report("luoshan", 2023))
        #expect(
            try store.figureValues(unitId: "luoshan", year: 2023)?["t3.total.new_received"]
                == .some(report2023.figures["t3.total.new_received"]))
        #expect(try store.reportSummaries(year: 2022).first?.changedAt == nil, "an attachment is not a change")
        let again = try await CollectRun.run(configuration, options: CollectOptions())
        #expect(again.items.filter { $0.year != 2021 }.allSatisfy { $0.outcome == .unchanged })
    }

    @Test func aCaptchaBlocksItsHostForTheRunAndA403OnlyItsSource() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("r.html", "<p>x</p>")
        let portal = try LoopbackServer(root: directory.url)
        let guarded = try LoopbackServer(root: directory.url)
        let configuration = try load(
            """
            version: 1
            city: 测试市
            database: db.sqlite
            fetch: { concurrency: 1, per_host: 1, delay_ms: 0, retries: 2 }
            units:
              - { id: a, name: 甲, reports: { 2024: "\(portal.url("status/403"))" } }
              - { id: b, name: 乙, reports: { 2024: "\(portal.url("files/r.html"))" } }
              - { id: c, name: 丙, reports: { 2024: "\(guarded.url("captcha"))" } }
              - { id: d, name: 丁, reports: { 2024: "\(guarded.url("files/r.html"))" } }
            """, in: directory)
        let summary = try await CollectRun.run(configuration, options: CollectOptions())
        let items = Dictionary(uniqueKeysWithValues: summary.items.map { ($0.unitId, $0) })
        // The 403 fails its own source; the other unit on the portal is asked.
        #expect(
            items["a"]?.outcome == .failed && items["a"]?.failureKind == .forbidden, "\(String(describing: items["a"]))"
        )
        #expect(Set(try portal.requestLog().requests.map(\.path)) == ["/status/403", "/files/r.html"])
        #expect(items["b"]?.outcome == .notAReport)
        // The captcha blocks its host: which of its two units is asked first varies; after the captcha, nobody is.
        let paths = try guarded.requestLog().requests.map(\.path)
        #expect(paths.last == "/captcha", "\(paths)")
        #expect(items["c"]?.outcome == .blocked && items["c"]?.message?.contains("captcha") == true)
        #expect(
            items["d"]?.outcome == (paths.count == 1 ? CollectOutcome.blocked : .notAReport),
            "\(String(describing: items["d"]))")
        #expect(summary.exitCode == 1)
    }

    @Test func a403FromSeveralPathsBlocksTheHost() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("r.html", "<p>x</p>")
        let server = try LoopbackServer(root: directory.url)
        var units = (1...3).map {
            "  - { id: f\($0), name: 单位\($0), reports: { 2024: \"\(server.url("status/403/\($0)"))\" } }"
        }
        units.append("  - { id: z, name: 单位, reports: { 2024: \"\(server.url("files/r.html"))\" } }")
        let configuration = try load(
            """
            version: 1
            city: 测试市
            database: db.sqlite
            fetch: { concurrency: 1, per_host: 1, delay_ms: 0, retries: 0 }
            units:
            \(units.joined(separator: "\n"))
            """, in: directory)
        let summary = try await CollectRun.run(configuration, options: CollectOptions())
        // Which unit is asked first varies; the first two refusals fail their sources, the third blocks the host.
        let paths = try server.requestLog().requests.map(\.path)
        #expect(
            paths.filter { $0.hasPrefix("/status/403") }.count == 3 && paths.last?.hasPrefix("/status/403") == true,
            "nothing is asked after the third refused path: \(paths)")
        #expect(summary.items.filter { $0.failureKind == .forbidden }.count == 2)
        let blocked = summary.items.filter { $0.outcome == .blocked }
        #expect(blocked.count == 1 + (paths.contains("/files/r.html") ? 0 : 1), "\(summary.items)")
        #expect(blocked.contains { $0.message?.contains("3 distinct paths") == true })
    }

    @Test func aGBKPageServedAsUTF8IsReadByItsBytes() async throws {
        let directory = try TemporaryDirectory()
        let report = try #require(DemoCity.report("cizao", 2019))
        try Data(try #require(DemoCity.bytes(of: report))).write(to: directory.path("gbk.html"))
        let server = try LoopbackServer(root: directory.url)
        let configuration = try load(
            """
            version: 1
            city: 测试市
            database: db.sqlite
            units:
              - { id: cizao, name: 磁灶镇, reports: { 2019: "\(server.url("gbk-wrong-label/gbk.html"))" } }
            """, in: directory)
        let summary = try await CollectRun.run(configuration, options: CollectOptions())
        #expect(summary.items.first?.outcome == .new)
        let store = try Store(path: configuration.database.path)
        let values = try #require(try store.figureValues(unitId: "cizao", year: 2019))
        #expect(values == report.figures.mapValues { Optional($0) })
        let versionId = try #require(try store.latestVersionIds(year: 2019).first)
        let archived = try #require(try store.documentVersion(id: versionId))
        #expect(archived.charset == "GB18030", "the archive records the bytes' real charset")
        #expect(archived.contentType == "text/html; charset=utf-8", "and the label the server gave")
    }

    /// A config of one unit per URL (u0, u1, …), each with its 2024 report there.
    func load(fetch: String, reports urls: [String], in directory: TemporaryDirectory) throws -> Configuration {
        let units = urls.enumerated().map { "  - { id: u\($0), name: 单位\($0), reports: { 2024: \"\($1)\" } }" }
        return try load(
            """
            version: 1
            city: 测试市
            database: db.sqlite
            fetch: { \(fetch) }
            units:
            \(units.joined(separator: "\n"))
            """, in: directory)
    }

    @Test func politenessHoldsUnderLoad() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("r.html", "<p>x</p>")
        let server = try LoopbackServer(root: directory.url)
        let configuration = try load(
            fetch: "concurrency: 8, per_host: 2, delay_ms: 1000, retries: 0",
            reports: (0..<8).map { server.url("slow/0.2/r.html?\($0)") }, in: directory)
        _ = try await CollectRun.run(configuration, options: CollectOptions())
        let log = try server.requestLog()
        #expect(log.requests.count == 8)
        #expect(log.maxActive <= 2, "never more than 2 requests at once: \(log.maxActive)")
        let times = log.requests.map(\.time).sorted()
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        #expect(gaps.allSatisfy { $0 >= 1.0 }, "two requests closer than 1 s: \(gaps)")
    }

    /// Twice as many units as fetches are in flight (the others archiving or reading), but the server still
    /// never sees more than `concurrency` requests at once, across hosts.
    @Test func concurrencyBoundsTheRequestsInFlightThoughMoreUnitsAreUnderWay() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("r.html", "<p>x</p>")
        let server = try LoopbackServer(root: directory.url)
        // Two host names for one server: `per_host` alone would allow 2 × 8.
        let url = server.url("slow/0.3/r.html")
        let hosts = [url, url.replacingOccurrences(of: "127.0.0.1", with: "localhost")]
        let configuration = try load(
            fetch: "concurrency: 3, per_host: 8, delay_ms: 0, retries: 0",
            reports: (0..<12).map { "\(hosts[$0 % 2])?\($0)" }, in: directory)
        let summary = try await CollectRun.run(configuration, options: CollectOptions())
        #expect(summary.items.count == 12)
        let log = try server.requestLog()
        #expect(log.requests.count == 12)
        // Each request takes the server 0.3 s, so requests that start within 0.25 s of each other are all in
        // flight at once. (The server's own count of active requests can see the next request arrive a moment
        // before it has counted the last one's end.)
        let starts = log.requests.map(\.time).sorted()
        let together = starts.map { start in starts.filter { $0 >= start && $0 < start + 0.25 }.count }
        #expect(together.max() == 3, "never more than concurrency (3) requests at once, and that many: \(together)")
    }
}

extension URL {
    /// Creates the folder this file goes in and returns the file's URL.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
