import Queries

/// City totals and 层级汇总 checks as one table (`nianbao totals`, `export totals`, the workbook's 全市汇总).
public enum TotalsTable {
    /// The table.
    public static func make(_ totals: CityTotals) -> DataTable {
        let columns = [
            TableColumn("范围", meaning: "全市合计，或某一上级单位的层级汇总"), TableColumn("指标代码", meaning: "docs/indicators.md 中的代码"),
            TableColumn("指标名称", meaning: "指标中文名称"), TableColumn("上级所报", meaning: "上级单位报告所印数值"),
            TableColumn("合计", meaning: "各单位数值之和"), TableColumn("有数单位", meaning: "数值计入合计的单位数"),
            TableColumn("单位总数", meaning: "应计入的单位数"), TableColumn("结论", meaning: "层级汇总核对结论"),
        ]
        var rows: [[TableCell]] = totals.totals.map { total in
            [
                .text("全市"), .text(total.indicator.code), .text(total.indicator.label), .number(nil),
                .number(total.total), .number(Double(total.reporting)), .number(Double(total.units)), .text(""),
            ]
        }
        rows += totals.rollUps.map { check in
            [
                .text(check.parent.name), .text(check.indicator.code), .text(check.indicator.label),
                .number(check.printed), .number(check.childrenSum), .number(Double(check.childrenReporting)),
                .number(Double(check.children)), .text(check.verdict),
            ]
        }
        return DataTable(
            columns: columns, rows: rows,
            notes: ["全市合计只计不汇总其他单位的单位，避免重复计算", "缺报单位不计入合计，也不按0计"])
    }
}
