import CLibXML2
import Foundation
import ReportModel

/// A word of a PDF page with its box, in points from the page's top-left corner, as `pdftotext -bbox-layout`
/// prints it.
struct PDFWord: Sendable {
    /// The word, normalised (full-width digits folded).
    let text: String
    /// The page it stands on, from 0.
    let page: Int
    let minX: Double
    let minY: Double
    let maxX: Double
    let maxY: Double
    /// Whether the word is a figure: digits with an optional sign, separators and decimal point, or a
    /// placeholder for nothing (`—`, `-`, `/`).
    let isValue: Bool
    /// How sure OCR is of the word (0–1); nil for a word of a text layer.
    let confidence: Double?

    init(text: String, page: Int, minX: Double, minY: Double, maxX: Double, maxY: Double, confidence: Double? = nil) {
        self.text = text
        self.page = page
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
        self.confidence = confidence
        isValue = Self.looksLikeValue(text)
    }

    /// The same word with another text (a look-alike read as the digit it stands for).
    func replacingText(_ text: String) -> PDFWord {
        PDFWord(text: text, page: page, minX: minX, minY: minY, maxX: maxX, maxY: maxY, confidence: confidence)
    }

    /// Where OCR read the word and how sure it is; nil for a word of a text layer.
    var scanReading: ScanReading? {
        confidence.map {
            ScanReading(page: page + 1, box: PageBox(minX: minX, minY: minY, maxX: maxX, maxY: maxY), confidence: $0)
        }
    }

    var midX: Double { (minX + maxX) / 2 }
    var midY: Double { (minY + maxY) / 2 }
    var height: Double { maxY - minY }

    private static func looksLikeValue(_ text: String) -> Bool {
        if ["—", "-", "/", "－", "–"].contains(text) { return true }
        var digits = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": digits += 1
            case "+",
                "-" where index == 0:
                continue
            case ".", ",": continue
            default: return false
            }
        }
        return digits > 0
    }
}

/// One page of words and its size.
struct PDFPage: Sendable {
    let width: Double
    let height: Double
    var words: [PDFWord]
}

/// Reads the XHTML of `pdftotext -bbox-layout` (pages, flows, blocks, lines, words with `xMin`…`yMax`) with
/// libxml2; the OCR worker prints the same, each word with its confidence (`conf`).
enum PDFWordReader {
    static func read(_ xml: String) -> [PDFPage] {
        let options = Int32(
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue)
        var bytes = Array(xml.utf8)
        let parsed = bytes.withUnsafeMutableBytes { buffer in
            xmlReadMemory(
                buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, "UTF-8", options)
        }
        guard let parsed else { return [] }
        defer { xmlFreeDoc(parsed) }
        var pages: [PDFPage] = []
        collect(xmlDocGetRootElement(parsed), into: &pages)
        return pages
    }

    private static func collect(_ start: xmlNodePtr?, into pages: inout [PDFPage]) {
        var node = start
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                switch LibXMLNode.name(current) {
                case "page":
                    pages.append(PDFPage(width: number(current, "width"), height: number(current, "height"), words: []))
                    collect(current.pointee.children, into: &pages)
                case "word":
                    let text = TextNormalizer.normalize(LibXMLNode.text(current))
                    if !text.isEmpty, !pages.isEmpty {
                        pages[pages.count - 1].words.append(
                            PDFWord(
                                text: text, page: pages.count - 1, minX: number(current, "xMin"),
                                minY: number(current, "yMin"),
                                maxX: number(current, "xMax"), maxY: number(current, "yMax"),
                                confidence: LibXMLNode.localAttribute(current, "conf").flatMap(Double.init)))
                    }
                default:
                    collect(current.pointee.children, into: &pages)
                }
            }
            node = current.pointee.next
        }
    }

    private static func number(_ node: xmlNodePtr, _ name: String) -> Double {
        LibXMLNode.localAttribute(node, name).flatMap(Double.init) ?? 0
    }
}
