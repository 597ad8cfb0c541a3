import CLibXML2
import Foundation
import ReportModel
import ZIPFoundation

/// Reads a Word 2007+ document: `word/document.xml` from the ZIP, paragraphs in order and tables as grids with
/// `gridSpan` (colspan) and `vMerge` (rowspan) expanded; nested tables are separate. A document with no text whose
/// pages are pictures is read by OCR (`DOCXPictures`).
enum DOCXReader {
    /// The most bytes `word/document.xml` may unpack to (a report's is well under 5 MB).
    static let maxDocumentBytes = 16 * 1024 * 1024
    /// Past 4 MB, the most bytes one compressed byte may unpack to (Word's XML packs about 10 to 1; bombs, 1000).
    static let maxRatio = 200

    static func read(_ bytes: [UInt8]) throws -> Document {
        let xml: Data
        do {
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            guard let entry = archive["word/document.xml"] else {
                throw DocumentError.notAReport("a ZIP archive without word/document.xml (not a Word document)")
            }
            try checkSize(declared: entry.uncompressedSize, compressed: entry.compressedSize)
            var collected = Data()
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The sizes in the archive may lie: counted as the bytes come.
                try checkSize(declared: UInt64(collected.count + chunk.count), compressed: entry.compressedSize)
                collected.append(chunk)
            }
            xml = collected
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError.notAReport("a damaged ZIP/DOCX file (\(error))")
        }
        let options = Int32(
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue)
        let parsed = xml.withUnsafeBytes { buffer in
            xmlReadMemory(
                buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, "UTF-8", options)
        }
        guard let parsed else { throw DocumentError.notAReport("a DOCX whose document.xml is not XML") }
        defer { xmlFreeDoc(parsed) }
        var walker = WordWalker()
        walker.walk(xmlDocGetRootElement(parsed))
        if walker.tables.isEmpty, walker.paragraphs.allSatisfy({ $0.trimmedSpaces.isEmpty }),
            let pictures = try DOCXPictures.document(bytes)
        {
            return pictures
        }
        let title = walker.paragraphs.first { $0.includes("年度报告") || $0.includes("年报") }
        return Document(
            kind: .docx, encoding: .utf8, title: title, paragraphs: walker.paragraphs, tables: walker.tables,
            links: [], warnings: walker.refusals)
    }

    /// Refuses an entry that unpacks past `maxDocumentBytes`, or past 4 MB at more than `maxRatio` to 1.
    private static func checkSize(declared: UInt64, compressed: UInt64) throws {
        if declared > UInt64(maxDocumentBytes) {
            throw DocumentError.tooLarge(
                "a DOCX whose document.xml unpacks to more than \(maxDocumentBytes / 1_048_576) MB")
        }
        if declared > 4 * 1024 * 1024, declared / max(compressed, 1) > UInt64(maxRatio) {
            throw DocumentError.tooLarge(
                "a DOCX whose document.xml unpacks more than \(maxRatio) times its packed size "
                    + "(a ZIP bomb)")
        }
    }
}

/// Walks WordprocessingML: `w:p` paragraphs and `w:tbl` tables in document order.
struct WordWalker {
    var paragraphs: [String] = []
    var tables: [Table] = []
    /// Tables left out for being too large, in plain words.
    var refusals: [String] = []

    mutating func walk(_ start: xmlNodePtr?) {
        var node = start
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                switch LibXMLNode.name(current) {
                case "p":
                    let text = TextNormalizer.normalize(Self.text(current))
                    if !text.isEmpty { paragraphs.append(text) }
                case "tbl":
                    table(current)
                default:
                    walk(current.pointee.children)
                }
            }
            node = current.pointee.next
        }
    }

    /// The text of runs below a node (`w:t`; tabs and breaks as spaces), skipping nested tables.
    static func text(_ node: xmlNodePtr) -> String {
        var out = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                switch LibXMLNode.name(current) {
                case "t": out += LibXMLNode.text(current)
                case "tab", "br", "cr": out += " "
                case "tbl": break
                case "p": out += " " + text(current) + " "
                default: out += text(current)
                }
            }
            child = current.pointee.next
        }
        return out
    }

    private mutating func table(_ node: xmlNodePtr) {
        var grid: [[GridCell]] = []
        var nested: [xmlNodePtr] = []
        let rows = LibXMLNode.children(node, named: ["tr"])
        let cellsOfRows = rows.map { LibXMLNode.children($0, named: ["tc"]) }
        // A span covers at most as many columns as the fullest row has cells.
        let mostCells = max(1, cellsOfRows.map(\.count).max() ?? 1)
        guard rows.count * mostCells * 2 <= TableGridBuilder.maxGridPositions else {
            refusals.append("a table of \(rows.count) rows and \(mostCells) cells a row left out: too large")
            return
        }
        for rowCells in cellsOfRows {
            var cells: [GridCell] = []
            for cell in rowCells {
                let properties = LibXMLNode.children(cell, named: ["tcPr"]).first
                let span =
                    properties.flatMap { LibXMLNode.children($0, named: ["gridSpan"]).first }
                    .flatMap { LibXMLNode.localAttribute($0, "val") }.flatMap(Int.init) ?? 1
                let merge = properties.flatMap { LibXMLNode.children($0, named: ["vMerge"]).first }
                let continues = merge.map { LibXMLNode.localAttribute($0, "val") != "restart" } ?? false
                for inner in LibXMLNode.children(cell, named: ["tbl"]) { nested.append(inner) }
                let column = cells.count
                for offset in 0..<max(1, min(span, mostCells)) {
                    if continues, let above = grid.last, column + offset < above.count {
                        cells.append(GridCell(text: above[column + offset].text, isSpanCopy: true))
                    } else {
                        cells.append(GridCell(text: TextNormalizer.normalize(Self.text(cell)), isSpanCopy: offset > 0))
                    }
                }
            }
            grid.append(cells)
        }
        tables.append(Table(rows: grid))
        for inner in nested { table(inner) }
    }
}
