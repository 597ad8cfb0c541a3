/// Everything the HTML report shows, prepared by the caller.
public struct HTMLReportContent: Sendable {
    /// The report's title.
    public var title: String
    /// When and from what it was made.
    public var subtitle: String
    /// Headline numbers (label, value).
    public var summary: [(label: String, value: String)]
    /// Coverage and timeliness per unit.
    public var coverage: DataTable
    /// Headline rankings as bar charts.
    public var rankings: [(title: String, bars: [SVGCharts.Bar], notes: [String])]
    /// The quality score table.
    public var quality: DataTable
    /// City totals over the years.
    public var cityTrends: [(title: String, years: [Int], values: [Int: Double])]
    /// One small line per unit.
    public var sparklines: (title: String, years: [Int], rows: [(name: String, values: [Int: Double])])
    /// Failed and uncertain checks of the year.
    public var audits: DataTable
    /// Method notes.
    public var method: [String]
    /// How many units reported in each charted year, one line per chart, printed under the trends.
    public var trendCoverage: [String] = []

    /// Creates the content.
    public init(
        title: String, subtitle: String, summary: [(label: String, value: String)], coverage: DataTable,
        rankings: [(title: String, bars: [SVGCharts.Bar], notes: [String])], quality: DataTable,
        cityTrends: [(title: String, years: [Int], values: [Int: Double])],
        sparklines: (title: String, years: [Int], rows: [(name: String, values: [Int: Double])]),
        audits: DataTable, method: [String]
    ) {
        self.title = title
        self.subtitle = subtitle
        self.summary = summary
        self.coverage = coverage
        self.rankings = rankings
        self.quality = quality
        self.cityTrends = cityTrends
        self.sparklines = sparklines
        self.audits = audits
        self.method = method
    }
}

/// One self-contained HTML file: inline CSS and SVG, no script, no network, Chinese fonts, printable.
public enum HTMLReport {
    /// The page.
    public static func render(_ content: HTMLReportContent) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(HTMLText.escape(content.title))</title>
            <style>\(style)</style></head><body>
            <h1>\(HTMLText.escape(content.title))</h1><p class="sub">\(HTMLText.escape(content.subtitle))</p>
            <div class="cards">
            """
        for item in content.summary {
            html +=
                "<div class=\"card\"><div class=\"n\">\(HTMLText.escape(item.value))</div><div>\(HTMLText.escape(item.label))</div></div>"
        }
        html += "</div><h2>一、报送与时效</h2>" + table(content.coverage)
        html += "<h2>二、主要指标排名</h2><div class=\"grid\">"
        for ranking in content.rankings {
            html +=
                "<figure>\(SVGCharts.bars(ranking.bars, title: ranking.title))"
                + "<figcaption>\(ranking.notes.map(HTMLText.escape).joined(separator: "；"))</figcaption></figure>"
        }
        html += "</div><h2>三、公开质量得分</h2>" + table(content.quality)
        html += "<h2>四、历年趋势</h2><div class=\"grid\">"
        for trend in content.cityTrends {
            html += "<figure>\(SVGCharts.line(years: trend.years, values: trend.values, title: trend.title))</figure>"
        }
        html += "</div>"
        if !content.trendCoverage.isEmpty {
            html += "<p class=\"note\">" + content.trendCoverage.map(HTMLText.escape).joined(separator: "<br>") + "</p>"
        }
        html +=
            "<h3>\(HTMLText.escape(content.sparklines.title))</h3><table class=\"spark\"><tr><th>单位</th>"
            + "<th>\(content.sparklines.years.first.map(String.init) ?? "")–\(content.sparklines.years.last.map(String.init) ?? "")</th><th>最近</th></tr>"
        let largest = content.sparklines.rows.flatMap { $0.values.values }.max() ?? 1
        for row in content.sparklines.rows {
            let latest = content.sparklines.years.last.flatMap { row.values[$0] }
            html +=
                "<tr><td>\(HTMLText.escape(row.name))</td>"
                + "<td>\(SVGCharts.sparkline(years: content.sparklines.years, values: row.values, largest: largest))</td>"
                + "<td class=\"num\">\(latest.map { NumberTextFormat.plain($0) } ?? "缺报")</td></tr>"
        }
        html += "</table><h2>五、勾稽核对发现的问题</h2>"
        html += content.audits.rows.isEmpty ? "<p>本年度未发现勾稽不符。</p>" : table(content.audits)
        html += "<h2>六、方法说明</h2><ul>" + content.method.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
        return html + "</body></html>\n"
    }

    /// A data table as HTML, numbers right-aligned, missing values shown as an empty cell.
    public static func table(_ table: DataTable) -> String {
        var html =
            "<table><thead><tr>" + table.columns.map { "<th>\(HTMLText.escape($0.header))</th>" }.joined()
            + "</tr></thead><tbody>"
        for row in table.rows {
            html +=
                "<tr>"
                + row.map { cell -> String in
                    if case .number = cell { return "<td class=\"num\">\(HTMLText.escape(cell.plain))</td>" }
                    return "<td>\(HTMLText.escape(cell.plain))</td>"
                }.joined() + "</tr>"
        }
        html += "</tbody></table>"
        if !table.notes.isEmpty {
            html += "<p class=\"note\">注：" + table.notes.map(HTMLText.escape).joined(separator: "；") + "</p>"
        }
        return html
    }

    private static let style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;
        margin:24px auto;max-width:1180px;color:#1f2933;font-size:14px;line-height:1.5}
        h1{font-size:24px;margin:0}h2{font-size:19px;border-bottom:2px solid #b42318;padding-bottom:4px;margin-top:28px}
        h3{font-size:16px}.sub{color:#52606d;margin:4px 0 16px}
        .cards{display:flex;flex-wrap:wrap;gap:10px}.card{border:1px solid #d9e2ec;border-radius:6px;padding:8px 14px;min-width:110px}
        .card .n{font-size:22px;font-weight:bold;color:#b42318}
        table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #d9e2ec;padding:3px 6px;text-align:left}
        th{background:#f0f4f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
        .grid{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}figcaption{color:#52606d;font-size:12px;max-width:560px}
        svg text{font-size:12px;fill:#1f2933}svg .t{font-size:14px;font-weight:bold}svg .v{fill:#52606d;font-size:11px}
        svg .bar{fill:#c0392b}svg .line{fill:none;stroke:#c0392b;stroke-width:2}svg .dot{fill:#c0392b}
        svg .axis{stroke:#9aa5b1}svg .break{stroke:#9aa5b1;stroke-dasharray:4 3}
        .note{color:#52606d;font-size:12px}
        @media print{body{margin:0;max-width:none}h2{break-after:avoid}figure,tr{break-inside:avoid}}
        """
}
