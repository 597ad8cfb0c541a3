import Configuration
import Queries
import ReportModel

/// Coverage as a table: one row per unit × year with its state (`nianbao status`, `export coverage`).
public enum CoverageTable {
    /// The columns; the 逾期 column's meaning names the config's deadlines.
    public static func columns(_ configuration: Configuration) -> [TableColumn] {
        [
            TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称"),
            TableColumn("年度", meaning: "报告年度"),
            TableColumn(
                "状态", meaning: "not due / missing / fetched / extracted / not_a_report / mismatch / failed / deferred"),
            TableColumn("格式", meaning: "old / 2019 / 2021"), TableColumn("公开日期", meaning: "报告页面所印的公开日期"),
            TableColumn("首次获取", meaning: "首次获取日期（本地时区）"),
            TableColumn(
                "逾期",
                meaning: "公开日期（未印时以首次获取日期）晚于本单位的截止日：次年 \(configuration.deadline)"
                    + (configuration.hasOwnDeadlines ? "，另有规定的类别或单位按其截止日" : "")),
            TableColumn("发布后修改", meaning: "首次获取后内容又有变化"),
            TableColumn("勾稽不符", meaning: "未通过的勾稽规则数"), TableColumn("说明", meaning: "原因或最近错误"),
        ]
    }

    /// One unit·year's cells.
    public static func cells(_ row: CoverageRow) -> [TableCell] {
        let report = row.report
        return [
            .text(row.unit.id), .text(row.unit.name), .number(Double(row.year)), .text(row.status.rawValue),
            .text(report?.format?.rawValue ?? ""), .text(report?.publishedOn ?? ""),
            .text(report.map { LocalTime.day($0.firstSeenAt) } ?? ""),
            .text(row.late ? "是" : ""), .text(report?.changedAt != nil ? "是" : ""),
            .number(report.map { Double($0.failedRules) }), .text(row.detail),
        ]
    }

    /// The whole table.
    public static func make(_ rows: [CoverageRow], _ configuration: Configuration) -> DataTable {
        DataTable(columns: columns(configuration), rows: rows.map(cells))
    }
}
