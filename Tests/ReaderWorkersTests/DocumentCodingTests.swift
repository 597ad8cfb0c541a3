import Documents
import Foundation
import ReportModel
import TestSupport
import Testing

@testable import ReaderWorkers

@Suite("The worker's answers on the pipe")
struct DocumentCodingTests {
    @Test func aDocumentComesBackAsItWasRead() throws {
        for name in ["word-pasted-2021.html", "pipe-copy-2019.txt", "gbk-2019.html"] {
            let file = RepositoryPaths.fixture(name, target: "ExtractionTests")
            var document = try DocumentReader.read(contentsOf: file)
            document.warnings.append("a warning")
            guard case .document(let decoded) = try DocumentCoding.decode(DocumentCoding.encode(.document(document)))
            else {
                Issue.record("\(name) did not come back as a document")
                continue
            }
            #expect(
                decoded.kind == document.kind && decoded.encoding == document.encoding
                    && decoded.title == document.title)
            #expect(decoded.paragraphs == document.paragraphs)
            #expect(decoded.tables == document.tables)
            #expect(decoded.links == document.links)
            #expect(decoded.warnings == document.warnings)
            #expect(decoded.lines == document.lines)
        }
    }

    @Test func cellsReadByOCRKeepTheirPageBoxAndConfidence() throws {
        let first = ScanReading(
            page: 2, box: PageBox(minX: 402.25, minY: 118.5, maxX: 411.75, maxY: 130.01), confidence: 0.532)
        let second = ScanReading(page: 1, box: PageBox(minX: 0, minY: 0, maxX: 595, maxY: 842), confidence: 1)
        let cells = [
            GridCell(text: "7", scan: first), GridCell(text: "1.属于国家秘密"),
            GridCell(text: "0", isSpanCopy: true, scan: second),
        ]
        let document = Document(
            kind: .scan, encoding: .utf8, title: nil, paragraphs: [], tables: [Table(rows: [cells])],
            links: [], warnings: [])
        guard case .document(let decoded) = try DocumentCoding.decode(DocumentCoding.encode(.document(document))) else {
            Issue.record("the scan did not come back as a document")
            return
        }
        #expect(decoded.tables == document.tables)
        #expect(decoded.tables.first?.rows.first?.map(\.scan) == [first, nil, second])
    }

    @Test func aRefusalComesBackWithItsReason() throws {
        for error in [
            DocumentError.notAReport("an empty file"), .tooLarge("a ZIP bomb"), .converterFailed("x"),
            .unreadable("y"),
        ] {
            guard case .refused(let decoded) = try DocumentCoding.decode(DocumentCoding.encode(.refused(error))) else {
                Issue.record("\(error) did not come back as a refusal")
                continue
            }
            #expect(decoded == error)
        }
    }

    @Test func brokenBytesAreRefusedNotTrusted() {
        let encoded = DocumentCoding.encode(
            .document(
                Document(
                    kind: .html, encoding: .utf8, title: "t",
                    paragraphs: ["一", "二"], tables: [], links: [],
                    warnings: [])))
        for cut in [1, 9, encoded.count / 2, encoded.count - 1] {
            #expect(throws: CodingFault.self) { try DocumentCoding.decode(Array(encoded[0..<cut])) }
        }
        var huge = encoded
        huge.replaceSubrange(1..<9, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        #expect(throws: CodingFault.self) { try DocumentCoding.decode(huge) }
    }
}
