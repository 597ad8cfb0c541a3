import Foundation

/// Per-host politeness: at most `perHost` requests in flight to one host, starts at least `delay` apart, and no
/// start sooner than `delay` after a request to the host has finished.
actor HostGate {
    private let perHost: Int
    private let delay: Duration
    private var inFlight: [String: Int] = [:]
    private var nextStart: [String: ContinuousClock.Instant] = [:]
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(perHost: Int, delayMilliseconds: Int) {
        self.perHost = perHost
        self.delay = .milliseconds(delayMilliseconds)
    }

    /// Waits for a slot on `host` (nil for file URLs, which are not gated), then for the minimum gap.
    func enter(_ host: String?) async {
        guard let host else { return }
        while inFlight[host, default: 0] >= perHost {
            await withCheckedContinuation { waiters[host, default: []].append($0) }
        }
        inFlight[host, default: 0] += 1
        let now = ContinuousClock.now
        let start = max(now, nextStart[host] ?? now)
        // A little margin, so that connection set-up jitter never brings two arrivals closer than the delay.
        nextStart[host] = start + delay + (delay > .zero ? .milliseconds(25) : .zero)
        if start > now { try? await Task.sleep(until: start, clock: .continuous) }
    }

    /// Frees the slot taken by `enter`.
    func leave(_ host: String?) {
        guard let host else { return }
        inFlight[host, default: 1] -= 1
        // The next start also waits `delay` after this request has finished: its arrival at the server was
        // before its end, so two arrivals are never closer than `delay`, however slow a connection was.
        if delay > .zero {
            let after = ContinuousClock.now + delay
            nextStart[host] = max(nextStart[host] ?? after, after)
        }
        if var queue = waiters[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[host] = queue
            next.resume()
        }
    }

    /// The host of an http(s) URL, nil for file URLs.
    nonisolated static func host(of url: String) -> String? {
        guard let components = URLComponents(string: url), components.scheme != "file" else { return nil }
        return components.host.map { "\($0):\(components.port ?? 0)" }
    }
}
