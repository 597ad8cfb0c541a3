import Collector
import DemoCity
import Foundation
import ReportModel
import Storage

/// The synthetic province of the benchmark and the configs that point nianbao at it.
enum Province {
    /// Writes `count` generated reports (three formats, HTML and text, some GBK) into `folder`, laid out as
    /// portals publish them or, if `compact`, as the demo city's pages.
    static func write(count: Int, compact: Bool, to folder: URL) throws -> (files: [URL], bytes: Int) {
        try DemoBatch.write(count: count, compact: compact, to: folder)
    }

    /// A config with one unit per file, each with its report at `site`, and the politeness under test.
    static func collectConfig(files: [URL], site: LoopbackSite, concurrency: Int, database: URL) -> String {
        var lines = [
            "version: 1", "city: 基准省", "database: \(database.path)",
            "fetch: { concurrency: \(concurrency), per_host: \(concurrency), delay_ms: 0, retries: 1, timeout_s: 60 }",
            "units:",
        ]
        for (index, file) in files.enumerated() {
            let year = Int(file.deletingPathExtension().lastPathComponent.suffix(4)) ?? 2024
            lines.append(
                "  - { id: u\(index), name: 单位\(index), reports: { \(year): \"\(site.url(file.lastPathComponent))\" } }"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A config naming `units` units whose sources are on `closedPort` of 127.0.0.1, where nothing listens: the
    /// query database is filled directly, and a collect finds every source refused at once.
    static func queryConfig(units: Int, years: ClosedRange<Int>, database: URL, closedPort: Int) -> String {
        var lines = [
            "version: 1", "city: 基准省", "database: \(database.path)",
            "fetch: { concurrency: 8, per_host: 8, delay_ms: 0, retries: 0, timeout_s: 5 }",
            "years: { from: \(years.lowerBound), to: \(years.upperBound) }", "units:",
        ]
        for index in 0..<units {
            lines.append(
                "  - { id: u\(index), name: 单位\(index), kind: \(index % 4 == 0 ? "镇" : "街道"), "
                    + "url_template: \"http://127.0.0.1:\(closedPort)/u\(index)/{year}.html\" }")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Fills `store` with `units` × `years` reports of `codes.count` figures each; returns the figures written.
    static func fill(_ store: Store, units: Int, years: ClosedRange<Int>, codesPerReport: Int) throws -> Int {
        var random = SystemRandomNumberGenerator()
        let newCodes = Array(
            IndicatorCatalogue.all.filter { $0.formats.contains(.v2021) }.map(\.code).prefix(codesPerReport))
        let oldCodes = Array(
            IndicatorCatalogue.all.filter { $0.formats.contains(.old) }.map(\.code).prefix(codesPerReport))
        let provenance = Provenance(table: "表三", row: "基准", column: "总计", raw: "0")
        // Every synthetic report points at one archived stand-in document (reports must name a kept version).
        let standIn = try store.archive(
            DocumentVersionRecord(
                id: nil, unitId: "u0", year: years.lowerBound, url: "bench:", finalUrl: "bench:", sha256: "bench",
                content: Data("bench".utf8), contentType: nil, charset: nil, etag: nil, lastModified: nil, byteCount: 5,
                firstSeenAt: Date())
        ).versionId
        var batch: [(unitId: String, year: Int, content: ReportContent)] = []
        var written = 0
        for unit in 0..<units {
            for year in years {
                let format = ReportFormat.expected(forYear: year)
                let codes = format == .old ? oldCodes : newCodes
                let figures = codes.map {
                    Figure(
                        code: $0, value: Double(Int.random(in: 0...60, using: &random)), kind: .number,
                        provenance: provenance)
                }
                var content = ReportContent(
                    versionId: standIn, status: .extracted, format: format, printedUnit: nil, printedYear: year,
                    message: nil, figures: figures, items: [], audit: [], warnings: [])
                if year == years.upperBound {
                    // The last year's reports get sentence fingerprints for the quality score's copy check: 15
                    // template sentences every report prints and 35 drawn from a pool, as real reports share a few.
                    content.sentenceHashes =
                        Array(1...15) + (0..<35).map { _ in Int64.random(in: 1_000...200_000, using: &random) }
                }
                batch.append(("u\(unit)", year, content))
                written += figures.count
                if batch.count == 5000 {
                    try store.saveReports(batch, at: Date())
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        try store.saveReports(batch, at: Date())
        return written
    }
}
