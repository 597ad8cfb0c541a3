@testable import Documents
import Foundation
import Testing
import TestSupport

@Suite("Scans read by OCR")
struct OCRTests {
    static var scan: URL {
        RepositoryPaths.fixture("", target: "ExtractionTests").deletingLastPathComponent()
            .appendingPathComponent("Corpus/r01-2021-2021.300.scan.pdf")
    }

    @Test func withoutOCRAScanNeedsManualEntryAndSaysHowToInstallIt() throws {
        let bytes = try LocalFile.bytes(atPath: Self.scan.path)
        #expect {
            try OCRReader.pages(bytes, python: nil)
        } throws: { error in
            "\(error)".contains("needs manual entry") && "\(error)".contains("pip install rapidocr-onnxruntime")
        }
    }

    @Test(.enabled(if: Tools.hasOCR, "needs the OCR environment (/opt/nianbao-ocr), pdftotext and pdftoppm"))
    func aScanIsReadIntoWordsWithBoxesAndTables() throws {
        let document = try DocumentReader.read(contentsOf: Self.scan)
        #expect(document.kind == .scan)
        #expect(document.fullText.contains("本年新收"))
        #expect(!document.tables.isEmpty)
    }
}
