import Fetching
import Foundation
import TestSupport
import Testing

@Suite("libcurl client", .serialized, .enabled(if: Tools.has("python3"), "the loopback server is a Python script"))
struct CurlClientTests {
    let directory: TemporaryDirectory
    let server: LoopbackServer

    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("r.html", "<html><body><p>罗山街道2024年政府信息公开工作年度报告</p></body></html>")
        server = try LoopbackServer(root: directory.url)
    }

    @Test func fetchesFileAndHTTPWithValidators() async throws {
        try await withCurlClient { client in
            let file = try await client.fetch(FetchRequest(url: directory.path("r.html").absoluteString))
            #expect(file.status == 0)
            #expect(String(decoding: file.body, as: UTF8.self).contains("罗山街道"))

            let first = try await client.fetch(FetchRequest(url: server.url("files/r.html")))
            #expect(first.status == 200)
            #expect(first.body == file.body)
            let etag = try #require(first.headers["etag"])
            #expect(first.headers["content-length"] == String(file.body.count), "names lower-cased, values trimmed")
            #expect(first.headers["last-modified"]?.hasSuffix(" GMT") == true)
            let again = try await client.fetch(FetchRequest(url: server.url("files/r.html"), etag: etag))
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
        }
    }

    @Test func followsRedirectsButNeverIntoFiles() async throws {
        try await withCurlClient { client in
            let moved = try await client.fetch(FetchRequest(url: server.url("redirect/r.html")))
            #expect(moved.status == 200 && moved.redirects == 1 && moved.finalURL.hasSuffix("/files/r.html"))
            #expect(moved.headers["location"] == nil && moved.headers["etag"] != nil, "the last hop's headers only")
            await #expect {
                _ = try await client.fetch(FetchRequest(url: server.url("redirect-file")))
            } throws: { error in
                (error as? FetchError)?.kind == .redirect
            }
            await #expect {
                _ = try await client.fetch(FetchRequest(url: server.url("redirect-loop"), maxRedirects: 3))
            } throws: { error in
                (error as? FetchError)?.kind == .redirect
            }
        }
    }

    @Test func capsTheDecodedSizeAndStopsGzipBombs() async throws {
        try await withCurlClient { client in
            let gzipped = try await client.fetch(FetchRequest(url: server.url("gzip/r.html")))
            #expect(String(decoding: gzipped.body, as: UTF8.self).contains("罗山街道"), "gzip is decoded")
            for path in ["gzipbomb/50000000", "huge/5000000"] {
                await #expect {
                    _ = try await client.fetch(FetchRequest(url: server.url(path), maxBytes: 1_000_000))
                } throws: { error in
                    (error as? FetchError)?.kind == .tooLarge
                }
            }
        }
    }

    @Test func reportsTransportFailuresByKind() async throws {
        try await withCurlClient { client in
            let cases: [(String, FetchFailureKind, Double)] = [
                (server.url("slow/3/r.html"), .timeout, 0.5), (server.url("reset"), .reset, 5),
                (server.url("reset-mid-body"), .reset, 5), (server.url("truncate"), .partialBody, 5),
                (server.url("half/r.html"), .partialBody, 5), ("http://127.0.0.1:1/", .connect, 5),
                (directory.path("absent.html").absoluteString, .fileMissing, 5),
            ]
            for (url, kind, timeout) in cases {
                await #expect {
                    _ = try await client.fetch(FetchRequest(url: url, timeout: timeout))
                } throws: { error in
                    (error as? FetchError)?.kind == kind && !"\(error)".isEmpty
                }
            }
            let transient = [FetchFailureKind.timeout, .connect, .reset, .partialBody].filter { $0.isTransient }
            #expect(transient.count == 4)
            #expect(
                [FetchFailureKind.forbiddenAddress, .tooLarge, .tls, .dns, .redirect].filter { $0.isTransient }.isEmpty)
            let notFound = try await client.fetch(FetchRequest(url: server.url("files/absent.html")))
            #expect(notFound.status == 404, "an HTTP status is a response, not an error")
        }
    }

    @Test func keepsItsConnectionsForReuseWhenFewTransfersAreUnderWay() async throws {
        try await withCurlClient(maxConnections: 8) { client in
            // Eight at once, one by one, then eight at once again: the second eight reuse the first eight's
            // connections (the server's log names each request's client port, one per connection).
            func burst() async throws {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<8 {
                        group.addTask { try await client.fetch(FetchRequest(url: server.url("slow/1/r.html"))).status }
                    }
                    for try await status in group { #expect(status == 200) }
                }
            }
            try await burst()
            for _ in 0..<4 {
                #expect(try await client.fetch(FetchRequest(url: server.url("files/r.html"))).status == 200)
            }
            try await burst()
        }
        let ports = Set(try server.requestLog().requests.map(\.port))
        #expect(ports.count == 8, "20 requests over the first burst's 8 connections, not \(ports.count)")
    }

    @Test func runsTransfersConcurrentlyOnOneThread() async throws {
        try await withCurlClient { client in
            let started = Date()
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await client.fetch(FetchRequest(url: server.url("slow/1/r.html"))).status }
                }
                for try await status in group { #expect(status == 200) }
            }
            #expect(Date().timeIntervalSince(started) < 4, "six 1-second requests overlap")
        }
    }
}
