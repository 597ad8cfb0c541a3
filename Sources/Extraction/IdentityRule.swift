import ReportModel

/// A named arithmetic identity between printed cells: Σ `lhs` = Σ `rhs`.
public struct IdentityRule: Sendable, Hashable {
    /// The stable rule name, for example `t3.balance.total`.
    public let name: String
    /// The readable statement, for example "一+二 = 三(七)+四".
    public let statement: String
    /// Codes summed on the left.
    public let lhs: [String]
    /// Codes summed on the right.
    public let rhs: [String]
    /// When false, a right-hand side of which only some parts are printed is compared by the parts printed
    /// (old-format tables often list only some channels); a shortfall is then `uncertain`, an excess `fail`.
    public let requiresAllParts: Bool

    /// Creates a rule.
    public init(name: String, statement: String, lhs: [String], rhs: [String], requiresAllParts: Bool = true) {
        self.name = name
        self.statement = statement
        self.lhs = lhs
        self.rhs = rhs
        self.requiresAllParts = requiresAllParts
    }

    /// Evaluates the rule on one report's figures.
    public func evaluate(_ figures: [String: Double?]) -> AuditResult {
        let cells = lhs + rhs
        let printed = cells.filter { figures[$0] != nil }
        if printed.isEmpty || (!requiresAllParts && (lhs.allSatisfy { figures[$0] == nil } || rhs.allSatisfy { figures[$0] == nil })) {
            return AuditResult(rule: name, status: .notAssessable, message: "\(statement): not printed", cells: cells)
        }
        func describe(_ codes: [String]) -> String {
            codes.map { code in figures[code].map { NumberText.format($0).isEmpty ? "空" : NumberText.format($0) } ?? "缺" }
                .joined(separator: "+")
        }
        let numbers = "(\(describe(lhs)) = \(describe(rhs)))"
        if rhs.allSatisfy({ figures[$0] == nil }), lhs.allSatisfy({ (figures[$0] ?? nil) == 0 }) {
            // A zero total needs no breakdown: every part must be 0.
            return AuditResult(rule: name, status: .pass, message: "\(statement) \(numbers): total 0, no breakdown needed",
                               cells: cells)
        }
        let leftMissing = lhs.contains { (figures[$0] ?? nil) == nil }
        let rightValues = rhs.compactMap { figures[$0] ?? nil }
        let rightMissing = rightValues.count < rhs.count
        let printedParts = rightValues.reduce(0, +)
        if !leftMissing, rightMissing, lhs.count == 1,
           let total = figures[lhs[0]] ?? nil, printedParts > total + 1e-6, rightValues.allSatisfy({ $0 >= 0 }) {
            // Parts are never negative: printed parts that already exceed the total break the identity.
            return AuditResult(rule: name, status: .fail,
                               message: "\(statement) \(numbers): printed parts exceed the total by \(NumberText.format(printedParts - total))",
                               cells: cells)
        }
        if leftMissing || (requiresAllParts && rightMissing) {
            return AuditResult(rule: name, status: .uncertain, message: "\(statement) \(numbers): a cell is not printed",
                               cells: cells)
        }
        let left = lhs.reduce(0.0) { $0 + ((figures[$1] ?? nil) ?? 0) }
        let right = rightValues.reduce(0, +)
        if abs(left - right) < 1e-6 {
            return AuditResult(rule: name, status: .pass, message: "\(statement) \(numbers)", cells: cells)
        }
        if rightMissing && right < left {
            return AuditResult(rule: name, status: .uncertain,
                               message: "\(statement) \(numbers): printed parts fall short by \(NumberText.format(left - right))",
                               cells: cells)
        }
        return AuditResult(rule: name, status: .fail,
                           message: "\(statement) \(numbers): differs by \(NumberText.format(left - right))", cells: cells)
    }
}
