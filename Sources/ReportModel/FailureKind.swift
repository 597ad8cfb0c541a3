/// How a unit·year failed: the word stored in `run_item.failure_kind` and in `source_state.last_status`, and
/// printed by `collect`, `runs` and `units`. Transport failures come from `FetchFailureKind`; the others are decided
/// from the response, by the collect, or by the readers.
public enum FailureKind: String, Sendable, Hashable, CaseIterable, Codable, CodingKeyRepresentable {
    // Transport (`FetchFailureKind`).
    /// The host name did not resolve.
    case dns
    /// No connection could be made.
    case connect
    /// The connection was reset or closed before the response was complete.
    case reset
    /// The body was shorter than its Content-Length.
    case partialBody = "partial_body"
    /// TLS handshake or certificate verification failed.
    case tls
    /// The transfer timed out.
    case timeout
    /// The body exceeded the size cap, or the document a reader's bounds.
    case tooLarge = "too_large"
    /// Too many redirects, or a redirect to a forbidden protocol.
    case redirect
    /// A local file is missing or unreadable.
    case fileMissing = "file_missing"
    /// A loopback, private or other non-public address the config does not name.
    case forbiddenAddress = "forbidden_address"
    /// Anything else curl reports.
    case other
    /// The fetch was cancelled.
    case cancelled

    // Decided from the response.
    /// A 1xx status.
    case http1xx = "http_1xx"
    /// A 3xx status other than 304 (a redirect not followed).
    case http3xx = "http_3xx"
    /// A 4xx status other than 401, 403, 404 and 410 (408 and 429 after their retries).
    case http4xx = "http_4xx"
    /// A 5xx status, after its retries.
    case http5xx = "http_5xx"
    /// A status outside 100–599.
    case httpOther = "http_other"
    /// 401 or 403: this source is refused.
    case forbidden
    /// A captcha or WAF page: the host is not asked again this run.
    case blocked
    /// robots.txt disallows the URL.
    case robots

    // Decided by the collect.
    /// The listing page could not be read.
    case listing
    /// The page points to an attachment that could not be fetched.
    case attachment
    /// The document prints another unit or year.
    case mismatch
    /// The server asked for a longer wait than the unit had left.
    case deferred

    // Decided by the readers.
    /// The document is not a report.
    case notAReport = "not_a_report"
    /// pdftotext or antiword failed on it.
    case converterFailed = "converter_failed"
    /// The reader's worker died on it (the document is quarantined).
    case readerCrashed = "reader_crashed"
    /// The reader's worker ran out of time on it (quarantined).
    case readerTimeout = "reader_timeout"
    /// The reader's worker ran out of memory on it (quarantined).
    case readerMemory = "reader_memory"

    /// The kind of an HTTP status that is a failure in itself, by its class.
    public static func http(status: Int) -> FailureKind {
        switch status {
        case 100...199: .http1xx
        case 300...399: .http3xx
        case 400...499: .http4xx
        case 500...599: .http5xx
        default: .httpOther
        }
    }
}

extension FailureKind: Comparable, CustomStringConvertible {
    /// Ordered as the stored words are, as `runs` lists them.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The stored word.
    public var description: String { rawValue }
}
