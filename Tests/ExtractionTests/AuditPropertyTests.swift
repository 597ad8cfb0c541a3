import DemoCity
import Extraction
import ReportModel
import Testing

@Suite("Audit rules on generated tables")
struct AuditPropertyTests {
    static let consistent = DemoCity.reports.filter { $0.plantedFailures.isEmpty && $0.format.isNewTemplate }

    @Test func everyConsistentReportPassesEveryIdentity() {
        for report in Self.consistent {
            let results = Auditor.audit(
                IndicatorValues(report.figures.mapValues { Optional($0) }), format: report.format)
            #expect(results.allSatisfy { $0.status == .pass }, "\(report.fileName)")
        }
    }

    /// Changing any single table 三 cell by one breaks the rules that involve that cell, and only those.
    @Test func anySingleChangedCellFailsTheRightRules() throws {
        let report = try #require(Self.consistent.first { $0.format == .v2021 })
        let rules = AuditRules.identities(for: .v2021)
        for code in report.figures.keys.sorted() where code.hasPrefix("t3.") || code.hasPrefix("t4.") {
            var figures = report.figures.filter { !$0.key.hasPrefix("s") }.mapValues { Optional($0) }
            figures[code] = .some((report.figures[code] ?? 0) + 1)
            let failed = Set(
                Auditor.audit(IndicatorValues(figures), format: .v2021).filter { $0.status == .fail }.map(\.rule))
            let expected = Set(rules.filter { ($0.lhs + $0.rhs).contains(code) }.map(\.name))
            #expect(!expected.isEmpty, "\(code) is in no rule")
            #expect(failed == expected, "\(code)")
        }
    }

    /// Rules read cells by catalogue position: a rule's code outside the catalogue would never be printed.
    @Test func everyRuleCellIsAnIndicator() {
        for format in [ReportFormat.old, .v2019, .v2021] {
            for rule in AuditRules.identities(for: format) {
                #expect((rule.lhs + rule.rhs).allSatisfy { IndicatorCatalogue.position(of: $0) != nil }, "\(rule.name)")
            }
        }
    }

    @Test func aResultPrintsEveryCellAsPrintedMissingOrBlank() {
        let rule = IdentityRule(
            name: "t4.review.sum", statement: "S", lhs: ["t4.review.total"],
            rhs: ["t4.review.upheld", "t4.review.corrected", "t4.review.other", "t4.review.pending"])
        let values: IndicatorValues = [
            "t4.review.total": 1_234_567_890_123, "t4.review.upheld": nil,
            "t4.review.other": -2, "t4.review.pending": 1.25,
        ]
        let result = rule.evaluate(values)
        #expect(result.status == .uncertain)
        #expect(result.message == "S (1234567890123 = 空+缺+-2+1.25): a cell is not printed")
        let zero = rule.evaluate(["t4.review.total": -0.0])
        #expect(zero.message == "S (0 = 缺+缺+缺+缺): total 0, no breakdown needed")
        let exceeding = rule.evaluate(["t4.review.total": 5, "t4.review.upheld": 4, "t4.review.other": 2])
        #expect(
            exceeding.status == .fail && exceeding.message == "S (5 = 4+缺+2+缺): printed parts exceed the total by 1")
        let partial = IdentityRule(
            name: "p", statement: "P", lhs: ["t4.review.total"],
            rhs: ["t4.review.upheld", "t4.review.corrected"], requiresAllParts: false)
        let short = partial.evaluate(["t4.review.total": 5, "t4.review.upheld": 4.5])
        #expect(short.status == .uncertain && short.message == "P (5 = 4.5+缺): printed parts fall short by 0.5")
        let differing = rule.evaluate([
            "t4.review.total": 5, "t4.review.upheld": 1, "t4.review.corrected": 1,
            "t4.review.other": 1, "t4.review.pending": 1,
        ])
        #expect(differing.status == .fail && differing.message == "S (5 = 1+1+1+1): differs by 1")
        let passing = rule.evaluate([
            "t4.review.total": 4, "t4.review.upheld": 1, "t4.review.corrected": 1,
            "t4.review.other": 1, "t4.review.pending": 1,
        ])
        #expect(passing.status == .pass && passing.message == "S (4 = 1+1+1+1)")
        #expect(rule.evaluate(["t3.total.new_received": 1]).message == "S: not printed")
    }

    @Test func crossYearCarryIsChecked() {
        let now: IndicatorValues = ["t3.total.carried_over": 3]
        let before: [String: Double?] = ["t3.total.carried_forward": 2]
        let results = Auditor.audit(now, format: .v2021, previous: before)
        #expect(results.first { $0.rule == "cross.carry.total" }?.status == .fail)
        #expect(
            Auditor.audit(now, format: .v2021, previous: ["t3.total.carried_forward": 3])
                .first { $0.rule == "cross.carry.total" }?.status == .pass)
    }
}
