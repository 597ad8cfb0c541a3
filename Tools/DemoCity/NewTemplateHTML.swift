import ReportModel

/// Writes a 2019- or 2021-template report as an HTML article inside a site template, with the real tables'
/// merged cells (rowspan/colspan) and a metadata table before the report: a small template for the demo city's
/// compact pages, a portal's whole page for published ones (`DemoLayout`).
enum NewTemplateHTML {
    static func render(_ report: DemoReport, charsetLabel: String) -> String {
        let value = { (code: String) in report.figures[code].map { NumberText.format($0) } ?? "" }
        let applications = report.figures["s1.applications"] ?? 0
        let applicationSentence =
            applications == 0
            ? "本年度未收到政府信息公开申请。"
            : "本年度共收到政府信息公开申请\(value("s1.applications"))件，均在法定期限内答复。"
        let title = "\(report.unit.body)\(report.year)年政府信息公开工作年度报告"
        let revisedNote =
            report.unit.id == DemoScenario.revised.unit && report.year == DemoScenario.revised.year
            ? "<p>（本报告已于发布后修订，更正了表二数据。）</p>" : ""
        let date = "\(report.published.year)-\(pad(report.published.month))-\(pad(report.published.day))"
        let prose = DemoProse.text(unitId: report.unit.id, unitName: report.unit.name, year: report.year)
        let informationTable = """
            <table class="meta"><tr><td>名称：</td><td>\(title)</td><td>索引号：</td><td>\(report.unit.code)/\(report.year + 1)-0001</td></tr>
            <tr><td>发布机构：</td><td>\(report.unit.body)</td><td>公开日期：</td><td>\(date)</td></tr></table>
            """
        let parts =
            report.layout.isPublished
            ? DemoFullProse.newTemplateParts(unitId: report.unit.id, year: report.year)
                .map { "\n<p><b>\($0.title)</b></p>\n<p>\($0.paragraph)</p>" }.joined() : ""
        let article = """
            <h1>\(title)</h1>
            <p>（示例数据：本报告为 nianbao 演示用的合成数据，不是真实报告）</p>\(revisedNote)
            <p>本报告根据《中华人民共和国政府信息公开条例》和\(report.format == .v2021 ? "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）" : "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）")编制。</p>
            <h2>一、总体情况</h2>
            <p>\(report.year)年，\(prose.opening)。本年度主动公开政府信息\(value("s1.proactive_items"))条。\(applicationSentence)</p>\(parts)
            <h2>二、主动公开政府信息情况</h2>
            \(report.format == .v2021 ? Table2HTML.v2021(value) : Table2HTML.v2019(value))
            <h2>三、收到和处理政府信息公开申请情况</h2>
            \(Table3HTML.render(format: report.format, value: value))
            <h2>四、政府信息公开行政复议、行政诉讼情况</h2>
            \(table4(value))
            <h2>五、存在的主要问题及改进情况</h2>
            <p>\(prose.problems)\(prose.plan)</p>
            <h2>六、其他需要报告的事项</h2>
            <p>本年度未收取信息处理费。</p>
            <p style="text-align:right">\(report.unit.body)<br>\(report.published.year)年\(report.published.month)月\(report.published.day)日</p>
            """
        switch report.layout {
        case .compact:
            return compactPage(
                title: title, charsetLabel: charsetLabel, informationTable: informationTable, article: article)
        case .portal, .pastedFromWord:
            let body = report.layout == .pastedFromWord ? WordPaste.styled(article) : article
            return PortalPage.render(
                .init(
                    title: title, charsetLabel: charsetLabel, unit: report.unit, year: report.year,
                    informationTable: informationTable, body: body))
        }
    }

    /// The demo city's small site template around the article.
    static func compactPage(title: String, charsetLabel: String, informationTable: String, article: String) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=\(charsetLabel)">
        <title>\(title)_晋江市人民政府</title></head>
        <body><div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/zfxxgknb/">政府信息公开年报</a></div>
        \(informationTable)
        <div class="TRS_Editor">
        \(article)
        </div>
        <div class="footer">主办：晋江市人民政府办公室 | 闽ICP备00000000号</div>
        </body></html>

        """
    }

    static func table4(_ value: (String) -> String) -> String {
        let headers = Table4Layout.columns.map { "<td>\($0.label)</td>" }.joined()
        let cells = Table4Layout.codes.map { "<td>\(value($0))</td>" }.joined()
        return """
            <table border="1"><tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>
            <tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
            <tr>\(headers)\(headers)\(headers)</tr>
            <tr>\(cells)</tr></table>
            """
    }

    static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}

/// Table 二 of both templates.
enum Table2HTML {
    static func v2021(_ value: (String) -> String) -> String {
        func row(_ label: String, _ codes: [String]) -> String {
            if codes.count == 1 { return "<tr><td>\(label)</td><td colspan=\"3\">\(value(codes[0]))</td></tr>" }
            return "<tr><td>\(label)</td>" + codes.map { "<td>\(value($0))</td>" }.joined() + "</tr>"
        }
        return """
            <table border="1">
            <tr><td colspan="4">第二十条第（一）项</td></tr>
            <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
            \(row("规章", ["t2.reg.made", "t2.reg.repealed", "t2.reg.valid"]))
            \(row("行政规范性文件", ["t2.norm.made", "t2.norm.repealed", "t2.norm.valid"]))
            <tr><td colspan="4">第二十条第（五）项</td></tr>
            <tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
            \(row("行政许可", ["t2.license.decisions"]))
            <tr><td colspan="4">第二十条第（六）项</td></tr>
            <tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
            \(row("行政处罚", ["t2.penalty.decisions"]))
            \(row("行政强制", ["t2.coercion.decisions"]))
            <tr><td colspan="4">第二十条第（八）项</td></tr>
            <tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
            \(row("行政事业性收费", ["t2.fee.amount_wan"]))
            </table>
            """
    }

    static func v2019(_ value: (String) -> String) -> String {
        func row(_ label: String, _ codes: [String]) -> String {
            "<tr><td>\(label)</td>" + codes.map { "<td>\(value($0))</td>" }.joined() + "</tr>"
        }
        let items = { (key: String) in ["prev_items", "change", "decisions"].map { "t2v19.\(key).\($0)" } }
        let amount = value("t2v19.procurement.amount_yuan")
        return """
            <table border="1">
            <tr><td colspan="4">第二十条第（一）项</td></tr>
            <tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>
            \(row("规章", ["t2v19.reg.new_made", "t2v19.reg.new_published", "t2v19.reg.total_published"]))
            \(row("规范性文件", ["t2v19.norm.new_made", "t2v19.norm.new_published", "t2v19.norm.total_published"]))
            <tr><td colspan="4">第二十条第（五）项</td></tr>
            <tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
            \(row("行政许可", items("license")))
            \(row("其他对外管理服务事项", items("other_service")))
            <tr><td colspan="4">第二十条第（六）项</td></tr>
            <tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
            \(row("行政处罚", items("penalty")))
            \(row("行政强制", items("coercion")))
            <tr><td colspan="4">第二十条第（八）项</td></tr>
            <tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td></tr>
            <tr><td>行政事业性收费</td><td>\(value("t2v19.fee.prev_items"))</td><td colspan="2">\(value("t2v19.fee.change"))</td></tr>
            <tr><td colspan="4">第二十条第（九）项</td></tr>
            <tr><td>信息内容</td><td>采购项目数量</td><td colspan="2">采购总金额</td></tr>
            <tr><td>政府集中采购</td><td>\(value("t2v19.procurement.items"))</td><td colspan="2">\(amount)元</td></tr>
            </table>
            """
    }
}
