import Foundation
import ReportModel

/// One document to fetch.
public struct FetchRequest: Sendable, Hashable {
    /// http, https or file URL.
    public var url: String
    /// The ETag of the version already held, for If-None-Match.
    public var etag: String?
    /// The Last-Modified of the version already held, for If-Modified-Since.
    public var lastModified: String?
    /// The User-Agent header.
    public var userAgent: String
    /// Whole-transfer timeout in seconds.
    public var timeout: Double
    /// The decoded-size cap in bytes (enforced while receiving; also stops gzip bombs).
    public var maxBytes: Int
    /// TLS verification; turning it off is a per-unit opt-out that the caller must warn about.
    public var verifyTLS: Bool
    /// The most redirects followed.
    public var maxRedirects: Int
    /// Which connections to loopback, private and other non-public addresses the transfer may open.
    public var privateAddresses: PrivateAddressRule

    /// Creates a request with polite defaults.
    public init(
        url: String, etag: String? = nil, lastModified: String? = nil, userAgent: String = "nianbao/1.0",
        timeout: Double = 30, maxBytes: Int = 20_000_000, verifyTLS: Bool = true, maxRedirects: Int = 5,
        privateAddresses: PrivateAddressRule = .allowed
    ) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.userAgent = userAgent
        self.timeout = timeout
        self.maxBytes = maxBytes
        self.verifyTLS = verifyTLS
        self.maxRedirects = maxRedirects
        self.privateAddresses = privateAddresses
    }
}

/// A completed transfer (any HTTP status).
public struct FetchResponse: Sendable {
    /// The HTTP status; 0 for file URLs.
    public var status: Int
    /// Response headers of the last hop, names lower-cased.
    public var headers: [String: String]
    /// The URL after redirects.
    public var finalURL: String
    /// The decoded body.
    public var body: [UInt8]
    /// Seconds for the whole transfer.
    public var totalTime: Double
    /// Redirects followed.
    public var redirects: Int

    /// The Content-Type header.
    public var contentType: String? { headers["content-type"] }
}

/// Why a transfer failed before a response could be read.
public enum FetchFailureKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// The host name did not resolve.
    case dns
    /// No connection could be made (refused, unreachable).
    case connect
    /// The connection was reset or closed before the response was complete (or before any of it came).
    case reset
    /// The server closed the connection before sending the whole body its Content-Length announced.
    case partialBody = "partial_body"
    /// TLS handshake or certificate verification failed.
    case tls
    /// The transfer timed out.
    case timeout
    /// The body exceeded the size cap.
    case tooLarge = "too_large"
    /// Too many redirects, or a redirect to a forbidden protocol.
    case redirect
    /// A local file is missing or unreadable.
    case fileMissing = "file_missing"
    /// A redirect or a link led to a loopback, private or other non-public address that the config does not name.
    case forbiddenAddress = "forbidden_address"
    /// Anything else curl reports.
    case other

    /// Whether the same request may well succeed a moment later (a timeout, no connection, a connection broken
    /// off), and is worth another try.
    public var isTransient: Bool {
        switch self {
        case .timeout, .connect, .reset, .partialBody: true
        case .dns, .tls, .tooLarge, .redirect, .fileMissing, .forbiddenAddress, .other: false
        }
    }
}

extension FailureKind {
    /// The failure kind a transport failure is stored as.
    public init(_ kind: FetchFailureKind) {
        switch kind {
        case .dns: self = .dns
        case .connect: self = .connect
        case .reset: self = .reset
        case .partialBody: self = .partialBody
        case .tls: self = .tls
        case .timeout: self = .timeout
        case .tooLarge: self = .tooLarge
        case .redirect: self = .redirect
        case .fileMissing: self = .fileMissing
        case .forbiddenAddress: self = .forbiddenAddress
        case .other: self = .other
        }
    }
}

/// A failed transfer with curl's own words.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    /// The failure class.
    public var kind: FetchFailureKind
    /// curl's code (CURLcode).
    public var curlCode: Int
    /// curl's error text.
    public var message: String
    /// The URL that failed.
    public var url: String

    /// A plain-words explanation.
    public var description: String { "\(url): \(kind.rawValue): \(message)" }
}
