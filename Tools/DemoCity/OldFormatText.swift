import ReportModel

/// Writes an old-format report as a plain-text copy, shaped like the real seed: prose sections, then the
/// local appendix table with one tab-indented cell per line and a blank line between rows.
enum OldFormatText {
    static func render(_ report: DemoReport) -> String {
        let value = { (code: String) in report.figures[code].map { NumberText.format($0) } ?? "" }
        let prose = DemoProse.text(unitId: report.unit.id, unitName: report.unit.name, year: report.year)
        // Published copies carry the full prose of 概述; each part is a title line and a paragraph line.
        let parts =
            report.layout.isPublished
            ? DemoFullProse.oldFormatParts(unitId: report.unit.id, year: report.year).map {
                "\($0.title)\n\($0.paragraph)\n"
            }.joined() : ""
        let items = report.items.map { "\($0.label)\(NumberText.format($0.count))条，占\(NumberText.format($0.percent))%" }
        var text = """

            晋政\(report.unit.name.prefix(2))〔\(report.year + 1)〕\(report.year - 2010)号
            \(report.unit.name)\(report.year)年政府信息公开工作年度报告
            （示例数据：本报告为 nianbao 演示用的合成数据，不是真实报告）
            晋江市人民政府：

            本年度报告根据《中华人民共和国政府信息公开条例》编制，由\(report.unit.body)负责。本报告中所列数据的统计期限自\(report.year)年1月1日起，至\(report.year)年12月31日止。

            一、概述
            \(report.year)年，\(prose.opening)。全年主动公开政府信息\(value("s1.proactive_items"))条。
            \(parts)
            二、主动公开政府信息情况
            （一）主动公开政府信息的数量
            截至目前，在“中国晋江”门户网站累计公开政府信息\(value("old.proactive.cumulative"))条。
            （二）主动公开政府信息的主要类别情况
            \(items.joined(separator: "；"))。
            三、依申请公开政府信息办理情况
            共收到政府信息公开申请\(value("s1.applications"))件，均已按时答复。
            四、政府信息公开的收费及减免情况
            全\(report.unit.kind == "街道" ? "街道" : "镇")暂实行免费提供政府信息公开。
            五、因政府信息公开申请行政复议、提起行政诉讼的情况
            受理有关政府信息公开事务的行政复议申请0件。
            六、政府信息公开工作存在的主要问题及改进情况
            \(prose.problems)\(prose.plan)
            七、需要说明的事项与附表
            （一）附表

            """
        let rows: [(String, String, String, String)] = [
            ("指 标 名 称", "计量单位", "\(report.year)年度", "历年累计"),
            ("主动公开文件数", "条", value("old.proactive.total"), value("old.proactive.cumulative")),
            ("其中：1.政府网站公开数", "条", value("old.channel.website"), value("old.channel.website_cumulative")),
            ("2.政府公报公开数", "条", "", ""),
            ("受理政府信息公开申请总数", "条", value("old.apply.received"), ""),
            ("其中：1.当面申请数", "条", value("old.apply.in_person"), ""),
            ("2.网上申请数", "条", value("old.apply.online"), ""),
            ("3.信函申请数", "条", value("old.apply.letter"), ""),
            ("对申请的答复总数", "条", value("old.answer.total"), ""),
            ("其中：1.同意公开答复数", "条", value("old.answer.granted"), ""),
            ("2.同意部分公开答复数", "条", value("old.answer.partial"), ""),
            ("3.不予公开答复总数", "条", value("old.answer.denied"), ""),
            ("4、其他类型答复数", "条", value("old.answer.other"), ""),
            ("政府信息公开收费减免金额", "元", "", ""),
            ("行政复议数", "件", value("old.review.total"), ""),
            ("行政诉讼数", "件", value("old.litigation.total"), ""),
            ("介绍行政申诉、举报数", "件", value("old.complaints"), ""),
        ]
        for row in rows { text += "\t\(row.0)\n\t\(row.1)\n\t\(row.2)\n\t\(row.3)\n\n" }
        text +=
            "\(report.unit.body)\n\(report.published.year)年\(report.published.month)月\(report.published.day)日\n 抄送：市政务公开办。\n"
        return text
    }
}
