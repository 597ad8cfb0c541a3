import Export
import Foundation
import ReportModel
import Storage

/// A 问题清单 sheet that cannot be imported, with every bad row named.
public struct ProblemImportError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// One line per bad row or missing column.
    public var problems: [String]

    /// A plain-words explanation.
    public var description: String { "\(path): nothing imported:\n" + problems.map { "  \($0)" }.joined(separator: "\n") }
}

extension Workbench {
    /// The problem list's columns; the workbook's 问题清单 sheet has them too, and `problems import` reads
    /// 指纹, 状态 and 备注 back.
    static let problemColumns = [
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

    /// The problem list, filtered by units, statuses and year when given.
    public func problemsTable(unitIds: [String] = [], statuses: [ProblemStatus] = [], year: Int?) throws -> DataTable {
        let names = Dictionary(configuration.units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let rows = try store.problems(unitIds: unitIds, statuses: statuses, year: year).map { problem -> [TableCell] in
            [.text(problem.fingerprint), .text(problem.unitId), .text(names[problem.unitId] ?? problem.unitId),
             .number(Double(problem.year)), .text(problem.rule), .text(problem.outcome.rawValue), .text(problem.message),
             .text(problem.cells.joined(separator: " ")), .text(problem.status.rawValue), .text(problem.statusBy),
             .text(LocalTime.minute(problem.statusAt)), .text(problem.note), .number(problem.fixedVersion.map(Double.init)),
             .text(Self.day(problem.firstSeenAt))]
        }
        return DataTable(columns: Self.problemColumns, rows: rows,
                         notes: ["状态随 collect、reextract 与新版本保留；问题不再出现时由 nianbao 自动标为 fixed 并记下修复版本"])
    }

    /// The status changes a 问题清单 sheet's rows ask for (`rows` as `XLSXReader` gives them: title, header,
    /// data down to the first empty row, then notes), each row checked first: a row naming an unknown status or
    /// fingerprint fails them all. Rows whose status and note equal the stored ones ask for nothing.
    public func problemChanges(fromSheet rows: [[String]], path: String, by: String) throws -> [ProblemStatusChange] {
        guard let headerIndex = rows.firstIndex(where: { $0.contains("指纹") && $0.contains("状态") }) else {
            throw ProblemImportError(path: path, problems: ["no header row with the columns 指纹 and 状态 (sheet 问题清单)"])
        }
        let header = rows[headerIndex]
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        let stored = Dictionary(try store.problems().map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [ProblemStatusChange] = []
        var bad: [String] = []
        let data = rows.enumerated().dropFirst(headerIndex + 1).prefix { !$0.element.allSatisfy(\.isEmpty) }
        for (offset, row) in data {
            func cell(_ name: String) -> String? {
                column(name).map { $0 < row.count ? row[$0].trimmingCharacters(in: .whitespaces) : "" }
            }
            guard let fingerprint = cell("指纹"), !fingerprint.isEmpty else { continue }
            let line = "row \(offset + 1)"
            guard let problem = stored[fingerprint] else {
                bad.append("\(line): no stored problem with fingerprint '\(fingerprint)'")
                continue
            }
            guard let status = ProblemStatus(named: cell("状态") ?? "") else {
                bad.append("\(line): unknown status '\(cell("状态") ?? "")' (use "
                           + ProblemStatus.allCases.map { "\($0.rawValue) \($0.label)" }.joined(separator: ", ") + ")")
                continue
            }
            let note = cell("备注")
            if status != problem.status || (note != nil && note != problem.note) {
                changes.append(ProblemStatusChange(fingerprint: fingerprint, status: status, by: by, note: note))
            }
        }
        guard bad.isEmpty else { throw ProblemImportError(path: path, problems: bad) }
        return changes
    }
}
