import Foundation
import ReportModel

/// Scores each unit's report for publication quality — kept apart from workload and outcome figures.
public enum QualityScorer {
    /// The components in printed order with their Chinese names.
    public static let components: [(key: String, label: String)] = [
        ("on_time", "按时"), ("obtainable", "可获取"), ("complete", "完整"), ("consistent", "勾稽一致"), ("stable", "未修改"),
        ("original", "非照抄"),
    ]

    /// The method, printed with every output of the score.
    public static func method(_ weights: QualityWeights) -> [String] {
        [
            "质量得分 = Σ 权重 × 分项得分 ÷ Σ 权重 × 100（未能评估的分项不计入分母）",
            "按时 \(NumberText.format(weights.onTime))：公开日期（未印时以首次获取日期）不晚于截止日为 1，否则为 0",
            "可获取 \(NumberText.format(weights.obtainable))：最近一次获取成功为 1，否则为 0",
            "完整 \(NumberText.format(weights.complete))：该格式应有的章节和表格中实有的比例（手工录入的不评估）",
            "勾稽一致 \(NumberText.format(weights.consistent))：1 − 不符规则数 ÷ 4，最低为 0",
            "未修改 \(NumberText.format(weights.stable))：发布后未修改为 1，修改过为 0",
            "非照抄 \(NumberText.format(weights.original))：与本单位上年报告、与同年其他单位报告相同句子的比例（去掉数字，"
                + "不计 \(NumberText.format(weights.templateShare * 100))% 以上报告共有的模板句；只与更早公开的报告比较）超过 "
                + "\(NumberText.format(weights.similarityThreshold * 100))% 时按超出程度扣分",
            "本得分衡量公开质量，与申请量、纠错率等工作量和结果指标分开",
        ]
    }

    /// Scores every input of one year.
    public static func score(_ inputs: [QualityInput], weights: QualityWeights = QualityWeights()) -> [QualityScore] {
        let template = templateSentences(inputs.map(\.sentences), share: weights.templateShare)
        let own = inputs.map { Set($0.sentences).subtracting(template) }
        let shared = SharedSentences(own: own, hasReport: inputs.map(\.hasReport))
        return inputs.enumerated().map { index, input in
            guard input.hasReport else { return QualityScore(unit: input.unit, total: nil, components: [:]) }
            var parts: [String: Double] = [:]
            if let onTime = input.onTime { parts["on_time"] = onTime ? 1 : 0 }
            parts["obtainable"] = input.obtainable ? 1 : 0
            if let found = input.parts, found.expected > 0 {
                parts["complete"] = Double(found.found) / Double(found.expected)
            }
            parts["consistent"] = max(0, 1 - Double(input.failedRules) / 4)
            parts["stable"] = input.changed ? 0 : 1
            let toPrevious = input.previousSentences.map { jaccard(own[index], Set($0).subtracting(template)) }
            // Against another unit, only a report published earlier (or the same day) can have been copied.
            let toOthers = shared.mostSimilar(to: index) { other in
                inputs[other].hasReport && !isLater(inputs[other].published, than: input.published)
            }.map { (value: $0.value, unitId: inputs[$0.other].unit.id) }
            if !own[index].isEmpty {
                let worst = max(toPrevious ?? 0, toOthers?.value ?? 0)
                let excess = max(0, worst - weights.similarityThreshold) / max(1 - weights.similarityThreshold, 0.01)
                parts["original"] = max(0, 1 - excess)
            }
            return QualityScore(
                unit: input.unit, total: total(parts, weights), components: parts,
                similarityToPrevious: toPrevious, similarityToOthers: toOthers)
        }
    }

    static func total(_ parts: [String: Double], _ weights: QualityWeights) -> Double? {
        let weight: [String: Double] = [
            "on_time": weights.onTime, "obtainable": weights.obtainable,
            "complete": weights.complete, "consistent": weights.consistent,
            "stable": weights.stable, "original": weights.original,
        ]
        let denominator = parts.keys.reduce(0) { $0 + (weight[$1] ?? 0) }
        guard denominator > 0 else { return nil }
        let numerator = parts.reduce(0) { $0 + (weight[$1.key] ?? 0) * $1.value }
        return (numerator / denominator * 1000).rounded() / 10
    }

    /// Whether `date` is known to be after `reference` (unknown dates never rule a copy out).
    static func isLater(_ date: Date?, than reference: Date?) -> Bool {
        guard let date, let reference else { return false }
        return date > reference
    }

    /// Sentences printed by at least `share` of the reports (and by at least 3): template wording.
    public static func templateSentences(_ reports: [[Int64]], share: Double) -> Set<Int64> {
        var counts: [Int64: Int] = [:]
        for report in reports { for sentence in Set(report) { counts[sentence, default: 0] += 1 } }
        let needed = max(3, Int((Double(reports.count) * share).rounded(.up)))
        return Set(counts.filter { $0.value >= needed }.keys)
    }

    /// Shared sentences ÷ all sentences of the two reports (0 when both are empty).
    static func jaccard(_ left: Set<Int64>, _ right: Set<Int64>) -> Double {
        let union = left.union(right).count
        return union == 0 ? 0 : Double(left.intersection(right).count) / Double(union)
    }
}

extension QualityScore {
    /// A score with no similarity details.
    init(unit: UnitInfo, total: Double?, components: [String: Double]) {
        self.init(unit: unit, total: total, components: components, similarityToPrevious: nil, similarityToOthers: nil)
    }
}
