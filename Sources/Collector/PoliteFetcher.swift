import Configuration
import Fetching
import Foundation
import ReportModel
import Scheduling

/// How fetching one job ended after retries.
enum FetchAttempt {
    case response(FetchResponse)
    /// Not sent: the host blocked a request of this run (`reason`), before this one or while it waited.
    case notAsked(host: String, reason: String)
    case notPublished(Int)
    case blocked(String)
    /// Failed with `kind`; `retriesExhausted` when the failure was retried until the tries ran out.
    case failed(kind: FailureKind, message: String, retriesExhausted: Bool = false)
    /// Not tried again this run: the next try is `seconds` away, more than the unit may still wait (`reason`).
    case deferred(seconds: Double, reason: String)
}

/// Fetches through the host gate with retries and back-off (honouring Retry-After), never to a host that has
/// blocked this run. A captcha or WAF page marks its host blocked for the rest of the run; a 401 or 403 fails its
/// source only (kind `forbidden`), until several distinct paths of one host have had one (`BlockedHosts`).
struct PoliteFetcher {
    let client: CurlClient
    let gate: HostGate
    let settings: FetchSettings
    let counters: RunCounters
    let blocked: BlockedHosts
    /// Each unit's waiting this run.
    let waits: WaitBudgets
    /// Which non-public addresses requests may reach.
    let privateAddresses: PrivateAddressRule
    /// The run's robots.txt of each host.
    let robots: RobotsCache

    /// Not asking `host` this run, when it blocked a request of the run.
    private func refusal(_ host: String?) -> FetchAttempt? {
        guard let host, let reason = blocked.reason(for: host) else { return nil }
        return .notAsked(host: host, reason: reason)
    }

    func fetch(_ job: FetchJob) async -> FetchAttempt {
        let host = HostGate.host(of: job.url)
        let request = FetchRequest(
            url: job.url, etag: job.etag, lastModified: job.lastModified,
            userAgent: settings.userAgent, timeout: settings.timeoutSeconds,
            maxBytes: settings.maxBytes, verifyTLS: job.unit.verifyTLS,
            privateAddresses: privateAddresses)
        if let refusal = refusal(host) { return refusal }
        if !job.unit.ignoresRobots, let disallowed = await robots.refusal(for: job.url, verifyTLS: job.unit.verifyTLS) {
            return .failed(kind: .robots, message: disallowed)
        }
        var attempt = 0
        while true {
            attempt += 1
            await gate.enter(host)
            // Units wait here while others fetch: one of them may have been refused meanwhile.
            if let refusal = refusal(host) {
                await gate.leave(host)
                return refusal
            }
            let verdict: FetchVerdict
            var response: FetchResponse?
            do {
                let received = try await client.fetch(request)
                counters.add(bytes: received.body.count)
                response = received
                verdict = RetryPolicy.verdict(status: received.status, headers: received.headers, body: received.body)
            } catch let error as FetchError {
                verdict = RetryPolicy.verdict(error: error)
                if case .retry = verdict {
                } else {
                    await gate.leave(host)
                    return .failed(kind: FailureKind(error.kind), message: error.description)
                }
            } catch {
                await gate.leave(host)
                return .failed(kind: .cancelled, message: "\(job.url): \(error)")
            }
            // Blocked before the slot is given up: the unit waiting for it must find the host refused.
            var hostBlocked: String?
            if case .blocked(let reason) = verdict, let host {
                blocked.block(host, reason: reason)
                hostBlocked = reason
            }
            if case .forbidden(let status) = verdict, let host {
                hostBlocked = blocked.deny(host, path: URLComponents(string: job.url)?.path ?? job.url, status: status)
            }
            await gate.leave(host)
            switch verdict {
            case .document, .unchanged:
                if let response { return .response(response) }
                return .failed(kind: .other, message: "\(job.url): no response")
            case .notPublished: return .notPublished(response?.status ?? 404)
            case .blocked(let reason): return .blocked(reason)
            case .forbidden(let status):
                if let hostBlocked { return .blocked(hostBlocked) }
                return .failed(kind: .forbidden, message: "\(job.url): HTTP \(status); only this source fails")
            case .failed(let kind, let message): return .failed(kind: kind, message: "\(job.url): \(message)")
            case .retry(let kind, let after):
                let detail = response.map { "HTTP \($0.status)" } ?? kind.rawValue
                guard attempt <= settings.retries else {
                    return .failed(
                        kind: kind, message: "\(job.url): \(detail) after \(attempt) attempts",
                        retriesExhausted: true)
                }
                let seconds = RetryPolicy.delay(attempt: attempt, retryAfter: after)
                if case .exceeds(let left) = waits.draw(seconds, for: job.unit.id, budget: settings.waitBudgetSeconds) {
                    let asked = after == nil ? "the back-off before the next try is" : "the server asked to wait"
                    return .deferred(
                        seconds: seconds,
                        reason: "\(job.url): \(detail); \(asked) \(Self.duration(seconds)), "
                            + "more than the \(Self.duration(left)) this unit may still wait this run")
                }
                counters.addRetry()
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            }
        }
    }
}

extension PoliteFetcher {
    /// "100000 s", "1.5 s".
    static func duration(_ seconds: Double) -> String {
        String(format: seconds.rounded() == seconds ? "%.0f s" : "%.1f s", seconds)
    }
}

/// Hosts blocked this run — by a captcha or WAF page, or by 401/403 from `pathsToBlock` distinct paths — which the
/// fetcher stops asking.
final class BlockedHosts: @unchecked Sendable {
    private let lock = NSLock()
    private var reasons: [String: String] = [:]
    private var deniedPaths: [String: Set<String>] = [:]

    /// Distinct paths of one host answering 401 or 403 that block the host for the run: one withdrawn page of a
    /// portal that many units share fails only its own source.
    static let pathsToBlock = 3

    func block(_ host: String, reason: String) { lock.withLock { reasons[host] = reason } }
    func reason(for host: String) -> String? { lock.withLock { reasons[host] } }

    /// Records a 401/403 for `path` of `host`; returns the reason the host is now blocked, if it is.
    func deny(_ host: String, path: String, status: Int) -> String? {
        lock.withLock {
            deniedPaths[host, default: []].insert(path)
            let count = deniedPaths[host]?.count ?? 0
            guard count >= Self.pathsToBlock else { return nil }
            let reason = reasons[host] ?? "HTTP 401/403 from \(count) distinct paths (the last HTTP \(status))"
            reasons[host] = reason
            return reason
        }
    }
}
