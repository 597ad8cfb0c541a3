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
            let bars = ranking.rows.map { row -> SVGCharts.Bar in
                let shown = row.status == .ranked ? row.value : nil
                let text = row.status == .ranked
                    ? (isRate ? NumberText.format(((row.value ?? 0) * 1000).rounded() / 10) + "%" : NumberText.format(row.value))
                    : row.status.label
                return SVGCharts.Bar(label: row.unit.name, value: shown, note: (row.rank.map { "第\($0)名 " } ?? "") + text)
            }
            rankings.append(("\(ranking.label)（\(code)）", bars, ranking.notes))
            method += ranking.notes.filter { !method.contains($0) }
        }
        let years = Array(configuration.years)
        let trends = try ["series.proactive_items", "series.applications", "series.review"].map { code in
            let table = try trend(code: code, from: years.first, to: years.last, unitIds: [])
            return (title: "全市\(table.label)", years: years, values: table.cityTotal.compactMapValues(\.value))
        }
        let applications = try trend(code: "series.applications", from: years.first, to: years.last, unitIds: [])
        let sparks = applications.rows.map { (name: $0.unit.name, values: $0.values) }
        method += QualityScorer.method(configuration.analysis.quality)
        method.append(ComparableSeries.breakNote)
        method.append("本报告由 nianbao 根据各单位公开的年度报告自动提取、核对和汇总；原始文件均已存档，可逐项追溯到报告原文")
        let stamp = Self.day(now)
        return HTMLReport.render(HTMLReportContent(
            title: "\(configuration.city)\(year)年度政府信息公开工作年度报告比较分析",
            subtitle: "nianbao 生成于 \(stamp)；截止日为次年 \(configuration.deadline)；共 \(configuration.units.count) 个单位",
            summary: summary, coverage: coverage, rankings: rankings, quality: try qualityTable(year: year),
            cityTrends: trends, sparklines: ("各单位收到申请数（可比序列）", years, sparks),
            audits: try auditFindings(year: year, unitId: nil), method: method))
    }
}
