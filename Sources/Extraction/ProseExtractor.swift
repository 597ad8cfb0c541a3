import Foundation
import ReportModel

/// Reads figures stated in sentences: proactive items, applications, the 信息处理费, zero statements, and the
/// category breakdown of proactive items ("机构职能、人事类信息11条，占6%").
struct ProseExtractor {
    private struct Rule {
        let code: String
        let pattern: NSRegularExpression
        /// Words every match contains: a paragraph without one of them is not searched.
        let requires: [String]
        /// The value when the pattern states a zero in words; nil to read capture group 1.
        let zero: Double?
    }

    private static func rule(_ code: String, _ pattern: String, requires: [String], zero: Double? = nil) -> Rule {
        // The patterns are constants of this file; a typo is a programming error caught by the tests.
        Rule(code: code, pattern: try! NSRegularExpression(pattern: pattern), requires: requires, zero: zero)
    }

    private static let number = "(\\d+(?:\\.\\d+)?)"
    private static let applicationKinds = "(?:政府信息公开|依申请公开|信息公开)"

    private static let rules: [Rule] = [
        rule("s1.proactive_items", "主动公开(?:各类|各类政府|政府)?信息(?:数为|数|共计|共|总数为|总数)?\(number)条", requires: ["主动公开", "条"]),
        rule("s1.proactive_items", "(?:共|全年|累计)(?:主动)?公开(?:各类|各类政府|政府)?信息(?:共计|共)?\(number)条", requires: ["公开", "条"]),
        rule("s1.applications", "未(?:收到|受理)(?:过)?(?:任何)?\(applicationKinds)?的?申请", requires: ["申请"], zero: 0),
        rule(
            "s1.applications", "(?:收到|受理|新收)(?:了)?\(applicationKinds)(?:申请)?(?:共计|共)?\(number)件", requires: ["公开", "件"]),
        rule("s1.applications", "(?:收到|受理)(?:各类)?申请(?:共计|共)?\(number)件", requires: ["申请", "件"]),
        rule("s6.processing_fee_yuan", "未(?:收取|收)(?:任何)?(?:信息处理费|费用|处理费)", requires: ["费"], zero: 0),
        rule("s6.processing_fee_yuan", "(?:收取|收缴)(?:信息处理费|处理费|费用)(?:共计|共)?\(number)元", requires: ["费", "元"]),
        rule("s6.processing_fee_yuan", "免费提供", requires: ["免费提供"], zero: 0),
        rule(
            "old.channel.noticeboard", "公开栏(?:上)?(?:主动|张贴)?公开(?:各类|政府)?(?:信息)?(?:共计|共)?\(number)条",
            requires: ["公开栏", "条"]),
        rule("old.channel.website", "网站(?:上)?(?:主动)?公开(?:各类|政府)?(?:信息)?(?:共计|共)?\(number)条", requires: ["网站", "条"]),
        rule(
            "old.response.hotspots", "回应(?:社会|公众)?(?:关注|关切)?(?:的)?热点(?:问题|事件)?(?:共计|共)?\(number)(?:次|个|件)",
            requires: ["回应", "热点"]),
        rule("old.review.total", "未(?:发生|收到|受理|有)[^。；，]{0,30}?行政复议", requires: ["行政复议"], zero: 0),
        rule("old.review.total", "行政复议(?:申请|案件)?(?:共)?\(number)件", requires: ["行政复议", "件"]),
        rule("old.litigation.total", "未(?:发生|收到|受理|有)[^。；，]{0,30}?行政诉讼", requires: ["行政诉讼"], zero: 0),
        rule("old.litigation.total", "行政诉讼(?:案件)?(?:共)?\(number)件", requires: ["行政诉讼", "件"]),
    ]

    private static let category = try! NSRegularExpression(
        pattern: "(?:^|[；;。，,：:])([^；;。，,：:]{2,60}?)(\\d+)条[，,]?\\s*占(?:比)?(\\d+(?:\\.\\d+)?)%")

    /// Adds prose figures that tables did not already give. `old.*` prose codes are read for old reports only.
    func extract(_ paragraphs: [String], format: ReportFormat, into figures: inout FigureSet) {
        for rule in Self.rules {
            if rule.code.hasPrefix("old.") && format != .old { continue }
            if figures.contains(rule.code) { continue }
            search: for paragraph in paragraphs where rule.requires.allSatisfy(paragraph.includes) {
                let range = NSRange(paragraph.startIndex..., in: paragraph)
                // A count inside brackets (（其中规范性文件412条）) is a part, not the year's figure.
                guard
                    let match = rule.pattern.matches(in: paragraph, range: range).first(where: {
                        !Self.insideBrackets($0.range, of: paragraph)
                    }),
                    let whole = Range(match.range, in: paragraph)
                else { continue }
                var value = rule.zero
                if value == nil, let capture = Range(match.range(at: 1), in: paragraph) {
                    value = Double(paragraph[capture])
                }
                guard let value else { continue }
                figures.add(
                    Figure(
                        code: rule.code, value: value, kind: .prose,
                        provenance: Provenance(
                            table: "正文", row: IndicatorCatalogue.label(of: rule.code) ?? "",
                            column: "", raw: sentence(around: whole, in: paragraph))))
                break search
            }
        }
        if format == .old {
            for (target, source) in [
                ("old.proactive.total", "s1.proactive_items"), ("old.apply.received", "s1.applications"),
            ]
            where !figures.contains(target) {
                if let stated = figures[source] {
                    figures.add(Figure(code: target, value: stated.value, kind: .prose, provenance: stated.provenance))
                }
            }
        }
    }

    /// Whether `range` stands inside a bracket opened before it in `paragraph` and not yet closed.
    private static func insideBrackets(_ range: NSRange, of paragraph: String) -> Bool {
        guard let start = Range(range, in: paragraph)?.lowerBound else { return false }
        var depth = 0
        for character in paragraph[..<start] {
            if character == "（" || character == "(" { depth += 1 }
            if (character == "）" || character == ")") && depth > 0 { depth -= 1 }
        }
        return depth > 0
    }

    /// The category breakdown lines of the proactive-disclosure section.
    func categories(_ paragraphs: [String]) -> [LabelledItem] {
        var items: [LabelledItem] = []
        for paragraph in paragraphs where paragraph.includes("条") && paragraph.includes("占") && paragraph.includes("%")
        {
            let range = NSRange(paragraph.startIndex..., in: paragraph)
            for match in Self.category.matches(in: paragraph, range: range) {
                guard let label = Range(match.range(at: 1), in: paragraph),
                    let count = Range(match.range(at: 2), in: paragraph),
                    let percent = Range(match.range(at: 3), in: paragraph),
                    let countValue = Double(paragraph[count])
                else { continue }
                items.append(
                    LabelledItem(
                        label: paragraph[label].trimmingCharacters(in: .whitespaces),
                        count: countValue, percent: Double(paragraph[percent])))
            }
            if !items.isEmpty { return items }
        }
        return items
    }

    private func sentence(around range: Range<String.Index>, in paragraph: String) -> String {
        // Compared one by one: hashing every character for a set lookup had cost twice the walk.
        func isStop(_ character: Character) -> Bool { character == "。" || character == "；" || character == ";" }
        var start = range.lowerBound
        while start > paragraph.startIndex, !isStop(paragraph[paragraph.index(before: start)]) {
            start = paragraph.index(before: start)
        }
        var end = range.upperBound
        while end < paragraph.endIndex, !isStop(paragraph[end]) { end = paragraph.index(after: end) }
        return String(paragraph[start..<end].prefix(160))
    }
}
