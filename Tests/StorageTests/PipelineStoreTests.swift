import Foundation
import ReportModel
@testable import Storage
import TestSupport
import Testing

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

    func version(_ unit: String, _ text: String) -> DocumentVersionRecord {
        DocumentVersionRecord(id: nil, unitId: unit, year: 2024, url: "http://x/\(unit)", finalUrl: "http://x/\(unit)",
                              sha256: "sha-\(unit)-\(text)", content: Data(text.utf8), contentType: nil, charset: nil,
                              etag: nil, lastModified: nil, byteCount: text.utf8.count, firstSeenAt: Date())
    }

    func report(_ versionId: Int64, value: Double) -> ReportContent {
        ReportContent(versionId: versionId, status: .extracted, format: .v2021, printedUnit: nil, printedYear: 2024,
                      message: nil,
                      figures: [Figure(code: "t3.total.new_received", value: value, kind: .number,
                                       provenance: Provenance(table: "表三", row: "一", column: "总计", raw: "\(value)"))],
                      items: [], audit: [], warnings: [])
    }

    func item(_ unit: String) -> RunItem {
        RunItem(unitId: unit, year: 2024, outcome: "new", failureKind: nil, message: nil)
    }

    @Test func concurrentReportsShareCommitsAndReadTheirOwnWrites() async throws {
        let pipeline = store.pipeline
        let runId = try store.startRun(at: Date(), pid: 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    let unit = "u\(index)"
                    let versionId = try await pipeline.archive(version(unit, "page")).versionId
                    try await pipeline.record(item(unit), runId: runId,
                                              state: SourceStateRecord(unitId: unit, year: 2024, url: "http://x/\(unit)"),
                                              report: report(versionId, value: Double(index)), at: Date())
                    // Read back before any commit: the pipeline sees its own writes, in order.
                    let values = try await pipeline.figureValues(unitId: unit, year: 2024)
                    #expect(values?["t3.total.new_received"] == .some(Double(index)))
                    #expect(try await pipeline.reportVersionId(unitId: unit, year: 2024) == versionId)
                }
            }
            try await group.waitForAll()
        }
        try await pipeline.flush()
        // Committed: another connection to the file sees all 40 reports.
        let reader = try Store(path: path)
        #expect(try reader.figures(codes: ["t3.total.new_received"]).count == 40)
        #expect(try reader.sourceStates().count == 40)
    }

    @Test func aWriteThatFailsIsRolledBackAloneAndTheOthersCommit() async throws {
        let pipeline = store.pipeline
        let runId = try store.startRun(at: Date(), pid: 1)
        let good = try await pipeline.archive(version("good", "page")).versionId
        // A report pointing at a version that does not exist breaks the foreign key: that save fails alone.
        await #expect(throws: (any Error).self) {
            try await pipeline.record(item("bad"), runId: runId,
                                      state: SourceStateRecord(unitId: "bad", year: 2024, url: "http://x/bad"),
                                      report: report(9_999, value: 1), at: Date())
        }
        try await pipeline.record(item("good"), runId: runId,
                                  state: SourceStateRecord(unitId: "good", year: 2024, url: "http://x/good"),
                                  report: report(good, value: 7), at: Date())
        try await pipeline.flush()
        let reader = try Store(path: path)
        #expect(try reader.figures(codes: ["t3.total.new_received"]).map(\.unitId) == ["good"])
        #expect(try reader.sourceStates().map(\.unitId) == ["good"], "the failed record's state went with it")
    }

    @Test func writesAreDurableOnlyAfterTheGroupCommits() async throws {
        let pipeline = try Store(path: path, commitWindow: 30).pipeline
        _ = try await pipeline.archive(version("late", "page"))
        let reader = try Store(path: path)
        #expect(try reader.latestVersionIds(year: 2024).isEmpty, "still inside the open group transaction")
        try await pipeline.flush()
        #expect(try reader.latestVersionIds(year: 2024).count == 1)
    }
}
