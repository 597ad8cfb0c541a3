import CLibXML2
import Foundation
import ReportModel

/// Builds a page's parts from libxml2's SAX events, in document order: paragraphs outside tables, table grids
/// (a nested table after the one that holds it), links (those in table cells too), the title, and scripts that
/// carry markup. No tree is
/// built: building and freeing one had cost libxml2 three times its parse.
struct HTMLPageBuilder {
    private(set) var title: String?
    private(set) var paragraphs: [String] = []
    private(set) var tables: [Table] = []
    private(set) var links: [Link] = []
    /// Script texts that carry markup (a body rendered from a JavaScript string).
    private(set) var scripts: [String] = []
    /// Whether the page nests elements deeper than `deepestElement` and was read only up to there.
    private(set) var isCutShort = false
    /// What was left out for being too large (a table's grid, cells past the page's cap), in plain words.
    private(set) var refusals: [String] = []
    /// Cells read so far across the page's tables.
    private var cellCount = 0

    /// The most table cells a page may have; later cells are left out (a report page has a few hundred).
    static let maxCells = 200_000
    /// The parser feeding this builder, stopped when the page nests too deep.
    var parser: htmlParserCtxtPtr?

    /// How deep an element may be (html at 1). libxml2 builds trees no deeper and stops reading at the first
    /// element below: a page is read as far as it always was, and hostile depths never reach the work per element.
    static let deepestElement = 257

    /// How an open element's children are read.
    private enum Reading {
        /// The page: text joins the paragraph, elements are read by their tag.
        case page
        /// Nothing below counts for the page (a title's or script's inside, style, select…, table parts that are
        /// neither rows nor cells).
        case ignored
        /// A table, thead, tbody or tfoot: rows are looked for.
        case rows
        /// A row: cells are looked for.
        case cells
        /// A cell: its text is captured; only tables below are read as page parts.
        case cell
    }

    /// What an element's end completes.
    private enum Closing {
        case nothing, block, chrome, head, title, script
        case link(index: Int)
        case table(index: Int)
        case cell(rowSpan: Int, columnSpan: Int)
    }

    private struct OpenElement {
        let tag: HTMLTag
        let inside: Reading
        let closing: Closing
    }

    private var open: [OpenElement] = []
    /// Texts being gathered for open titles, scripts, links and cells, innermost last: the first `openCaptures`;
    /// the others keep their storage for the next ones.
    private var captures: [HTMLTextCapture] = []
    private var openCaptures = 0
    /// Open tables being read as grids, innermost last.
    private var openTables: [TableGridBuilder] = []
    /// The UTF-8 text of the paragraph being read.
    private var paragraph: [UInt8] = []
    /// How many site-template elements enclose the current one.
    private var chromeDepth = 0
    /// Tags by the parser's name pointers (its names are interned for the page), so that most elements make no
    /// Swift string.
    private var tagsByName: [(name: UnsafePointer<xmlChar>, tag: HTMLTag)] = []

    private static let chromeWords: Set<String> = [
        "nav", "menu", "footer", "header", "breadcrumb", "crumb", "sidebar",
        "topbar", "daohang", "dh", "bottom", "share", "copyright",
    ]

    /// The SAX callbacks that feed a builder whose address is the parser's user data.
    static func handler() -> htmlSAXHandler {
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            context.assumingMemoryBound(to: HTMLPageBuilder.self).pointee.start(name, attributes)
        }
        handler.endElement = { context, _ in
            context?.assumingMemoryBound(to: HTMLPageBuilder.self).pointee.end()
        }
        let text: charactersSAXFunc = { context, text, length in
            guard let context, let text, length > 0 else { return }
            context.assumingMemoryBound(to: HTMLPageBuilder.self).pointee.text(
                UnsafeBufferPointer(start: text, count: Int(length)))
        }
        handler.characters = text
        handler.cdataBlock = text
        return handler
    }

    /// Ends the last paragraph (libxml2 ends every element it started, even when stopped).
    mutating func finish() {
        flushParagraph()
    }

    private mutating func start(
        _ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard open.count < Self.deepestElement else {
            isCutShort = true
            if let parser { xmlStopParser(parser) }
            return
        }
        let tag = tag(named: name)
        for index in 0..<openCaptures { captures[index].enter(tag) }
        let element: OpenElement
        switch open.last?.inside ?? .page {
        case .page:
            element = visit(tag, attributes)
        case .ignored:
            element = OpenElement(tag: tag, inside: .ignored, closing: .nothing)
        case .rows:
            if tag == .cell {
                // A cell written straight into the table, as hand-made pages have them: libxml2 adds no <tr>.
                openTables[openTables.count - 1].continueStrayRow()
                element = openCell(attributes)
            } else {
                if tag == .row { openTables[openTables.count - 1].startRow() }
                element = OpenElement(
                    tag: tag, inside: tag == .row ? .cells : tag == .rowGroup ? .rows : .ignored,
                    closing: .nothing)
            }
        case .cells:
            element = tag == .cell ? openCell(attributes) : OpenElement(tag: tag, inside: .ignored, closing: .nothing)
        case .cell:
            if tag == .table {
                element = visit(tag, attributes)
            } else if tag == .link, let href = Self.attribute("href", in: attributes) {
                element = openLink(href, inside: .cell)  // listing pages often lay their links out in a table
            } else {
                element = OpenElement(tag: tag, inside: .cell, closing: .nothing)
            }
        }
        open.append(element)
    }

    /// A table cell, its text captured until it closes.
    private mutating func openCell(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> OpenElement {
        openCapture(skipsTables: true)
        return OpenElement(
            tag: .cell, inside: .cell,
            closing: .cell(
                rowSpan: TableGridBuilder.span(Self.attribute("rowspan", in: attributes)),
                columnSpan: TableGridBuilder.span(Self.attribute("colspan", in: attributes))))
    }

    /// An element read as part of the page.
    private mutating func visit(_ tag: HTMLTag, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?)
        -> OpenElement
    {
        switch tag {
        case .title:
            guard title == nil else { return OpenElement(tag: tag, inside: .ignored, closing: .nothing) }
            openCapture(skipsTables: false)
            return OpenElement(tag: tag, inside: .ignored, closing: .title)
        case .head:
            return OpenElement(tag: tag, inside: .page, closing: .head)  // only <title> is read from <head>
        case .script:
            openCapture(skipsTables: false)
            return OpenElement(tag: tag, inside: .ignored, closing: .script)
        case .style, .skipped:
            return OpenElement(tag: tag, inside: .ignored, closing: .nothing)
        default:
            break
        }
        if tag == .chrome || (tag != .root && Self.isMarkedChrome(attributes)) {
            flushParagraph()
            chromeDepth += 1
            return OpenElement(tag: tag, inside: .page, closing: .chrome)
        }
        switch tag {
        case .table:
            flushParagraph()
            if chromeDepth > 0 { return OpenElement(tag: tag, inside: .page, closing: .nothing) }
            tables.append(Table(rows: []))  // its place, before the tables it holds
            openTables.append(TableGridBuilder())
            return OpenElement(tag: tag, inside: .rows, closing: .table(index: tables.count - 1))
        case .link:
            guard let href = Self.attribute("href", in: attributes) else { break }
            return openLink(href, inside: .page)
        case .root, .block, .breaking:
            flushParagraph()
            return OpenElement(tag: tag, inside: .page, closing: .block)
        default:
            break
        }
        return OpenElement(tag: tag, inside: .page, closing: .nothing)
    }

    /// A link, its place kept before the links inside it; its text is captured until it ends.
    private mutating func openLink(_ href: String, inside: Reading) -> OpenElement {
        links.append(Link(title: "", href: href))
        openCapture(skipsTables: false)
        return OpenElement(tag: .link, inside: inside, closing: .link(index: links.count - 1))
    }

    private mutating func end() {
        guard let element = open.popLast() else { return }
        switch element.closing {
        case .nothing:
            break
        case .block:
            flushParagraph()
        case .chrome:
            flushParagraph()
            chromeDepth -= 1
        case .head:
            paragraph.removeAll(keepingCapacity: true)
        case .title:
            let text = TextNormalizer.normalize(utf8: closeCapture())
            title = title ?? text
        case .script:
            let code = String(decoding: closeCapture(), as: UTF8.self)
            if code.includes("<table") || code.includes("<p") { scripts.append(code) }
        case .link(let index):
            links[index] = Link(title: TextNormalizer.normalize(utf8: closeCapture()), href: links[index].href)
        case .table(let index):
            if let table = openTables.removeLast().table {
                tables[index] = table
            } else {
                refusals.append(
                    "table \(index + 1) left out: its spans make a grid of more than "
                        + "\(TableGridBuilder.maxGridPositions) positions")
            }
        case .cell(let rowSpan, let columnSpan):
            let text = TextNormalizer.normalize(utf8: closeCapture())
            cellCount += 1
            if cellCount <= Self.maxCells {
                openTables[openTables.count - 1].add(
                    TableGridBuilder.Cell(text: text, rowSpan: rowSpan, columnSpan: columnSpan))
            } else if cellCount == Self.maxCells + 1 {
                refusals.append("cells after the first \(Self.maxCells) left out")
            }
        }
        for index in 0..<openCaptures { captures[index].leave(element.tag) }
    }

    private mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        if case .page = open.last?.inside ?? .page { paragraph.append(contentsOf: text) }
        for index in 0..<openCaptures { captures[index].append(text) }
    }

    private mutating func openCapture(skipsTables: Bool) {
        if openCaptures == captures.count {
            captures.append(HTMLTextCapture(skipsTables: skipsTables))
        } else {
            captures[openCaptures].restart(skipsTables: skipsTables)
        }
        openCaptures += 1
    }

    /// The innermost capture's text, as it ends.
    private mutating func closeCapture() -> [UInt8] {
        openCaptures -= 1
        return captures[openCaptures].bytes
    }

    private mutating func flushParagraph() {
        guard !paragraph.isEmpty else { return }
        let line = TextNormalizer.normalize(utf8: paragraph)
        if !line.isEmpty && chromeDepth == 0 { paragraphs.append(line) }
        paragraph.removeAll(keepingCapacity: true)
    }

    private mutating func tag(named name: UnsafePointer<xmlChar>) -> HTMLTag {
        if let known = tagsByName.first(where: { $0.name == name }) { return known.tag }
        let tag = HTMLTag(name: String(cString: name))
        if tagsByName.count < 64 { tagsByName.append((name, tag)) }  // a page of made-up names is not remembered
        return tag
    }

    /// An attribute's value from the parser's name/value list ("" when written without one), or nil.
    private static func attribute(_ name: StaticString, in attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?)
        -> String?
    {
        guard var pair = attributes else { return nil }
        while let attributeName = pair[0] {
            let matches = name.withUTF8Buffer { expected in
                expected.withMemoryRebound(to: CChar.self) {
                    strcmp(UnsafeRawPointer(attributeName).assumingMemoryBound(to: CChar.self), $0.baseAddress!) == 0
                }
            }
            if matches { return pair[1].map { String(cString: $0) } ?? "" }
            pair += 2
        }
        return nil
    }

    /// Whether an element is part of the site template by its id or class (navigation, header, footer…).
    private static func isMarkedChrome(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        guard attributes != nil else { return false }
        let marks = [attribute("class", in: attributes), attribute("id", in: attributes)].compactMap {
            $0?.lowercased()
        }
        return marks.contains { mark in
            mark.split(whereSeparator: { !$0.isLetter }).contains { word in chromeWords.contains(String(word)) }
        }
    }
}
