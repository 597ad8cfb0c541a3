import Foundation
import ReportModel
import TestSupport
import Testing

@testable import Storage

@Suite("The collect pipeline's group-committed store")
struct PipelineStoreTests {
    let directory: TemporaryDirectory
    let path: String
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("pipeline.sqlite").path
        store = try Store(path: path)
    }

    func version(_ unit: String, _ text: String, year: Int = 2024) -> DocumentVersionRecord {
        .fixture(unit: unit, year: year, url: "http://x/\(unit)", text: text, sha256: "sha-\(unit)-\(year)-\(text)")
    }

    func report(_ versionId: Int64, value: Double) -> ReportContent {
        ReportContent(
            versionId: versionId, status: .extracted, format: .v2021, printedUnit: nil, printedYear: 2024,
            message: nil,
            figures: [
                Figure(
                    code: "t3.total.new_received", value: value, kind: .number,
                    provenance: Provenance(table: "表三", row: "一", column: "总计", raw: "\(value)"))
            ],
            items: [], audit: [], warnings: [])
    }

    func record(_ pipeline: PipelineStore, _ unit: String, year: Int = 2024, runId: Int64, report: ReportContent?) {
        pipeline.record(
            RunItem(unitId: unit, year: year, outcome: .new, failureKind: nil, message: nil), runId: runId,
            state: SourceStateRecord(unitId: unit, year: year, url: "http://x/\(unit)"), report: report, at: Date())
    }

    @Test func concurrentReportsShareCommitsAndSeeLastYearSavedAMomentAgo() async throws {
        let pipeline = store.pipeline
        let runId = try store.startRun(at: Date(), pid: 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    let unit = "u\(index)"
                    let first = try await pipeline.archive(version(unit, "page", year: 2023))
                    #expect(first.lastYear == nil && first.storedVersionId == nil)
                    record(
                        pipeline, unit, year: 2023, runId: runId,
                        report: report(first.outcome.versionId, value: Double(index)))
                    // Not committed yet, but the next year's lookup runs after that record, in order.
                    let second = try await pipeline.archive(version(unit, "page", year: 2024))
                    #expect(second.lastYear?["t3.total.new_received"] == .some(Double(index)))
                }
            }
            try await group.waitForAll()
        }
        try await pipeline.flush()
        // Committed: another connection to the file sees all 40 reports and their sources.
        let reader = try Store(path: path)
        #expect(try reader.figures(codes: ["t3.total.new_received"]).count == 40)
        #expect(try reader.sourceStates().count == 40)
        #expect(try reader.latestVersionIds(year: 2024).count == 40)
    }

    @Test func aFailedWriteRollsBackItsWholeWindowAndFailsTheRun() async throws {
        let runId = try store.startRun(at: Date(), pid: 1)
        let committed = try await store.pipeline.archive(version("early", "page")).outcome.versionId
        record(store.pipeline, "early", runId: runId, report: report(committed, value: 7))
        try await store.pipeline.flush()

        // A window of an hour: only the flush ends it, however slowly a loaded machine runs the test.
        let pipeline = try Store(path: path, commitWindow: 3600).pipeline
        let good = try await pipeline.archive(version("good", "page")).outcome.versionId
        record(pipeline, "good", runId: runId, report: report(good, value: 1))
        // A report printing one code twice breaks the figure table's key on its second row: the first row of that
        // statement is already in, and must not be committed either.
        let bad = try await pipeline.archive(version("bad", "page")).outcome.versionId
        var twice = report(bad, value: 2)
        twice.figures += [
            Figure(
                code: "t3.total.new_received", value: 3, kind: .number,
                provenance: Provenance(table: "表三", row: "一", column: "总计", raw: "3"))
        ]
        record(pipeline, "bad", runId: runId, report: twice)
        let failure = await #expect(throws: StoreError.self) { try await pipeline.flush() }
        #expect(
            failure?.description.contains(path) == true && failure?.description.contains("UNIQUE") == true,
            "\(String(describing: failure))")
        await #expect(throws: (any Error).self, "later work is refused: the run ends with the error") {
            _ = try await pipeline.archive(version("late", "page"))
        }
        let reader = try Store(path: path)
        #expect(
            try reader.figures(codes: ["t3.total.new_received"]).map(\.unitId) == ["early"],
            "nothing of the failed window is committed, what was committed before stays")
        #expect(try reader.sourceStates().map(\.unitId) == ["early"])
    }

    @Test func writesAreDurableOnlyAfterTheGroupCommits() async throws {
        let pipeline = try Store(path: path, commitWindow: 3600).pipeline  // only the flush ends the window
        _ = try await pipeline.archive(version("late", "page"))
        let reader = try Store(path: path)
        #expect(try reader.latestVersionIds(year: 2024).isEmpty, "still inside the open group transaction")
        try await pipeline.flush()
        #expect(try reader.latestVersionIds(year: 2024).count == 1)
    }
}
