import Configuration
import Foundation
import Queries
import ReportModel
import Storage

/// Stored figures as a table, long (one row per unit·year·code) or wide (one row per unit·year), written row by
/// row from a database cursor (`export figures`).
enum FigureTable {
    /// Hands `header` the columns, then `emit` each row; returns the columns.
    @discardableResult
    static func forEachRow(
        _ queries: StoreQueries, year: Int?, layout: ExportLayout,
        header: ([TableColumn]) throws -> Void = { _ in },
        _ emit: ([TableCell]) throws -> Void
    ) throws -> [TableColumn] {
        let units = Dictionary(queries.configuration.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let base = [
            TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称"),
            TableColumn("行政区划代码", meaning: "行政区划代码（文本，保留前导零）"), TableColumn("年度", meaning: "报告年度"),
        ]
        func unitCells(_ unitId: String, _ year: Int) -> [TableCell] {
            [.text(unitId), .text(units[unitId]?.name ?? ""), .text(units[unitId]?.code ?? ""), .number(Double(year))]
        }
        if layout == .long {
            let columns =
                base + [
                    TableColumn("指标代码", meaning: "docs/indicators.md 中的代码"), TableColumn("指标名称", meaning: "指标中文名称"),
                    TableColumn("数值", meaning: "报告所印数值；空 = 印为空白的合计（不是0）"), TableColumn("计量单位", meaning: "件、条、元、万元……"),
                    TableColumn("单元格", meaning: "number / blank / placeholder / blank_total / prose / manual"),
                    TableColumn("来源表", meaning: "表二/表三/表四/附表/正文/manual"), TableColumn("行", meaning: "行标签原文"),
                    TableColumn("列", meaning: "列标签原文"), TableColumn("原文", meaning: "单元格原文或正文句子"),
                    TableColumn("扫描页", meaning: "扫描件经OCR读取时所在页（自1起）；非扫描件为空"),
                    TableColumn("扫描位置", meaning: "OCR读取该单元格的位置：左,上,右,下（磅，自页面左上角）"),
                    TableColumn("识别置信度", meaning: "OCR对该单元格的把握（0–1），低于0.6列为存疑"),
                ]
            try header(columns)
            try queries.forEachFigure(year: year) { figure in
                let indicator = IndicatorCatalogue.indicator(figure.code)
                try emit(
                    unitCells(figure.unitId, figure.year) + [
                        .text(figure.code), .text(indicator?.label ?? ""), .number(figure.value),
                        .text(indicator?.unit.rawValue ?? ""), .text(figure.kind.rawValue),
                        .text(figure.provenance.table),
                        .text(figure.provenance.row), .text(figure.provenance.column), .text(figure.provenance.raw),
                    ] + scanCells(figure.provenance.scan))
            }
            return columns
        }
        let present = try queries.storedCodes(year: year)
        let codes = IndicatorCatalogue.all.map(\.code).filter(present.contains)
        let position = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let columns =
            base
            + codes.map { code in
                let indicator = IndicatorCatalogue.indicator(code)
                return TableColumn(
                    "\(indicator?.label ?? code)（\(code)）", meaning: indicator?.label ?? code,
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
        try queries.forEachFigure(year: year) { figure in
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

    /// The page, box and confidence of a figure OCR read; blank cells for every other figure.
    private static func scanCells(_ scan: ScanReading?) -> [TableCell] {
        guard let scan else { return [.number(nil), .text(""), .number(nil)] }
        let box = [scan.box.minX, scan.box.minY, scan.box.maxX, scan.box.maxY]
            .map { String(format: "%.1f", $0) }.joined(separator: ",")
        return [.number(Double(scan.page)), .text(box), .number(scan.confidence)]
    }
}
