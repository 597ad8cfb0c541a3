import Configuration
import Foundation
import Queries
import ReportModel
import Storage

/// Rank, trend and export latency over a database of `queryUnits` units × `queryYears` years.
struct QueryBench {
    let options: BenchOptions
    let nianbao: String
    let work: URL

    func run(into results: inout BenchResults) throws {
        let last = 2025
        let years = (last - options.queryYears + 1)...last
        let database = work.appendingPathComponent("query.sqlite")
        let config = work.appendingPathComponent("query.yaml")
        let closedPort = try LoopbackPort.unused()
        try Data(
            Province.queryConfig(units: options.queryUnits, years: years, database: database, closedPort: closedPort)
                .utf8
        )
        .write(to: config)
        let reuse = options.queriesOnly && FileManager.default.fileExists(atPath: database.path)
        if !reuse {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        }
        let store = try Store(path: database.path)
        var figures = options.queryUnits * options.queryYears * 30
        if !reuse {
            let started = Date()
            figures = try Province.fill(store, units: options.queryUnits, years: years, codesPerReport: 30)
            let fillSeconds = Date().timeIntervalSince(started)
            results.add(
                "bulk ingest for the query database", "\(fmt(Double(figures) / fillSeconds, 0)) figures/s",
                "\(options.queryUnits) units × \(options.queryYears) years, \(figures) figures in \(fmt(fillSeconds, 1)) s"
            )
        }

        let configuration = try ConfigurationLoader.load(config)
        let queries = try StoreQueries(configuration: configuration)
        let (received, disclosed, applications) = (
            try StoreQueries.indicator("t3.total.new_received"),
            try StoreQueries.indicator("rate.disclosed"),
            try StoreQueries.indicator("series.applications")
        )
        for (label, body) in [
            ("rank t3.total.new_received \(last)", { _ = try queries.rank(received, year: last, group: nil) }),
            ("rank rate.disclosed \(last)", { _ = try queries.rank(disclosed, year: last, group: nil) }),
            (
                "trend series.applications \(years.lowerBound)–\(last)",
                {
                    _ = try queries.trend(applications, from: years.lowerBound, to: last, unitIds: [])
                }
            ),
        ] as [(String, () throws -> Void)] {
            try body()  // warm the page cache once, as a second query of the day would be
            // Five timed runs, their median given: single runs drift with the machine by half either way.
            var milliseconds: [Double] = []
            for _ in 0..<5 {
                let start = Date()
                try body()
                milliseconds.append(Date().timeIntervalSince(start) * 1000)
            }
            milliseconds.sort()
            // Tenths: a small province's queries take under a millisecond.
            results.add(
                "\(label), in process", "\(fmt(milliseconds[2])) ms",
                "median of 5 (\(fmt(milliseconds[0]))–\(fmt(milliseconds[4]))); target < 200 ms")
        }
        let rank = try ChildRun.run(
            nianbao,
            [
                "rank", "--config", config.path, "--year", "\(last)", "--indicator",
                "t3.total.new_received", "--format", "csv",
            ])
        results.add(
            "`nianbao rank` command", "\(fmt(rank.seconds * 1000, 0)) ms",
            "whole process, incl. loading a \(options.queryUnits)-unit config")
        let trend = try ChildRun.run(
            nianbao,
            [
                "trend", "--config", config.path, "--indicator", "series.applications",
                "--format", "csv",
            ])
        results.add("`nianbao trend` command", "\(fmt(trend.seconds * 1000, 0)) ms", "whole process")
        let quality = try ChildRun.run(
            nianbao, ["quality", "--config", config.path, "--year", "\(last)", "--format", "csv"])
        guard quality.status == 0 else { throw BenchError("quality exited \(quality.status)") }
        results.add(
            "`nianbao quality` command", "\(fmt(quality.seconds, 2)) s",
            "\(options.queryUnits) reports of \(last), each checked for sentences copied from the others")
        let report = try ChildRun.run(
            nianbao,
            [
                "report", "--config", config.path, "--year", "\(last)", "--out",
                work.appendingPathComponent("report.html").path,
            ])
        guard report.status == 0 else { throw BenchError("report exited \(report.status)") }
        results.add(
            "`nianbao report` (HTML) command", "\(fmt(report.seconds, 2)) s",
            "peak RSS \(fmt(report.peakRSSMegabytes, 0)) MB")
        let export = try ChildRun.run(
            nianbao,
            [
                "export", "figures", "--config", config.path, "--profile", "plain",
                "--out", work.appendingPathComponent("figures.csv").path,
            ])
        results.add(
            "`nianbao export figures` (all \(figures) rows)", "\(fmt(export.seconds, 1)) s",
            "peak RSS \(fmt(export.peakRSSMegabytes, 0)) MB (streamed)")
        let coverage = try ChildRun.run(
            nianbao,
            [
                "export", "coverage", "--config", config.path, "--profile", "plain",
                "--out", work.appendingPathComponent("coverage.csv").path,
            ])
        guard coverage.status == 0 else { throw BenchError("export coverage exited \(coverage.status)") }
        results.add(
            "`nianbao export coverage` (\(options.queryUnits * options.queryYears) unit·years)",
            "\(fmt(coverage.seconds, 2)) s", "peak RSS \(fmt(coverage.peakRSSMegabytes, 0)) MB")
        // The scheduler at a province's scale: every unit·year due, every source refused (the worst case for what a
        // run holds until its end: each unit·year's item, and a job to try again for every failure).
        let dead = work.appendingPathComponent("refused.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dead.path + suffix) }
        let deadConfig = work.appendingPathComponent("refused.yaml")
        try Data(
            Province.queryConfig(units: options.queryUnits, years: years, database: dead, closedPort: closedPort).utf8
        )
        .write(to: deadConfig)
        guard !LoopbackPort.isListening(closedPort) else {
            throw BenchError("a server came up on 127.0.0.1:\(closedPort)")
        }
        let refused = try ChildRun.run(nianbao, ["collect", "--quiet", "--config", deadConfig.path])
        guard refused.status == 1 else {
            throw BenchError("collect of refused sources exited \(refused.status), not 1")
        }
        let unitYears = options.queryUnits * options.queryYears
        // Every unit·year must have failed to connect: a server on the port would measure something else.
        let connectFailures = try Store(path: dead.path).runs(last: 1).first?.failureKinds[.connect] ?? 0
        guard connectFailures >= unitYears else {
            throw BenchError(
                "collect of refused sources: \(connectFailures) connection failures for \(unitYears) unit·years")
        }
        results.add(
            "`nianbao collect`, \(unitYears) unit·years all refused", "\(fmt(refused.seconds, 1)) s",
            "\(fmt(Double(unitYears) / refused.seconds, 0)) unit·years/s, peak RSS \(fmt(refused.peakRSSMegabytes, 0)) MB"
        )
    }
}
