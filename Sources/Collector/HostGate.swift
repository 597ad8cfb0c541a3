import Foundation

/// Per-host politeness: at most `perHost` requests in flight to one host, starts at least `delay` apart, and no
/// start sooner than `delay` after a request to the host has finished (its arrival at the server was before its
/// end, so two arrivals are never closer than `delay`, however slow a connection was).
actor HostGate {
    private let perHost: Int
    private let delay: Duration
    private var inFlight: [String: Int] = [:]
    private var nextStart: [String: ContinuousClock.Instant] = [:]
    private var lastFinish: [String: ContinuousClock.Instant] = [:]
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(perHost: Int, delayMilliseconds: Int) {
        self.perHost = perHost
        self.delay = .milliseconds(delayMilliseconds)
    }

    /// Waits for a slot on `host` (nil for file URLs, which are not gated) and for the minimum gaps.
    func enter(_ host: String?) async {
        guard let host else { return }
        while true {
            while inFlight[host, default: 0] >= perHost {
                await withCheckedContinuation { waiters[host, default: []].append($0) }
            }
            let now = ContinuousClock.now
            let afterFinish = lastFinish[host].map { $0 + delay } ?? now
            let earliest = max(nextStart[host] ?? now, afterFinish)
            // A cancelled task goes straight through: its transfer is cancelled anyway, and waiting would spin.
            if earliest <= now || delay == .zero || Task.isCancelled {
                inFlight[host, default: 0] += 1
                // A little margin, so that connection set-up jitter never brings two arrivals closer than the delay.
                nextStart[host] = now + delay + (delay > .zero ? .milliseconds(25) : .zero)
                return
            }
            try? await Task.sleep(until: earliest, clock: .continuous)
        }
    }

    /// Frees the slot taken by `enter`.
    func leave(_ host: String?) {
        guard let host else { return }
        inFlight[host, default: 1] -= 1
        lastFinish[host] = ContinuousClock.now
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
