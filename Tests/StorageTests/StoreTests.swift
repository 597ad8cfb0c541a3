import Foundation
import ReportModel
import TestSupport
import Testing

@testable import Storage

@Suite("SQLite store")
struct StoreTests {
    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store(path: directory.path("db/nianbao.sqlite").path)
    }

    func version(_ text: String, at seconds: TimeInterval = 0) -> DocumentVersionRecord {
        .fixture(
            unit: "luoshan", url: "file:///r.html", text: text, sha256: String(text.hashValue),
            at: Date(timeIntervalSince1970: 1_700_000_000 + seconds))
    }

    @Test func keepsEveryDistinctVersionOnce() throws {
        let first = try store.archive(version("a"))
        guard case .first = first else {
            Issue.record("expected first, got \(first)")
            return
        }
        #expect(try store.archive(version("a", at: 10)) == .unchanged(versionId: first.versionId))
        let second = try store.archive(version("b", at: 20))
        guard case .changed = second else {
            Issue.record("expected changed, got \(second)")
            return
        }
        #expect(try store.latestVersionIds(year: 2024) == [second.versionId])
        #expect(try store.versionsAwaitingExtraction() == [second.versionId], "archived but never read")
    }

    @Test func savingAReportReplacesItsFiguresInOneTransaction() throws {
        let id = try store.archive(version("a")).versionId
        let provenance = Provenance(table: "表三", row: "一", column: "总计", raw: "26")
        func content(_ value: Double?) -> ReportContent {
            ReportContent(
                versionId: id, status: .extracted, format: .v2021, printedUnit: "罗山街道", printedYear: 2024,
                message: nil,
                figures: [
                    Figure(
                        code: "t3.total.new_received", value: value, kind: value == nil ? .blankTotal : .number,
                        provenance: provenance)
                ],
                items: [], audit: [AuditResult(rule: "r", status: .pass, message: "m", cells: ["c"])], warnings: [])
        }
        try store.saveReport(unitId: "luoshan", year: 2024, content: content(26), at: Date())
        try store.saveReport(unitId: "luoshan", year: 2024, content: content(nil), at: Date())
        let figures = try store.figures(codes: ["t3.total.new_received"])
        #expect(figures.count == 1)
        #expect(figures.first?.value == nil, "a blank total is stored as NULL, not 0")
        #expect(figures.first?.kind == .blankTotal)
        #expect(try store.audits().map(\.result.rule) == ["r"])
        #expect(try store.versionsAwaitingExtraction().isEmpty)
        let summary = try #require(try store.reportSummaries(year: 2024).first)
        #expect(summary.format == .v2021 && summary.versionCount == 1 && summary.changedAt == nil)
    }

    @Test func aRuleGivenTwiceKeepsItsLastResult() throws {
        let id = try store.archive(version("a")).versionId
        let audit = [
            AuditResult(rule: "t3.balance", status: .uncertain, message: "first", cells: ["a"]),
            AuditResult(rule: "t4.review", status: .pass, message: "other", cells: ["b"]),
            AuditResult(rule: "t3.balance", status: .fail, message: "second", cells: ["a", "c"]),
        ]
        try store.saveReport(
            unitId: "luoshan", year: 2024,
            content: ReportContent(
                versionId: id, status: .extracted, format: .v2021, printedUnit: nil, printedYear: 2024, message: nil,
                figures: [], items: [], audit: audit, warnings: []), at: Date())
        let stored = try store.audits().map(\.result)
        #expect(stored.map(\.rule).sorted() == ["t3.balance", "t4.review"])
        let balance = try #require(stored.first { $0.rule == "t3.balance" })
        #expect(balance.status == .fail && balance.message == "second" && balance.cells == ["a", "c"])
    }

    @Test func aSecondVersionMarksTheReportChangedAfterPublication() throws {
        let first = try store.archive(version("a")).versionId
        let empty = { (id: Int64) in
            ReportContent(
                versionId: id, status: .extracted, format: .v2021, printedUnit: nil, printedYear: nil, message: nil,
                figures: [], items: [], audit: [], warnings: [])
        }
        try store.saveReport(unitId: "luoshan", year: 2024, content: empty(first), at: Date())
        let second = try store.archive(version("b", at: 3600)).versionId
        try store.saveReport(unitId: "luoshan", year: 2024, content: empty(second), at: Date())
        let summary = try #require(try store.reportSummaries().first)
        #expect(summary.versionCount == 2)
        #expect(summary.changedAt == Date(timeIntervalSince1970: 1_700_003_600))
        #expect(summary.firstSeenAt == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func theCollectLockStopsASecondLiveRunAndIsTakenFromADeadOne() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["30"]
        try child.run()
        defer { kill(child.processIdentifier, SIGKILL) }
        try store.acquireCollectLock(pid: child.processIdentifier, at: Date())
        #expect {
            try store.acquireCollectLock(pid: getpid(), at: Date())
        } throws: { error in
            "\(error)".contains("pid \(child.processIdentifier)")
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(try store.acquireCollectLock(pid: getpid(), at: Date()) == child.processIdentifier)
        try store.releaseCollectLock(pid: getpid())
        #expect(try store.acquireCollectLock(pid: getpid(), at: Date()) == nil)
    }
}

@Suite("JSON arrays written by hand")
struct JSONArrayTextTests {
    @Test func theyReadBackWithAStandardDecoder() throws {
        let strings = ["t3.total.new_received", "引号\"和\\反斜杠", "换行\n制表\t", "\u{1}"]
        let decoded = try JSONDecoder().decode([String].self, from: Data(JSONArrayText.strings(strings).utf8))
        #expect(decoded == strings)
        let numbers: [Int64] = [1, -2, Int64.max, Int64.min]
        #expect(try JSONDecoder().decode([Int64].self, from: Data(JSONArrayText.integers(numbers).utf8)) == numbers)
    }
}
