import Collector
import Foundation
import Storage

// nianbao-bench: the project's benchmark. Build in release first (swift build -c release), then
//   .build/release/nianbao-bench [--reports 2000] [--concurrency 8] [--rounds 9] [--query-units 10000] [--query-years 15] [--work DIR]
//   .build/release/nianbao-bench --queries-only …   (only rank/trend/export, reusing the query database)
//   .build/release/nianbao-bench --pipeline-only …  (only curl/extract/collect/xmllint/ingest)
//   .build/release/nianbao-bench --compact-pages …  (the demo city's 6 KB pages instead of portals' 25 KB ones)
//   .build/release/nianbao-bench --politeness-only [--politeness-rounds 5] [--delay-ms 300]
// It writes a synthetic province, serves it from a real loopback HTTP server (nginx when installed), and measures
// collect, curl --parallel on the same URLs, extract alone, xmllint alone, SQLite ingest, a collect from hosts of
// uneven size against its politeness bound, and rank/trend/export latency.
let options = BenchOptions(CommandLine.arguments.dropFirst())
if options.wantsHelp {
    print(BenchOptions.usage)
    exit(0)
}
if !options.problems.isEmpty {
    FileHandle.standardError.write(
        Data(
            (options.problems.map { "nianbao-bench: \($0)" } + [BenchOptions.usage, ""])
                .joined(separator: "\n").utf8))
    exit(64)
}
let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let nianbao = binaries.appendingPathComponent("nianbao").path
var results = BenchResults()
do {
    let work = URL(fileURLWithPath: options.work)
    if options.queriesOnly {
        try QueryBench(options: options, nianbao: nianbao, work: work).run(into: &results)
        print(results.markdown)
        exit(0)
    }
    // A fresh work folder, but for the query database, which only --queries-only reuses.
    for name in (try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []
    where !name.hasPrefix("query.sqlite") {
        try? FileManager.default.removeItem(at: work.appendingPathComponent(name))
    }
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    if options.politenessOnly {
        try PolitenessBench(options: options, nianbao: nianbao, work: work).run(into: &results)
        print(results.markdown)
        exit(0)
    }
    let siteFolder = work.appendingPathComponent("site")
    let province = try Province.write(count: options.reports, compact: options.compactPages, to: siteFolder)
    results.note(
        "province: \(province.files.count) reports, \(String(format: "%.1f", Double(province.bytes) / 1e6)) MB, "
            + "\(province.bytes / max(province.files.count, 1) / 1000) KB each on average "
            + "(\(province.files.filter { $0.pathExtension == "html" }.count) HTML, rest text; "
            + "\(options.compactPages ? "the demo city's compact pages" : "laid out as portals publish them, every second unit's pasted from Word"))"
    )
    let site = try LoopbackSite(serving: siteFolder, work: work, repository: options.repository)
    results.note(
        "server: \(site.kind) on 127.0.0.1:\(site.port); machine: \(ProcessInfo.processInfo.activeProcessorCount) cores"
    )

    try PipelineBench(
        options: options, nianbao: nianbao, work: work, files: province.files, bytes: province.bytes,
        site: site
    ).run(into: &results)
    site.stop()
    if !options.pipelineOnly {
        try PolitenessBench(options: options, nianbao: nianbao, work: work).run(into: &results)
        try QueryBench(options: options, nianbao: nianbao, work: work).run(into: &results)
    }
    print(results.markdown)
} catch {
    FileHandle.standardError.write(Data("nianbao-bench: \(error)\n".utf8))
    print(results.markdown)
    exit(1)
}
