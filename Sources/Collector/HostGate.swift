import Foundation

/// Politeness: at most `total` requests in flight in all (file URLs included), at most `perHost` to one host,
/// starts at least `delay` apart, and no start sooner than `delay` after a request to the host has finished (its
/// arrival at the server was before its end, so two arrivals are never closer than `delay`, however slow a
/// connection was). The total is the collect's `concurrency`: more units than that are in flight, the others
/// archiving, reading or waiting for the writer, so a unit that is not fetching never holds a fetch back.
actor HostGate {
    private let total: Int
    private let perHost: Int
    private let delay: Duration
    private var allInFlight = 0
    private var totalWaiters: [CheckedContinuation<Void, Never>] = []
    private var inFlight: [String: Int] = [:]
    private var nextStart: [String: ContinuousClock.Instant] = [:]
    private var lastFinish: [String: ContinuousClock.Instant] = [:]
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]
    /// Hosts whose robots.txt asks for a longer gap (Crawl-delay) than `delay`.
    private var longerDelays: [String: Duration] = [:]

    init(total: Int, perHost: Int, delayMilliseconds: Int) {
        self.total = total
        self.perHost = perHost
        self.delay = .milliseconds(delayMilliseconds)
    }

    /// Waits for one of the `total` slots, then for a slot on `host` (nil for file URLs, which only take the
    /// first) and for the minimum gaps. The total slot comes first, so that a host's gaps are timed from when its
    /// requests really start.
    func enter(_ host: String?) async {
        while allInFlight >= total {
            await withCheckedContinuation { totalWaiters.append($0) }
        }
        allInFlight += 1
        guard let host else { return }
        while true {
            while inFlight[host, default: 0] >= perHost {
                await withCheckedContinuation { waiters[host, default: []].append($0) }
            }
            let now = ContinuousClock.now
            let delay = delay(of: host)
            let afterFinish = lastFinish[host].map { $0 + delay } ?? now
            let earliest = max(nextStart[host] ?? now, afterFinish)
            // A cancelled task goes straight through: its transfer is cancelled anyway, and waiting would spin.
            if earliest <= now || delay == .zero || Task.isCancelled {
                inFlight[host, default: 0] += 1
                nextStart[host] = now + delay + Self.margin(delay)
                return
            }
            try? await Task.sleep(until: earliest, clock: .continuous)
        }
    }

    /// What is added to `delay` between two starts, so that connection set-up jitter never brings two arrivals
    /// closer than the delay: a twentieth of it, at most 25 ms (a run's length grows by 5 % at most).
    static func margin(_ delay: Duration) -> Duration {
        min(delay / 20, .milliseconds(25))
    }

    /// Makes the gap between requests to `host` at least `minimum` (a robots.txt Crawl-delay) for the rest of the run.
    func raiseDelay(of host: String, toAtLeast minimum: Duration) {
        if minimum > delay(of: host) { longerDelays[host] = minimum }
    }

    /// The gap between requests to `host`: the config's `delay_ms`, or its Crawl-delay when that is longer.
    func delay(of host: String) -> Duration { max(delay, longerDelays[host] ?? .zero) }

    /// Frees the slots taken by `enter`.
    func leave(_ host: String?) {
        allInFlight -= 1
        if !totalWaiters.isEmpty { totalWaiters.removeFirst().resume() }
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
