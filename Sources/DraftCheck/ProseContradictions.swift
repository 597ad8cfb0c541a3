import Foundation
import ReportModel

/// Sentences of the prose that a table contradicts: "所有申请均已办结" beside 结转下年度继续办理 above 0, "未发生
/// 行政复议" beside 行政复议 cases, "未收到申请" beside applications received.
public enum ProseContradictions {
    /// A statement the prose may make, the pattern that finds it, and the cells that must then be 0.
    struct Statement {
        let rule: DraftRule
        let pattern: NSRegularExpression
        let cells: [String]
        let says: String
        /// Words that turn the sentence round ("尚未全部办结").
        var unless: [String] = []
    }

    static let statements: [Statement] = [
        Statement(
            rule: .contradictionAllClosed,
            pattern: regex("(均|全部|都|一律)(已|已经)?(按时|按期|依法|在法定期限内)?(办结|办理完毕|办理完成)"),
            cells: ["t3.total.carried_forward"], says: "所有申请均已办结", unless: ["尚未", "未全部", "未能", "没有全部"]),
        Statement(
            rule: .contradictionNoReview,
            pattern: regex("((未|没有)(发生|收到|出现|涉及|被提起)|无)[^。；，,、]{0,16}行政复议"),
            cells: ["t4.review.total"], says: "没有行政复议"),
        Statement(
            rule: .contradictionNoLitigation,
            pattern: regex("((未|没有)(发生|收到|出现|涉及|被提起)|无)[^。；，,]{0,20}行政诉讼"),
            cells: ["t4.lit_direct.total", "t4.lit_after_review.total"], says: "没有行政诉讼"),
        Statement(
            rule: .contradictionNoApplications,
            pattern: regex("(未|没有)(收到|受理)[^。；，,]{0,8}申请"),
            cells: ["t3.total.new_received"], says: "没有收到申请"),
    ]

    /// The contradictions between `sentences` of the prose and the `values` the tables print.
    public static func problems(_ sentences: [String], values: IndicatorValues, actor: CheckActor) -> [CheckProblem] {
        var problems: [CheckProblem] = []
        for statement in statements {
            let printed = statement.cells.compactMap { code in values[code].number.map { (code, $0) } }
            let total = printed.reduce(0) { $0 + $1.1 }
            guard total > 0,
                let sentence = sentences.first(where: { sentence in
                    statement.pattern.matches(sentence) && !statement.unless.contains { sentence.contains($0) }
                })
            else { continue }
            let codes = printed.filter { $0.1 > 0 }.map(\.0)
            let names = codes.map { IndicatorCatalogue.indicator($0)?.label ?? $0 }.joined(separator: "、")
            problems.append(
                CheckProblem(
                    rule: statement.rule.rawValue, severity: statement.rule.defaultSeverity, actor: actor, cells: codes,
                    passage: sentence, expected: "0", printed: NumberText.format(total),
                    message: "正文说\(statement.says)，表中\(names)为 \(NumberText.format(total))"))
        }
        return problems
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are constants of this file.
        try! NSRegularExpression(pattern: pattern)
    }
}

extension NSRegularExpression {
    /// Whether the pattern occurs in `text`.
    func matches(_ text: String) -> Bool {
        firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
