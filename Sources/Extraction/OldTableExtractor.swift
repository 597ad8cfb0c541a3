import Documents
import ReportModel

/// Reads old-format appendix tables (the national 统计表, coded 01–35 tables, local tables like 晋江's)
/// by row label, with the 行政复议/行政诉讼 block remembered for their 维持/纠错/其他 sub-rows.
struct OldTableExtractor {
    /// Label keywords, most specific first.
    static let rowKeywords: [(code: String, keywords: [String])] = [
        ("old.org.reading_points", ["查阅点"]),
        ("old.org.staff_fulltime", ["专职"]),
        ("old.org.staff_parttime", ["兼职"]),
        ("old.org.staff_total", ["工作人员数"]),
        ("old.org.budget_wan", ["专项经费"]),
        ("old.org.units", ["专门机构"]),
        ("old.trainees", ["接受培训"]),
        ("old.trainings", ["培训班"]),
        ("old.meetings", ["工作会议", "专题会议"]),
        ("old.proactive.normative_docs", ["主动公开规范性文件"]),
        ("old.normative_docs_issued", ["制发规范性文件"]),
        ("old.proactive.full_text_electronic", ["全文电子化"]),
        ("old.response.hotspots", ["回应公众关注热点", "重大舆情"]),
        ("old.response.press_conferences_leader", ["负责同志参加新闻发布会"]),
        ("old.response.press_conferences", ["新闻发布会"]),
        ("old.response.online_interviews_leader", ["负责同志参加政府网站在线访谈", "负责同志参加在线访谈"]),
        ("old.response.online_interviews", ["在线访谈"]),
        ("old.response.interpretations", ["政策解读"]),
        ("old.response.weibo_weixin", ["微博微信回应"]),
        ("old.response.other", ["其他方式回应"]),
        ("old.proactive.total", ["主动公开政府信息数", "主动公开文件数", "主动公开信息数"]),
        ("old.channel.gazette", ["政府公报"]),
        ("old.channel.website", ["政府网站", "网站公开"]),
        ("old.channel.weibo", ["政务微博", "微博公开"]),
        ("old.channel.weixin", ["政务微信", "微信公开"]),
        ("old.channel.noticeboard", ["公开栏"]),
        ("old.channel.other", ["其他方式"]),
        ("old.apply.in_person", ["当面申请"]),
        ("old.apply.fax", ["传真申请"]),
        ("old.apply.online", ["网络申请", "网上申请"]),
        ("old.apply.letter", ["信函申请"]),
        ("old.apply.email", ["电子邮件申请"]),
        ("old.apply.other", ["其他形式申请"]),
        ("old.apply.received", ["收到申请数", "申请总数"]),
        ("old.apply.closed_on_time", ["按时办结"]),
        ("old.apply.closed_extended", ["延期办结"]),
        ("old.apply.closed", ["申请办结数"]),
        ("old.answer.already_public", ["已主动公开"]),
        ("old.answer.partial", ["同意部分公开"]),
        ("old.answer.denied.state_secret", ["涉及国家秘密"]),
        ("old.answer.denied.commercial_secret", ["商业秘密"]),
        ("old.answer.denied.privacy", ["个人隐私"]),
        ("old.answer.denied.security_stability", ["危及国家安全", "社会稳定"]),
        ("old.answer.denied.not_gov_info", ["不是《条例》所指", "不是条例所指"]),
        ("old.answer.denied.other_law", ["法律法规规定的其他情形"]),
        ("old.answer.denied", ["不同意公开", "不予公开答复"]),
        ("old.answer.granted", ["同意公开"]),
        ("old.answer.not_this_agency", ["不属于本行政机关", "非本机关", "非本部门"]),
        ("old.answer.not_exist", ["信息不存在"]),
        ("old.answer.asked_to_amend", ["更改补充"]),
        ("old.answer.other_channel", ["其他途径"]),
        ("old.answer.other", ["其他类型答复"]),
        ("old.answer.total", ["申请答复数", "答复总数"]),
        ("old.complaints", ["行政申诉", "举报投诉", "申诉"]),
        ("old.fee_waiver_yuan", ["减免"]),
        ("old.fees_wan", ["收取的费用", "收费"]),
    ]

    static func matches(_ table: Table) -> Bool {
        let text = table.compactText
        return ["主动公开", "申请", "统计指标", "指标名称"].contains(where: text.includes)
    }

    func extract(_ tables: [Table], into figures: inout FigureSet) {
        for table in tables where Self.matches(table) {
            let codeColumn = table.rows.prefix(3).lazy.compactMap { row in
                row.firstIndex { $0.text.withoutSpaces == "代码" }
            }.first
            var cumulativeColumn = table.rows.prefix(3).lazy.compactMap { row in
                row.firstIndex { $0.text.includes("累计") }
            }.first
            if let codeColumn, let column = cumulativeColumn, column > codeColumn { cumulativeColumn = column - 1 }
            var block: String?
            for var grid in table.rows {
                // Coded tables (01–35) carry the row code in its own column: it is not a value.
                if let codeColumn, codeColumn < grid.count { grid.remove(at: codeColumn) }
                let row = TableRow(grid)
                // A heading row ("九、会议和培训情况") prints neither a unit nor a number.
                if !row.hasUnit && row.values.allSatisfy({ $0.kind == .blank }) { continue }
                let label = row.compactLabel
                if label.includes("行政复议") { block = "old.review" }
                if label.includes("行政诉讼") { block = "old.litigation" }
                guard let code = code(for: label, block: block), let first = row.values.first else { continue }
                figures.add(code, first, table: "附表", row: row.printedLabel, column: "本年")
                if let cumulativeColumn, let index = row.valueColumns.firstIndex(of: cumulativeColumn),
                    let cumulativeCode = Self.cumulativeCodes[code]
                {
                    figures.add(cumulativeCode, row.values[index], table: "附表", row: row.printedLabel, column: "历年累计")
                }
            }
        }
    }

    private static let cumulativeCodes = [
        "old.proactive.total": "old.proactive.cumulative", "old.channel.website": "old.channel.website_cumulative",
    ]

    private func code(for label: String, block: String?) -> String? {
        if label.includes("行政复议") && !label.includes("其中") { return "old.review.total" }
        if label.includes("行政诉讼") && !label.includes("其中") { return "old.litigation.total" }
        if let block {
            if label.includes("维持") { return "\(block).upheld" }
            if label.includes("纠错") { return "\(block).corrected" }
            if label.includes("其他情形") { return "\(block).other" }
        }
        return Self.rowKeywords.first { $0.keywords.contains(where: label.includes) }?.code
    }
}
