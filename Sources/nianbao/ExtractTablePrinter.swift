import Export
import FileExtraction
import ReportModel

/// The human-readable form of `extract`: figures with Chinese names, then failed or uncertain checks.
enum ExtractTablePrinter {
    static func render(_ output: FileExtraction.Output) -> String {
        var lines = [
            "\(output.file): \(output.unit ?? "?") \(output.year.map(String.init) ?? "?")年 · 格式 \(output.format)"
        ]
        if let error = output.error { return lines[0] + "\n  错误: \(error)" }
        let table = DataTable(
            columns: [
                TableColumn("指标代码", meaning: ""), TableColumn("指标名称", meaning: ""), TableColumn("数值", meaning: ""),
            ],
            rows: output.figures.inCatalogueOrder.map { code, value in
                [.text(code), .text(IndicatorCatalogue.label(of: code) ?? ""), .number(value)]
            })
        lines.append(TextTableRenderer.render(table))
        let findings = output.audit.filter { $0.status != "pass" }
        lines.append("勾稽检查: \(output.audit.count) 条，\(output.audit.count - findings.count) 条通过")
        lines += findings.map { "  [\($0.status)] \($0.rule): \($0.message)" }
        lines += output.warnings.map { "  注意: \($0)" }
        return lines.joined(separator: "\n")
    }
}
