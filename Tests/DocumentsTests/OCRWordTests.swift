import Foundation
import TestSupport
import Testing

@testable import Documents

/// Tables built from words read by OCR: `r01-2021-2021.200.ocr.xml` is what the OCR worker printed for the corpus
/// scan `r01-2021-2021.200.scan.pdf` (kept so that these tests run without the OCR environment).
@Suite("Tables from OCR'd words")
struct OCRWordTests {
    static func pages() throws -> [PDFPage] {
        let file = RepositoryPaths.fixture("", target: "ExtractionTests").deletingLastPathComponent()
            .appendingPathComponent("Corpus/r01-2021-2021.200.ocr.xml")
        return PDFWordReader.read(try String(contentsOf: file, encoding: .utf8))
    }

    @Test func wordsKeepTheirConfidence() throws {
        let words = try Self.pages().flatMap(\.words)
        #expect(words.allSatisfy { ($0.confidence ?? -1) >= 0.3 && ($0.confidence ?? 2) <= 1 })
        #expect(words.contains { ($0.confidence ?? 1) < 0.6 && $0.isValue })
    }

    /// The brackets of the vertical group labels are misread (`C三)`, `(四）`), so the group labels cannot be told apart by
    /// their text: each run of numbered sub-rows takes the characters beside it.
    @Test func groupLabelsWithLostBracketsAreSplitByTheirRows() throws {
        let table = try #require(PDFTableBuilder.tables(Self.pages()).first { $0.compactText.contains("本年新收") })
        let groupOf = { (label: String) in
            table.rows.first { $0.count > 1 && $0[1].text.hasPrefix(label) }?[0].text ?? ""
        }
        #expect(groupOf("8.属于行政查询").contains("不予公开") && !groupOf("8.属于行政查询").contains("无法提供"))
        #expect(groupOf("3.补正后申请").contains("无法提供") && !groupOf("3.补正后申请").contains("不予处理"))
        #expect(groupOf("5.要求行政机关").contains("不予处理"))
        #expect(groupOf("3.其他").contains("其他处理"))
    }

    @Test func numbersCarryTheirConfidenceIntoTheirCells() throws {
        let table = try #require(PDFTableBuilder.tables(Self.pages()).first { $0.compactText.contains("本年新收") })
        let row = try #require(table.rows.first { $0.contains { $0.text.hasPrefix("一、本年新收") } })
        #expect(row.suffix(7).map(\.text) == ["4", "0", "2", "0", "0", "0", "6"])
        #expect(row.suffix(7).allSatisfy { $0.scan?.page == 1 && $0.scan?.confidence != nil })
    }

    @Test func lookAlikesAreDigitsOnlyInValueColumns() {
        let word = { (text: String, x: Double, y: Double) in
            PDFWord(text: text, page: 0, minX: x, minY: y, maxX: x + 8, maxY: y + 10, confidence: 0.5)
        }
        var words: [PDFWord] = []
        for (index, label) in ["1.属于国家秘密", "2.重复申请", "3.其他"].enumerated() {
            let y = 100 + Double(index) * 20
            words.append(PDFWord(text: label, page: 0, minX: 60, minY: y, maxX: 150, maxY: y + 10, confidence: 0.99))
            for column in 0..<5 {
                words.append(word(index == 1 && column == 2 ? "o" : "1", 300 + Double(column) * 40, y))
            }
        }
        words.append(word("O", 20, 120))  // left of the value columns: a label's letter, not a number
        let lines = OCRLookAlikes.readingDigits(in: PDFLine.lines(of: words))
        let texts = lines.flatMap(\.words).map(\.text)
        #expect(texts.contains("O") && !texts.contains("o"))
        #expect(lines[1].words.filter(\.isValue).map(\.text) == ["1", "1", "0", "1", "1"])
        #expect(OCRLookAlikes.digitText("1O") == "10" && OCRLookAlikes.digitText("l2") == "12")
        #expect(OCRLookAlikes.digitText("1：") == "1" && OCRLookAlikes.digitText("8.") == "8")
        #expect(OCRLookAlikes.digitText("属于") == nil && OCRLookAlikes.digitText("12") == nil)
        #expect(
            OCRLookAlikes.digitText("2.5") == nil && OCRLookAlikes.digitText("1.属") == nil
                && OCRLookAlikes.digitText("。") == nil)
    }

    @Test func textLayerWordsAreNeverRewritten() {
        let words = [
            PDFWord(text: "1", page: 0, minX: 300, minY: 100, maxX: 308, maxY: 110),
            PDFWord(text: "o", page: 0, minX: 300, minY: 120, maxX: 308, maxY: 130),
        ]
        let lines = OCRLookAlikes.readingDigits(in: PDFLine.lines(of: words))
        #expect(lines.flatMap(\.words).map(\.text) == ["1", "o"])
    }
}
