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
        case .figures:
            var rows: [[TableCell]] = []
            let columns = try forEachFigureRow(year: year, layout: layout) { rows.append($0) }
            return DataTable(columns: columns, rows: rows)
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
            let columns = [TableColumn("指标代码", meaning: "docs/indicators.md 中的代码"), TableColumn("指标名称", meaning: "指标中文名称")]
                + valueColumns
            let rows = tables.flatMap { code, table in
                table.rows.map { [.text(code), .text(IndicatorCatalogue.label(of: code) ?? code)] + $0 }
            }
            return DataTable(columns: columns, rows: rows, notes: tables.flatMap(\.1.notes))
        case .trends:
            let trends = try (indicators.isEmpty ? ["series.applications"] : indicators).map { code in
                try trend(code: code, from: nil, to: year, unitIds: [])
            }
            if layout == .wide {
                guard trends.count == 1 else { throw WorkbenchError.wideTrendOfSeveralCodes(indicators) }
                return TrendTableExport.wide(trends[0])
            }
            return Self.stacked(trends.map(TrendTableExport.long))
        }
    }

    /// Long trend tables of several codes one after the other; their value column then has no single unit.
    static func stacked(_ tables: [DataTable]) -> DataTable {
        guard var columns = tables.first?.columns else { return DataTable(columns: [], rows: []) }
        if tables.count > 1, let value = columns.firstIndex(where: { $0.header == "数值" }) {
            columns[value].unit = "见指标"
        }
        var notes: [String] = []
        for note in tables.flatMap(\.notes) where !notes.contains(note) { notes.append(note) }
        return DataTable(columns: columns, rows: tables.flatMap(\.rows), notes: notes)
    }

    /// The latest year with a stored report.
    public func latestYear() throws -> Int {
        try store.reportSummaries().map(\.year).max() ?? configuration.years.upperBound
    }

    /// Writes an export to `url` (stdout when nil) with its data dictionary beside it. `export figures` streams
    /// from a database cursor, so memory stays flat however large the database, and `export coverage` writes its
    /// rows as they are made (a province's 150,000 unit·years are not held as a table). Returns the rows written.
    public func export(_ kind: ExportKind, year: Int?, layout: ExportLayout, indicators: [String], to url: URL?,
                       profile: CSVProfile) throws -> Int {
        let rows: (_ header: ([TableColumn]) throws -> Void, _ emit: ([TableCell]) throws -> Void) throws -> [TableColumn]
        switch kind {
        case .figures: rows = { try forEachFigureRow(year: year, layout: layout, header: $0, $1) }
        case .coverage: rows = { try forEachCoverageRow(year: year, header: $0, $1) }
        default:
            let table = try exportTable(kind, year: year, layout: layout, indicators: indicators)
            try CSVWriter.export(table, to: url, profile: profile)
            return table.rows.count
        }
        let writer = try CSVWriter(url: url, profile: profile)
        var count = 0
        let columns = try rows(writer.writeHeader) { row in
            try writer.write(row)
            count += 1
        }
        try writer.close()
        if let url { try CSVWriter.writeDictionary(columns, beside: url, profile: profile) }
        return count
    }

    /// Produces the rows of the figures export one by one (long: one per unit·year·code; wide: one per unit·year).
    @discardableResult
    func forEachFigureRow(year: Int?, layout: ExportLayout, header: ([TableColumn]) throws -> Void = { _ in },
                          _ emit: ([TableCell]) throws -> Void) throws -> [TableColumn] {
        let units = Dictionary(configuration.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let base = [TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称"),
                    TableColumn("行政区划代码", meaning: "行政区划代码（文本，保留前导零）"), TableColumn("年度", meaning: "报告年度")]
        func unitCells(_ unitId: String, _ year: Int) -> [TableCell] {
            [.text(unitId), .text(units[unitId]?.name ?? ""), .text(units[unitId]?.code ?? ""), .number(Double(year))]
        }
        if layout == .long {
            let columns = base + [
                TableColumn("指标代码", meaning: "docs/indicators.md 中的代码"), TableColumn("指标名称", meaning: "指标中文名称"),
                TableColumn("数值", meaning: "报告所印数值；空 = 印为空白的合计（不是0）"), TableColumn("计量单位", meaning: "件、条、元、万元……"),
                TableColumn("单元格", meaning: "number / blank / placeholder / blank_total / prose / manual"),
                TableColumn("来源表", meaning: "表二/表三/表四/附表/正文/manual"), TableColumn("行", meaning: "行标签原文"),
                TableColumn("列", meaning: "列标签原文"), TableColumn("原文", meaning: "单元格原文或正文句子"),
            ]
            try header(columns)
            try store.forEachFigure(year: year) { figure in
                let indicator = IndicatorCatalogue.indicator(figure.code)
                try emit(unitCells(figure.unitId, figure.year) + [
                    .text(figure.code), .text(indicator?.label ?? ""), .number(figure.value),
                    .text(indicator?.unit.rawValue ?? ""), .text(figure.kind.rawValue), .text(figure.provenance.table),
                    .text(figure.provenance.row), .text(figure.provenance.column), .text(figure.provenance.raw)])
            }
            return columns
        }
        let present = try store.storedCodes(year: year)
        let codes = IndicatorCatalogue.all.map(\.code).filter(present.contains)
        let position = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let columns = base + codes.map { code in
            let indicator = IndicatorCatalogue.indicator(code)
            return TableColumn("\(indicator?.label ?? code)（\(code)）", meaning: indicator?.label ?? code,
                               unit: indicator?.unit.rawValue ?? "",
                               note: code.hasPrefix("old.") ? "旧格式口径（2008–2018）" : "")
        }
        try header(columns)
        var current: (unit: String, year: Int)?
        var values: [TableCell] = []
        func flush() throws {
            guard let current else { return }
            try emit(unitCells(current.unit, current.year) + values)
        }
        try store.forEachFigure(year: year) { figure in
            if current.map({ $0.unit != figure.unitId || $0.year != figure.year }) ?? true {
                try flush()
                current = (figure.unitId, figure.year)
                values = Array(repeating: .number(nil), count: codes.count)
            }
            if let index = position[figure.code] { values[index] = .number(figure.value) }
        }
        try flush()
        return columns
    }
}
