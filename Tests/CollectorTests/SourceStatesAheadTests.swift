import Foundation
import Storage
import TestSupport
import Testing

@testable import Collector

@Suite("Planning reads source states a batch of units ahead")
struct SourceStatesAheadTests {
    @Test func eachUnitGetsItsOwnStatesWhateverTheBatchAndTheOrder() async throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("states.sqlite").path)
        let runId = try store.startRun(at: Date(), pid: 1)
        // u0 and u2 have no states; the others one or two years each.
        let years = ["u1": [2023, 2024], "u3": [2024], "u4": [2022, 2023], "u5": [2024], "u6": [2021]]
        for (unit, unitYears) in years {
            for year in unitYears {
                store.pipeline.record(
                    RunItem(unitId: unit, year: year, outcome: .new, failureKind: nil, message: nil),
                    runId: runId, state: SourceStateRecord(unitId: unit, year: year, url: "http://x/\(unit)/\(year)"),
                    report: nil, at: Date())
            }
        }
        try await store.pipeline.flush()
        let units = (0...6).map { "u\($0)" }
        let ahead = SourceStatesAhead(store: store, unitIds: units, batchSize: 3)
        // In order, across batches of three.
        for unit in units {
            let states = try ahead.states(of: unit)
            #expect(states.map(\.url).sorted() == (years[unit] ?? []).map { "http://x/\(unit)/\($0)" }, "\(unit)")
            #expect(states.allSatisfy { $0.unitId == unit })
        }
        // Asked again or out of order, a unit is read by itself.
        #expect(try ahead.states(of: "u1").map(\.year).sorted() == [2023, 2024])
        #expect(try ahead.states(of: "u9").isEmpty)
    }
}
