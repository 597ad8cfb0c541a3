import CLibXML2
import Documents
import Foundation

/// A parsed XML part of an .xlsx package, walked by local names (namespace prefixes ignored).
final class XMLTree {
    private let document: xmlDocPtr

    /// Parses `data`; nil when it is not XML.
    init?(_ data: Data) {
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_HUGE.rawValue)
        let parsed = data.withUnsafeBytes { buffer in
            xmlReadMemory(
                buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, "UTF-8", options)
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The root element.
    var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    /// The text of a shared or inline string (`si`, `is`): its `t` and its runs' `t`, without phonetic guides.
    static func stringItem(_ node: xmlNodePtr) -> String {
        (LibXMLNode.children(node, named: ["t"])
            + LibXMLNode.children(node, named: ["r"]).flatMap { LibXMLNode.children($0, named: ["t"]) })
            .map(LibXMLNode.text).joined()
    }
}
