internal import CCurl
import Foundation

/// One-time process setup for libcurl.
enum CurlGlobal {
    /// Initialises libcurl once and ignores SIGPIPE (a broken connection must not kill the process).
    static let ready: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    /// The addresses of the proxies named by the environment variables curl reads (`http_proxy`, `https_proxy`,
    /// `all_proxy` and their upper-case forms but `HTTP_PROXY`), resolved once. A connection to one of them goes
    /// to the operator's own proxy, which may be on a private address; the proxy, not nianbao, then resolves the
    /// URL's host.
    static let proxyAddresses: Set<SocketAddress> = {
        let environment = ProcessInfo.processInfo.environment
        let names = ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
        return names.compactMap { environment[$0] }.filter { !$0.isEmpty }.reduce(into: []) { addresses, proxy in
            let url = proxy.contains("://") ? proxy : "http://\(proxy)"
            guard let components = URLComponents(string: url), let host = components.host else { return }
            // curl's default proxy port.
            addresses.formUnion(
                SocketAddress.resolving(host.trimmingCharacters(in: ["[", "]"]), port: components.port ?? 1080))
        }
    }()

    /// Maps a curl result code to a failure kind.
    static func kind(of code: CURLcode, abortedForSize: Bool) -> FetchFailureKind {
        if abortedForSize { return .tooLarge }
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .dns
        case CURLE_OPERATION_TIMEDOUT: return .timeout
        case CURLE_COULDNT_CONNECT: return .connect
        case CURLE_PARTIAL_FILE: return .partialBody
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_HTTP2, CURLE_HTTP2_STREAM: return .reset
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_ENGINE_NOTFOUND:
            return .tls
        case CURLE_FILESIZE_EXCEEDED: return .tooLarge
        case CURLE_TOO_MANY_REDIRECTS, CURLE_UNSUPPORTED_PROTOCOL: return .redirect
        case CURLE_FILE_COULDNT_READ_FILE, CURLE_READ_ERROR: return .fileMissing
        default: return .other
        }
    }
}
