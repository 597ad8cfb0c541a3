import DemoCity
import Documents
import Extraction
import Foundation
import ReportModel
import Testing

@testable import DraftCheck

/// The checker on the demo city's unpublished draft (紫帽镇 2025), read as a real HTML page.
@Suite("Draft checker on a real page")
struct DraftCheckerTests {
    static let page = String(decoding: DemoCity.bytes(of: DemoCity.unpublishedDraft) ?? [], as: UTF8.self)

    func check(_ html: String, stored: StoredText? = nil) throws -> [CheckProblem] {
        let document = try DocumentReader.read(Array(html.utf8), fileName: "draft.html")
        return DraftChecker.check(document, try Extractor.extract(document), previous: nil, stored: stored)
    }

    @Test func theConsistentDraftHasNoProblem() throws {
        #expect(DemoCity.unpublishedDraft.plantedFailures.isEmpty)
        #expect(try check(Self.page).isEmpty)
    }

    @Test func aTotalPrintedInTwoCellsIsOneSplitNumber() throws {
        // 本年新收·总计 14 printed as "1" in 其他 and "4" in 总计.
        let row = "<td>2</td><td>0</td><td>14</td></tr>"
        #expect(Self.page.contains(row))
        let problems = try check(Self.page.replacingOccurrences(of: row, with: "<td>2</td><td>1</td><td>4</td></tr>"))
        #expect(problems.map(\.rule) == ["split_number"], "the failed identities it explains are not listed apart")
        let split = try #require(problems.first)
        #expect(split.cells == ["t3.other_org.new_received", "t3.total.new_received"])
        #expect(
            split.printed == "1 | 4" && split.expected == "0 | 14" && split.actor == .unit && split.severity == .block)
    }

    @Test func aMisprintThatNoJoinExplainsStaysAnAuditProblem() throws {
        let row = "<td>2</td><td>0</td><td>14</td></tr>"
        let problems = try check(Self.page.replacingOccurrences(of: row, with: "<td>2</td><td>0</td><td>15</td></tr>"))
        #expect(!problems.map(\.rule).contains("split_number"))
        let rowRule = try #require(problems.first { $0.rule == "t3.row.new_received" })
        #expect(rowRule.printed == "15" && rowRule.expected == "14" && rowRule.severity == .block)
    }

    @Test func passagesCarryTheStoredFingerprints() throws {
        let document = try DocumentReader.read(Array(Self.page.utf8), fileName: "draft.html")
        let stored = try Extractor.extract(document).shape.sentenceHashes
        #expect(Set(SentencePassage.of(document).map(\.hash)) == Set(stored))
    }

    func document(_ paragraphs: [String]) -> Document {
        Document(kind: .html, encoding: nil, title: nil, paragraphs: paragraphs, tables: [], links: [], warnings: [])
    }

    func hashes(_ paragraphs: [String]) -> [Int64] { SentencePassage.of(document(paragraphs)).map(\.hash) }

    @Test func repetitionOverHalfOfTheProse() throws {
        let last = ["2024年，本镇坚持以公开为常态、不公开为例外，持续深化政务公开。一是政策解读的形式还不够丰富；二是基层公开栏更新不够及时。"]
        let draft = ["2025年，本镇坚持以公开为常态、不公开为例外，持续深化政务公开。一是政策解读的形式还不够丰富；下一步将完善信息发布协调机制。"]
        func repetition(previous: [Int64]) -> CheckProblem? {
            let stored = StoredText(
                previous: previous, previousYear: ["self": previous], sameYear: [:], unitNames: [:],
                templateShare: 0.3)
            return TextOverlap.repetition(SentencePassage.of(document(draft)), stored: stored, year: 2025, actor: .unit)
        }
        let repeated = try #require(repetition(previous: hashes(last)))
        // 41 of 54 characters (digits and numerals such as 一 not counted) repeat.
        #expect(repeated.printed == "75.9%" && repeated.cells == ["previous:2024"])
        #expect(repeated.passage?.contains("持续深化政务公开") == true)
        #expect(repetition(previous: hashes(["与今年完全不同的一段文字，没有任何句子相同。"])) == nil)
    }

    @Test func copyingLeavesOutTemplateWordingAndShortPhrases() throws {
        let template = "本报告中所列数据的统计期限自一月一日起至十二月三十一日止"
        let copied = "围绕群众关心的就业、教育、医疗、养老、住房等民生事项，及时发布办事指南和服务信息"
        let short = "下一步将强化考核督促"
        let draft = SentencePassage.of(document(["\(template)。\(copied)。\(short)。本镇自己写的一句话，别的单位没有。"]))
        let others = [
            "a": hashes([template, copied, short]), "b": hashes([template, short]), "c": hashes([template]),
        ]
        let stored = StoredText(
            previous: nil, previousYear: [:], sameYear: others, unitNames: ["a": "甲镇"], templateShare: 0.5)
        let problems = TextOverlap.copying(draft, stored: stored, actor: .unit)
        #expect(
            problems.map(\.cells) == [["unit:a"]],
            "the template sentence of all three and the short one are not copying")
        #expect(problems.first?.passage == "「\(copied)」")
        #expect(problems.first?.message.contains("甲镇") == true)
    }

    @Test func everyRuleTheAuditReportsOnTheDemoCityIsKnown() {
        var previous: [String: [String: Double?]] = [:]
        for report in DemoCity.reports {
            let results = Auditor.audit(
                IndicatorValues(report.figures), format: report.format, items: report.items,
                previous: previous[report.unit.id])
            for result in results { #expect(DraftRule.knownNames.contains(result.rule), "\(result.rule)") }
            previous[report.unit.id] = report.figures
        }
    }
}
