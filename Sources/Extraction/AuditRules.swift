import ReportModel

/// The 勾稽 identities of `docs/formats.md` §4 as named rules, per format.
public enum AuditRules {
    /// The within-report identities for a format.
    public static func identities(for format: ReportFormat) -> [IdentityRule] {
        switch format {
        case .v2019: return v2019
        case .v2021: return v2021
        case .old: return old
        case .unknown: return []
        }
    }

    private static let v2019 = table3(.v2019) + table4
    private static let v2021 = table3(.v2021) + table4

    static func table3(_ format: ReportFormat) -> [IdentityRule] {
        var rules: [IdentityRule] = []
        let parts = Table3Layout.resultParts(for: format)
        for column in Table3Layout.columns {
            let code = { (row: String) in Table3Layout.code(column: column.key, row: row) }
            rules.append(
                IdentityRule(
                    name: "t3.balance.\(column.key)", statement: "\(column.label)：一+二 = 三(七)+四",
                    lhs: [code("new_received"), code("carried_over")],
                    rhs: [code("result.total"), code("carried_forward")]))
            rules.append(
                IdentityRule(
                    name: "t3.results.\(column.key)",
                    statement: "\(column.label)：（七）总计 = （一）至（六）之和",
                    lhs: [code("result.total")], rhs: parts.map { code($0.key) }))
        }
        for row in Table3Layout.rows where row.formats.contains(format) {
            rules.append(
                IdentityRule(
                    name: "t3.row.\(row.key)", statement: "\(row.label)：总计 = 各类申请人之和",
                    lhs: [Table3Layout.code(column: "total", row: row.key)],
                    rhs: Table3Layout.applicantColumns.map {
                        Table3Layout.code(column: $0.key, row: row.key)
                    }))
        }
        return rules
    }

    static let table4: [IdentityRule] = Table4Layout.blocks.map { block in
        IdentityRule(
            name: "t4.\(block.key).sum", statement: "\(block.label)：总计 = 维持+纠正+其他+尚未审结",
            lhs: ["t4.\(block.key).total"],
            rhs: ["upheld", "corrected", "other", "pending"].map { "t4.\(block.key).\($0)" })
    }

    static let old: [IdentityRule] = [
        IdentityRule(
            name: "old.apply.channels", statement: "收到申请数 = 各渠道申请数之和", lhs: ["old.apply.received"],
            rhs: ["in_person", "fax", "online", "letter", "email", "other"].map { "old.apply.\($0)" },
            requiresAllParts: false),
        IdentityRule(
            name: "old.apply.closed", statement: "申请办结数 = 按时 + 延期", lhs: ["old.apply.closed"],
            rhs: ["old.apply.closed_on_time", "old.apply.closed_extended"]),
        IdentityRule(
            name: "old.answer.sum", statement: "申请答复数 = 各类答复之和", lhs: ["old.answer.total"],
            rhs: [
                "already_public", "granted", "partial", "denied", "not_this_agency", "not_exist",
                "asked_to_amend", "other_channel", "other",
            ].map { "old.answer.\($0)" },
            requiresAllParts: false),
        IdentityRule(
            name: "old.answer.denied.sum", statement: "不同意公开 = 各项理由之和", lhs: ["old.answer.denied"],
            rhs: [
                "state_secret", "commercial_secret", "privacy", "security_stability", "not_gov_info",
                "other_law",
            ].map { "old.answer.denied.\($0)" },
            requiresAllParts: false),
        IdentityRule(
            name: "old.review.sum", statement: "行政复议数 = 维持+纠错+其他", lhs: ["old.review.total"],
            rhs: ["old.review.upheld", "old.review.corrected", "old.review.other"]),
        IdentityRule(
            name: "old.litigation.sum", statement: "行政诉讼数 = 维持+纠错+其他", lhs: ["old.litigation.total"],
            rhs: ["old.litigation.upheld", "old.litigation.corrected", "old.litigation.other"]),
        IdentityRule(
            name: "old.org.staff", statement: "工作人员数 = 专职+兼职", lhs: ["old.org.staff_total"],
            rhs: ["old.org.staff_fulltime", "old.org.staff_parttime"]),
    ]

    /// Pairs of a total and its parts used to recognise a blank total beside non-zero parts.
    static func totals(for format: ReportFormat) -> [(total: String, parts: [String])] {
        switch format {
        case .v2019: return v2019Totals
        case .v2021: return v2021Totals
        case .old: return oldTotals
        case .unknown: return []
        }
    }

    private static let v2019Totals = totals(of: v2019)
    private static let v2021Totals = totals(of: v2021)
    private static let oldTotals = totals(of: old)

    private static func totals(of rules: [IdentityRule]) -> [(total: String, parts: [String])] {
        rules.filter { $0.lhs.count == 1 && !$0.name.includes("balance") }.map { ($0.lhs[0], $0.rhs) }
    }
}
