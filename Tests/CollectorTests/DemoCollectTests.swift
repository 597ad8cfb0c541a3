import Collector
import Configuration
import DemoCity
import Foundation
import ReportModel
import Storage
import TestSupport
import Testing

/// A copy of the demo city (Config + Seeds) in a temporary folder, so tests can change files and databases freely.
struct DemoCopy {
    let directory: TemporaryDirectory
    let configuration: Configuration

    init() throws {
        directory = try TemporaryDirectory()
        for folder in ["Config", "Seeds"] {
            try FileManager.default.copyItem(
                at: RepositoryPaths.root.appendingPathComponent(folder),
                to: directory.path(folder))
        }
        configuration = try ConfigurationLoader.load(directory.path("Config/nianbao.yaml"))
    }

    var store: Store { get throws { try Store(path: configuration.database.path) } }
}

@Suite("Collecting the demo city", .serialized)
struct DemoCollectTests {
    @Test func collectsEveryReportWithTheGeneratorsFiguresAndAudit() async throws {
        let demo = try DemoCopy()
        let summary = try await CollectRun.run(demo.configuration, options: CollectOptions())
        #expect(summary.counts == [.new: 170])
        #expect(summary.exitCode == 0)
        let store = try demo.store
        let stored = try store.figures()
        var byReport: [String: [String: Double?]] = [:]
        for figure in stored {
            byReport["\(figure.unitId)|\(figure.year)", default: [:]][figure.code] = .some(figure.value)
        }
        for report in DemoCity.reports {
            let values = byReport["\(report.unit.id)|\(report.year)"] ?? [:]
            #expect(values == report.figures.mapValues { Optional($0) }, "\(report.fileName)")
        }
        let failed = try store.audits(statuses: [.fail])
        let expected = DemoCity.reports.flatMap { report in
            report.plantedFailures.map { "\(report.unit.id)|\(report.year)|\($0)" }
        }
        #expect(Set(failed.map { "\($0.unitId)|\($0.year)|\($0.result.rule)" }) == Set(expected))
        #expect(try store.audits(statuses: [.uncertain]).isEmpty)
        let run = try #require(try store.runs(last: 1).first)
        #expect(run.outcomes == [.new: 170] && run.exitCode == 0 && run.finishedAt != nil)
    }

    @Test func aSecondRunAddsNothingAndARevisedReportIsFlagged() async throws {
        let demo = try DemoCopy()
        let revised = demo.directory.path("Seeds/demo/anhai-2023.html")
        let original = demo.directory.path("Seeds/demo/revisions/anhai-2023.html")
        let revisedBytes = try Data(contentsOf: revised)
        try FileManager.default.removeItem(at: revised)
        try FileManager.default.copyItem(at: original, to: revised)
        _ = try await CollectRun.run(demo.configuration, options: CollectOptions())

        let second = try await CollectRun.run(demo.configuration, options: CollectOptions())
        #expect(second.counts == [.unchanged: 170], "nothing changed, nothing is added")

        try revisedBytes.write(to: revised)
        var later = CollectOptions()
        later.now = Date().addingTimeInterval(86_400 * 30)
        let third = try await CollectRun.run(demo.configuration, options: later)
        #expect(third.counts == [.changed: 1, .unchanged: 169])
        let store = try demo.store
        let anhai = try #require(try store.reportSummaries(year: 2023).first { $0.unitId == "anhai" })
        #expect(anhai.versionCount == 2)
        #expect(anhai.changedAt != nil && anhai.changedAt! > anhai.firstSeenAt)
        let truth = try #require(DemoCity.report("anhai", 2023))
        #expect(
            try store.figureValues(unitId: "anhai", year: 2023)?["t2.norm.made"] == .some(truth.figures["t2.norm.made"])
        )
        #expect(try store.latestVersionIds(year: 2023).count == 19)
        #expect(try demo.brokenReferences() == [], "every figure, audit, report and run item points at a stored row")
    }

    @Test func aDryRunListsWhatIsDueAndWritesNoRun() async throws {
        let demo = try DemoCopy()
        var options = CollectOptions()
        options.dryRun = true
        options.years = [2025]
        let summary = try await CollectRun.run(demo.configuration, options: options)
        #expect(summary.items.count == 18 && summary.items.allSatisfy { $0.outcome == .due })
        #expect(try demo.store.runs(last: 5).isEmpty)
    }
}
