import CLibXML2
import Foundation

/// A parsed XML part of an .xlsx package, walked by local names (namespace prefixes ignored).
final class XMLTree {
    private let document: xmlDocPtr

    /// Parses `data`; nil when it is not XML.
    init?(_ data: Data) {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_HUGE.rawValue)
        let parsed = data.withUnsafeBytes { buffer in
            xmlReadMemory(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, "UTF-8", options)
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The root element.
    var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    /// An element's local name.
    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// An attribute's value by local name (`r:id` is found as `id`).
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if let attributeName = current.pointee.name, String(cString: attributeName) == name {
                guard let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) else { return "" }
                defer { free(value) }
                return String(cString: value)
            }
            property = current.pointee.next
        }
        return nil
    }

    /// Element children named `name`, in order.
    static func children(_ node: xmlNodePtr, _ name: String) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, Self.name(current) == name { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// The text of an element.
    static func text(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { free(content) }
        return String(cString: content)
    }

    /// The text of a shared or inline string (`si`, `is`): its `t` and its runs' `t`, without phonetic guides.
    static func stringItem(_ node: xmlNodePtr) -> String {
        (children(node, "t") + children(node, "r").flatMap { children($0, "t") }).map(text).joined()
    }
}
