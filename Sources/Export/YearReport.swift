import Analysis
import Foundation
import Queries
import ReportModel

/// The self-contained HTML report of one year (`nianbao report`), from the read side's answers.
public enum YearReport {
    /// The page for `year`, stamped with `now`.
    public static func html(_ queries: StoreQueries, year: Int, now: Date = Date()) throws -> String {
        let configuration = queries.configuration
        let coverage = try queries.coverage(year: year)
        let extracted = coverage.filter { $0.status == .extracted }.count
        let summary: [(label: String, value: String)] = [
            ("单位", "\(configuration.units.count)"), ("已获取报告", "\(extracted)"),
            ("缺报或未获取", "\(coverage.count - extracted)"), ("逾期公开", "\(coverage.filter(\.late).count)"),
            ("发布后修改", "\(coverage.filter { $0.report?.changedAt != nil }.count)"),
            ("勾稽不符的报告", "\(coverage.filter { ($0.report?.failedRules ?? 0) > 0 }.count)"),
        ]
        var rankings: [(title: String, bars: [SVGCharts.Bar], notes: [String])] = []
        var method: [String] = []
        for code in Headlines.indicators {
            let ranking = try queries.rank(try StoreQueries.indicator(code), year: year, group: nil)
            rankings.append(chart(ranking))
            method += ranking.notes.filter { !method.contains($0) }
        }
        // Only the years up to the report's: a report of 2024 shows no later data.
        let first = configuration.years.lowerBound
        let years = Array(first...max(first, min(year, configuration.years.upperBound)))
        var trendCoverage: [String] = []
        let trends = try ["series.proactive_items", "series.applications", "series.review"].map { code in
            let table = try queries.trend(
                try StoreQueries.indicator(code), from: years.first, to: years.last, unitIds: [])
            trendCoverage.append(
                "\(configuration.city)\(table.label)，各年有数的单位（共 \(configuration.units.count) 个）："
                    + years.map { "\($0) 年 \(table.reporting[$0] ?? 0)" }.joined(separator: "、"))
            return (
                title: "\(configuration.city)\(table.label)", years: years,
                values: table.cityTotal.compactMapValues(\.value)
            )
        }
        let applications = try queries.trend(
            try StoreQueries.indicator("series.applications"), from: years.first,
            to: years.last, unitIds: [])
        let sparks = applications.rows.map { (name: $0.unit.name, values: $0.values) }
        method += QualityScorer.method(configuration.analysis.quality)
        method.append(ComparableSeries.breakNote)
        method.append("本报告由 nianbao 根据各单位公开的年度报告自动提取、核对和汇总；原始文件均已存档，可逐项追溯到报告原文")
        var content = HTMLReportContent(
            title: "\(configuration.city)\(year)年度政府信息公开工作年度报告比较分析",
            subtitle: "nianbao 生成于 \(LocalTime.day(now))；截止日为次年 \(configuration.deadline)"
                + (configuration.hasOwnDeadlines ? "（另有规定的类别或单位按其截止日）" : "")
                + "；共 \(configuration.units.count) 个单位",
            summary: summary, coverage: CoverageTable.make(coverage, configuration),
            rankings: rankings,
            quality: QualityTable.make(try queries.quality(year: year), weights: configuration.analysis.quality),
            cityTrends: trends, sparklines: ("各单位收到申请数（可比序列）", years, sparks),
            audits: AuditTable.make(try queries.auditFindings(year: year, unitId: nil)), method: method)
        content.trendCoverage = trendCoverage
        return HTMLReport.render(content)
    }

    /// A ranking as a bar chart; a rate's units without a rate (缺报, 样本过少) are one note line, not empty bars.
    private static func chart(_ ranking: Ranking) -> (title: String, bars: [SVGCharts.Bar], notes: [String]) {
        let isRate = ranking.indicator.isRate
        let unrated = isRate ? ranking.rows.filter { $0.status != .ranked } : []
        let collapsed = Dictionary(grouping: unrated, by: \.status.label).sorted { $0.key < $1.key }
            .map { label, rows in "\(label)：\(rows.map(\.unit.name).joined(separator: "、"))" }
        let bars = ranking.rows.filter { !isRate || $0.status == .ranked }.map { row -> SVGCharts.Bar in
            let shown = row.status == .ranked ? row.value : nil
            let text =
                row.status == .ranked
                ? (isRate
                    ? NumberText.format(((row.value ?? 0) * 1000).rounded() / 10) + "%" : NumberText.format(row.value))
                : row.status.label
            return SVGCharts.Bar(label: row.unit.name, value: shown, note: (row.rank.map { "第\($0)名 " } ?? "") + text)
        }
        return ("\(ranking.label)（\(ranking.code)）", bars, ranking.notes + collapsed)
    }
}
