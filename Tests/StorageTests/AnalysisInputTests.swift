import Foundation
import ReportModel
import Storage
import Synchronization
import TestSupport
import Testing

/// Rankings and trends read reports and values on two connections at once; they must still see one state.
@Suite("Reports and values read at once")
struct AnalysisInputTests {
    let units = (0..<300).map { "u\($0)" }

    /// Every report of version `k`: format 2021 for even `k`, 2019 for odd, and the value `k`.
    func reports(_ k: Int, versionId: Int64) -> [(unitId: String, year: Int, content: ReportContent)] {
        units.map { unit in
            (
                unit, 2024,
                ReportContent(
                    versionId: versionId, status: .extracted, format: k % 2 == 0 ? .v2021 : .v2019, printedUnit: nil,
                    printedYear: 2024, message: nil,
                    figures: [
                        Figure(
                            code: "t3.total.new_received", value: Double(k), kind: .number,
                            provenance: Provenance(table: "表三", row: "本年新收", column: "总计", raw: "\(k)"))
                    ],
                    items: [], audit: [], warnings: [])
            )
        }
    }

    @Test func whileAnotherConnectionCommitsEveryReadPairsReportsWithTheirOwnFigures() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("nianbao.sqlite").path)
        let versionId = try store.archive(.fixture(unit: "u0", url: "file:///u0", text: "u0", sha256: "u0")).versionId
        try store.saveReports(reports(0, versionId: versionId), at: Date())

        // A writer replaces every report and figure, version after version, each in one transaction.
        let writing = Mutex(true)
        let writer = Thread {
            for k in 1...40 { try? store.saveReports(reports(k, versionId: versionId), at: Date()) }
            writing.withLock { $0 = false }
        }
        writer.start()
        var versionsSeen = Set<Int>()
        var reads = 0
        while writing.withLock({ $0 }) || reads == 0 {
            let (read, values) = try store.reportsAndValues(codes: ["t3.total.new_received"], years: [2024])
            reads += 1
            #expect(read.count == units.count && values.count == units.count)
            let versions = Set(values.compactMap(\.value).map(Int.init))
            #expect(versions.count == 1, "one read, one version of the figures: \(versions.sorted())")
            guard let k = versions.first else { continue }
            versionsSeen.insert(k)
            let format: ReportFormat = k % 2 == 0 ? .v2021 : .v2019
            #expect(read.allSatisfy { $0.format == format }, "the reports of version \(k) with its figures")
        }
        #expect(versionsSeen.count > 1, "the reads overlapped the writes (\(reads) reads)")
    }
}
