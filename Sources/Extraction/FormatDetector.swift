import ReportModel

/// Decides a report's format from its wording; the year is only a tie-breaker.
enum FormatDetector {
    static func detect(compactText text: String, year: Int?) -> ReportFormat {
        let markers2021 = ["本年制发件数", "本年废止件数", "现行有效件数", "逾期不补正", "缴纳费用"]
        let markers2019 = ["本年新制作数量", "对外公开总数量", "上一年项目数量", "政府集中采购"]
        let newTemplate = text.includes("本年新收政府信息公开申请") || text.includes("本年新收")
        let score2021 = markers2021.filter(text.includes).count
        let score2019 = markers2019.filter(text.includes).count
        if score2021 > score2019 { return .v2021 }
        if score2019 > score2021 { return .v2019 }
        if newTemplate {
            if let year { return year >= 2021 ? .v2021 : .v2019 }
            return text.includes("（六）其他处理1") || text.includes("其他处理1.") ? .v2021 : .v2019
        }
        let oldMarkers = [
            "依申请公开", "申请答复数", "对申请的答复", "收费及减免", "收费和减免", "附表", "统计表",
            "主动公开政府信息", "政府信息公开工作年度报告", "政府信息公开年度报告",
        ]
        if oldMarkers.contains(where: text.includes) { return .old }
        return .unknown
    }
}
