internal import CCurl
import Foundation
import ReportModel

/// One in-flight transfer: owns its easy handle, header list and buffers. Lives on the curl thread only.
final class Transfer {
    let handle: UnsafeMutableRawPointer
    let request: FetchRequest
    private(set) var body: [UInt8] = []
    private(set) var headers: [String: String] = [:]
    private(set) var abortedForSize = false
    /// The last connection refused for its address, while no later one was opened.
    private var forbidden: ForbiddenConnection?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    var continuation: CheckedContinuation<FetchResponse, any Error>?

    init?(request: FetchRequest) {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        self.request = request
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Sets every option; the transfer must stay alive (retained by the client) while curl uses `self` as userdata.
    /// Throws when libcurl refuses an option.
    func configure() throws(FetchError) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_PROTOCOLS_STR, "http,https,file")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_FOLLOWLOCATION, 1)
        try set(CURLOPT_MAXREDIRS, request.maxRedirects)
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_TIMEOUT_MS, Int(request.timeout * 1000))
        try set(CURLOPT_CONNECTTIMEOUT_MS, Int(min(request.timeout, 15) * 1000))
        try set(CURLOPT_USERAGENT, request.userAgent)
        try check(
            nb_easy_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxBytes)),
            CURLOPT_MAXFILESIZE_LARGE)
        try set(CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
        if !request.verifyTLS {
            try set(CURLOPT_SSL_VERIFYPEER, 0)
            try set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let etag = request.etag { headerList = curl_slist_append(headerList, "If-None-Match: \(etag)") }
        if let modified = request.lastModified {
            headerList = curl_slist_append(headerList, "If-Modified-Since: \(modified)")
        }
        if let headerList {
            try check(nb_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), CURLOPT_HTTPHEADER)
        }
        try check(
            nb_easy_setopt_data_callback(
                handle, CURLOPT_WRITEFUNCTION,
                { data, size, count, userdata in
                    guard let data, let userdata else { return 0 }
                    let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
                    return transfer.receive(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
                }), CURLOPT_WRITEFUNCTION)
        try set(CURLOPT_WRITEDATA, me)
        try check(
            nb_easy_setopt_data_callback(
                handle, CURLOPT_HEADERFUNCTION,
                { data, size, count, userdata in
                    guard let data, let userdata else { return 0 }
                    let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
                    transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
                    return size * count
                }), CURLOPT_HEADERFUNCTION)
        try set(CURLOPT_HEADERDATA, me)
        if case .onlyAt = request.privateAddresses {
            try check(
                nb_easy_setopt_opensocket(
                    handle,
                    { userdata, _, address in
                        guard let userdata, let address else { return CURL_SOCKET_BAD }
                        return Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue().openSocket(address)
                    }), CURLOPT_OPENSOCKETFUNCTION)
            try set(CURLOPT_OPENSOCKETDATA, me)
        }
    }

    private func set(_ option: CURLoption, _ value: Int) throws(FetchError) {
        try check(nb_easy_setopt_long(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: String) throws(FetchError) {
        try check(nb_easy_setopt_string(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: UnsafeMutableRawPointer) throws(FetchError) {
        try check(nb_easy_setopt_pointer(handle, option, value), option)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(FetchError) {
        try CurlOption.check(code, option, url: request.url)
    }

    /// Opens the socket for a connection curl is about to make, unless the request's rule forbids its address: then
    /// the refusal is kept for `finish` and curl is told the socket could not be made (it tries the host's other
    /// addresses, if any).
    private func openSocket(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        if let refusal = refusal(of: address) {
            forbidden = refusal
            return CURL_SOCKET_BAD
        }
        forbidden = nil
        // Close-on-exec from the start: never inherited by a reader worker another thread starts meanwhile.
        return socket(
            address.pointee.family, address.pointee.socktype | Int32(SOCK_CLOEXEC.rawValue),
            address.pointee.protocol)
    }

    /// Why a connection to `address` is not allowed for the URL curl is at (the request's, or a redirect's).
    private func refusal(of address: UnsafeMutablePointer<curl_sockaddr>) -> ForbiddenConnection? {
        guard let target = SocketAddress(address), let scope = AddressScope(ip: target.ip), scope != .publicInternet,
            !CurlGlobal.proxyAddresses.contains(target)
        else { return nil }
        // curl moves its effective URL to a redirect's target before connecting to it.
        var effective: UnsafeMutablePointer<CChar>?
        let url =
            nb_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK
            ? effective.map { String(cString: $0) } ?? request.url : request.url
        guard !request.privateAddresses.admits(scope, for: Endpoint(url: url)) else { return nil }
        return ForbiddenConnection(url: url, address: target, scope: scope)
    }

    /// Appends body bytes; refuses (aborting the transfer) past the decoded-size cap.
    private func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if body.count + bytes.count > request.maxBytes {
            abortedForSize = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Records one header line; a new status line (a redirect hop) starts a fresh header set. The line is cut up
    /// as bytes (names are ASCII tokens): trimming it as an `NSString` had been a quarter of the transfer thread.
    private func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
        let line = Self.trimmed(bytes[...])
        if line.starts(with: "HTTP/".utf8) {
            headers = [:]
            body = []
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = line[..<colon].lowercasedASCII
        headers[String(decoding: name, as: UTF8.self)] = String(
            decoding: Self.trimmed(line[(colon + 1)...]), as: UTF8.self)
    }

    /// The bytes without the spaces, tabs and line ends around them.
    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else {
            return bytes[bytes.startIndex..<bytes.startIndex]
        }
        return bytes[first...last]
    }

    /// The response or the error, after curl reports the transfer done with `code`.
    func finish(code: CURLcode) -> Result<FetchResponse, FetchError> {
        guard code == CURLE_OK else {
            if let forbidden {
                return .failure(
                    FetchError(
                        kind: .forbiddenAddress, curlCode: Int(code.rawValue),
                        message: forbidden.description, url: request.url))
            }
            let text = String(cString: errorBuffer)
            let message =
                abortedForSize
                ? "body larger than \(request.maxBytes) bytes; transfer stopped"
                : (text.isEmpty ? String(cString: curl_easy_strerror(code)) : text)
            return .failure(
                FetchError(
                    kind: CurlGlobal.kind(of: code, abortedForSize: abortedForSize),
                    curlCode: Int(code.rawValue), message: message, url: request.url))
        }
        var status = 0
        _ = nb_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutablePointer<CChar>?
        _ = nb_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        var total = 0.0
        _ = nb_easy_getinfo_double(handle, CURLINFO_TOTAL_TIME, &total)
        var redirects = 0
        _ = nb_easy_getinfo_long(handle, CURLINFO_REDIRECT_COUNT, &redirects)
        return .success(
            FetchResponse(
                status: status, headers: headers,
                finalURL: effective.map { String(cString: $0) } ?? request.url,
                body: body, totalTime: total, redirects: redirects))
    }
}

@available(*, unavailable)
extension Transfer: Sendable {}

/// A connection not opened because its address is non-public and the URL's host and port are not allowed one.
struct ForbiddenConnection: CustomStringConvertible {
    /// The URL curl was at (the request's own, or a redirect's target).
    var url: String
    /// The address its host resolved to.
    var address: SocketAddress
    /// What kind of address that is.
    var scope: AddressScope

    /// "http://x:8080/r.html resolves to 127.0.0.1, a loopback address not in the config; not fetched".
    var description: String { "\(url) resolves to \(address), \(scope.phrase) not in the config; not fetched" }
}
