/// The columns and rows of table 三 (收到和处理政府信息公开申请情况), shared by both new templates.
public enum Table3Layout {
    /// A column of table 三: a kind of applicant, or the 总计 column.
    public struct Column: Sendable, Hashable {
        /// The code segment, for example `natural`.
        public let key: String
        /// The printed header.
        public let label: String
    }

    /// A row of table 三.
    public struct Row: Sendable, Hashable {
        /// The code segment, for example `result.denied.third_party`.
        public let key: String
        /// The printed row label (without the group heading).
        public let label: String
        /// The templates that print this row.
        public let formats: Set<ReportFormat>
    }

    /// The seven columns in printed order; `total` last.
    public static let columns: [Column] = [
        Column(key: "natural", label: "自然人"),
        Column(key: "commercial", label: "商业企业"),
        Column(key: "research", label: "科研机构"),
        Column(key: "social", label: "社会公益组织"),
        Column(key: "legal", label: "法律服务机构"),
        Column(key: "other_org", label: "其他"),
        Column(key: "total", label: "总计"),
    ]

    /// The six applicant columns whose sum is the 总计 column.
    public static var applicantColumns: [Column] { Array(columns.dropLast()) }

    private static let both: Set<ReportFormat> = [.v2019, .v2021]

    /// The outcome rows (（一）…（六）) whose sum is （七）总计, for a template.
    public static func resultParts(for format: ReportFormat) -> [Row] {
        rows.filter { $0.key.hasPrefix("result.") && $0.key != "result.total" && $0.formats.contains(format) }
    }

    /// Every row in printed order.
    public static let rows: [Row] = [
        Row(key: "new_received", label: "一、本年新收政府信息公开申请数量", formats: both),
        Row(key: "carried_over", label: "二、上年结转政府信息公开申请数量", formats: both),
        Row(key: "result.granted", label: "（一）予以公开", formats: both),
        Row(key: "result.partial", label: "（二）部分公开", formats: both),
        Row(key: "result.denied.state_secret", label: "（三）不予公开 1.属于国家秘密", formats: both),
        Row(key: "result.denied.law_prohibited", label: "（三）不予公开 2.其他法律行政法规禁止公开", formats: both),
        Row(key: "result.denied.safety_stability", label: "（三）不予公开 3.危及“三安全一稳定”", formats: both),
        Row(key: "result.denied.third_party", label: "（三）不予公开 4.保护第三方合法权益", formats: both),
        Row(key: "result.denied.internal_affairs", label: "（三）不予公开 5.属于三类内部事务信息", formats: both),
        Row(key: "result.denied.process_info", label: "（三）不予公开 6.属于四类过程性信息", formats: both),
        Row(key: "result.denied.enforcement_file", label: "（三）不予公开 7.属于行政执法案卷", formats: both),
        Row(key: "result.denied.admin_query", label: "（三）不予公开 8.属于行政查询事项", formats: both),
        Row(key: "result.unable.not_held", label: "（四）无法提供 1.本机关不掌握相关政府信息", formats: both),
        Row(key: "result.unable.need_create", label: "（四）无法提供 2.没有现成信息需要另行制作", formats: both),
        Row(key: "result.unable.unclear", label: "（四）无法提供 3.补正后申请内容仍不明确", formats: both),
        Row(key: "result.rejected.petition", label: "（五）不予处理 1.信访举报投诉类申请", formats: both),
        Row(key: "result.rejected.repeat", label: "（五）不予处理 2.重复申请", formats: both),
        Row(key: "result.rejected.publication", label: "（五）不予处理 3.要求提供公开出版物", formats: both),
        Row(key: "result.rejected.mass_repeat", label: "（五）不予处理 4.无正当理由大量反复申请", formats: both),
        Row(key: "result.rejected.confirm", label: "（五）不予处理 5.要求行政机关确认或重新出具已获取信息", formats: both),
        Row(key: "result.other", label: "（六）其他处理", formats: [.v2019]),
        Row(
            key: "result.other.no_correction",
            label: "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", formats: [.v2021]),
        Row(
            key: "result.other.unpaid_fee",
            label: "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", formats: [.v2021]),
        Row(key: "result.other.misc", label: "（六）其他处理 3.其他", formats: [.v2021]),
        Row(key: "result.total", label: "（七）总计", formats: both),
        Row(key: "carried_forward", label: "四、结转下年度继续办理", formats: both),
    ]

    /// The code of a cell: `t3.<column>.<row>`.
    public static func code(column: String, row: String) -> String { "t3.\(column).\(row)" }
}

/// The fifteen cells of table 四 (行政复议、行政诉讼).
public enum Table4Layout {
    /// The three blocks in printed order with their code segment and label.
    public static let blocks: [(key: String, label: String)] = [
        ("review", "行政复议"), ("lit_direct", "行政诉讼·未经复议直接起诉"), ("lit_after_review", "行政诉讼·复议后起诉"),
    ]
    /// The five columns of each block in printed order; `total` last.
    public static let columns: [(key: String, label: String)] = [
        ("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"), ("total", "总计"),
    ]
    /// All fifteen codes in printed order.
    public static var codes: [String] {
        blocks.flatMap { block in columns.map { "t4.\(block.key).\($0.key)" } }
    }
}
