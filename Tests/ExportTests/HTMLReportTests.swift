import Analysis
import Export
import Testing

@Suite("The HTML report")
struct HTMLReportTests {
    let content = HTMLReportContent(
        title: "测试市2025年度报告比较<分析>", subtitle: "生成于今天",
        summary: [("单位", "3"), ("缺报", "1")],
        coverage: DataTable(columns: [TableColumn("单位名称", meaning: "")], rows: [[.text("甲&乙")]]),
        rankings: [
            (
                "收到申请数",
                [
                    SVGCharts.Bar(label: "甲", value: 10, note: "第1名 10"),
                    SVGCharts.Bar(label: "乙", value: nil, note: "缺报"),
                ], ["缺报单位不按0排名"]
            )
        ],
        quality: DataTable(columns: [TableColumn("质量得分", meaning: "")], rows: [[.number(90)], [.number(nil)]]),
        cityTrends: [("全市申请数", [2017, 2018, 2019, 2020], [2017: 5, 2018: 6, 2019: 30, 2020: 28])],
        sparklines: ("各单位", [2019, 2020], [("甲", [2019: 1, 2020: 2]), ("乙", [2020: 3])]),
        audits: DataTable(columns: [TableColumn("规则", meaning: "")], rows: []), method: ["方法一"])

    @Test func itIsOneFileWithNothingFetchedAndNothingRun() {
        let html = HTMLReport.render(content)
        #expect(
            html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"zh-CN\">")
                && html.contains("<meta charset=\"utf-8\">"))
        for forbidden in ["<script", "src=", "href=", "<link", "<img", "@import", "url("] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(
            html.components(separatedBy: "<svg").count - 1 == 1 + 1 + 2, "a bar chart, a line chart and two sparklines")
        #expect(html.contains("测试市2025年度报告比较&lt;分析&gt;") && html.contains("甲&amp;乙"), "text is escaped")
        #expect(html.contains("口径变化"), "the line chart marks the 2019 format break")
        #expect(html.contains("本年度未发现勾稽不符"))
        #expect(html.contains("@media print"))
    }

    @Test func barsAreToScaleAndMissingValuesHaveNoBar() {
        let svg = SVGCharts.bars(
            [
                SVGCharts.Bar(label: "甲", value: 10, note: "10"), SVGCharts.Bar(label: "乙", value: 5, note: "5"),
                SVGCharts.Bar(label: "丙", value: nil, note: "缺报"),
            ], title: "t")
        #expect(svg.contains("width=\"360\"") && svg.contains("width=\"180\""))
        #expect(svg.components(separatedBy: "<rect").count - 1 == 2)
        #expect(svg.contains(">缺报<"))
    }
}

/// The value labels of a line chart never overlap, however close the values.
struct LineChartLabelTests {
    @Test func closeValuesOverManyYearsGetLabelsThatDoNotOverlap() throws {
        let years = Array(2008...2025)
        let values = Dictionary(uniqueKeysWithValues: years.map { ($0, 12_345.0 + Double($0 % 3)) })
        let svg = SVGCharts.line(years: years, values: values, title: "t")
        let pattern = #/<text x="(\d+)" y="(\d+)" text-anchor="middle" class="v">([0-9,.]+)</text>/#
        let labels = svg.matches(of: pattern).compactMap { match -> (x: Int, y: Int, width: Int)? in
            guard let x = Int(match.1), let y = Int(match.2), Int(match.3).map({ years.contains($0) }) != true else {
                return nil
            }
            return (x, y, match.3.count * 7)
        }
        // Eighteen "12,345" labels 27 px apart: drawn all on one line they would overlap.
        #expect(!labels.isEmpty && Set(labels.map(\.y)).count > 1, "some labels are moved below their points")
        for (index, first) in labels.enumerated() {
            for second in labels[(index + 1)...] {
                let apart = abs(first.x - second.x) * 2 >= first.width + second.width || abs(first.y - second.y) >= 11
                #expect(apart, "labels at \(first) and \(second) overlap")
            }
        }
    }
}
