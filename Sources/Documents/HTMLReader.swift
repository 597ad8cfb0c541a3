import CLibXML2
import Foundation

/// Reads an HTML page with libxml2 into paragraphs, table grids and links.
enum HTMLReader {
    private static let parserReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses decoded HTML text. The text's own UTF-8 is handed to libxml2, told to ignore the page's charset
    /// labels: the bytes have already been decoded by `EncodingDetector`.
    static func read(_ text: String, readScripts: Bool = true) -> (title: String?, paragraphs: [String], tables: [Table], links: [Link]) {
        _ = parserReady
        var text = text.isEmpty ? " " : text
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let parsed = text.withUTF8 { buffer in
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
    /// The UTF-8 text of the paragraph being read.
    private var buffer: [UInt8] = []

    /// What an element means to the walk; each element's name is looked up once.
    private enum Role {
        case title, head, script, table, link
        /// Left out with its text: style, noscript, template, select, option.
        case skipped
        /// Site-template parts around the report by name: nav, header, footer, aside, menu.
        case chrome
        /// body and html: blocks that are never site template.
        case root
        /// Elements that end a paragraph.
        case block
        /// Everything else: its text runs on.
        case inline
    }

    private static let roles: [String: Role] = {
        var roles: [String: Role] = ["title": .title, "head": .head, "script": .script, "table": .table, "a": .link,
                                     "body": .root, "html": .root]
        for name in ["style", "noscript", "template", "select", "option"] { roles[name] = .skipped }
        for name in ["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
                     "blockquote", "pre", "dd", "dt", "dl", "hr", "center", "form", "main"] { roles[name] = .block }
        for name in ["nav", "header", "footer", "aside", "menu"] { roles[name] = .chrome }
        return roles
    }()

    private static let chromeWords: Set<String> = ["nav", "menu", "footer", "header", "breadcrumb", "crumb", "sidebar",
                                                   "topbar", "daohang", "dh", "bottom", "share", "copyright"]
    /// How many site-template elements enclose the current node.
    private var chromeDepth = 0

    mutating func flushParagraph() {
        if !buffer.isEmpty {
            let line = TextNormalizer.normalize(utf8: buffer)
            if !line.isEmpty && chromeDepth == 0 { paragraphs.append(line) }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Whether an element is part of the site template by its id or class (navigation, header, footer…).
    private static func isMarkedChrome(_ node: xmlNodePtr) -> Bool {
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
            LibXMLNode.appendContent(node, to: &buffer)
        case XML_ELEMENT_NODE:
            let role = Self.roles[LibXMLNode.name(node)] ?? .inline
            switch role {
            case .title:
                title = title ?? TextNormalizer.normalize(utf8: LibXMLNode.textBytes(node))
                return
            case .head:
                walk(node.pointee.children)  // only <title> is read from <head>
                buffer.removeAll(keepingCapacity: true)
                return
            case .script:
                let code = LibXMLNode.text(node)
                if code.includes("<table") || code.includes("<p") { scripts.append(code) }
                return
            case .skipped:
                return
            default:
                break
            }
            if role == .chrome || (role != .root && Self.isMarkedChrome(node)) {
                flushParagraph()
                chromeDepth += 1
                walk(node.pointee.children)
                flushParagraph()
                chromeDepth -= 1
                return
            }
            if role == .table {
                flushParagraph()
                if chromeDepth > 0 { walk(node.pointee.children); return }
                let grid = TableGridBuilder(table: node)
                tables.append(grid.table)
                for nested in grid.nestedTables { visit(nested) }
                return
            }
            if role == .link, let href = LibXMLNode.attribute(node, "href") {
                links.append(Link(title: TextNormalizer.normalize(utf8: LibXMLNode.textBytes(node)), href: href))
            }
            let isBlock = role == .block || role == .root
            if isBlock { flushParagraph() }
            walk(node.pointee.children)
            if isBlock { flushParagraph() }
        default:
            return
        }
    }
}
