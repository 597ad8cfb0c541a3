/// The outcome of one consistency (勾稽) rule on one report.
public enum AuditStatus: String, Sendable, Codable, Hashable, CaseIterable {
    /// The identity holds.
    case pass
    /// The identity is broken by the printed figures.
    case fail
    /// An operand is missing, so the identity cannot be confirmed.
    case uncertain
    /// The rule does not apply to this report (none of its cells are printed).
    case notAssessable = "not_assessable"
}

/// One rule's verdict with the cells involved.
public struct AuditResult: Sendable, Codable, Hashable {
    /// The rule's stable name, for example `t3.balance.total`.
    public var rule: String
    /// The verdict.
    public var status: AuditStatus
    /// A readable statement with the numbers, for example "一+二 = 三(七)+四 (26+0 = 26+0)".
    public var message: String
    /// The codes of the cells involved.
    public var cells: [String]

    /// Creates an audit result.
    public init(rule: String, status: AuditStatus, message: String, cells: [String]) {
        self.rule = rule
        self.status = status
        self.message = message
        self.cells = cells
    }
}
