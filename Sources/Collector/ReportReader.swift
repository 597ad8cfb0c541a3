import Documents
import Extraction
import Foundation
import ReportModel
import Storage

/// Reads an archived document version into what the store keeps: figures and audit, or "not a report".
public enum ReportReader {
    /// Reads `bytes`; never throws: a document that cannot be read is recorded as such, never as zeros.
    public static func read(_ bytes: [UInt8], contentType: String?, url: String, versionId: Int64,
                            hints: ExtractionHints) -> ReportContent {
        readWithLinks(sniff(bytes, contentType: contentType, url: url), versionId: versionId, hints: hints).content
    }

    /// Sniffs a document fetched from `url` (its last path component a hint to the file type).
    static func sniff(_ bytes: [UInt8], contentType: String?, url: String) -> SniffedDocument {
        SniffedDocument(bytes, contentType: contentType, fileName: URL(string: url)?.lastPathComponent)
    }

    /// Reads a sniffed document once, returning what is stored and the page's links (for following an attachment).
    static func readWithLinks(_ sniffed: SniffedDocument, versionId: Int64,
                              hints: ExtractionHints) -> (content: ReportContent, links: [Link], isHTML: Bool) {
        let document: Document
        do {
            document = try DocumentReader.read(sniffed)
        } catch {
            return (notAReport(versionId, error), [], false)
        }
        do {
            let result = try Extractor.extract(document, hints: hints)
            var content = ReportContent(versionId: versionId, status: .extracted, format: result.format,
                                        printedUnit: result.unit, printedYear: result.year, publishedOn: result.published,
                                        message: nil, figures: result.figures, items: result.items, audit: result.audit,
                                        warnings: result.warnings)
            content.parts = (result.shape.partsFound, result.shape.partsExpected)
            content.sentenceHashes = result.shape.sentenceHashes
            return (content, document.links, document.kind == .html)
        } catch {
            return (notAReport(versionId, error), document.links, document.kind == .html)
        }
    }

    private static func notAReport(_ versionId: Int64, _ error: any Error) -> ReportContent {
        ReportContent(versionId: versionId, status: .notAReport, format: nil, printedUnit: nil, printedYear: nil,
                      message: "\(error)", figures: [], items: [], audit: [], warnings: [])
    }
}
