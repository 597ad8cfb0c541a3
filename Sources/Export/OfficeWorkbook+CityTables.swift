import Analysis
import Queries
import ReportModel
import Storage

extension OfficeWorkbook {
    /// 全市汇总: the city's tables 二, 三 and 四 summed in the layout of the year's template (`TemplateTables`), each
    /// cell the sum `totals` prints for its code and, in blocks of the same shape, the number of units counted;
    /// above them the gaps of every total (units missing, not assessable or on another template), for the city
    /// and for each unit others roll up into; below them `totals`' own table.
    static func cityTablesSheet(_ queries: StoreQueries, year: Int) throws -> WorkbookSheet {
        let format = ReportFormat.expected(forYear: year)
        let blocks = TemplateTables.blocks(for: format)
        let codes = blocks.flatMap(\.codes)
        let indicators = try codes.map(StoreQueries.indicator)
        let totals = Dictionary(
            try queries.totals(indicators, year: year).totals.map { ($0.indicator.code, $0) },
            uniquingKeysWith: { first, _ in first })
        let values = blocks.map { block in
            SheetBlock(
                caption: block.caption, table: templateTable(block) { totals[$0]?.total },
                groups: block.groups.isEmpty ? [] : [""] + block.groups)
        }
        let counts = blocks.map { block in
            SheetBlock(
                caption: "\(block.caption)：各格计入单位数",
                table: templateTable(block) { totals[$0].map { Double($0.reporting) } },
                groups: block.groups.isEmpty ? [] : [""] + block.groups)
        }
        let headline = SheetBlock(
            caption: "主要指标合计与层级汇总核对（同 nianbao totals）",
            table: try CSVExport.table(.totals, of: queries, year: year, layout: .long, indicators: []))
        var notes = [
            "各格为各单位所印数值之和，与 nianbao totals 相同；缺报、无法计入的单位不计入，也不按0计",
            "“各格计入单位数”为该格有数的单位数；应计入的单位见上表",
            "全市合计只计不汇总其他单位的单位；汇总其他单位的单位另列为一个范围，核对见最后一表",
        ]
        switch format {
        case .v2021: notes.append("版式为国办公开办函〔2021〕30号模板的表二、表三、表四")
        case .v2019: notes.append("版式为2019年模板的表三、表四；其表二的采购总金额有元与万元两种口径，不按模板汇总")
        case .old, .unknown: notes.append("\(year)年度为旧格式（2018年及以前），无模板表格，只列主要指标合计")
        }
        var sheet = WorkbookSheet(
            name: "全市汇总", title: "\(queries.configuration.city)\(year)年度 全市汇总（按模板表二、三、四）",
            table: try totalGaps(queries, year: year, format: format, notes: notes))
        sheet.blocks = values + counts + [headline]
        return sheet
    }

    /// A template block as a table: the label column, then one column per printed column, each cell `cell(code)`.
    static func templateTable(_ block: TemplateBlock, _ cell: (String) -> Double?) -> DataTable {
        let columns =
            [TableColumn(block.corner.isEmpty ? "项目" : block.corner, meaning: "模板所印的行")]
            + block.columns.map { TableColumn($0, meaning: "模板所印的列：各单位之和，或计入单位数", unit: "件") }
        let rows = block.rows.map { row -> [TableCell] in
            [.text(row.label)]
                + (row.codes.isEmpty ? block.columns.map { _ in .number(nil) } : row.codes.map { .number(cell($0)) })
        }
        return DataTable(columns: columns, rows: rows)
    }

    /// For the city and for each unit others roll up into: the units its totals should count, those counted, and
    /// those missing, not assessable (not a report, another unit's or year's) or printed on another template.
    static func totalGaps(_ queries: StoreQueries, year: Int, format: ReportFormat, notes: [String]) throws -> DataTable
    {
        let units = queries.units
        let reports = Dictionary(
            try queries.store.reportSummaries(year: year).map { ($0.unitId, $0) },
            uniquingKeysWith: { first, _ in first })
        let parents = Set(units.compactMap(\.parent))
        var scopes: [(name: String, members: [UnitInfo])] = [("全市", units.filter { !parents.contains($0.id) })]
        scopes += units.filter { parents.contains($0.id) }.map { parent in
            (parent.name, units.filter { $0.parent == parent.id })
        }
        let rows = scopes.map { scope -> [TableCell] in
            var counted = 0
            var missing: [String] = []
            var notAssessable: [String] = []
            var otherTemplate: [String] = []
            for unit in scope.members {
                guard let report = reports[unit.id] else {
                    missing.append(unit.name)
                    continue
                }
                guard report.status == .extracted || report.status == .manual else {
                    notAssessable.append("\(unit.name)（\(report.status.rawValue)）")
                    continue
                }
                counted += 1
                if let printed = report.format, printed != format {
                    otherTemplate.append("\(unit.name)（\(printed.rawValue)）")
                }
            }
            return [
                .text(scope.name), .number(Double(scope.members.count)), .number(Double(counted)),
                .text(missing.joined(separator: "、")), .text(notAssessable.joined(separator: "、")),
                .text(otherTemplate.joined(separator: "、")),
            ]
        }
        let columns = [
            TableColumn("范围", meaning: "全市合计，或某一上级单位的层级汇总"),
            TableColumn("应计入单位", meaning: "合计应包括的单位数", unit: "个"),
            TableColumn("已计入单位", meaning: "有可读报告、其数值计入合计的单位数", unit: "个"),
            TableColumn("缺报单位", meaning: "没有该年度报告的单位"),
            TableColumn("无法计入单位", meaning: "有文件但不能计入的单位（not_a_report：不是可读报告；mismatch：印的是别的单位或年度）"),
            TableColumn("模板不同单位", meaning: "按其他模板填报的单位（计入合计，但模板不同的格没有数）"),
        ]
        return DataTable(columns: columns, rows: rows, notes: notes)
    }
}
