import Configuration
import Fetching
import Foundation

/// Each host's robots.txt, fetched once per run through the host gate (it counts as a request to the host) and
/// shared by every unit on the host. A 4xx answer allows everything; a 5xx answer disallows the host for the run
/// (RFC 9309: an unreachable robots.txt means "assume disallowed"); a transfer that fails outright lets the
/// request go ahead, to fail with its own kind. A Crawl-delay raises the host's gap between requests to at least
/// that long.
actor RobotsCache {
    private let client: CurlClient
    private let gate: HostGate
    private let settings: FetchSettings
    private let privateAddresses: PrivateAddressRule
    private var answers: [String: Task<RobotsAnswer, Never>] = [:]

    init(client: CurlClient, gate: HostGate, settings: FetchSettings, privateAddresses: PrivateAddressRule) {
        self.client = client
        self.gate = gate
        self.settings = settings
        self.privateAddresses = privateAddresses
    }

    /// Why robots.txt forbids `url`, in plain words, or nil when it may be fetched (and for file URLs).
    func refusal(for url: String, verifyTLS: Bool) async -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = HostGate.host(of: url)
        else { return nil }
        var origin = components
        origin.path = "/robots.txt"
        origin.query = nil
        origin.fragment = nil
        let robotsURL = origin.string ?? url
        let task: Task<RobotsAnswer, Never>
        if let known = answers[host] {
            task = known
        } else {
            task = Task { [client, gate, settings, privateAddresses] in
                await Self.load(
                    robotsURL, host: host, verifyTLS: verifyTLS, client: client, gate: gate,
                    settings: settings, privateAddresses: privateAddresses)
            }
            answers[host] = task
        }
        let path = components.percentEncodedPath + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
        switch await task.value {
        case .rules(let rules):
            guard let rule = rules.disallowing(path) else { return nil }
            return "\(url): disallowed by \(robotsURL) (Disallow: \(rule.pattern))"
        case .unreachable(let reason):
            return "\(url): \(robotsURL) could not be read (\(reason)), so the host is not asked this run"
        }
    }

    private static func load(
        _ url: String, host: String, verifyTLS: Bool, client: CurlClient, gate: HostGate,
        settings: FetchSettings, privateAddresses: PrivateAddressRule
    ) async -> RobotsAnswer {
        let request = FetchRequest(
            url: url, userAgent: settings.userAgent, timeout: settings.timeoutSeconds,
            maxBytes: maxBytes, verifyTLS: verifyTLS, privateAddresses: privateAddresses)
        await gate.enter(host)
        let answer: RobotsAnswer
        do {
            let response = try await client.fetch(request)
            switch response.status {
            case 200...299:
                let rules = RobotsRules(
                    text: String(decoding: response.body, as: UTF8.self), userAgent: settings.userAgent)
                answer = .rules(rules)
            case 400...499: answer = .rules(.allowAll)
            default: answer = .unreachable("HTTP \(response.status)")
            }
        } catch {
            // No answer at all (no connection, a refused address, too large): the request itself goes ahead and
            // fails, if it does, with its own kind.
            answer = .rules(.allowAll)
        }
        if case .rules(let rules) = answer, let delay = rules.crawlDelay {
            await gate.raiseDelay(of: host, toAtLeast: .milliseconds(Int((min(delay, 600) * 1000).rounded())))
        }
        await gate.leave(host)
        return answer
    }

    /// The most of a robots.txt that is read (RFC 9309 asks for at least 500 KiB).
    static let maxBytes = 512 * 1024
}

/// What a host's robots.txt came to.
enum RobotsAnswer: Sendable {
    case rules(RobotsRules)
    case unreachable(String)
}
