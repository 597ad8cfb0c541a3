import CLibXML2
import Foundation

/// Reads an HTML page with libxml2 into paragraphs, table grids and links.
enum HTMLReader {
    private static let parserReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// Turns every `charset` (any case) in the first 8 KB into `charsex`, so libxml2 keeps the UTF-8 it is given
    /// instead of switching to a (possibly wrong) declared encoding.
    static func neutraliseCharsetLabels(_ bytes: inout [UInt8]) {
        let word = Array("charset".utf8)
        let limit = min(bytes.count, 8192)
        var index = 0
        while index + word.count <= limit {
            var matches = true
            for offset in 0..<word.count where bytes[index + offset] | 0x20 != word[offset] {
                matches = false
                break
            }
            if matches { bytes[index + word.count - 1] = UInt8(ascii: "x") }
            index += 1
        }
    }

    /// Parses decoded HTML text. The text is handed to libxml2 as UTF-8 with charset labels neutralised,
    /// because the bytes have already been decoded by `EncodingDetector`.
    static func read(_ text: String, readScripts: Bool = true) -> (title: String?, paragraphs: [String], tables: [Table], links: [Link]) {
        _ = parserReady
        var bytes = Array(text.utf8)
        neutraliseCharsetLabels(&bytes)
        if bytes.isEmpty { bytes = [0x20] }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let parsed else { return (nil, [], [], []) }
        defer { xmlFreeDoc(parsed) }
        var walker = HTMLWalker()
        walker.walk(xmlDocGetRootElement(parsed))
        walker.flushParagraph()
        var result = (walker.title, walker.paragraphs, walker.tables, walker.links)
        // Some sites render the report body from a JavaScript string: read the HTML inside such strings too.
        if readScripts {
            for markup in walker.scripts.flatMap(ScriptStrings.htmlLiterals) {
                let inner = read(markup, readScripts: false)
                result.1 += inner.paragraphs
                result.2 += inner.tables
                result.3 += inner.links
            }
        }
        return result
    }
}

/// Depth-first walk of a libxml2 tree collecting the report's parts in document order.
struct HTMLWalker {
    var title: String?
    var paragraphs: [String] = []
    var tables: [Table] = []
    var links: [Link] = []
    /// Script texts that carry markup (a body rendered from a JavaScript string).
    var scripts: [String] = []
    private var buffer = ""

    private static let skipped: Set<String> = ["script", "style", "noscript", "template", "head", "select", "option"]
    /// Site-template parts around the report: their text is not the report's (their links are still kept).
    private static let chromeElements: Set<String> = ["nav", "header", "footer", "aside", "menu"]
    private static let chromeWords = ["nav", "menu", "footer", "header", "breadcrumb", "crumb", "sidebar", "topbar",
                                      "daohang", "dh", "bottom", "share", "copyright"]
    /// How many site-template elements enclose the current node.
    private var chromeDepth = 0
    private static let blocks: Set<String> = [
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
        "footer", "nav", "blockquote", "pre", "dd", "dt", "dl", "hr", "center", "form", "body", "html", "main",
    ]

    mutating func flushParagraph() {
        let line = TextNormalizer.normalize(buffer)
        if !line.isEmpty && chromeDepth == 0 { paragraphs.append(line) }
        buffer = ""
    }

    /// Whether an element is part of the site template (navigation, header, footer…), by name, id or class.
    private static func isChrome(_ node: xmlNodePtr, name: String) -> Bool {
        if chromeElements.contains(name) { return true }
        guard node.pointee.properties != nil else { return false }
        let marks = [LibXMLNode.attribute(node, "class"), LibXMLNode.attribute(node, "id")].compactMap { $0?.lowercased() }
        return marks.contains { mark in
            mark.split(whereSeparator: { !$0.isLetter }).contains { word in chromeWords.contains(String(word)) }
        }
    }

    mutating func walk(_ start: xmlNodePtr?) {
        var node = start
        while let current = node {
            visit(current)
            node = current.pointee.next
        }
    }

    private mutating func visit(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { buffer += String(cString: content) }
        case XML_ELEMENT_NODE:
            let name = LibXMLNode.name(node)
            if name == "title" {
                title = title ?? TextNormalizer.normalize(LibXMLNode.text(node))
                return
            }
            if name == "head" {
                walk(node.pointee.children)  // only <title> is read from <head>
                buffer = ""
                return
            }
            if name == "script" {
                let code = LibXMLNode.text(node)
                if code.contains("<table") || code.contains("<p") { scripts.append(code) }
                return
            }
            if Self.skipped.contains(name) { return }
            let chrome = name != "body" && name != "html" && Self.isChrome(node, name: name)
            if chrome {
                flushParagraph()
                chromeDepth += 1
                walk(node.pointee.children)
                flushParagraph()
                chromeDepth -= 1
                return
            }
            if name == "table" {
                flushParagraph()
                if chromeDepth > 0 { walk(node.pointee.children); return }
                let grid = TableGridBuilder(table: node)
                tables.append(grid.table)
                for nested in grid.nestedTables { visit(nested) }
                return
            }
            if name == "a", let href = LibXMLNode.attribute(node, "href") {
                links.append(Link(title: TextNormalizer.normalize(LibXMLNode.text(node)), href: href))
            }
            let isBlock = Self.blocks.contains(name)
            if isBlock { flushParagraph() }
            walk(node.pointee.children)
            if isBlock { flushParagraph() }
        default:
            return
        }
    }
}
