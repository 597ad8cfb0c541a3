import Foundation
import SwiftCSV
import TestSupport
import Testing

/// A township publishes its report as a scan and its portal serves a logo where a report should be: collected over
/// HTTP by the built binary, the scan's figures are stored with where OCR read them, which `export figures` shows;
/// the logo is not a report and never reaches OCR.
@Suite(
    "Collecting a scan", .serialized,
    .enabled(if: Tools.hasOCR && Tools.has("python3"), "needs the OCR environment (/opt/nianbao-ocr) and python3"))
struct ScanCollectTests {
    @Test func aScansFiguresAreStoredWithPageBoxAndConfidenceAndALogoIsNotAReport() throws {
        let folder = try TemporaryDirectory()
        let corpus = RepositoryPaths.fixture("", target: "ExtractionTests").deletingLastPathComponent()
            .appendingPathComponent("Corpus")
        try FileManager.default.copyItem(
            at: corpus.appendingPathComponent("r01-2021-2021.200.scan.pdf"), to: folder.path("scan.pdf"))
        try FileManager.default.copyItem(
            at: RepositoryPaths.fixture("portal-logo.png", target: "DocumentsTests"), to: folder.path("logo.png"))
        let server = try LoopbackServer(root: folder.url)
        try folder.write(
            "nianbao.yaml",
            """
            version: 1
            city: 晋江市
            database: db.sqlite
            years: { from: 2021, to: 2021 }
            fetch: { concurrency: 2, per_host: 2, delay_ms: 0, retries: 0 }
            reading: { memory_mb: 2048, cpu_s: 300, timeout_s: 300 }
            units:
              - { id: scanned, name: 安海镇, reports: { 2021: "\(server.url("files/scan.pdf"))" } }
              - { id: logo, name: 东石镇, reports: { 2021: "\(server.url("files/logo.png"))" } }
            """)
        let collect = try BinaryRunner.run(["collect", "--config", "nianbao.yaml"], in: folder.url)
        // The logo's unit·year failed as not a report (exit 1), the scan's was stored.
        #expect(collect.status == 1, "\(collect.stdout)\(collect.stderr)")
        #expect(collect.stdout.contains("scanned 2021 new"), "\(collect.stdout)")
        #expect(collect.stderr.contains("240 × 80 pixels: too small to be a page of a report"), "\(collect.stderr)")
        let export = try BinaryRunner.run(
            [
                "export", "figures", "--year", "2021", "--config", "nianbao.yaml", "--profile", "plain", "--out",
                "f.csv",
            ],
            in: folder.url)
        #expect(export.status == 0, "\(export.stderr)")
        let rows = try CSV<Enumerated>(string: try String(contentsOf: folder.path("f.csv"), encoding: .utf8)).rows
        let header = try CSV<Enumerated>(string: try String(contentsOf: folder.path("f.csv"), encoding: .utf8)).header
        let column = { (name: String) in try #require(header.firstIndex(of: name)) }
        let (unit, code) = (try column("单位编号"), try column("指标代码"))
        let (page, box, confidence) = (try column("扫描页"), try column("扫描位置"), try column("识别置信度"))
        #expect(!rows.isEmpty && rows.allSatisfy { $0[unit] == "scanned" })
        let received = try #require(rows.first { $0[code] == "t3.total.new_received" })
        #expect(received[page] == "1")
        #expect(received[box].split(separator: ",").compactMap { Double($0) }.count == 4, "\(received[box])")
        let sure = try #require(Double(received[confidence]))
        #expect(sure > 0 && sure <= 1)
    }
}
