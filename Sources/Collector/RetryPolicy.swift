import Fetching
import Foundation
import ReportModel

/// What to do with a response or failure: accept it, retry later in the run, or give up with a kind.
enum FetchVerdict: Equatable {
    case document
    case unchanged
    case notPublished
    /// A captcha or WAF page: the host is not asked again this run.
    case blocked(String)
    /// HTTP 401 or 403: this URL is refused; its host only when several of its paths are (`BlockedHosts`).
    case forbidden(Int)
    case retry(kind: FailureKind, after: Double?)
    case failed(kind: FailureKind, message: String)
}

/// Exponential back-off with jitter; which statuses and failures are worth another try.
enum RetryPolicy {
    static func verdict(status: Int, headers: [String: String], body: [UInt8]) -> FetchVerdict {
        switch status {
        case 0, 200...299:
            return WAFDetector.looksBlocked(body) ? .blocked("the server answered with a captcha/WAF page") : .document
        case 304: return .unchanged
        case 404, 410: return .notPublished
        case 401, 403: return .forbidden(status)
        case 408, 429, 500...599: return .retry(kind: .http(status: status), after: retryAfter(headers["retry-after"]))
        default: return .failed(kind: .http(status: status), message: "HTTP \(status)")
        }
    }

    static func verdict(error: FetchError) -> FetchVerdict {
        error.kind.isTransient
            ? .retry(kind: FailureKind(error.kind), after: nil)
            : .failed(kind: FailureKind(error.kind), message: error.message)
    }

    /// Seconds to wait before attempt `attempt` (1-based): 0.5·2^(attempt−1) with ±25% jitter, at most 30 s,
    /// unless the server asked for `retryAfter` (which the unit's waiting budget bounds, `WaitBudgets`).
    static func delay(attempt: Int, retryAfter: Double?) -> Double {
        if let retryAfter { return retryAfter }
        let base = min(0.5 * pow(2, Double(attempt - 1)), 30)
        return base * Double.random(in: 0.75...1.25)
    }

    /// Retry-After as seconds (a number or an HTTP date), at most `longestRetryAfter`.
    static func retryAfter(_ header: String?) -> Double? {
        guard let header = header?.trimmingCharacters(in: .whitespaces) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let seconds = Double(header) ?? formatter.date(from: header)?.timeIntervalSinceNow, !seconds.isNaN else {
            return nil
        }
        return min(max(seconds, 0), longestRetryAfter)
    }

    /// The longest wait a server's Retry-After is taken at: 7 days, the longest back-off across runs.
    static let longestRetryAfter: Double = 7 * 24 * 3600
}

/// Recognises captcha and WAF interstitials, which mean "stop asking this host", never "evade".
enum WAFDetector {
    static func looksBlocked(_ body: [UInt8]) -> Bool {
        guard body.count < 64 * 1024 else { return false }
        // Looked for in the bytes of the head, ASCII lower-cased: decoding 16 KB into a string for each response
        // had cost as much as the search.
        let head = body.prefix(16 * 1024).lowercasedASCII
        return blockMarkers.contains(where: head.includes) && !head.includes(reportTitle)
    }

    private static let blockMarkers = ["验证码", "captcha", "访问被拒绝", "安全验证", "web应用防火墙", "waf拦截"].map { Array($0.utf8) }
    private static let reportTitle = Array("政府信息公开工作年度报告".utf8)
}
