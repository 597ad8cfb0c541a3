import Configuration
import DraftCheck
import Export
import Storage

extension DraftCheckRun {
    /// The problems of `drafts` as one table (the `check` command's output and its xlsx sheet), a draft's notes and
    /// the gate's verdict under it.
    public static func table(_ drafts: [CheckedDraft]) -> DataTable {
        let columns = [
            TableColumn("文件", meaning: "检查的草稿文件"), TableColumn("单位编号", meaning: "配置中的单位 id（未能确定时为空）"),
            TableColumn("年度", meaning: "报告年度"),
            TableColumn(
                "规则", meaning: "规则名称（勾稽规则或 outline.*、repetition、copying、contradiction.*、split_number、unit_identity）"),
            TableColumn("级别", meaning: "block：须改正后才能公布；warn：提示"),
            TableColumn("处理方", meaning: "unit：由单位改正；reading：可能是 nianbao 的读取所致，请对照原件"),
            TableColumn("单元格", meaning: "所涉指标代码，或 section:N（第N部分）、topic:、unit:（被照抄的单位）、previous:（上年报告）"),
            TableColumn("原文", meaning: "所涉标题、句子或段落"),
            TableColumn("应为", meaning: "应印的数值或内容"), TableColumn("所印", meaning: "草稿所印的数值或内容"),
            TableColumn("说明", meaning: "问题说明"),
            TableColumn("指纹", meaning: "问题清单中的稳定标识（单位、年度、规则、单元格的摘要）；单位或年度未定时为空"),
        ]
        var rows: [[TableCell]] = []
        var notes: [String] = []
        for draft in drafts {
            for problem in draft.problems {
                let fingerprint = draft.unitId.flatMap { unitId in
                    draft.year.map {
                        Problem.fingerprint(unitId: unitId, year: $0, rule: problem.rule, cells: problem.cells)
                    }
                }
                rows.append([
                    .text(draft.file), .text(draft.unitId ?? ""), .number(draft.year.map(Double.init)),
                    .text(problem.rule), .text(problem.severity.rawValue), .text(problem.actor.rawValue),
                    .text(problem.cells.joined(separator: " ")), .text(problem.passage ?? ""),
                    .text(problem.expected ?? ""), .text(problem.printed ?? ""), .text(problem.message),
                    .text(fingerprint ?? ""),
                ])
            }
            if let error = draft.error {
                notes.append("\(draft.file)：无法读取：\(error)")
                continue
            }
            let blocking = draft.problems.filter { $0.severity == .block }.count
            notes.append(
                "\(draft.file)："
                    + (draft.problems.isEmpty
                        ? "未发现问题"
                        : "\(blocking) 个 block，\(draft.problems.count - blocking) 个 warn")
                    + (draft.blocks ? "，不能公布" : "，可以公布"))
            notes += draft.notes.map { "\(draft.file)：\($0)" }
        }
        return DataTable(columns: columns, rows: rows, notes: notes)
    }
}
