import Foundation
import ReportModel
import TestSupport
import Testing

@testable import Storage

/// Problems recorded from checked drafts, and how the stored reports' bringing-up-to-date treats them.
@Suite("Draft problems in the problem list")
struct DraftProblemTests {
    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store(path: directory.path("db/nianbao.sqlite").path)
    }

    let missing = DraftProblemRecord(rule: "outline.missing", cells: ["section:6"], outcome: .fail, message: "缺少第六部分")
    let row = DraftProblemRecord(
        rule: "t3.row.new_received", cells: ["t3.total.new_received", "t3.natural.new_received"],
        outcome: .fail, message: "总计 = 各类申请人之和")

    func saveReport(audit: [AuditResult]) throws {
        let id = try store.archive(.fixture(unit: "zimao", year: 2025, url: "file:///z.html", text: "z", sha256: "z"))
            .versionId
        try store.saveReport(
            unitId: "zimao", year: 2025,
            content: ReportContent(
                versionId: id, status: .extracted, format: .v2021, printedUnit: nil, printedYear: 2025, message: nil,
                figures: [], items: [], audit: audit, warnings: []), at: Date())
    }

    @Test func aDraftsProblemsAreFixedByTheNextCheckNotByTheReportsAudit() throws {
        #expect(try store.recordDraftProblems(unitId: "zimao", year: 2025, [missing, row]).found == 2)
        let recorded = try store.problems(unitIds: ["zimao"])
        #expect(recorded.count == 2 && recorded.allSatisfy { $0.status == .open && $0.message.hasPrefix("草稿：") })
        #expect(
            Set(recorded.map(\.fingerprint))
                == Set(
                    [missing, row].map {
                        Problem.fingerprint(unitId: "zimao", year: 2025, rule: $0.rule, cells: $0.cells)
                    }))

        // The published report shows the row problem but has no outline rule: the outline problem stays open.
        try saveReport(audit: [AuditResult(rule: row.rule, status: .fail, message: "published", cells: row.cells)])
        #expect(try store.syncProblems().fixed == 0)
        let afterReport = Dictionary(uniqueKeysWithValues: try store.problems().map { ($0.rule, $0) })
        #expect(afterReport[missing.rule]?.status == .open)
        #expect(afterReport[row.rule]?.message == "published", "the report's now")

        // A corrected report no longer shows the row problem: it is fixed; the draft's outline problem is left.
        try saveReport(audit: [AuditResult(rule: row.rule, status: .pass, message: "ok", cells: row.cells)])
        #expect(try store.syncProblems().fixed == 1)
        #expect(try store.problems().first { $0.rule == missing.rule }?.status == .open)

        // A corrected draft, checked and recorded again, fixes the outline problem.
        #expect(try store.recordDraftProblems(unitId: "zimao", year: 2025, []).fixed == 1)
        #expect(try store.problems().allSatisfy { $0.status == .fixed })
        // Shown again by a later draft, it is open again.
        #expect(try store.recordDraftProblems(unitId: "zimao", year: 2025, [missing]).reopened == 1)
    }

    @Test func theOfficesStatusSurvivesRechecks() throws {
        try store.recordDraftProblems(unitId: "zimao", year: 2025, [missing])
        let fingerprint = try #require(try store.problems().first?.fingerprint)
        try store.setProblemStatuses([
            ProblemStatusChange(fingerprint: fingerprint, status: .sent, by: "王", note: "2月3日发函")
        ])
        try store.recordDraftProblems(unitId: "zimao", year: 2025, [missing])
        let kept = try #require(try store.problems().first)
        #expect(kept.status == .sent && kept.statusBy == "王" && kept.note == "2月3日发函")
    }
}
