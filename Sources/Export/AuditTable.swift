import Queries

/// Audit findings as a table (`nianbao audit`, `export audits`).
public enum AuditTable {
    /// The table.
    public static func make(_ findings: [AuditFinding]) -> DataTable {
        let rows = findings.map { finding -> [TableCell] in
            [
                .text(finding.unitId), .text(finding.unitName), .number(Double(finding.year)), .text(finding.rule),
                .text(finding.status.rawValue), .text(finding.message), .text(finding.cells.joined(separator: " ")),
            ]
        }
        let columns = [
            TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称"),
            TableColumn("年度", meaning: "报告年度"), TableColumn("规则", meaning: "勾稽规则名称"),
            TableColumn("结果", meaning: "pass / fail / uncertain / not_assessable"),
            TableColumn("说明", meaning: "规则与所涉数值"), TableColumn("单元格", meaning: "所涉指标代码"),
        ]
        return DataTable(columns: columns, rows: rows)
    }
}
