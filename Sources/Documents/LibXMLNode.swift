import CLibXML2
import Foundation

/// Small readers over libxml2 nodes. Names are compared as C strings and texts gathered as UTF-8 bytes, so that
/// walking a page makes no Swift string per node.
enum LibXMLNode {
    /// The element's local name (libxml2's HTML parser already lower-cases HTML names; XML names keep their case).
    static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// Whether the node's name is `name`, compared as C strings.
    static func isNamed(_ node: xmlNodePtr, _ name: StaticString) -> Bool {
        guard let own = node.pointee.name else { return false }
        return name.withUTF8Buffer { expected in
            expected.withMemoryRebound(to: CChar.self) { strcmp(UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self), $0.baseAddress!) == 0 }
        }
    }

    /// An attribute's value, or nil.
    static func attribute(_ node: xmlNodePtr, _ attribute: String) -> String? {
        guard node.pointee.properties != nil else { return nil }  // most elements have no attributes
        let value = attribute.withCString {
            xmlGetProp(node, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))
        }
        guard let value else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    /// An attribute's value by local name, whatever its namespace prefix (`w:val` is found as `val`).
    static func localAttribute(_ node: xmlNodePtr, _ name: String) -> String? {
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

    /// The text below a node, skipping nested tables when `skipTables` is set; block boundaries become spaces.
    static func text(_ node: xmlNodePtr, skipTables: Bool = false) -> String {
        String(decoding: textBytes(node, skipTables: skipTables), as: UTF8.self)
    }

    /// `text(_:skipTables:)` as UTF-8 bytes.
    static func textBytes(_ node: xmlNodePtr, skipTables: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        appendText(node, to: &out, skipTables: skipTables)
        return out
    }

    /// Appends `text(_:skipTables:)`'s UTF-8 bytes to `out` (a buffer reused from node to node).
    static func appendText(_ node: xmlNodePtr, to out: inout [UInt8], skipTables: Bool = false) {
        append(node.pointee.children, to: &out, skipTables: skipTables)
    }

    /// Appends a text node's content to `out`.
    static func appendContent(_ node: xmlNodePtr, to out: inout [UInt8]) {
        guard let content = node.pointee.content else { return }
        out.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
    }

    private static func append(_ start: xmlNodePtr?, to out: inout [UInt8], skipTables: Bool) {
        var node = start
        while let current = node {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                appendContent(current, to: &out)
            case XML_ELEMENT_NODE:
                if isNamed(current, "script") || isNamed(current, "style") || (skipTables && isNamed(current, "table")) { break }
                // Block elements inside a cell separate words; inline spans join ("自然</span><span>人").
                let isBreak = isNamed(current, "br") || isNamed(current, "p") || isNamed(current, "div")
                if isBreak { out.append(0x20) }
                append(current.pointee.children, to: &out, skipTables: skipTables)
                if isBreak { out.append(0x20) }
            default:
                break
            }
            node = current.pointee.next
        }
    }

    /// Element children of a node with one of `names`, in order.
    static func children(_ node: xmlNodePtr, named names: Set<String>) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE && names.contains(name(current)) { result.append(current) }
            child = current.pointee.next
        }
        return result
    }
}
