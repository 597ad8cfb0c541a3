import Foundation
import ReportModel

/// Consistent figures for one old-format (2008–2018) report, with the 历年累计 chain carried forward.
enum OldFormatFigures {
    static let categories = [
        "机构职能、人事类信息", "规划计划类信息", "财政资金类信息", "重大建设项目类信息",
        "社会保障、就业创业类信息", "城乡建设和管理类信息", "其他应主动公开的政府信息",
    ]

    static func make(previousCumulative: Int?, random: inout SeededRandom) -> (
        values: [String: Double], items: [LabelledItem]
    ) {
        var values: [String: Double] = [:]
        let total = random.int(60...300)
        let cumulative = (previousCumulative ?? random.int(400...1500)) + total
        values["old.proactive.total"] = Double(total)
        values["old.proactive.cumulative"] = Double(cumulative)
        values["old.channel.website"] = Double(total)
        values["old.channel.website_cumulative"] = Double(cumulative)
        values["old.channel.gazette"] = 0
        let channels = [random.int(0...3), random.int(0...4), random.int(0...2)]
        let received = channels.reduce(0, +)
        values["old.apply.received"] = Double(received)
        for (code, value) in zip(["old.apply.in_person", "old.apply.online", "old.apply.letter"], channels) {
            values[code] = Double(value)
        }
        let answers = random.split(received, into: 4)
        values["old.answer.total"] = Double(received)
        for (code, value) in zip(
            ["old.answer.granted", "old.answer.partial", "old.answer.denied", "old.answer.other"], answers)
        {
            values[code] = Double(value)
        }
        values["old.fee_waiver_yuan"] = 0
        values["old.review.total"] = 0
        values["old.litigation.total"] = 0
        values["old.complaints"] = 0
        values["s1.proactive_items"] = Double(total)
        values["s1.applications"] = Double(received)
        values["s6.processing_fee_yuan"] = 0
        let counts = random.split(total, into: categories.count)
        let items = zip(categories, counts).filter { $0.1 > 0 }.map { label, count in
            LabelledItem(
                label: label, count: Double(count), percent: (Double(count) / Double(total) * 1000).rounded() / 10)
        }
        return (values, items)
    }
}
