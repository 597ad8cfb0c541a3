import CLibXML2
import Foundation

/// Reads an HTML page with libxml2's HTML parser into paragraphs, table grids and links.
enum HTMLReader {
    private static let parserReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses decoded HTML text. The text's own UTF-8 is handed to libxml2, told to ignore the page's charset
    /// labels: the bytes have already been decoded by `EncodingDetector`.
    static func read(_ text: String, readScripts: Bool = true)
        -> (title: String?, paragraphs: [String], tables: [Table], links: [Link], isCutShort: Bool) {
        _ = parserReady
        var text = text.isEmpty ? " " : text
        var page = HTMLPageBuilder()
        text.withUTF8 { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { parse($0, count: buffer.count, into: &page) }
        }
        page.finish()
        var result = (page.title, page.paragraphs, page.tables, page.links, page.isCutShort)
        // Some sites render the report body from a JavaScript string: read the HTML inside such strings too.
        if readScripts {
            for markup in page.scripts.flatMap(ScriptStrings.htmlLiterals) {
                let inner = read(markup, readScripts: false)
                result.1 += inner.paragraphs
                result.2 += inner.tables
                result.3 += inner.links
                result.4 = result.4 || inner.isCutShort
            }
        }
        return result
    }

    /// Runs the parser over UTF-8 bytes as `htmlReadMemory` would, its events going to `page` instead of a tree.
    private static func parse(_ bytes: UnsafePointer<CChar>, count: Int, into page: inout HTMLPageBuilder) {
        guard let context = htmlCreateMemoryParserCtxt(bytes, Int32(count)) else { return }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        htmlCtxtUseOptions(context, options)
        if let utf8 = xmlFindCharEncodingHandler("UTF-8") { xmlSwitchToEncoding(context, utf8) }
        if let input = context.pointee.input, input.pointee.encoding == nil {
            input.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8"))
        }
        context.pointee.sax.pointee = HTMLPageBuilder.handler()
        page.parser = context
        withUnsafeMutablePointer(to: &page) { builder in
            context.pointee.userData = UnsafeMutableRawPointer(builder)
            _ = htmlParseDocument(context)
        }
        page.parser = nil
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
    }
}
