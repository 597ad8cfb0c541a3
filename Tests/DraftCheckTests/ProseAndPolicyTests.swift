import ReportModel
import Testing

@testable import DraftCheck

@Suite("Prose contradictions and the block/warn policy")
struct ProseAndPolicyTests {
    func rules(_ sentence: String, _ values: IndicatorValues) -> [String] {
        ProseContradictions.problems([sentence], values: values, actor: .unit).map(\.rule)
    }

    @Test func allClosedBesideCarriedForward() {
        let carried: IndicatorValues = ["t3.total.carried_forward": 3]
        #expect(rules("本年度收到的申请均已按时办结", carried) == ["contradiction.all_closed"])
        #expect(rules("所有申请全部办结", carried) == ["contradiction.all_closed"])
        #expect(rules("尚未全部办结的申请将于下年度继续办理", carried).isEmpty)
        #expect(rules("均在法定期限内答复", carried).isEmpty, "answered in time is not closed")
        #expect(rules("所有申请均已办结", ["t3.total.carried_forward": 0]).isEmpty)
        #expect(rules("所有申请均已办结", [:]).isEmpty, "a cell not printed is missing, not 0")
    }

    @Test func noReviewOrLitigationBesideTable4() {
        let both: IndicatorValues = ["t4.review.total": 1, "t4.lit_direct.total": 0, "t4.lit_after_review.total": 2]
        #expect(rules("本年度未发生政府信息公开行政复议和行政诉讼案件", both) == ["contradiction.no_review", "contradiction.no_litigation"])
        #expect(rules("未发生行政复议，发生行政诉讼两起", both) == ["contradiction.no_review"])
        let problem = ProseContradictions.problems(["本年度没有收到行政诉讼"], values: both, actor: .unit).first
        #expect(problem?.cells == ["t4.lit_after_review.total"] && problem?.printed == "2" && problem?.expected == "0")
        #expect(rules("本年度未发生因政务公开工作不到位被通报批评的情况", both).isEmpty)
    }

    @Test func noApplicationsBesideTable3() {
        #expect(rules("本年度未收到政府信息公开申请", ["t3.total.new_received": 5]) == ["contradiction.no_applications"])
        #expect(rules("本年度未收到政府信息公开申请", ["t3.total.new_received": 0]).isEmpty)
    }

    @Test func thePolicyTheLongestEntryDecides() {
        let copying = CheckProblem(rule: "copying", severity: .warn, actor: .unit, cells: [], message: "")
        let missing = CheckProblem(rule: "outline.missing", severity: .block, actor: .unit, cells: [], message: "")
        let identity = CheckProblem(rule: "t3.row.new_received", severity: .block, actor: .unit, cells: [], message: "")
        #expect(CheckPolicy().applied(to: [copying, missing, identity]).map(\.severity) == [.warn, .block, .block])
        let policy = CheckPolicy(block: ["copying", "outline.missing"], warn: ["outline", "t3"])
        #expect(policy.applied(to: [copying, missing, identity]).map(\.severity) == [.block, .block, .warn])
    }

    @Test func knownRulesAndFamilies() {
        for name in [
            "outline", "outline.missing", "t3.row.new_received", "t3", "cross.carry.total", "copying", "split_number",
        ] {
            #expect(CheckPolicy.isKnown(name), "\(name)")
        }
        for name in ["outlin", "t3.row", "t3.row.new", "copy"] where name != "t3.row" {
            #expect(!CheckPolicy.isKnown(name), "\(name)")
        }
        #expect(CheckPolicy.isKnown("t3.row"), "a family: t3.row.*")
        #expect(CheckPolicy.knownEntries.contains("outline") && CheckPolicy.knownEntries.contains("contradiction"))
    }
}
