import Foundation
import ReportModel
import TestSupport
import Testing

@testable import Documents
@testable import Extraction

/// Figures read by OCR keep OCR's confidence, and those it was not sure of are listed by `ocr.low_confidence`.
/// The words are what the OCR worker printed for the corpus scan `r01-2021-2021.200.scan.pdf`.
@Suite("OCR confidence")
struct ScanConfidenceTests {
    static func document() throws -> Document {
        let file = CorpusFile.folder.appendingPathComponent("r01-2021-2021.200.ocr.xml")
        let pages = PDFWordReader.read(try String(contentsOf: file, encoding: .utf8))
        let text = OCRReader.text(pages)
        let parsed = TextReader.read(text, layoutColumns: true)
        var document = Document(
            kind: .scan, encoding: .utf8, title: parsed.paragraphs.first { $0.contains("年度报告") },
            paragraphs: parsed.paragraphs, tables: PDFTableBuilder.tables(pages), links: [], warnings: [])
        document.lines = parsed.lines
        return document
    }

    @Test func lowConfidenceFiguresAreUncertainAndTheRestAreNot() throws {
        let result = try Extractor.extract(Self.document())
        let rule = try #require(result.audit.first { $0.rule == "ocr.low_confidence" })
        #expect(rule.status == .uncertain)
        let listed = Set(rule.cells)
        #expect(!listed.isEmpty)
        #expect(
            result.figures.filter { $0.code.hasPrefix("t3.") && $0.kind == .number }.allSatisfy {
                $0.provenance.scan != nil
            })
        for figure in result.figures {
            let doubtful = (figure.provenance.scan?.confidence ?? 1) < ScanRules.confidentFrom
            #expect(
                listed.contains(figure.code) == doubtful, "\(figure.code) \(figure.provenance.scan?.confidence ?? 1)")
        }
    }

    /// Table 三 of the scan starts on its first page (A4, 595 × 842 points) and ends on the second: every figure
    /// read from it names its page, with a box of the size of a printed number inside the page.
    @Test func figuresReadByOCRKnowTheirPageAndBox() throws {
        let result = try Extractor.extract(Self.document())
        let table3 = result.figures.filter { $0.code.hasPrefix("t3.") && $0.kind == .number }
        #expect(table3.count > 100)
        var pages: [String: Int] = [:]
        for figure in table3 {
            let scan = try #require(figure.provenance.scan, "\(figure.code)")
            let box = scan.box
            pages[figure.code] = scan.page
            #expect(0 <= box.minX && box.minX < box.maxX && box.maxX <= 595 && 0 <= box.minY && box.maxY <= 842)
            #expect(box.maxY - box.minY < 20 && box.maxX - box.minX < 40, "\(figure.code) \(box)")
        }
        #expect(pages["t3.total.new_received"] == 1)
        #expect(pages["t3.total.carried_forward"] == 2)
        #expect(Set(pages.values) == [1, 2])
    }

    @Test func figuresOfATextLayerHaveNoConfidenceAndNoSuchRule() throws {
        let result = try Extractor.extract(
            DocumentReader.read(contentsOf: CorpusFile.folder.appendingPathComponent("r01-2021-2021.rl.pdf")))
        #expect(result.figures.allSatisfy { $0.provenance.scan == nil })
        #expect(!result.audit.contains { $0.rule.hasPrefix("ocr.") })
    }
}
