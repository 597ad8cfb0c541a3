import Foundation
import ReportModel

/// Turns fetched or local bytes into a `Document`, whatever the file type and encoding.
public enum DocumentReader {
    /// Reads `bytes`; `contentType` is the HTTP header (for its charset and type), `fileName` a hint from the URL.
    public static func read(_ bytes: [UInt8], contentType: String? = nil, fileName: String? = nil) throws -> Document {
        try read(SniffedDocument(bytes, contentType: contentType, fileName: fileName))
    }

    /// Reads a file already sniffed.
    public static func read(_ sniffed: SniffedDocument) throws -> Document {
        let (bytes, kind) = (sniffed.bytes, sniffed.kind)
        switch kind {
        case .pdf:
            let text = try ExternalConverter.run(
                "pdftotext", arguments: ["-layout", "-enc", "UTF-8"], input: bytes,
                suffix: ".pdf")
            guard text.contains(where: { !$0.isWhitespace }) else {
                return try scannedDocument(
                    bytes, suffix: ".pdf", description: "a PDF with no text layer (a scan or images)")
            }
            var document = textDocument(text, kind: .pdf, encoding: .utf8, warnings: [], layoutColumns: true)
            do {
                let placed = try PDFTableBuilder.tables(
                    PDFWordReader.read(
                        ExternalConverter.run(
                            "pdftotext", arguments: ["-bbox-layout", "-enc", "UTF-8"], input: bytes, suffix: ".pdf")))
                if !placed.isEmpty { document.tables = placed }
            } catch let error as DocumentError {
                // The words' boxes are a second reading: without them the layout text is read alone.
                document.warnings.append("tables read from the layout text only: \(error)")
            }
            return document
        case .doc:
            let text = try ExternalConverter.run(
                "antiword", arguments: ["-m", "UTF-8.txt", "-w", "0"], input: bytes,
                suffix: ".doc")
            return textDocument(text, kind: .doc, encoding: .utf8, warnings: [], layoutColumns: false)
        case .docx:
            return try DOCXReader.read(bytes)
        case .image(let type):
            if let size = ImageDimensions.read(bytes, type: type), !size.couldBeAPage {
                throw DocumentError.notAReport(
                    "\(type.description) of \(size.width) × \(size.height) pixels: too small to be a page of a report "
                        + "(a logo, banner or picture), not read by OCR")
            }
            return try scannedDocument(bytes, suffix: type.suffix, description: type.description)
        case .other(let description):
            throw DocumentError.notAReport(description)
        case .markup, .plainText:
            guard let decoded = sniffed.decoded else { preconditionFailure("a text file is decoded when sniffed") }
            let (detection, text) = (decoded.detection, decoded.text)
            var warnings: [String] = []
            if let note = detection.note { warnings.append(note) }
            if decoded.badBytes > 0 { warnings.append("\(decoded.badBytes) undecodable bytes replaced with U+FFFD") }
            if kind == .markup {
                let page = HTMLReader.read(text)
                if page.isCutShort {
                    warnings.append(
                        "the page nests elements more than \(HTMLPageBuilder.deepestElement) deep: read up to there")
                }
                warnings += page.refusals
                return Document(
                    kind: .html, encoding: detection.encoding, title: page.title,
                    paragraphs: page.paragraphs, tables: page.tables, links: page.links, warnings: warnings)
            }
            return textDocument(
                text, kind: .text, encoding: detection.encoding, warnings: warnings,
                layoutColumns: false)
        }
    }

    /// Reads a local file, choosing the type from its bytes and name.
    public static func read(contentsOf url: URL) throws -> Document {
        try read(try LocalFile.bytes(atPath: url.path), fileName: url.lastPathComponent)
    }

    /// A scan — a PDF without a text layer, or an image file (`suffix` names its type, `description` says what it
    /// is) — read by OCR (when installed): tables from the words' boxes, the lines for prose and the stream.
    private static func scannedDocument(_ bytes: [UInt8], suffix: String, description: String) throws -> Document {
        try scan(OCRReader.pages(bytes, suffix: suffix, description: description), description: description)
    }

    /// The document of pages read by OCR.
    static func scan(_ pages: [PDFPage], description: String) throws -> Document {
        let text = OCRReader.text(pages)
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw DocumentError.notAReport("\(description) in which OCR found no text: needs manual entry")
        }
        var document = textDocument(text, kind: .scan, encoding: .utf8, warnings: [], layoutColumns: true)
        let placed = PDFTableBuilder.tables(pages)
        if !placed.isEmpty { document.tables = placed }
        return document
    }

    private static func textDocument(
        _ text: String, kind: DocumentKind, encoding: TextEncoding, warnings: [String],
        layoutColumns: Bool
    ) -> Document {
        let parsed = TextReader.read(text, layoutColumns: layoutColumns)
        let title = parsed.paragraphs.first { $0.includes("年度报告") || $0.includes("年报") }
        var document = Document(
            kind: kind, encoding: encoding, title: title, paragraphs: parsed.paragraphs,
            tables: parsed.tables, links: [], warnings: warnings)
        document.lines = parsed.lines
        return document
    }
}
