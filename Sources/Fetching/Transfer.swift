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
    func configure() {
        let me = Unmanaged.passUnretained(self).toOpaque()
        _ = nb_easy_setopt_string(handle, CURLOPT_URL, request.url)
        _ = nb_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https,file")
        _ = nb_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = nb_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        _ = nb_easy_setopt_long(handle, CURLOPT_MAXREDIRS, request.maxRedirects)
        _ = nb_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        _ = nb_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = nb_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(request.timeout * 1000))
        _ = nb_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(min(request.timeout, 15) * 1000))
        _ = nb_easy_setopt_string(handle, CURLOPT_USERAGENT, request.userAgent)
        _ = nb_easy_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxBytes))
        _ = nb_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        if !request.verifyTLS {
            _ = nb_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 0)
            _ = nb_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let etag = request.etag { headerList = curl_slist_append(headerList, "If-None-Match: \(etag)") }
        if let modified = request.lastModified { headerList = curl_slist_append(headerList, "If-Modified-Since: \(modified)") }
        if let headerList { _ = nb_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList) }
        _ = nb_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, { data, size, count, userdata in
            guard let data, let userdata else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
            return transfer.receive(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
        })
        _ = nb_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, me)
        _ = nb_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, { data, size, count, userdata in
            guard let data, let userdata else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
            transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        })
        _ = nb_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, me)
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
        headers[String(decoding: name, as: UTF8.self)] = String(decoding: Self.trimmed(line[(colon + 1)...]), as: UTF8.self)
    }

    /// The bytes without the spaces, tabs and line ends around them.
    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.startIndex..<bytes.startIndex]
        }
        return bytes[first...last]
    }

    /// The response or the error, after curl reports the transfer done with `code`.
    func finish(code: CURLcode) -> Result<FetchResponse, FetchError> {
        guard code == CURLE_OK else {
            let text = String(cString: errorBuffer)
            let message = abortedForSize ? "body larger than \(request.maxBytes) bytes; transfer stopped"
                : (text.isEmpty ? String(cString: curl_easy_strerror(code)) : text)
            return .failure(FetchError(kind: CurlGlobal.kind(of: code, abortedForSize: abortedForSize),
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
        return .success(FetchResponse(status: status, headers: headers,
                                      finalURL: effective.map { String(cString: $0) } ?? request.url,
                                      body: body, totalTime: total, redirects: redirects))
    }
}

@available(*, unavailable)
extension Transfer: Sendable {}
