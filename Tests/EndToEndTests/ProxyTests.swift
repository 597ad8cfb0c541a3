import DemoCity
import Foundation
import TestSupport
import Testing

/// A collect through the operator's proxy (`http_proxy`), which may listen on a private or loopback address.
@Suite(
    "nianbao through a proxy on a loopback address",
    .enabled(if: Tools.has("python3"), "the loopback server is a Python script"))
struct ProxyTests {
    @Test func theProxysOwnAddressIsAllowedThoughTheConfigDoesNotNameIt() throws {
        let directory = try TemporaryDirectory()
        let report = try #require(DemoCity.report("luoshan", 2024).flatMap { DemoCity.bytes(of: $0) })
        try Data(report).write(to: directory.path("r.html"))
        let proxy = try LoopbackServer(root: directory.url)
        try directory.write(
            "nianbao.yaml",
            """
            version: 1
            city: 测试市
            database: db.sqlite
            fetch: { concurrency: 1, per_host: 1, delay_ms: 0, timeout_s: 5, retries: 0 }
            units:
              - id: luoshan
                name: 罗山街道
                reports: { 2024: "http://a.nianbao-test.invalid/redirect-to/b.nianbao-test.invalid/files/r.html" }
            """)
        let environment = ["http_proxy": proxy.url(""), "no_proxy": "", "NO_PROXY": ""]
        let collect = try BinaryRunner.run(
            ["collect", "--config", "nianbao.yaml"], in: directory.url, environment: environment)
        #expect(collect.status == 0, "\(collect.stdout)\(collect.stderr)")
        #expect(collect.stdout.contains("new 1"), "\(collect.stdout)")
        // The redirect's host is not in the config; it is reached through a new connection to the proxy, whose own
        // address is allowed (the proxy, not nianbao, resolves the hosts).
        #expect(
            try proxy.requestLog().requests.map(\.path) == [
                "http://a.nianbao-test.invalid/redirect-to/b.nianbao-test.invalid/files/r.html",
                "http://b.nianbao-test.invalid/files/r.html",
            ])
    }
}
