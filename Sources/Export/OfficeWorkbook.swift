import Analysis
import Configuration
import Queries
import ReportModel
import Storage

/// The office's workbook of a year, sheet by sheet, from the same tables the CSV exports and query commands
/// print: 概况 is `status` with each unit's 行政区划代码, 排名 `export rankings`, 趋势 `export trends --layout wide`
/// of each headline indicator, 质量 `quality`, 问题清单 `problems`, 全市汇总 `totals` in the template's layout
/// (`cityTablesSheet`); 口径说明 gathers their notes and 数据字典 their columns.
public enum OfficeWorkbook {
    /// The sheets of `year`.
    public static func sheets(_ queries: StoreQueries, year: Int) throws -> [WorkbookSheet] {
        let configuration = queries.configuration
        let city = configuration.city
        let tables: [WorkbookSheet] = [
            WorkbookSheet(
                name: "概况", title: "\(city)\(year)年度报告 概况：覆盖与及时性",
                table: withAreaCodes(try queries.coverage(year: year), configuration),
                frozenColumns: 2),
            WorkbookSheet(
                name: "排名", title: "\(city)\(year)年度报告 主要指标排名",
                table: try CSVExport.table(.rankings, of: queries, year: year, layout: .long, indicators: [])),
            WorkbookSheet(
                name: "趋势", title: "\(city)主要指标历年趋势（至\(year)年）",
                table: try trends(queries, to: year), frozenColumns: 4),
            WorkbookSheet(
                name: "质量", title: "\(city)\(year)年度报告 发布质量得分",
                table: QualityTable.make(try queries.quality(year: year), weights: configuration.analysis.quality),
                frozenColumns: 2),
            WorkbookSheet(
                name: "问题清单", title: "\(city)\(year)年度报告 问题清单（改“状态”“备注”列后可导入）",
                table: ProblemTable.make(try queries.problems(year: year), names: queries.unitNames),
                frozenColumns: 3,
                choices: ["状态": ProblemStatus.allCases.map(\.rawValue) + ProblemStatus.allCases.map(\.label)]),
            try cityTablesSheet(queries, year: year),
        ]
        return tables + [
            WorkbookSheet(name: "口径说明", title: "口径说明", table: methodTable(tables)),
            WorkbookSheet(name: "数据字典", title: "数据字典：各工作表的列", table: dictionaryTable(tables)),
        ]
    }

    /// The coverage table with each unit's 行政区划代码 (text) after its name.
    static func withAreaCodes(_ coverage: [CoverageRow], _ configuration: Configuration) -> DataTable {
        var columns = CoverageTable.columns(configuration)
        columns.insert(TableColumn("行政区划代码", meaning: "行政区划代码（文本，保留前导零）"), at: 2)
        let rows = coverage.map { row in
            var cells = CoverageTable.cells(row)
            cells.insert(.text(row.unit.code ?? ""), at: 2)
            return cells
        }
        return DataTable(columns: columns, rows: rows)
    }

    /// Each headline indicator's wide trend up to `year` (`export trends --indicator CODE --layout wide`), one
    /// block after another, each row led by the indicator's code and name.
    static func trends(_ queries: StoreQueries, to year: Int) throws -> DataTable {
        let tables = try Headlines.indicators.map { code in
            let indicator = try StoreQueries.indicator(code)
            return (indicator, TrendTableExport.wide(try queries.trend(indicator, from: nil, to: year, unitIds: [])))
        }
        guard let first = tables.first?.1 else { return DataTable(columns: [], rows: []) }
        let lead = [TableColumn("指标代码", meaning: "docs/indicators.md 中的代码"), TableColumn("指标名称", meaning: "指标中文名称")]
        var notes: [String] = []
        for note in tables.flatMap(\.1.notes) where !notes.contains(note) { notes.append(note) }
        return DataTable(
            columns: lead
                + first.columns.map { column in
                    var column = column
                    if !column.header.hasSuffix("同比%") { column.unit = "见指标" }
                    return column
                },
            rows: tables.flatMap { indicator, table in
                table.rows.map { [.text(indicator.code), .text(indicator.label)] + $0 }
            }, notes: notes)
    }

    /// 口径说明: every sheet's notes, and what holds for all of them.
    static func methodTable(_ sheets: [WorkbookSheet]) -> DataTable {
        let general = [
            "缺报单位列为缺报，不排名、不按0计；报告未印的数值为未填报，留空",
            "数字单元格为数值，单位编号、指标代码与行政区划代码为文本",
            "各表与 nianbao 的 CSV 导出及查询命令同源：排名 = export rankings，全市汇总 = totals，问题清单 = problems",
            "问题清单的状态列可改为 open、sent、fixed、accepted、wont_fix（或 待处理、已发单位、已整改、已认可、不予整改），"
                + "保存后用 nianbao problems import 导入",
        ]
        let rows =
            general.map { [TableCell.text("全部"), .text($0)] }
            + sheets.flatMap { sheet in
                ([sheet.table] + sheet.blocks.map(\.table)).flatMap(\.notes).map {
                    [TableCell.text(sheet.name), .text($0)]
                }
            }
        return DataTable(
            columns: [TableColumn("工作表", meaning: "说明所属的工作表"), TableColumn("说明", meaning: "口径与方法")],
            rows: rows)
    }

    /// 数据字典: every column of every sheet with its meaning, unit and 口径 note.
    static func dictionaryTable(_ sheets: [WorkbookSheet]) -> DataTable {
        let columns = [
            TableColumn("工作表", meaning: "列所在的工作表"), TableColumn("列名", meaning: "表头"),
            TableColumn("含义", meaning: "列的含义"), TableColumn("计量单位", meaning: "件、条、%……"),
            TableColumn("口径说明", meaning: "跨格式或跨年度的口径说明"),
        ]
        let rows = sheets.flatMap { sheet in
            var seen: Set<String> = []
            return ([sheet.table] + sheet.blocks.map(\.table)).flatMap(\.columns).filter {
                seen.insert($0.header).inserted
            }
            .map { column -> [TableCell] in
                [
                    .text(sheet.name), .text(column.header), .text(column.meaning), .text(column.unit),
                    .text(column.note),
                ]
            }
        }
        return DataTable(columns: columns, rows: rows)
    }
}
