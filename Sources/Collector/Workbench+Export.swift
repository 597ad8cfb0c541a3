import Analysis
import Export
import Foundation
import ReportModel
import Storage

/// What `nianbao export` can write.
public enum ExportKind: String, Sendable, CaseIterable {
    case figures, rankings, trends, audits, runs, coverage, quality, totals
}

/// Long (one row per unit·year·indicator) or wide (one row per unit·year) layout.
public enum ExportLayout: String, Sendable, CaseIterable {
    case long, wide
}

extension Workbench {
    /// The headline indicators exported and reported when none is named.
    public static let headlineIndicators = ["series.applications", "rate.disclosed", "rate.review_corrected",
                                            "series.proactive_items"]

    /// Builds the table for an export.
    public func exportTable(_ kind: ExportKind, year: Int?, layout: ExportLayout, indicators: [String]) throws -> DataTable {
        switch kind {
        case .figures: return try figureTable(year: year, layout: layout)
        case .coverage: return try coverage(year: year)
        case .audits: return try auditFindings(year: year, unitId: nil, includePassed: true)
        case .runs: return try runLog(last: Int.max)
        case .quality: return try qualityTable(year: try year ?? latestYear())
        case .totals: return try totalsTable(year: try year ?? latestYear(), codes: indicators)
        case .rankings:
            let rankYear = try year ?? latestYear()
            let tables = try (indicators.isEmpty ? Self.headlineIndicators : indicators).map { code in
                (code, RankingTable.make(try rank(code: code, year: rankYear, group: nil), alwaysShowDenominator: true))
            }
            guard let first = tables.first?.1 else { return DataTable(columns: [], rows: []) }
            var valueColumns = first.columns
            valueColumns[4] = TableColumn("数值", meaning: "该指标的数值；比率（rate.*）以百分数表示", unit: "见指标")
            let columns = [TableColumn("指标代码", meaning: "indicators.md 中的代码"), TableColumn("指标名称", meaning: "指标中文名称")]
                + valueColumns
            let rows = tables.flatMap { code, table in
                table.rows.map { [.text(code), .text(IndicatorCatalogue.label(of: code) ?? code)] + $0 }
            }
            return DataTable(columns: columns, rows: rows, notes: tables.flatMap(\.1.notes))
        case .trends:
            let code = indicators.first ?? "series.applications"
            let table = try trend(code: code, from: nil, to: year, unitIds: [])
            return layout == .wide ? TrendTableExport.wide(table) : TrendTableExport.long(table)
        }
    }

    /// The latest year with a stored report.
    public func latestYear() throws -> Int {
        try store.reportSummaries().map(\.year).max() ?? configuration.years.upperBound
    }

    /// Every stored figure (for one year, or all), long or wide.
    func figureTable(year: Int?, layout: ExportLayout) throws -> DataTable {
        let units = Dictionary(configuration.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let figures = try store.figures(years: year.map { [$0] } ?? [])
        let base = [TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称"),
                    TableColumn("行政区划代码", meaning: "行政区划代码（文本，保留前导零）"), TableColumn("年度", meaning: "报告年度")]
        if layout == .long {
            let columns = base + [
                TableColumn("指标代码", meaning: "indicators.md 中的代码"), TableColumn("指标名称", meaning: "指标中文名称"),
                TableColumn("数值", meaning: "报告所印数值；空 = 印为空白的合计（不是0）"), TableColumn("计量单位", meaning: "件、条、元、万元……"),
                TableColumn("单元格", meaning: "number / blank / placeholder / blank_total / prose / manual"),
                TableColumn("来源表", meaning: "表二/表三/表四/附表/正文"), TableColumn("行", meaning: "行标签原文"),
                TableColumn("列", meaning: "列标签原文"), TableColumn("原文", meaning: "单元格原文或正文句子"),
            ]
            let rows = figures.map { figure -> [TableCell] in
                let unit = units[figure.unitId]
                let indicator = IndicatorCatalogue.indicator(figure.code)
                return [.text(figure.unitId), .text(unit?.name ?? ""), .text(unit?.code ?? ""), .number(Double(figure.year)),
                        .text(figure.code), .text(indicator?.label ?? ""), .number(figure.value),
                        .text(indicator?.unit.rawValue ?? ""), .text(figure.kind.rawValue), .text(figure.provenance.table),
                        .text(figure.provenance.row), .text(figure.provenance.column), .text(figure.provenance.raw)]
            }
            return DataTable(columns: columns, rows: rows)
        }
        let present = Set(figures.map(\.code))
        let codes = IndicatorCatalogue.all.map(\.code).filter(present.contains)
        let position = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let columns = base + codes.map { code in
            let indicator = IndicatorCatalogue.indicator(code)
            return TableColumn("\(indicator?.label ?? code)（\(code)）", meaning: indicator?.label ?? code,
                               unit: indicator?.unit.rawValue ?? "",
                               note: code.hasPrefix("old.") ? "旧格式口径（2008–2018）" : "")
        }
        var rows: [[TableCell]] = []
        var current: (String, Int)?
        var row: [TableCell] = []
        for figure in figures {
            if current.map({ $0 != (figure.unitId, figure.year) }) ?? true {
                if current != nil { rows.append(row) }
                current = (figure.unitId, figure.year)
                let unit = units[figure.unitId]
                row = [.text(figure.unitId), .text(unit?.name ?? ""), .text(unit?.code ?? ""), .number(Double(figure.year))]
                    + Array(repeating: .number(nil), count: codes.count)
            }
            if let index = position[figure.code] { row[base.count + index] = .number(figure.value) }
        }
        if current != nil { rows.append(row) }
        return DataTable(columns: columns, rows: rows)
    }
}
