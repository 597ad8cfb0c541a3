import Analysis
import ReportModel

/// A trend as a table, wide (one row per unit, value and change per year) or long (one row per unit·year).
public enum TrendTableExport {
    /// The wide form: unit, then per year its value and % change; the city total last.
    public static func wide(_ trend: TrendTable) -> DataTable {
        var columns = [TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称")]
        for year in trend.years {
            columns.append(
                TableColumn(
                    "\(year)", meaning: "\(year)年 \(trend.label)（\(trend.code)）",
                    unit: trend.indicator.unitLabel, note: note(trend, year)))
            columns.append(TableColumn("\(year)同比%", meaning: "\(year)年较上年的变化百分比", unit: "%"))
        }
        func cells(_ byYear: (Int) -> TrendCell?) -> [TableCell] {
            trend.years.flatMap { year -> [TableCell] in
                let cell = byYear(year)
                return [.number(cell?.value), .number(cell?.percentChange.map { ($0 * 10).rounded() / 10 })]
            }
        }
        var rows = trend.rows.map { row in [.text(row.unit.id), .text(row.unit.name)] + cells { row[$0] } }
        rows.append([.text("city"), .text("全市合计")] + cells { trend.cityTotal[$0] })
        return DataTable(columns: columns, rows: rows, notes: trend.notes)
    }

    /// The long form: one row per unit·year with value, change, % change and status.
    public static func long(_ trend: TrendTable) -> DataTable {
        let columns = [
            TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称"),
            TableColumn("年度", meaning: "报告年度"), TableColumn("指标代码", meaning: "docs/indicators.md 中的代码"),
            TableColumn("指标名称", meaning: "指标的中文名称"),
            TableColumn("数值", meaning: "该年数值；空 = 缺报或未填报", unit: trend.indicator.unitLabel),
            TableColumn("同比变化", meaning: "较上年的变化"), TableColumn("同比%", meaning: "较上年的变化百分比", unit: "%"),
            TableColumn("状态", meaning: "已排名 / 未填报 / 缺报"), TableColumn("口径说明", meaning: "跨格式变化的说明"),
        ]
        var rows: [[TableCell]] = []
        let allRows: [(String, String, (Int) -> TrendCell?)] =
            trend.rows.map { row in (row.unit.id, row.unit.name, { row[$0] }) } + [
                ("city", "全市合计", { trend.cityTotal[$0] })
            ]
        for (id, name, cellOf) in allRows {
            for year in trend.years {
                let cell = cellOf(year)
                rows.append([
                    .text(id), .text(name), .number(Double(year)), .text(trend.code), .text(trend.label),
                    .number(cell?.value), .number(cell?.change),
                    .number(cell?.percentChange.map { ($0 * 10).rounded() / 10 }),
                    .text(cell?.status.label ?? ValueStatus.missing.label), .text(note(trend, year)),
                ])
            }
        }
        return DataTable(columns: columns, rows: rows, notes: trend.notes)
    }

    /// Long trend tables of several codes one after the other; their value column then has no single unit.
    public static func stacked(_ tables: [DataTable]) -> DataTable {
        guard var columns = tables.first?.columns else { return DataTable(columns: [], rows: []) }
        if tables.count > 1, let value = columns.firstIndex(where: { $0.header == "数值" }) {
            columns[value].unit = "见指标"
        }
        var notes: [String] = []
        for note in tables.flatMap(\.notes) where !notes.contains(note) { notes.append(note) }
        return DataTable(columns: columns, rows: tables.flatMap(\.rows), notes: notes)
    }

    private static func note(_ trend: TrendTable, _ year: Int) -> String {
        guard case .series = trend.indicator else { return "" }
        return year <= 2018 ? "旧格式口径（2008–2018）" : "新模板口径（2019起）"
    }
}
