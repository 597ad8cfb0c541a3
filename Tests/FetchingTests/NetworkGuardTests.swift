import Fetching
import Foundation
import TestSupport
import Testing

@Suite("Addresses a fetch may reach")
struct AddressScopeTests {
    func scope(_ text: String) -> AddressScope? {
        var bytes = [UInt8](repeating: 0, count: 16)
        if inet_pton(AF_INET, text, &bytes) == 1 { return AddressScope(ip: Array(bytes.prefix(4))) }
        if inet_pton(AF_INET6, text, &bytes) == 1 { return AddressScope(ip: bytes) }
        return nil
    }

    @Test func classifiesIPv4Ranges() {
        let cases: [(String, AddressScope)] = [
            ("127.0.0.1", .loopback), ("127.255.255.254", .loopback),
            ("10.0.0.1", .privateNetwork), ("172.16.0.1", .privateNetwork), ("172.31.255.255", .privateNetwork),
            ("192.168.1.1", .privateNetwork), ("172.15.255.255", .publicInternet), ("172.32.0.0", .publicInternet),
            ("169.254.169.254", .linkLocal), ("100.64.0.1", .sharedCGNAT), ("100.127.255.255", .sharedCGNAT),
            ("100.128.0.0", .publicInternet), ("100.63.255.255", .publicInternet),
            ("0.0.0.0", .thisNetwork), ("0.1.2.3", .thisNetwork), ("224.0.0.1", .multicast),
            ("239.255.255.255", .multicast),
            ("240.0.0.1", .reserved), ("255.255.255.255", .reserved), ("192.0.2.7", .reserved),
            ("198.18.0.1", .reserved),
            ("203.0.113.9", .reserved), ("8.8.8.8", .publicInternet), ("202.96.128.86", .publicInternet),
            ("1.1.1.1", .publicInternet),
        ]
        for (address, expected) in cases { #expect(scope(address) == expected, "\(address)") }
    }

    @Test func classifiesIPv6RangesAndTheIPv4AddressesInside() {
        let cases: [(String, AddressScope)] = [
            ("::1", .loopback), ("::", .thisNetwork), ("fe80::1", .linkLocal), ("febf::1", .linkLocal),
            ("fc00::1", .uniqueLocal), ("fdff:ffff::1", .uniqueLocal), ("ff02::1", .multicast), ("fec0::1", .reserved),
            ("2001:db8::1", .reserved), ("2400:3200::1", .publicInternet), ("2001:4860:4860::8888", .publicInternet),
            ("::ffff:127.0.0.1", .loopback), ("::ffff:10.1.2.3", .privateNetwork), ("::ffff:8.8.8.8", .publicInternet),
            ("64:ff9b::a9fe:a9fe", .linkLocal), ("2002:c0a8:0101::1", .privateNetwork),
            ("2002:0808:0808::1", .publicInternet),
        ]
        for (address, expected) in cases { #expect(scope(address) == expected, "\(address)") }
        #expect(AddressScope(ip: [127, 0, 0]) == nil, "neither 4 nor 16 bytes")
        #expect(AddressScope.loopback.phrase == "a loopback address")
    }

    @Test func endpointsAreTheHostAndPortAsTheURLNamesThem() {
        #expect(Endpoint(url: "http://Example.GOV.cn/nb/2024.html") == Endpoint(host: "example.gov.cn", port: 80))
        #expect(Endpoint(url: "https://example.gov.cn/") == Endpoint(host: "example.gov.cn", port: 443))
        #expect(Endpoint(url: "http://127.0.0.1:8080/x") == Endpoint(host: "127.0.0.1", port: 8080))
        #expect(Endpoint(url: "http://[::1]:8080/x")?.host == "::1")
        #expect(Endpoint(url: "http://[::1]:8080/x")?.description == "[::1]:8080")
        #expect(Endpoint(url: "file:///etc/passwd") == nil)
    }
}

@Suite(
    "Redirects to addresses the config does not name", .serialized,
    .enabled(if: Tools.has("python3"), "the loopback server is a Python script"))
struct NetworkGuardTests {
    let directory: TemporaryDirectory
    let configured: LoopbackServer
    let other: LoopbackServer

    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("r.html", "<html><body><p>罗山街道2024年政府信息公开工作年度报告</p></body></html>")
        configured = try LoopbackServer(root: directory.url)
        other = try LoopbackServer(root: directory.url)
    }

    var onlyConfigured: PrivateAddressRule { .onlyAt([Endpoint(host: "127.0.0.1", port: configured.port)]) }

    @Test func aRedirectToAnotherLoopbackPortIsNeverConnectedTo() async throws {
        let url = configured.url("redirect-to/\(other.port)/files/r.html")
        await withCurlClient { client in
            await #expect {
                _ = try await client.fetch(FetchRequest(url: url, privateAddresses: onlyConfigured))
            } throws: { error in
                guard let error = error as? FetchError else { return false }
                return error.kind == .forbiddenAddress && error.url == url
                    && error.message == "http://127.0.0.1:\(other.port)/files/r.html resolves to 127.0.0.1, a loopback "
                        + "address not in the config; not fetched"
            }
        }
        #expect(try configured.requestLog().requests.count == 1)
        #expect(try other.requestLog().requests.isEmpty, "no request reached the second server")
    }

    @Test func aRedirectWithinTheConfiguredHostAndPortIsFollowed() async throws {
        try await withCurlClient { client in
            let moved = try await client.fetch(
                FetchRequest(url: configured.url("redirect/r.html"), privateAddresses: onlyConfigured))
            #expect(moved.status == 200 && moved.redirects == 1 && moved.finalURL.hasSuffix("/files/r.html"))
            // Trusting every address, the same redirect to the other port is followed.
            let elsewhere = try await client.fetch(
                FetchRequest(url: configured.url("redirect-to/\(other.port)/files/r.html")))
            #expect(elsewhere.status == 200 && elsewhere.finalURL == other.url("files/r.html"))
        }
    }

    @Test func aURLOfAnotherLoopbackPortIsRefusedBeforeItsConnection() async throws {
        await withCurlClient { client in
            await #expect {
                _ = try await client.fetch(
                    FetchRequest(url: other.url("files/r.html"), privateAddresses: onlyConfigured))
            } throws: { error in
                (error as? FetchError)?.kind == .forbiddenAddress
            }
        }
        #expect(try other.requestLog().requests.isEmpty)
    }

    @Test func anOptionLibcurlRefusesFailsTheTransferInPlainWords() async throws {
        // libcurl refuses strings longer than 8,000,000 bytes.
        let url = configured.url("files/r.html?" + String(repeating: "a", count: 8_100_000))
        await withCurlClient { client in
            await #expect {
                _ = try await client.fetch(FetchRequest(url: url))
            } throws: { error in
                guard let error = error as? FetchError else { return false }
                return error.kind == .other && error.message.hasPrefix("libcurl refused CURLOPT_URL: ")
            }
        }
        #expect(try configured.requestLog().requests.isEmpty)
    }
}

extension NetworkGuardTests {
    @Test func aNameThatResolvesToALoopbackAddressIsRefusedWhenItsConnectionOpens() async throws {
        await withCurlClient { client in
            await #expect {
                _ = try await client.fetch(
                    FetchRequest(
                        url: "http://localhost:\(other.port)/files/r.html",
                        privateAddresses: onlyConfigured))
            } throws: { error in
                guard let error = error as? FetchError else { return false }
                return error.kind == .forbiddenAddress && error.message.contains("a loopback address not in the config")
            }
        }
        #expect(try other.requestLog().requests.isEmpty)
    }
}
