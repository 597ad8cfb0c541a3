import Fetching
import Foundation

/// How fetching one job ended after retries.
enum FetchAttempt {
    case response(FetchResponse)
    case notPublished(Int)
    case blocked(String)
    case failed(kind: String, message: String)
}

/// Fetches through the host gate with retries and back-off (honouring Retry-After).
struct PoliteFetcher {
    let client: CurlClient
    let gate: HostGate
    let settings: FetchSettings
    let counters: RunCounters

    func fetch(_ job: FetchJob) async -> FetchAttempt {
        let host = HostGate.host(of: job.url)
        let request = FetchRequest(url: job.url, etag: job.etag, lastModified: job.lastModified,
                                   userAgent: settings.userAgent, timeout: settings.timeoutSeconds,
                                   maxBytes: settings.maxBytes, verifyTLS: job.unit.verifyTLS)
        var attempt = 0
        while true {
            attempt += 1
            await gate.enter(host)
            let verdict: FetchVerdict
            var response: FetchResponse?
            do {
                let received = try await client.fetch(request)
                counters.add(bytes: received.body.count)
                response = received
                verdict = RetryPolicy.verdict(status: received.status, headers: received.headers, body: received.body)
            } catch let error as FetchError {
                verdict = RetryPolicy.verdict(error: error)
                if case .retry = verdict {} else {
                    await gate.leave(host)
                    return .failed(kind: error.kind.rawValue, message: error.description)
                }
            } catch {
                await gate.leave(host)
                return .failed(kind: "cancelled", message: "\(job.url): \(error)")
            }
            await gate.leave(host)
            switch verdict {
            case .document, .unchanged:
                if let response { return .response(response) }
                return .failed(kind: "other", message: "\(job.url): no response")
            case .notPublished: return .notPublished(response?.status ?? 404)
            case .blocked(let reason): return .blocked(reason)
            case .failed(let kind, let message): return .failed(kind: kind, message: "\(job.url): \(message)")
            case .retry(let kind, let after):
                guard attempt <= settings.retries else {
                    let detail = response.map { "HTTP \($0.status)" } ?? kind
                    return .failed(kind: kind, message: "\(job.url): \(detail) after \(attempt) attempts")
                }
                counters.addRetry()
                let seconds = RetryPolicy.delay(attempt: attempt, retryAfter: after)
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            }
        }
    }
}
