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

        // Baseline: curl itself fetching the same URLs with the same concurrency.
        let curlFolder = work.appendingPathComponent("curl")
        try FileManager.default.createDirectory(at: curlFolder, withIntermediateDirectories: true)
        let curlConfig = files.map { "url = \"\(site.url($0.lastPathComponent))\"\noutput = \"\(curlFolder.path)/\($0.lastPathComponent)\"" }
        try Data(curlConfig.joined(separator: "\n").utf8).write(to: work.appendingPathComponent("curl.cfg"))
        let curl = try ChildRun.run("curl", ["--parallel", "--parallel-max", "\(options.concurrency)", "--silent", "--fail",
                                             "--compressed", "-K", work.appendingPathComponent("curl.cfg").path])
        results.add("curl --parallel (\(options.concurrency)), fetch only", "\(fmt(curl.seconds, 2)) s",
                    "\(fmt(count / curl.seconds, 0)) reports/s, \(fmt(megabytes / curl.seconds)) MB/s")

        // nianbao extract alone over the same files (one core).
        let extract = try ChildRun.run(nianbao, ["extract", "--format", "json"] + files.map(\.path))
        results.add("nianbao extract, all files (one core)", "\(fmt(extract.seconds, 2)) s",
                    "\(fmt(count / extract.seconds, 0)) reports/s, \(fmt(megabytes / extract.seconds, 2)) MB/s, peak RSS \(fmt(extract.peakRSSMegabytes, 0)) MB")

        // The whole pipeline: fetch, archive, extract, audit, store.
        let database = work.appendingPathComponent("collect.sqlite")
        let config = work.appendingPathComponent("collect.yaml")
        try Data(Province.collectConfig(files: files, site: site, concurrency: options.concurrency, database: database).utf8)
            .write(to: config)
        let collect = try ChildRun.run(nianbao, ["collect", "--quiet", "--config", config.path])
        guard collect.status == 0 else { throw BenchError("collect exited \(collect.status)") }
        let slower = max(curl.seconds, extract.seconds)
        results.add("nianbao collect, end to end", "\(fmt(collect.seconds, 2)) s",
                    "\(fmt(count / collect.seconds, 0)) reports/s, \(fmt(megabytes / collect.seconds, 2)) MB/s, peak RSS "
                    + "\(fmt(collect.peakRSSMegabytes, 0)) MB; **\(fmt(collect.seconds / slower, 2))×** the slower of curl and extract (target ≤ 1.3×)")
        let again = try ChildRun.run(nianbao, ["collect", "--quiet", "--config", config.path])
        results.add("nianbao collect again (nothing changed)", "\(fmt(again.seconds, 2)) s",
                    "all conditional GETs answered 304; peak RSS \(fmt(again.peakRSSMegabytes, 0)) MB")

        // The parse floor: libxml2 alone on the HTML pages.
        let html = files.filter { $0.pathExtension == "html" }
        let htmlBytes = Double(try html.reduce(0) { $0 + (try Data(contentsOf: $1).count) }) / 1e6
        let xmllint = try ChildRun.run("xmllint", ["--html", "--noout"] + html.map(\.path))
        let htmlExtract = try ChildRun.run(nianbao, ["extract", "--format", "json"] + html.map(\.path))
        results.add("xmllint --html --noout, HTML only", "\(fmt(xmllint.seconds, 2)) s", "\(html.count) pages, \(fmt(htmlBytes)) MB")
        results.add("nianbao extract, HTML only", "\(fmt(htmlExtract.seconds, 2)) s",
                    "**\(fmt(htmlExtract.seconds / xmllint.seconds, 1))×** xmllint (target ≤ 3×)")

        try ingest(into: &results)
    }

    /// Figures per second into SQLite: the demo batch's figures, read once, stored in one transaction.
    private func ingest(into results: inout BenchResults) throws {
        var batch: [(unitId: String, year: Int, content: ReportContent)] = []
        for (index, file) in files.enumerated() {
            let bytes = [UInt8](try Data(contentsOf: file))
            let content = ReportReader.read(bytes, contentType: nil, url: file.path, versionId: 1, hints: ExtractionHints())
            batch.append(("u\(index)", content.printedYear ?? 2024, content))
        }
        let store = try Store(path: work.appendingPathComponent("ingest.sqlite").path)
        _ = try store.archive(DocumentVersionRecord(
            id: nil, unitId: "u0", year: 2024, url: "bench:", finalUrl: "bench:", sha256: "bench", content: Data("b".utf8),
            contentType: nil, charset: nil, etag: nil, lastModified: nil, byteCount: 1, firstSeenAt: Date()))
        let figures = batch.reduce(0) { $0 + $1.content.figures.count }
        let started = Date()
        try store.saveReports(batch, at: Date())
        let seconds = Date().timeIntervalSince(started)
        results.add("SQLite ingest (figures, audit, provenance)", "\(fmt(Double(figures) / seconds, 0)) figures/s",
                    "\(figures) figures of \(batch.count) reports in \(fmt(seconds, 2)) s, one transaction")
    }
}
