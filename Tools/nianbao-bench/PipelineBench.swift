import Collector
import Documents
import Extraction
import Foundation
import Storage

/// Collect end to end against `curl --parallel` and `nianbao extract` on the same files, `xmllint` as the parse
/// floor, and the SQLite ingest rate.
struct PipelineBench {
    let options: BenchOptions
    let nianbao: String
    let work: URL
    let files: [URL]
    let bytes: Int
    let site: LoopbackSite

    func run(into results: inout BenchResults) throws {
        let megabytes = Double(bytes) / 1e6
        let count = Double(files.count)
        let curlFolder = work.appendingPathComponent("curl")
        try FileManager.default.createDirectory(at: curlFolder, withIntermediateDirectories: true)
        let curlConfig = files.map {
            "url = \"\(site.url($0.lastPathComponent))\"\noutput = \"\(curlFolder.path)/\($0.lastPathComponent)\""
        }
        try Data(curlConfig.joined(separator: "\n").utf8).write(to: work.appendingPathComponent("curl.cfg"))
        let database = work.appendingPathComponent("collect.sqlite")
        let config = work.appendingPathComponent("collect.yaml")
        try Data(
            Province.collectConfig(files: files, site: site, concurrency: options.concurrency, database: database).utf8
        )
        .write(to: config)
        let html = files.filter { $0.pathExtension == "html" }
        let htmlBytes = Double(try html.reduce(0) { $0 + (try Data(contentsOf: $1).count) }) / 1e6
        // nianbao extract is given folders, as the README tells users with thousands of reports: passed as
        // thousands of arguments, swift-argument-parser's parsing (quadratic in their number) would be measured
        // too. The HTML pages get a folder of their own (hard links: the same files). xmllint takes the files.
        let siteFolder = files[0].deletingLastPathComponent()
        let htmlFolder = work.appendingPathComponent("html-only")
        try? FileManager.default.removeItem(at: htmlFolder)
        try FileManager.default.createDirectory(at: htmlFolder, withIntermediateDirectories: true)
        for page in html {
            try FileManager.default.linkItem(at: page, to: htmlFolder.appendingPathComponent(page.lastPathComponent))
        }

        // Rounds of every measurement, side by side, so that each ratio compares runs made a moment apart on a
        // machine whose speed drifts; the tables give medians.
        var rounds: [Round] = []
        for _ in 0..<options.rounds {
            // Baseline: curl itself fetching the same URLs with the same concurrency.
            let curl = try ChildRun.run(
                "curl",
                [
                    "--parallel", "--parallel-max", "\(options.concurrency)", "--silent",
                    "--fail", "--compressed", "-K", work.appendingPathComponent("curl.cfg").path,
                ])
            // nianbao extract alone over the same files (one core).
            let extract = try ChildRun.run(nianbao, ["extract", "--format", "json", siteFolder.path])
            // The whole pipeline into an empty database: fetch, archive, extract, audit, store.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
            let serverBefore = site.cpuSeconds
            let collect = try ChildRun.run(nianbao, ["collect", "--quiet", "--config", config.path])
            let server = site.cpuSeconds - serverBefore
            guard collect.status == 0 else { throw BenchError("collect exited \(collect.status)") }
            // The collect leaves some 70 MB of database and WAL for the kernel to write back: flushed here, so that
            // the writeback does not run under the next measurement (it had slowed xmllint by up to 70 %).
            sync()
            // The parse floor: libxml2 alone on the HTML pages.
            let xmllint = try ChildRun.run("xmllint", ["--html", "--noout"] + html.map(\.path))
            let htmlExtract = try ChildRun.run(nianbao, ["extract", "--format", "json", htmlFolder.path])
            rounds.append(
                Round(
                    curl: curl, extract: extract, collect: collect, serverDuringCollect: server, xmllint: xmllint,
                    htmlExtract: htmlExtract))
        }
        let again = try ChildRun.run(nianbao, ["collect", "--quiet", "--config", config.path])

        let curl = median(rounds.map(\.curl.seconds))
        let extract = median(rounds.map(\.extract.seconds))
        let collect = median(rounds.map(\.collect.seconds))
        let pipelineRatios = rounds.map { $0.collect.seconds / max($0.curl.seconds, $0.extract.seconds) }
        let parseRatios = rounds.map { $0.htmlExtract.seconds / $0.xmllint.seconds }
        results.note(
            "rounds: \(rounds.count); times are medians, ratios the median of each round's ratio (range in brackets)")
        results.add(
            "curl --parallel (\(options.concurrency)), fetch only", "\(fmt(curl, 2)) s",
            "\(fmt(count / curl, 0)) reports/s, \(fmt(megabytes / curl)) MB/s")
        results.add(
            "nianbao extract, all files (one core)", "\(fmt(extract, 2)) s",
            "\(fmt(count / extract, 0)) reports/s, \(fmt(megabytes / extract, 2)) MB/s, peak RSS "
                + "\(fmt(median(rounds.map(\.extract.peakRSSMegabytes)), 0)) MB")
        results.add(
            "nianbao collect, end to end", "\(fmt(collect, 2)) s",
            "\(fmt(count / collect, 0)) reports/s, \(fmt(megabytes / collect, 2)) MB/s, peak RSS "
                + "\(fmt(median(rounds.map(\.collect.peakRSSMegabytes)), 0)) MB; **\(fmt(median(pipelineRatios), 2))×** "
                + "the slower of curl and extract (\(range(pipelineRatios, 2)); target ≤ 1.3×)")
        results.add(
            "nianbao collect again (nothing changed)", "\(fmt(again.seconds, 2)) s",
            "all conditional GETs answered 304; peak RSS \(fmt(again.peakRSSMegabytes, 0)) MB")
        let collectCPU = median(rounds.map(\.collect.cpuSeconds))
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        results.add(
            "CPU time: collect (+ server) against extract",
            "\(fmt(collectCPU, 2)) s (+ \(fmt(median(rounds.map(\.serverDuringCollect)), 2)) s)",
            "extract \(fmt(median(rounds.map(\.extract.cpuSeconds)), 2)) s; collect's CPU \(fmt(median(rounds.map { $0.collect.cpuSeconds / $0.extract.cpuSeconds }), 2))× "
                + "extract's; \(fmt(collectCPU / collect, 2)) of \(fmt(cores, 0)) cores busy")
        results.add(
            "xmllint --html --noout, HTML only", "\(fmt(median(rounds.map(\.xmllint.seconds)), 2)) s",
            "\(html.count) pages, \(fmt(htmlBytes)) MB; CPU \(fmt(median(rounds.map(\.xmllint.cpuSeconds)), 2)) s")
        results.add(
            "nianbao extract, HTML only", "\(fmt(median(rounds.map(\.htmlExtract.seconds)), 2)) s",
            "**\(fmt(median(parseRatios), 1))×** xmllint (\(range(parseRatios, 1)); target ≤ 3×); in CPU time "
                + "\(fmt(median(rounds.map { $0.htmlExtract.cpuSeconds / $0.xmllint.cpuSeconds }), 1))×")

        try ingest(into: &results)
    }

    /// One round of the side-by-side measurements.
    private struct Round {
        var curl, extract, collect: ChildRun.Measurement
        /// The server's CPU seconds while the collect ran: it shares the machine's cores with the collect.
        var serverDuringCollect: Double
        var xmllint, htmlExtract: ChildRun.Measurement
    }

    /// Figures per second into SQLite: the demo batch's figures, read once, stored in one transaction.
    private func ingest(into results: inout BenchResults) throws {
        var batch: [(unitId: String, year: Int, content: ReportContent)] = []
        for (index, file) in files.enumerated() {
            let bytes = [UInt8](try Data(contentsOf: file))
            let content = ReportReader.read(
                bytes, contentType: nil, url: file.path, versionId: 1, hints: ExtractionHints())
            batch.append(("u\(index)", content.printedYear ?? 2024, content))
        }
        let store = try Store(path: work.appendingPathComponent("ingest.sqlite").path)
        _ = try store.archive(
            DocumentVersionRecord(
                id: nil, unitId: "u0", year: 2024, url: "bench:", finalUrl: "bench:", sha256: "bench",
                content: Data("b".utf8),
                contentType: nil, charset: nil, etag: nil, lastModified: nil, byteCount: 1, firstSeenAt: Date()))
        let figures = batch.reduce(0) { $0 + $1.content.figures.count }
        let started = Date()
        try store.saveReports(batch, at: Date())
        let seconds = Date().timeIntervalSince(started)
        results.add(
            "SQLite ingest (figures, audit, provenance)", "\(fmt(Double(figures) / seconds, 0)) figures/s",
            "\(figures) figures of \(batch.count) reports in \(fmt(seconds, 2)) s, one transaction")
    }
}
