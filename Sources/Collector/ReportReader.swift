import Documents
import Extraction
import Foundation
import ReaderWorkers
import ReportModel
import Storage

/// What reading one archived document came to.
struct ReadReport: Sendable {
    /// What is stored: figures and audit, or "not a report"; nil when the reader failed on the document.
    var content: ReportContent?
    /// The page's links (for following an attachment).
    var links: [Link]
    /// Whether the document is an HTML page.
    var isHTML: Bool
    /// Why the reader failed, when it did (the document is then quarantined).
    var fault: ReaderFault?
    /// The failure kind of a document that is not a report: `too_large` past a reader's bounds,
    /// `converter_failed` when pdftotext or antiword failed, else `not_a_report`.
    var refusalKind = FailureKind.notAReport
}

/// Reads an archived document version into what the store keeps: figures and audit, or "not a report".
public enum ReportReader {
    /// The readers' version: documents quarantined by an earlier version are read again. Raise it whenever a
    /// reader (HTML, text, PDF, DOCX, a converter's use) changes.
    public static let readerVersion = 5

    /// Reads `bytes` in this process; never throws: a document that cannot be read is recorded as such, never as
    /// zeros.
    public static func read(
        _ bytes: [UInt8], contentType: String?, url: String, versionId: Int64,
        hints: ExtractionHints
    ) -> ReportContent {
        let request = request(bytes, contentType: contentType, url: url)
        return report(DocumentReaders(.inProcess).read(request), versionId: versionId, hints: hints).content
            ?? notAReport(versionId, "the document could not be read")
    }

    /// Sniffs a document fetched from `url` (its last path component a hint to the file type).
    static func sniff(_ bytes: [UInt8], contentType: String?, url: String) -> SniffedDocument {
        SniffedDocument(bytes, contentType: contentType, fileName: fileName(url))
    }

    /// The request that has a reader read a document fetched from `url`.
    static func request(_ bytes: [UInt8], contentType: String?, url: String) -> ReadRequest {
        ReadRequest(bytes: bytes, contentType: contentType, fileName: fileName(url))
    }

    /// Extracts what a reader made of a document.
    static func report(_ outcome: ReadOutcome, versionId: Int64, hints: ExtractionHints) -> ReadReport {
        let document: Document
        switch outcome {
        case .document(let read): document = read
        case .refused(let error):
            return ReadReport(
                content: notAReport(versionId, "\(error)"), links: [], isHTML: false,
                refusalKind: refusalKind(error))
        case .fault(let fault): return ReadReport(content: nil, links: [], isHTML: false, fault: fault)
        }
        let isHTML = document.kind == .html
        do {
            let result = try Extractor.extract(document, hints: hints)
            var content = ReportContent(
                versionId: versionId, status: .extracted, format: result.format,
                printedUnit: result.printedUnit, printedYear: result.printedYear, publishedOn: result.published,
                message: nil, figures: result.figures, items: result.items, audit: result.audit,
                warnings: result.warnings)
            content.parts = (result.shape.partsFound, result.shape.partsExpected)
            content.sentenceHashes = result.shape.sentenceHashes
            return ReadReport(content: content, links: document.links, isHTML: isHTML)
        } catch {
            return ReadReport(content: notAReport(versionId, "\(error)"), links: document.links, isHTML: isHTML)
        }
    }

    private static func refusalKind(_ error: DocumentError) -> FailureKind {
        switch error {
        case .tooLarge: .tooLarge
        case .converterFailed: .converterFailed
        case .notAReport, .unreadable: .notAReport
        }
    }

    private static func fileName(_ url: String) -> String? { URL(string: url)?.lastPathComponent }

    private static func notAReport(_ versionId: Int64, _ message: String) -> ReportContent {
        ReportContent(
            versionId: versionId, status: .notAReport, format: nil, printedUnit: nil, printedYear: nil,
            message: message, figures: [], items: [], audit: [], warnings: [])
    }
}
