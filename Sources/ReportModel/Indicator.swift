/// What a figure counts, as printed beside it.
public enum IndicatorUnit: String, Sendable, Codable, Hashable {
    /// 件 (applications, cases, documents).
    case pieces = "件"
    /// 条 (published items).
    case items = "条"
    /// 个 (units, points, items of a list).
    case count = "个"
    /// 人 (people).
    case people = "人"
    /// 次 (meetings, sessions).
    case times = "次"
    /// 元 (yuan).
    case yuan = "元"
    /// 万元 (ten thousand yuan).
    case wanYuan = "万元"
    /// A ratio between 0 and 1.
    case ratio = "比率"
}

/// Which way is better when units are ranked on an indicator.
public enum RankDirection: String, Sendable, Codable, Hashable {
    /// Larger values rank first.
    case higherIsBetter = "higher"
    /// Smaller values rank first (for example correction rates).
    case lowerIsBetter = "lower"
    /// Workload figures: ranked by size, larger first, without a judgement.
    case neutral
}

/// One code of `docs/indicators.md`: the key of every stored, ranked and exported figure.
public struct Indicator: Sendable, Hashable, Codable {
    /// The stable code, for example `t3.total.new_received`.
    public let code: String
    /// The Chinese name (指标名称) the office reads.
    public let label: String
    /// The unit the report prints the figure in.
    public let unit: IndicatorUnit
    /// The report formats that print this figure.
    public let formats: Set<ReportFormat>
    /// The ranking direction.
    public let direction: RankDirection

    /// Creates a catalogue entry.
    public init(
        code: String, label: String, unit: IndicatorUnit, formats: Set<ReportFormat>,
        direction: RankDirection = .neutral
    ) {
        self.code = code
        self.label = label
        self.unit = unit
        self.formats = formats
        self.direction = direction
    }
}
