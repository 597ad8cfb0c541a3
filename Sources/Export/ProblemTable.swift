import ReportModel
import Storage

/// The problem list as a table (`nianbao problems`, the workbook's 问题清单).
public enum ProblemTable {
    /// The columns; the workbook's 问题清单 sheet has them too, and `problems import` reads 指纹, 状态 and 备注 back.
    public static let columns = [
        TableColumn("指纹", meaning: "问题的稳定标识：单位、年度、规则与单元格的摘要，跨运行和版本不变"),
        TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称"),
        TableColumn("年度", meaning: "报告年度"), TableColumn("规则", meaning: "勾稽规则名称"),
        TableColumn("结果", meaning: "fail（不符）/ uncertain（缺数无法核对）"),
        TableColumn("说明", meaning: "规则与报告所印数值"), TableColumn("单元格", meaning: "所涉指标代码"),
        TableColumn("状态", meaning: "open 待处理 / sent 已发单位 / fixed 已整改 / accepted 已认可 / wont_fix 不予整改；可在此列修改后导入"),
        TableColumn("处理人", meaning: "设定状态的人；nianbao 为自动"), TableColumn("处理时间", meaning: "设定状态的时间（本地时间）"),
        TableColumn("备注", meaning: "办公室的备注；可修改后导入"),
        TableColumn("修复版本", meaning: "不再出现该问题的报告版本（document_version.id）"),
        TableColumn("首次发现", meaning: "首次发现的日期（本地时区）"),
    ]

    /// The table of `problems`, each unit named from `names`.
    public static func make(_ problems: [Problem], names: [String: String]) -> DataTable {
        let rows = problems.map { problem -> [TableCell] in
            [
                .text(problem.fingerprint), .text(problem.unitId), .text(names[problem.unitId] ?? problem.unitId),
                .number(Double(problem.year)), .text(problem.rule), .text(problem.outcome.rawValue),
                .text(problem.message),
                .text(problem.cells.joined(separator: " ")), .text(problem.status.rawValue), .text(problem.statusBy),
                .text(LocalTime.minute(problem.statusAt)), .text(problem.note),
                .number(problem.fixedVersion.map(Double.init)),
                .text(LocalTime.day(problem.firstSeenAt)),
            ]
        }
        return DataTable(
            columns: columns, rows: rows,
            notes: ["状态随 collect、reextract 与新版本保留；问题不再出现时由 nianbao 自动标为 fixed 并记下修复版本"])
    }
}
