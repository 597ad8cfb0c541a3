import Foundation

/// One host's robots.txt as it applies to nianbao: the Allow and Disallow lines of the group for nianbao's
/// product token (else of `*`), and its Crawl-delay. Paths match by prefix, with `*` for any characters and a
/// final `$` anchoring the end; the longest matching rule wins, Allow on a tie (RFC 9309).
struct RobotsRules: Sendable, Equatable {
    /// One Allow or Disallow line.
    struct Rule: Sendable, Equatable {
        var allows: Bool
        var pattern: String
    }

    /// The group's rules in file order.
    var rules: [Rule] = []
    /// Crawl-delay, in seconds, if the group gives one.
    var crawlDelay: Double?

    /// Everything allowed: no robots.txt (404, 410 and other 4xx answers), or none that names nianbao or `*`.
    static let allowAll = RobotsRules()

    /// Reads `text` for the user agent `userAgent` (its product token, the part before `/`, compared without case).
    init(text: String, userAgent: String) {
        let token = userAgent.split(separator: "/").first.map { $0.lowercased() } ?? ""
        var groups: [(agents: [String], rules: [Rule], delay: Double?)] = []
        var collectingAgents = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !collectingAgents { groups.append(([], [], nil)) }
                collectingAgents = true
                groups[groups.count - 1].agents.append(value.lowercased())
            case "allow", "disallow":
                collectingAgents = false
                guard !groups.isEmpty, !value.isEmpty else { continue }
                groups[groups.count - 1].rules.append(Rule(allows: key == "allow", pattern: value))
            case "crawl-delay":
                collectingAgents = false
                guard !groups.isEmpty, let seconds = Double(value), seconds >= 0 else { continue }
                groups[groups.count - 1].delay = seconds
            default:
                continue
            }
        }
        let own = groups.filter { $0.agents.contains { !token.isEmpty && token.hasPrefix($0) && $0 != "*" } }
        let chosen = own.isEmpty ? groups.filter { $0.agents.contains("*") } : own
        rules = chosen.flatMap(\.rules)
        crawlDelay = chosen.compactMap(\.delay).max()
    }

    private init() {}

    /// The rule that forbids `path` (with its query), or nil when the path may be fetched.
    func disallowing(_ path: String) -> Rule? {
        let target = path.isEmpty ? "/" : path
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, target) {
            guard let current = best else {
                best = rule
                continue
            }
            if rule.pattern.count > current.pattern.count
                || (rule.pattern.count == current.pattern.count && rule.allows)
            {
                best = rule
            }
        }
        return best.flatMap { $0.allows ? nil : $0 }
    }

    /// Whether `pattern` (prefix, `*`, final `$`) matches `path`.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let anchored = pattern.hasSuffix("$")
        let pieces = (anchored ? String(pattern.dropLast()) : pattern).split(
            separator: "*", omittingEmptySubsequences: false)
        var rest = Substring(path)
        for (index, piece) in pieces.enumerated() {
            if index == 0 {
                guard rest.hasPrefix(piece) else { return false }
                rest = rest.dropFirst(piece.count)
            } else if index == pieces.count - 1 && anchored {
                return rest.hasSuffix(piece)
            } else {
                guard let range = rest.range(of: piece) else { return false }
                rest = rest[range.upperBound...]
            }
        }
        return !anchored || rest.isEmpty
    }
}
