/// Which rules block and which warn (config `check: { block: […], warn: […] }`). An entry names a rule
/// (`copying`, `t3.row.new_received`) or a family of rules by the start of their names up to a dot (`outline`,
/// `t4`, `cross`); the longest entry naming a rule decides, a rule named by no entry keeps its default.
public struct CheckPolicy: Sendable, Hashable {
    /// Rules and families whose problems block.
    public var block: [String]
    /// Rules and families whose problems only warn.
    public var warn: [String]

    /// A policy with these lists (by default none: every rule keeps its default severity).
    public init(block: [String] = [], warn: [String] = []) {
        self.block = block
        self.warn = warn
    }

    /// Whether `entry` names a known rule or family of rules.
    public static func isKnown(_ entry: String) -> Bool {
        DraftRule.knownNames.contains { $0 == entry || $0.hasPrefix(entry + ".") }
    }

    /// The names an unknown entry may have meant to write: every rule and every family.
    public static var knownEntries: [String] {
        let families = DraftRule.knownNames.flatMap { name -> [String] in
            let parts = name.split(separator: ".")
            return (1..<max(parts.count, 1)).map { parts.prefix($0).joined(separator: ".") }
        }
        return Set(DraftRule.knownNames).union(families).sorted()
    }

    /// The severity of `problem` under this policy.
    public func severity(of problem: CheckProblem) -> CheckSeverity {
        func matchLength(_ entries: [String]) -> Int {
            entries.filter { problem.rule == $0 || problem.rule.hasPrefix($0 + ".") }.map(\.count).max() ?? -1
        }
        let blocking = matchLength(block)
        let warning = matchLength(warn)
        if blocking < 0 && warning < 0 { return problem.severity }
        return blocking > warning ? .block : .warn
    }

    /// `problems` with this policy's severities.
    public func applied(to problems: [CheckProblem]) -> [CheckProblem] {
        problems.map { problem in
            var decided = problem
            decided.severity = severity(of: problem)
            return decided
        }
    }
}
