import Analysis

/// Quality scores as a table, best first, with the method as notes (`nianbao quality`, `export quality`).
public enum QualityTable {
    /// The table of `scores` weighed with `weights`.
    public static func make(_ scores: [QualityScore], weights: QualityWeights) -> DataTable {
        let sorted = scores.sorted { ($0.total ?? -1, $1.unit.id) > ($1.total ?? -1, $0.unit.id) }
        var columns = [
            TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称"),
            TableColumn("质量得分", meaning: "0–100，见方法说明"),
        ]
        columns += QualityScorer.components.map { TableColumn($0.label, meaning: "分项得分 0–1：\($0.label)") }
        columns += [
            TableColumn("状态", meaning: "已评分 / 缺报"), TableColumn("与上年相似%", meaning: "与本单位上年报告相同句子的比例"),
            TableColumn("与他单位最相似%", meaning: "与同年其他单位报告相同句子的最高比例"),
            TableColumn("最相似单位", meaning: "相似比例最高的其他单位"),
        ]
        let rows = sorted.map { score -> [TableCell] in
            [.text(score.unit.id), .text(score.unit.name), .number(score.total)]
                + QualityScorer.components.map { .number(score.components[$0.key].map { ($0 * 100).rounded() / 100 }) }
                + [
                    .text(score.total == nil ? "缺报" : "已评分"),
                    .number(score.similarityToPrevious.map { ($0 * 1000).rounded() / 10 }),
                    .number(score.similarityToOthers.map { ($0.value * 1000).rounded() / 10 }),
                    .text(score.similarityToOthers?.unitId ?? ""),
                ]
        }
        return DataTable(columns: columns, rows: rows, notes: QualityScorer.method(weights))
    }
}
