import Analysis
import ReportModel

/// A ranking as a table: the columns the office reads, with the code beside the Chinese name.
public enum RankingTable {
    /// The ranking's table; rates are shown as percentages.
    public static func make(_ ranking: Ranking) -> DataTable {
        table(ranking, combined: false)
    }

    /// Several rankings one after the other, each row led by its code and name; every row carries the 分母 column
    /// and the value column's unit is the indicator's (`export rankings`, the workbook's 排名).
    public static func combined(_ rankings: [Ranking]) -> DataTable {
        let tables = rankings.map { ($0.indicator, table($0, combined: true)) }
        guard let first = tables.first?.1 else { return DataTable(columns: [], rows: []) }
        let columns =
            [TableColumn("指标代码", meaning: "docs/indicators.md 中的代码"), TableColumn("指标名称", meaning: "指标中文名称")]
            + first.columns
        let rows = tables.flatMap { indicator, table in
            table.rows.map { [.text(indicator.code), .text(indicator.label)] + $0 }
        }
        return DataTable(columns: columns, rows: rows, notes: tables.flatMap(\.1.notes))
    }

    private static func table(_ ranking: Ranking, combined: Bool) -> DataTable {
        let isRate = ranking.indicator.isRate
        let valueHeader = isRate ? "数值%" : "数值"
        var columns = [
            TableColumn("名次", meaning: "竞争排名（并列同名次，如 1, 2, 2, 4）"),
            TableColumn("单位编号", meaning: "配置中的单位 id"),
            TableColumn("单位名称", meaning: "单位名称"),
            TableColumn("类别", meaning: "同类分组（街道、镇、部门……）"),
            combined
                ? TableColumn("数值", meaning: "该指标的数值；比率（rate.*）以百分数表示", unit: "见指标")
                : TableColumn(
                    valueHeader, meaning: "\(ranking.label)（\(ranking.code)）" + (isRate ? "，以百分数表示" : ""),
                    unit: isRate ? "%" : ranking.indicator.unitLabel),
        ]
        if isRate || combined { columns.append(TableColumn("分母", meaning: "比率的分母")) }
        columns += [
            TableColumn("占全市比重%", meaning: "占全市合计的百分比", unit: "%"),
            TableColumn("百分位", meaning: "在已排名单位中的百分位（100 = 最好）"),
            TableColumn("上年名次", meaning: "上一年度的名次"),
            TableColumn("名次变化", meaning: "名次较上年上升的位数（正数为上升）"),
            TableColumn("数值变化", meaning: "数值较上年的变化", unit: isRate ? "百分点" : ranking.indicator.unitLabel),
            TableColumn("状态", meaning: "已排名 / 样本过少 / 无分母 / 未填报 / 缺报"),
        ]
        let rows = ranking.rows.map { row -> [TableCell] in
            var cells: [TableCell] = [
                .number(row.rank.map(Double.init)), .text(row.unit.id), .text(row.unit.name), .text(row.unit.kind),
                .number(isRate ? row.value.map { ($0 * 1000).rounded() / 10 } : row.value),
            ]
            if isRate || combined { cells.append(.number(row.denominator)) }
            cells += [
                .number(row.share.map { ($0 * 1000).rounded() / 10 }), .number(row.percentile.map { $0.rounded() }),
                .number(row.previousRank.map(Double.init)), .number(row.rankChange.map(Double.init)),
                .number(isRate ? row.valueChange.map { ($0 * 1000).rounded() / 10 } : row.valueChange),
                .text(row.status.label),
            ]
            return cells
        }
        var notes = ranking.notes
        if let total = ranking.cityTotal {
            notes.append("全市合计 \(NumberText.format(total))（\(ranking.reportingUnits) 个单位有数）")
        }
        return DataTable(columns: columns, rows: rows, notes: notes)
    }
}
