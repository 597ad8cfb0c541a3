import CLibXML2
import Foundation

/// What an HTML page reads into.
struct HTMLPage {
    var title: String?
    var paragraphs: [String]
    var tables: [Table]
    var links: [Link]
    /// Whether the page nests elements deeper than `HTMLPageBuilder.deepestElement` and was read only up to there.
    var isCutShort: Bool
    /// What was left out for being too large, in plain words.
    var refusals: [String]
}

/// Reads an HTML page with libxml2's HTML parser into paragraphs, table grids and links.
enum HTMLReader {
    private static let parserReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses decoded HTML text. The text's own UTF-8 is handed to libxml2, told to ignore the page's charset
    /// labels: the bytes have already been decoded by `EncodingDetector`.
    static func read(_ text: String, readScripts: Bool = true) -> HTMLPage {
        _ = parserReady
        // libxml2 reads a NUL byte as the end of the page: everything after one would be lost.
        var text = text.isEmpty ? " " : text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: " ") : text
        var builder = HTMLPageBuilder()
        text.withUTF8 { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                parse($0, count: buffer.count, into: &builder)
            }
        }
        builder.finish()
        var page = HTMLPage(
            title: builder.title, paragraphs: builder.paragraphs, tables: builder.tables,
            links: builder.links, isCutShort: builder.isCutShort, refusals: builder.refusals)
        // Some sites render the report body from a JavaScript string: read the HTML inside such strings too.
        if readScripts {
            for markup in builder.scripts.flatMap(ScriptStrings.htmlLiterals) {
                let inner = read(markup, readScripts: false)
                page.paragraphs += inner.paragraphs
                page.tables += inner.tables
                page.links += inner.links
                page.isCutShort = page.isCutShort || inner.isCutShort
                page.refusals += inner.refusals
            }
        }
        return page
    }

    /// Runs the parser over UTF-8 bytes as `htmlReadMemory` would, its events going to `builder` instead of a tree.
    private static func parse(_ bytes: UnsafePointer<CChar>, count: Int, into builder: inout HTMLPageBuilder) {
        guard let context = htmlCreateMemoryParserCtxt(bytes, Int32(count)) else { return }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        htmlCtxtUseOptions(context, options)
        if let utf8 = xmlFindCharEncodingHandler("UTF-8") { xmlSwitchToEncoding(context, utf8) }
        if let input = context.pointee.input, input.pointee.encoding == nil {
            input.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8"))
        }
        context.pointee.sax.pointee = HTMLPageBuilder.handler()
        builder.parser = context
        withUnsafeMutablePointer(to: &builder) { pointer in
            context.pointee.userData = UnsafeMutableRawPointer(pointer)
            _ = htmlParseDocument(context)
        }
        builder.parser = nil
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
    }
}
