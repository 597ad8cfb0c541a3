import Analysis
import Export
import Foundation
import ReportModel

extension Workbench {
    /// The self-contained HTML report of `year`.
    public func htmlReport(year: Int, now: Date = Date()) throws -> String {
        let coverage = try self.coverage(year: year)
        let states = coverage.rows.map { $0[3].plain }
        let late = coverage.rows.filter { $0[7].plain == "是" }.count
        let changed = coverage.rows.filter { $0[8].plain == "是" }.count
        let inconsistent = coverage.rows.filter { ($0[9].plain as String) != "" && $0[9].plain != "0" }.count
        let summary: [(label: String, value: String)] = [
            ("单位", "\(configuration.units.count)"), ("已获取报告", "\(states.filter { $0 == "extracted" }.count)"),
            ("缺报或未获取", "\(states.filter { $0 != "extracted" }.count)"), ("逾期公开", "\(late)"),
            ("发布后修改", "\(changed)"), ("勾稽不符的报告", "\(inconsistent)"),
        ]
        var rankings: [(title: String, bars: [SVGCharts.Bar], notes: [String])] = []
        var method: [String] = []
        for code in Self.headlineIndicators {
            let ranking = try rank(code: code, year: year, group: nil)
            let isRate = DerivedRate.named(code) != nil
            // A rate's units without a rate (缺报, 样本过少) are one note line, not rows of empty bars.
            let unrated = isRate ? ranking.rows.filter { $0.status != .ranked } : []
            let collapsed = Dictionary(grouping: unrated, by: \.status.label).sorted { $0.key < $1.key }
                .map { label, rows in "\(label)：\(rows.map(\.unit.name).joined(separator: "、"))" }
            let bars = ranking.rows.filter { !isRate || $0.status == .ranked }.map { row -> SVGCharts.Bar in
                let shown = row.status == .ranked ? row.value : nil
                let text = row.status == .ranked
                    ? (isRate ? NumberText.format(((row.value ?? 0) * 1000).rounded() / 10) + "%" : NumberText.format(row.value))
                    : row.status.label
                return SVGCharts.Bar(label: row.unit.name, value: shown, note: (row.rank.map { "第\($0)名 " } ?? "") + text)
            }
            rankings.append(("\(ranking.label)（\(code)）", bars, ranking.notes + collapsed))
            method += ranking.notes.filter { !method.contains($0) }
        }
        // Only the years up to the report's: a report of 2024 shows no later data.
        let years = Array(configuration.years.lowerBound...max(configuration.years.lowerBound, min(year, configuration.years.upperBound)))
        var trendCoverage: [String] = []
        let trends = try ["series.proactive_items", "series.applications", "series.review"].map { code in
            let table = try trend(code: code, from: years.first, to: years.last, unitIds: [])
            trendCoverage.append("\(configuration.city)\(table.label)，各年有数的单位（共 \(configuration.units.count) 个）："
                                 + years.map { "\($0) 年 \(table.reporting[$0] ?? 0)" }.joined(separator: "、"))
            return (title: "\(configuration.city)\(table.label)", years: years, values: table.cityTotal.compactMapValues(\.value))
        }
        let applications = try trend(code: "series.applications", from: years.first, to: years.last, unitIds: [])
        let sparks = applications.rows.map { (name: $0.unit.name, values: $0.values) }
        method += QualityScorer.method(configuration.analysis.quality)
        method.append(ComparableSeries.breakNote)
        method.append("本报告由 nianbao 根据各单位公开的年度报告自动提取、核对和汇总；原始文件均已存档，可逐项追溯到报告原文")
        let stamp = Self.day(now)
        let otherDeadlines = configuration.hasOwnDeadlines ? "（另有规定的类别或单位按其截止日）" : ""
        var content = HTMLReportContent(
            title: "\(configuration.city)\(year)年度政府信息公开工作年度报告比较分析",
            subtitle: "nianbao 生成于 \(stamp)；截止日为次年 \(configuration.deadline)\(otherDeadlines)；共 \(configuration.units.count) 个单位",
            summary: summary, coverage: coverage, rankings: rankings, quality: try qualityTable(year: year),
            cityTrends: trends, sparklines: ("各单位收到申请数（可比序列）", years, sparks),
            audits: try auditFindings(year: year, unitId: nil), method: method)
        content.trendCoverage = trendCoverage
        return HTMLReport.render(content)
    }
}
