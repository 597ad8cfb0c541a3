import Foundation
import TestSupport
import Testing

@testable import Documents

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

    @Test func imagesAreKnownByTheirFirstBytes() {
        #expect(
            FileSniffer.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], contentType: nil, fileName: "a.bin") == .image(.png)
        )
        #expect(FileSniffer.sniff([0xFF, 0xD8, 0xFF, 0xE0], contentType: nil, fileName: "report.pdf") == .image(.jpeg))
        #expect(FileSniffer.sniff([0x49, 0x49, 0x2A, 0x00, 8], contentType: nil, fileName: nil) == .image(.tiff))
        #expect(FileSniffer.sniff([0x4D, 0x4D, 0x00, 0x2A, 0], contentType: nil, fileName: nil) == .image(.tiff))
        #expect(FileSniffer.sniff(Array("GIF89a".utf8), contentType: nil, fileName: nil) == .other("a GIF image"))
    }

    @Test func withoutOCRAnImageNeedsManualEntryAndSaysWhatItIs() throws {
        let bytes = try LocalFile.bytes(atPath: Self.corpus("r01-2021-2021.200.p1.scan.jpg").path)
        #expect {
            try OCRReader.pages(bytes, suffix: ".jpg", description: ImageType.jpeg.description, python: nil)
        } throws: { error in
            "\(error)".contains("a JPEG image: needs manual entry")
                && "\(error)".contains("pip install rapidocr-onnxruntime")
        }
    }

    @Test(.enabled(if: OCRReader.python != nil, "needs the OCR environment (/opt/nianbao-ocr)"))
    func aJPEGPageIsReadByOCR() throws {
        let document = try DocumentReader.read(contentsOf: Self.corpus("r01-2021-2021.200.p1.scan.jpg"))
        #expect(document.kind == .scan)
        let table = try #require(document.tables.first { $0.compactText.contains("本年新收") })
        let row = try #require(table.rows.first { $0.contains { $0.text.hasPrefix("一、本年新收") } })
        #expect(row.suffix(7).map(\.text) == ["4", "0", "2", "0", "0", "0", "6"])
    }

    @Test(.enabled(if: OCRReader.python != nil, "needs the OCR environment (/opt/nianbao-ocr)"))
    func aWordDocumentOfPagePicturesIsReadByOCR() throws {
        let document = try DocumentReader.read(contentsOf: Self.corpus("r03-2019-2019.200.scan.docx"))
        #expect(document.kind == .scan)
        let table = try #require(document.tables.first { $0.compactText.contains("本年新收") })
        // The table runs over both pictures: its last rows are on the second.
        #expect(table.rows.contains { $0.contains { $0.text.hasPrefix("四、结转下年度") } })
    }

    /// A PNG that decodes to 144 MB is refused from its header, quickly, with the reason.
    @Test(.enabled(if: OCRReader.python != nil && Tools.has("python3"), "needs the OCR environment and python3"))
    func anImageBombIsRefusedBeforeItIsDecoded() throws {
        let file = try #require(HostileFiles.file("image-bomb.png"))
        let started = Date()
        #expect {
            try DocumentReader.read(contentsOf: file)
        } throws: { error in
            "\(error)".contains("OCR failed for a PNG image") && "\(error)".contains("more than 80 million")
        }
        #expect(Date().timeIntervalSince(started) < 30)
    }

    static func corpus(_ name: String) -> URL {
        RepositoryPaths.fixture("", target: "ExtractionTests").deletingLastPathComponent().appendingPathComponent(
            "Corpus/\(name)")
    }

    @Test(.enabled(if: Tools.hasOCR, "needs the OCR environment (/opt/nianbao-ocr), pdftotext and pdftoppm"))
    func aScanIsReadIntoWordsWithBoxesAndTables() throws {
        let document = try DocumentReader.read(contentsOf: Self.scan)
        #expect(document.kind == .scan)
        #expect(document.fullText.contains("本年新收"))
        #expect(!document.tables.isEmpty)
    }
}
