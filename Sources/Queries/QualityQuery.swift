import Analysis
import ReportModel
import Storage

extension StoreQueries {
    /// The quality score of every configured unit's report of `year`.
    public func quality(year: Int) throws -> [QualityScore] {
        let reports = Dictionary(
            try store.reportSummaries(year: year).map { ($0.unitId, $0) },
            uniquingKeysWith: { first, _ in first })
        let states = Dictionary(
            try store.sourceStates().filter { $0.year == year }.map { ($0.unitId, $0) },
            uniquingKeysWith: { first, _ in first })
        let sentences = try store.sentenceHashes(year: year)
        let previous = try store.sentenceHashes(year: year - 1)
        let deadlines = configuration.deadlinesByUnit()
        let inputs = units.map { unit -> QualityInput in
            guard let report = reports[unit.id], report.status == .extracted || report.status == .manual else {
                return QualityInput(
                    unit: unit, hasReport: false, onTime: nil, obtainable: false, parts: nil, failedRules: 0,
                    changed: false, sentences: [], previousSentences: nil)
            }
            let published = report.publishedOn.flatMap(ChinaDay.start) ?? report.firstSeenAt
            let parts = report.partsFound.flatMap { found in report.partsExpected.map { (found, $0) } }
            let deadline = (deadlines[unit.id] ?? configuration.deadline).deadline(forReportYear: year)
            return QualityInput(
                unit: unit, hasReport: true, onTime: published <= deadline,
                obtainable: (states[unit.id]?.consecutiveFailures ?? 0) == 0, parts: parts,
                failedRules: report.failedRules, changed: report.changedAt != nil,
                sentences: sentences[unit.id] ?? [], previousSentences: previous[unit.id], published: published)
        }
        return QualityScorer.score(inputs, weights: configuration.analysis.quality)
    }
}
