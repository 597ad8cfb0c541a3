import Analysis
import Export
import Foundation
import ReportModel
import Storage

extension Workbench {
    /// The quality score of every configured unit's report of `year`.
    public func quality(year: Int) throws -> [QualityScore] {
        let reports = Dictionary(try store.reportSummaries(year: year).map { ($0.unitId, $0) }, uniquingKeysWith: { first, _ in first })
        let states = Dictionary(try store.sourceStates().filter { $0.year == year }.map { ($0.unitId, $0) },
                                uniquingKeysWith: { first, _ in first })
        let sentences = try store.sentenceHashes(year: year)
        let previous = try store.sentenceHashes(year: year - 1)
        let deadlines = configuration.deadlinesByUnit()
        let inputs = units.map { unit -> QualityInput in
            guard let report = reports[unit.id], report.status == .extracted || report.status == .manual else {
                return QualityInput(unit: unit, hasReport: false, onTime: nil, obtainable: false, parts: nil, failedRules: 0,
                                    changed: false, sentences: [], previousSentences: nil)
            }
            let published = report.publishedOn.flatMap(CoverageState.chinaDate) ?? report.firstSeenAt
            let parts = report.partsFound.flatMap { found in report.partsExpected.map { (found, $0) } }
            let deadline = (deadlines[unit.id] ?? configuration.deadline).deadline(forReportYear: year)
            return QualityInput(unit: unit, hasReport: true, onTime: published <= deadline,
                                obtainable: (states[unit.id]?.consecutiveFailures ?? 0) == 0, parts: parts,
                                failedRules: report.failedRules, changed: report.changedAt != nil,
                                sentences: sentences[unit.id] ?? [], previousSentences: previous[unit.id], published: published)
        }
        return QualityScorer.score(inputs, weights: configuration.analysis.quality)
    }

    /// The quality scores as a table, best first, with the method as notes.
    public func qualityTable(year: Int) throws -> DataTable {
        let scores = try quality(year: year).sorted { ($0.total ?? -1, $1.unit.id) > ($1.total ?? -1, $0.unit.id) }
        var columns = [TableColumn("单位编号", meaning: "配置中的单位 id"), TableColumn("单位名称", meaning: "单位名称"),
                       TableColumn("质量得分", meaning: "0–100，见方法说明")]
        columns += QualityScorer.components.map { TableColumn($0.label, meaning: "分项得分 0–1：\($0.label)") }
        columns += [TableColumn("状态", meaning: "已评分 / 缺报"), TableColumn("与上年相似%", meaning: "与本单位上年报告相同句子的比例"),
                    TableColumn("与他单位最相似%", meaning: "与同年其他单位报告相同句子的最高比例"),
                    TableColumn("最相似单位", meaning: "相似比例最高的其他单位")]
        let rows = scores.map { score -> [TableCell] in
            [.text(score.unit.id), .text(score.unit.name), .number(score.total)]
                + QualityScorer.components.map { .number(score.components[$0.key].map { ($0 * 100).rounded() / 100 }) }
                + [.text(score.total == nil ? "缺报" : "已评分"), .number(score.similarityToPrevious.map { ($0 * 1000).rounded() / 10 }),
                   .number(score.similarityToOthers.map { ($0.value * 1000).rounded() / 10 }),
                   .text(score.similarityToOthers?.unitId ?? "")]
        }
        return DataTable(columns: columns, rows: rows, notes: QualityScorer.method(configuration.analysis.quality))
    }
}
