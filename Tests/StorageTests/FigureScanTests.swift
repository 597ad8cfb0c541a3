import Foundation
import GRDB
import ReportModel
import TestSupport
import Testing

@testable import Storage

/// Where OCR read each figure of a scan (page, box, confidence) is stored with it, read back with it, and gone
/// when the unit·year is read again from a document that is not a scan.
@Suite("OCR provenance in the store")
struct FigureScanTests {
    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store(path: directory.path("nianbao.sqlite").path)
    }

    static let reading = ScanReading(
        page: 2, box: PageBox(minX: 402.25, minY: 118.5, maxX: 411.75, maxY: 130), confidence: 0.532)

    func report(_ versionId: Int64, scanned: Bool) -> ReportContent {
        let figures = [("t3.total.new_received", 7.0, Self.reading), ("t3.natural.new_received", 5.0, nil)].map {
            code, value, scan in
            Figure(
                code: code, value: value, kind: .number,
                provenance: Provenance(
                    table: "表三", row: "一、本年新收", column: "总计", raw: "\(Int(value))", scan: scanned ? scan : nil))
        }
        return ReportContent(
            versionId: versionId, status: .extracted, format: .v2021, printedUnit: nil, printedYear: 2024, message: nil,
            figures: figures, items: [], audit: [], warnings: [])
    }

    func save(scanned: Bool, sha: String) throws {
        let versionId = try store.archive(.fixture(unit: "a", url: "file:///a", text: sha, sha256: sha)).versionId
        try store.saveReport(unitId: "a", year: 2024, content: report(versionId, scanned: scanned), at: Date())
    }

    @Test func aScansFiguresKeepPageBoxAndConfidence() throws {
        try save(scanned: true, sha: "scan")
        let figures = Dictionary(uniqueKeysWithValues: try store.figures().map { ($0.code, $0.provenance.scan) })
        #expect(figures["t3.total.new_received"] == .some(Self.reading))
        #expect(figures["t3.natural.new_received"] == .some(nil))
        var streamed: [String: ScanReading?] = [:]
        try store.forEachFigure(year: 2024) { streamed[$0.code] = $0.provenance.scan }
        #expect(streamed == figures)
        let row = try #require(
            try store.pool.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT ocr_page, ocr_max_y, ocr_confidence FROM figure_detail WHERE code = ?",
                    arguments: ["t3.total.new_received"])
            })
        #expect(
            row["ocr_page"] as Int == 2 && row["ocr_max_y"] as Double == 130 && row["ocr_confidence"] as Double == 0.532
        )
    }

    @Test func readingTheUnitYearAgainFromATextReportDropsTheScansPositions() throws {
        try save(scanned: true, sha: "scan")
        try save(scanned: false, sha: "text")
        #expect(try store.figures().allSatisfy { $0.provenance.scan == nil })
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM figure_scan") } == 0)
    }
}
